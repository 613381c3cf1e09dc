import { sql } from 'drizzle-orm';
import { systemActor } from '../platform/access/actor.js';
import type { Clock } from '../platform/clock.js';
import { counties } from '../platform/db/counties.js';
import { rows, type Db } from '../platform/db/database.js';
import { write } from '../platform/service.js';
import { pinyinKey, personPinyinKey } from '../platform/text/pinyin.js';
import { hashPassword } from '../modules/accounts/passwords.js';
import { users } from '../modules/accounts/schema.js';
import { admissionSteps } from '../modules/members/admission/schema.js';
import { memberships } from '../modules/members/schema.js';
import { memberTransfers } from '../modules/members/transfers/schema.js';
import { adminUnitKind, childPath } from '../modules/organizations/rules.js';
import { adminUnits, organizations, orgEvents } from '../modules/organizations/schema.js';
import { people, posts } from '../modules/people/schema.js';
import type { DemoCounty, DemoMembership } from './generate.js';
import { insertRows } from './insert.js';
import { loadOrganizationalLife } from './load-life.js';
import { loadContactWithTheMasses } from './load-masses.js';
import { loadDemoPetitions } from './petitions-load.js';
import { loadAssessments } from './load-assessments.js';
import { loadCommitments } from './load-commitments.js';
import { loadWeakLax } from './load-weak-lax.js';
import { demoRecords } from './records.js';

export async function loadDemoCounty(db: Db, clock: Clock, demo: DemoCounty): Promise<{ countyId: string }> {
  const countyId = crypto.randomUUID();
  const root = demo.orgs.find((o) => o.parentCode === null)!;
  const actor = systemActor(countyId, { id: countyId, path: '', name: root.name }, 'cli:demo');
  const passwordHashes = new Map<string, string>();
  for (const account of demo.accounts) passwordHashes.set(account.username, await hashPassword(account.password));

  await write({ db, clock, actor }, async (w) => {
    await w.tx.insert(counties).values({ id: countyId, code: demo.code, name: demo.name });
    const seqs = await rows<{ seq: number }>(w.tx, sql`select nextval(pg_get_serial_sequence('organizations', 'seq'))::int as seq from generate_series(1, ${demo.orgs.length})`);
    const orgRows = new Map<string, typeof organizations.$inferInsert & { id: string; path: string; depth: number }>();
    demo.orgs.forEach((o, i) => {
      const parent = o.parentCode === null ? undefined : orgRows.get(o.parentCode);
      if (o.parentCode !== null && !parent) throw new Error(`demo org ${o.code} comes before its parent ${o.parentCode}`);
      const seq = seqs[i]!.seq;
      orgRows.set(o.code, {
        countyId, id: crypto.randomUUID(), seq, code: o.code, name: o.name, pinyin: pinyinKey(o.name), type: o.type,
        unitType: o.unitType, divisionCode: o.divisionCode, parentId: parent?.id ?? null,
        path: childPath(parent?.path ?? '', seq), depth: parent ? parent.depth + 1 : 0, establishedOn: o.establishedOn,
      });
    });
    const orgList = [...orgRows.values()];
    await insertRows(w.tx, organizations, orgList);
    await insertRows(w.tx, orgEvents, demo.orgs.map((o) => ({
      countyId, orgId: orgRows.get(o.code)!.id, kind: 'created' as const, effectiveOn: o.establishedOn,
      details: { code: o.code, name: o.name, type: o.type, parentCode: o.parentCode },
    })));

    const unitIds = new Map<string, string>();
    const units = demo.orgs.filter((o) => o.adminUnit && adminUnitKind(o.unitType)).map((o) => {
      const org = orgRows.get(o.code)!;
      const id = crypto.randomUUID();
      unitIds.set(o.code, id);
      return { o, org, id };
    });
    const demoOrgs = new Map(demo.orgs.map((o) => [o.code, o]));
    const nearestUnit = (code: string | null): string | null => {
      for (let c = code; c !== null; c = demoOrgs.get(c)?.parentCode ?? null) {
        if (unitIds.has(c)) return unitIds.get(c)!;
      }
      return null;
    };
    await insertRows(w.tx, adminUnits, units.map(({ o, org, id }) => ({
      countyId, id, kind: o.adminUnit!.kind, name: o.adminUnit!.name, divisionCode: o.divisionCode,
      parentId: nearestUnit(o.parentCode), orgId: org.id, orgPath: org.path,
    })));
    // Villager groups have no organization of their own: the village's organization leads them.
    const groups = units.flatMap(({ o, org, id }) => (o.adminUnit!.villagerGroups ?? []).map((name) => ({
      countyId, kind: 'villager_group', name, parentId: id, orgId: org.id, orgPath: org.path,
    })));
    await insertRows(w.tx, adminUnits, groups);

    const personIds = new Map<string, string>();
    const peopleRows = demo.people.map((p) => {
      const org = orgRows.get(p.orgCode)!;
      const id = crypto.randomUUID();
      personIds.set(p.key, id);
      return {
        countyId, id, name: p.name, pinyin: personPinyinKey(p.name), gender: p.gender, ethnicity: p.ethnicity,
        birthDate: p.birthDate, idNumber: p.idNumber, phone: p.phone, education: p.education, occupation: p.occupation,
        address: p.address, orgId: org.id, orgPath: org.path,
      };
    });
    await insertRows(w.tx, people, peopleRows);
    // Row ids are chosen here so that steps and transfers can name the relation they belong to.
    const openRows = new Map<string, string>();
    const endedRows = new Map<string, string>();
    const membershipRow = (personKey: string, orgCode: string, m: DemoMembership, endedOn?: string) => {
      const org = orgRows.get(orgCode)!;
      const id = crypto.randomUUID();
      if (endedOn) endedRows.set(`${personKey}|${orgCode}|${endedOn}`, id);
      else openRows.set(personKey, id);
      return { countyId, id, personId: personIds.get(personKey)!, orgId: org.id, orgPath: org.path, ...m };
    };
    const membershipRows = demo.people.flatMap((p) => [
      ...p.endedMemberships.map(({ orgCode, ...m }) => membershipRow(p.key, orgCode, m, m.endedOn)),
      ...(p.membership ? [membershipRow(p.key, p.orgCode, p.membership)] : []),
    ]);
    await insertRows(w.tx, memberships, membershipRows);
    const records = demoRecords(demo, demo.asOf);
    const personOrg = new Map(demo.people.map((p) => [p.key, orgRows.get(p.orgCode)!]));
    await insertRows(w.tx, admissionSteps, records.steps.map((s) => {
      const org = personOrg.get(s.personKey)!;
      return {
        countyId, personId: personIds.get(s.personKey)!, membershipId: openRows.get(s.personKey)!, orgId: org.id, orgPath: org.path,
        step: s.step, doneOn: s.doneOn, approvingOrgId: s.approvingOrgCode ? orgRows.get(s.approvingOrgCode)!.id : null,
        approver: s.approver, detail: s.detail as Record<string, unknown> | null,
      };
    }));
    await insertRows(w.tx, memberTransfers, records.transfers.map((t) => {
      const from = orgRows.get(t.fromOrgCode)!;
      return {
        countyId, personId: personIds.get(t.personKey)!, kind: 'within', orgId: from.id, orgPath: from.path,
        membershipId: t.decidedOn ? endedRows.get(`${t.personKey}|${t.fromOrgCode}|${t.decidedOn}`)! : openRows.get(t.personKey)!,
        toOrgId: orgRows.get(t.toOrgCode)!.id, state: t.state, sentOn: t.sentOn, decidedOn: t.decidedOn, letterNo: t.letterNo,
      };
    }));
    await insertRows(w.tx, posts, demo.posts.map((p) => {
      const org = orgRows.get(p.orgCode)!;
      return { countyId, personId: personIds.get(p.personKey)!, orgId: org.id, orgPath: org.path, role: p.role, title: p.title, startedOn: p.startedOn };
    }));
    const life = await loadOrganizationalLife(w, demo, { countyId, orgRows, personIds });
    await w.tx.insert(users).values(demo.accounts.map((a) => ({
      countyId, username: a.username, passwordHash: passwordHashes.get(a.username)!, personId: personIds.get(a.personKey)!,
    })));
    const masses = await loadContactWithTheMasses(w, demo, { countyId, orgRows, personIds });
    const petitionCount = await loadDemoPetitions(w, demo, { countyId, orgRows, personIds });
    // Assessments before screening: last year's low grades are what the screening's indicator reads.
    const assessments = await loadAssessments(w, demo, { countyId, orgRows, personIds });
    const weakLax = await loadWeakLax(w, demo, { countyId, orgRows, personIds });
    const commitmentCounts = await loadCommitments(w, demo, { countyId, orgRows, personIds });

    const rootPath = orgRows.get(root.code)!.path;
    const loaded = {
      organizations: orgList.length, adminUnits: units.length + groups.length, people: peopleRows.length, memberships: membershipRows.length,
      admissionSteps: records.steps.length, transfers: records.transfers.length, posts: demo.posts.length, users: demo.accounts.length,
      ...life, ...masses, petitions: petitionCount, ...assessments, ...weakLax, ...commitmentCounts,
    };
    w.audit({ action: 'demo.load', entityType: 'county', entityId: countyId, entityLabel: `${demo.name}（${demo.code}）`, orgPath: rootPath, after: { code: demo.code, name: demo.name, ...loaded } });
  });
  // The embedded engine has no autovacuum to gather statistics; without them the planner
  // picks nested loops that make the home page twice as slow after a bulk load.
  await db.execute(sql`analyze`);
  return { countyId };
}
