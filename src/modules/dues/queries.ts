/**
 * Reading dues: who may (amounts are personal: 'person.read' over the branch), the county's settings,
 * the members a branch collects from in a period, and how far each member is behind.
 */
import { and, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { grantingPost, type ActorPost } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { forbidden, notFound } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/service.js';
import { memberships } from '../members/schema.js';
import type { CountySetting } from '../organizations/county-setting.js';
import { visibleOrg, type OrgRow } from '../organizations/queries.js';
import { people } from '../people/schema.js';
import { addMonthsTo, heldDuring, monthsBehind } from './rules.js';
import { duesBases, duesPayments, duesSettings } from './schema.js';

/** An organization whose dues the actor reads; anyone without 'person.read' over it is told it does not exist. */
export async function readableOrg(ctx: ServiceContext, code: string, db: Db = ctx.db): Promise<OrgRow> {
  const org = await visibleOrg(ctx, code, db);
  if (!grantingPost(ctx.actor, 'person.read', org.path)) throw notFound('org.not_found', { code });
  return org;
}

/** The post under which the actor manages the dues of `org`. */
export function duesPost(ctx: ServiceContext, org: OrgRow): ActorPost {
  const post = grantingPost(ctx.actor, 'dues.manage', org.path);
  if (!post) throw forbidden('dues.manage_forbidden', { org: org.name });
  return post;
}

export async function managedOrg(ctx: ServiceContext, code: string, db: Db = ctx.db): Promise<{ org: OrgRow; post: ActorPost }> {
  const org = await readableOrg(ctx, code, db);
  return { org, post: duesPost(ctx, org) };
}

export type Settings = { farmerFen: number; lowIncomeFen: number; backPaymentMonths: number };

/** The county's settings, or the national defaults (the table's) until the county sets its own. */
export async function settingsOf(db: Db, countyId: string): Promise<Settings> {
  const [row] = await db.select({ farmerFen: duesSettings.farmerFen, lowIncomeFen: duesSettings.lowIncomeFen, backPaymentMonths: duesSettings.backPaymentMonths })
    .from(duesSettings).where(eq(duesSettings.countyId, countyId));
  return row ?? { farmerFen: 20, lowIncomeFen: 20, backPaymentMonths: 6 };
}

/** Kept in its own table (its columns carry the national defaults), changed like every county setting. */
export const duesSetting: CountySetting<Settings> = {
  action: 'dues.settings',
  forbidden: 'dues.settings_forbidden',
  read: settingsOf,
  async store(tx, countyId, value, _userId, now) {
    await tx.insert(duesSettings).values({ countyId, ...value, updatedAt: now })
      .onConflictDoUpdate({ target: duesSettings.countyId, set: { ...value, updatedAt: now } });
  },
};

/** A member's relation with an organization as the dues see it: from admission or arrival, whichever is later. */
export interface Stay { personId: string; orgId: string; from: string | null; to: string | null }

const stayColumns = {
  personId: memberships.personId, orgId: memberships.orgId, category: memberships.category, startedOn: memberships.startedOn,
  joinedOn: memberships.joinedOn, fullOn: memberships.fullOn, endedOn: memberships.endedOn,
};
const paying = inArray(memberships.category, ['full', 'probationary']);

function stayOf(m: { personId: string; orgId: string; startedOn: string | null; joinedOn: string | null; fullOn: string | null; endedOn: string | null }): Stay {
  // Dues are owed from admission as a probationary member; an applicant's earlier relation owes nothing.
  const admitted = m.joinedOn ?? m.fullOn;
  const from = m.startedOn && admitted ? (m.startedOn > admitted ? m.startedOn : admitted) : m.startedOn ?? admitted;
  return { personId: m.personId, orgId: m.orgId, from, to: m.endedOn };
}

export interface BranchMember { id: string; name: string; category: string; stays: Stay[] }

/** Full and probationary members of `org` at any time between two days, by name; each with their stays there. */
export async function membersBetween(db: Db, org: OrgRow, from: string, to: string): Promise<BranchMember[]> {
  const found = await db.select({ ...stayColumns, name: people.name }).from(memberships)
    .innerJoin(people, and(eq(people.countyId, memberships.countyId), eq(people.id, memberships.personId)))
    .where(and(eq(memberships.countyId, org.countyId), eq(memberships.orgId, org.id), paying,
      sql`coalesce(${memberships.startedOn}, ${memberships.joinedOn}, ${memberships.fullOn}, date '0001-01-01') <= ${to}::date`,
      or(isNull(memberships.endedOn), gte(memberships.endedOn, from))))
    .orderBy(people.pinyin, people.name, people.id);
  const byPerson = new Map<string, BranchMember>();
  for (const m of found) {
    const stay = stayOf(m);
    // Admitted after the period: nothing owed in it.
    if (stay.from !== null && stay.from > to) continue;
    const member = byPerson.get(m.personId) ?? { id: m.personId, name: m.name, category: m.category, stays: [] };
    member.stays.push(stay);
    if (m.endedOn === null) member.category = m.category;
    byPerson.set(m.personId, member);
  }
  return [...byPerson.values()];
}

export const heldIn = (stays: Stay[], month: string) => stays.some((s) => heldDuring(month, s.from, s.to));

/** How far back months behind are counted: enough to see six, and a year and more of history. */
export const BEHIND_WINDOW = 24;

/** Each person's monthly amount by year, and their payments by month, over the window ending at `upTo`. */
export async function duesRecords(db: Db, countyId: string, personIds: string[], upTo: string) {
  const first = addMonthsTo(upTo, 1 - BEHIND_WINDOW);
  const monthly = new Map<string, number>();
  const paid = new Map<string, typeof duesPayments.$inferSelect>();
  const stays = new Map<string, Stay[]>();
  for (let i = 0; i < personIds.length; i += 1000) {
    const ids = personIds.slice(i, i + 1000);
    const bases = await db.select({ personId: duesBases.personId, year: duesBases.year, monthlyFen: duesBases.monthlyFen }).from(duesBases)
      .where(and(eq(duesBases.countyId, countyId), inArray(duesBases.personId, ids), gte(duesBases.year, Number(first.slice(0, 4))), lte(duesBases.year, Number(upTo.slice(0, 4)))));
    for (const b of bases) monthly.set(`${b.personId}|${b.year}`, b.monthlyFen);
    const payments = await db.select().from(duesPayments)
      .where(and(eq(duesPayments.countyId, countyId), inArray(duesPayments.personId, ids), gte(duesPayments.month, first), lte(duesPayments.month, upTo)));
    for (const p of payments) paid.set(`${p.personId}|${p.month}`, p);
    const rows = await db.select(stayColumns).from(memberships).where(and(eq(memberships.countyId, countyId), inArray(memberships.personId, ids), paying));
    for (const m of rows) stays.set(m.personId, [...(stays.get(m.personId) ?? []), stayOf(m)]);
  }
  const monthlyOf = (personId: string, month: string) => monthly.get(`${personId}|${month.slice(0, 4)}`) ?? null;
  return {
    monthlyOf,
    paymentOf: (personId: string, month: string) => paid.get(`${personId}|${month}`) ?? null,
    /** Months unpaid in a row up to `month`, among those owed: a base above zero, a membership held anywhere in the county. */
    behind(personId: string, month: string = upTo): number {
      const owed = new Set<string>();
      const paidMonths = new Set<string>();
      for (let m = first; m <= month; m = addMonthsTo(m, 1)) {
        if ((monthlyOf(personId, m) ?? 0) > 0 && heldIn(stays.get(personId) ?? [], m)) owed.add(m);
        if (paid.has(`${personId}|${m}`)) paidMonths.add(m);
      }
      return monthsBehind(month, owed, paidMonths);
    },
  };
}
