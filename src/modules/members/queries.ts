/** Reading the member registry: the filtered list and its export rows, one person's profile, full values on request. */
import { and, asc, count, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { can, grantingPost, inScope, permission } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { forbidden, invalid, notFound } from '../../platform/errors.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { escapeLike, isPinyinQuery } from '../../platform/text/pinyin.js';
import { orgLabel, scopeRoots, visibleOrg, type OrgRow } from '../organizations/queries.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';
import type { MemberFilters, MemberItem, MemberListQuery, MemberPage, MemberProfile } from './contracts.js';
import { shownSensitive } from './privacy.js';
import { fullYears } from '../../platform/dates.js';
import { educationCodes, educationLevelOf, type EducationLevel } from './rules/education.js';
import { HAN } from './rules/ethnicity.js';
import { memberCategories, stageFields, type MemberCategory } from './rules/pipeline.js';
import { memberships } from './schema.js';

/** The subtree a list or an export covers: the one asked for, else the widest whose people the actor may read. */
async function listedSubtree(ctx: ServiceContext, code: string | undefined): Promise<OrgRow> {
  const org = code ? await visibleOrg(ctx, code) : (await scopeRoots(ctx, 'person.read'))[0];
  if (!org || !can(ctx.actor, 'person.read', org.path)) throw forbidden();
  return org;
}

const ageToday = (today: string) => sql<number | null>`extract(year from age(${today}::date, ${people.birthDate}))::int`;

const codesOfLevels = (levels: EducationLevel[]) =>
  Object.keys(educationCodes).filter((code) => levels.includes(educationLevelOf(code)!));

/** Pinyin from the start of the initials or of the full reading ("zs", "zhangs"), as users type names. */
function nameMatch(q: string | undefined): SQL | undefined {
  const term = q?.trim();
  if (!term) return undefined;
  if (!isPinyinQuery(term)) return sql`${people.name} like ${'%' + escapeLike(term) + '%'}`;
  const key = escapeLike(term.toLowerCase().replace(/\s+/g, ''));
  return or(sql`${people.pinyin} like ${key + '%'}`, sql`${people.pinyin} like ${'% ' + key + '%'}`);
}

/** Memberships open today in the subtree that pass the filters; the actor's scope is applied again here. */
function matching(ctx: ServiceContext, org: OrgRow, filters: MemberFilters, today: string): SQL {
  const { ageMin, ageMax } = filters;
  if (ageMin !== undefined && ageMax !== undefined && ageMin > ageMax) {
    const params = { min: ageMin, max: ageMax };
    throw invalid('members.age_range', params, [{ path: 'querystring.ageMax', key: 'members.age_range', params }]);
  }
  const age = ageToday(today);
  const ethnicity = filters.ethnicity === 'minority' ? ne(people.ethnicity, HAN) : filters.ethnicity ? eq(people.ethnicity, filters.ethnicity) : undefined;
  return and(
    inScope(ctx.actor, 'person.read', { county: memberships.countyId, path: memberships.orgPath }),
    eq(memberships.countyId, org.countyId),
    sql`${memberships.orgPath} like ${org.path + '%'}`,
    isNull(memberships.endedOn),
    inArray(memberships.category, filters.category ?? ['full', 'probationary']),
    filters.gender ? eq(people.gender, filters.gender) : undefined,
    ageMin !== undefined ? sql`${age} >= ${ageMin}` : undefined,
    ageMax !== undefined ? sql`${age} <= ${ageMax}` : undefined,
    filters.education ? inArray(people.education, codesOfLevels(filters.education)) : undefined,
    ethnicity,
    filters.mobile ? eq(memberships.mobile, filters.mobile === 'true') : undefined,
    nameMatch(filters.q),
  )!;
}

const memberColumns = (today: string) => ({
  membershipId: memberships.id,
  personId: people.id,
  name: people.name,
  gender: people.gender,
  ethnicity: people.ethnicity,
  birthDate: people.birthDate,
  age: ageToday(today),
  education: people.education,
  occupation: people.occupation,
  category: memberships.category,
  orgCode: organizations.code,
  orgName: organizations.name,
  appliedOn: memberships.appliedOn,
  joinedOn: memberships.joinedOn,
  fullOn: memberships.fullOn,
  mobile: memberships.mobile,
  idNumber: people.idNumber,
  phone: people.phone,
});
export type ListedMember = Awaited<ReturnType<typeof selectMembers>>[number];

function selectMembers(db: Db, today: string, where: SQL) {
  return db.select(memberColumns(today))
    .from(memberships)
    .innerJoin(people, and(eq(people.countyId, memberships.countyId), eq(people.id, memberships.personId)))
    .innerJoin(organizations, and(eq(organizations.countyId, memberships.countyId), eq(organizations.id, memberships.orgId)))
    .where(where)
    .orderBy(asc(organizations.code), asc(people.pinyin), asc(people.name), asc(memberships.id));
}

export async function listMembers(ctx: ServiceContext, query: MemberListQuery): Promise<MemberPage> {
  const org = await listedSubtree(ctx, query.org);
  const today = chinaDate(ctx.clock.now());
  const where = matching(ctx, org, query, today);
  const [counted] = await ctx.db.select({ n: count() })
    .from(memberships)
    .innerJoin(people, and(eq(people.countyId, memberships.countyId), eq(people.id, memberships.personId)))
    .where(where);
  const found = await selectMembers(ctx.db, today, where).limit(query.pageSize).offset((query.page - 1) * query.pageSize);
  return {
    org: { code: org.code, name: org.name },
    total: counted?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    items: found.map(itemOf),
    exportsFullValues: can(ctx.actor, 'person.read_sensitive', org.path),
  };
}

function itemOf({ appliedOn: _applied, occupation: _occupation, ...row }: ListedMember): MemberItem {
  return {
    ...row,
    category: row.category as MemberCategory,
    educationLevel: educationLevelOf(row.education) ?? null,
    ...shownSensitive(row, false),
  };
}

/**
 * The rows of an export, in list order. Full values when the actor may read them over the whole
 * subtree, and then one audit event with the count; masked otherwise.
 */
export async function exportMembers(ctx: ServiceContext, filters: MemberFilters, limit: number): Promise<{ org: OrgRow; rows: ListedMember[] }> {
  const org = await listedSubtree(ctx, filters.org);
  const today = chinaDate(ctx.clock.now());
  const where = matching(ctx, org, filters, today);
  const rowsOf = async (db: Db) => {
    const found = await selectMembers(db, today, where).limit(limit + 1);
    if (found.length > limit) throw invalid('members.export_too_large', { limit });
    return found;
  };
  const post = grantingPost(ctx.actor, 'person.read_sensitive', org.path);
  if (!post) {
    const found = await rowsOf(ctx.db);
    return { org, rows: found.map((r) => ({ ...r, ...shownSensitive(r, false) })) };
  }
  // The read and its audit event commit together: no full values leave without a record.
  return write(ctx, async (w) => {
    const found = await rowsOf(w.tx);
    w.audit({
      action: 'person.sensitive_export', entityType: 'organization', entityId: org.id, entityLabel: orgLabel(org),
      orgPath: org.path, postId: post.postId, after: { rows: found.length, filters },
    });
    return { org, rows: found };
  });
}

/** A person the actor may read; anyone else answers as if they did not exist. */
async function visiblePerson(ctx: ServiceContext, id: string) {
  const [person] = await ctx.db.select({ person: people, orgCode: organizations.code, orgName: organizations.name })
    .from(people)
    .innerJoin(organizations, and(eq(organizations.countyId, people.countyId), eq(organizations.id, people.orgId)))
    .where(and(eq(people.id, id), inScope(ctx.actor, 'person.read', { county: people.countyId, path: people.orgPath })));
  if (!person) throw notFound('members.not_found');
  return person;
}

export async function getMemberProfile(ctx: ServiceContext, id: string): Promise<MemberProfile> {
  const { person, orgCode, orgName } = await visiblePerson(ctx, id);
  const today = chinaDate(ctx.clock.now());
  const firstStage = sql`coalesce(${memberships.startedOn}, ${memberships.appliedOn}, ${memberships.activistOn}, ${memberships.targetOn}, ${memberships.joinedOn}, ${memberships.fullOn})`;
  const rows = await ctx.db.select({ m: memberships, orgCode: organizations.code, orgName: organizations.name, startedOn: sql<string | null>`${firstStage}::text` })
    .from(memberships)
    .innerJoin(organizations, and(eq(organizations.countyId, memberships.countyId), eq(organizations.id, memberships.orgId)))
    .where(and(eq(memberships.countyId, person.countyId), eq(memberships.personId, person.id)))
    .orderBy(sql`${firstStage} asc nulls first`, asc(memberships.createdAt));
  const open = rows.find((r) => r.m.endedOn === null);
  // Stage dates travel with the member, so the latest row holds the whole path.
  const latest = open ?? rows.at(-1);
  return {
    person: {
      id: person.id, name: person.name, gender: person.gender, ethnicity: person.ethnicity, birthDate: person.birthDate,
      age: person.birthDate ? fullYears(person.birthDate, today) : null,
      ...shownSensitive(person, false),
      education: person.education, educationLevel: educationLevelOf(person.education) ?? null,
      occupation: person.occupation, address: person.address, orgCode, orgName,
    },
    membership: open ? {
      id: open.m.id, category: open.m.category as MemberCategory, orgCode: open.orgCode, orgName: open.orgName, startedOn: open.startedOn,
      mobile: open.m.mobile, mobileDestination: open.m.mobileDestination, mobileSince: open.m.mobileSince,
      reportingCommunity: open.m.reportingCommunity, outOfContact: open.m.outOfContact, retired: open.m.retired, needsCare: open.m.needsCare,
    } : null,
    history: rows.map((r) => ({
      membershipId: r.m.id, orgCode: r.orgCode, orgName: r.orgName, category: r.m.category as MemberCategory,
      startedOn: r.startedOn, endedOn: r.m.endedOn, endReason: r.m.endReason, endNote: r.m.endNote,
    })),
    pipeline: latest ? [
      ...memberCategories.map((stage, i) => ({ stage, date: latest.m[stageFields[i]!], months: null })),
      ...(latest.m.probationExtensionMonths === null ? [] : [{ stage: 'extension' as const, date: null, months: latest.m.probationExtensionMonths }]),
    ] : [],
    can: { readSensitive: permission(ctx.actor, 'person.read_sensitive', person.orgPath) },
  };
}

/** The full ID and phone numbers of one person, for a post that allows them; every read is audited. */
export async function readSensitive(ctx: ServiceContext, id: string): Promise<{ idNumber: string | null; phone: string | null }> {
  const { person } = await visiblePerson(ctx, id);
  const post = grantingPost(ctx.actor, 'person.read_sensitive', person.orgPath);
  if (!post) throw forbidden('members.sensitive_forbidden');
  return write(ctx, async (w) => {
    w.audit({ action: 'person.sensitive_read', entityType: 'person', entityId: person.id, entityLabel: person.name, orgPath: person.orgPath, postId: post.postId });
    return { idNumber: person.idNumber, phone: person.phone };
  });
}
