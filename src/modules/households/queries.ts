/** Reading households: the filtered list of a subtree and one household with its members, masked unless the reader may see full numbers. */
import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm';
import { can, grantingPost, inScope, permission } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { forbidden, invalid, notFound } from '../../platform/errors.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { escapeLike } from '../../platform/text/pinyin.js';
import { maskIdNumber, maskPhone } from '../members/privacy.js';
import { orgLabel, scopeRoots, visibleOrg, type OrgRow } from '../organizations/queries.js';
import { organizations } from '../organizations/schema.js';
import type { HouseholdChoices, HouseholdDetail, HouseholdItem, HouseholdListQuery, HouseholdPage } from './contracts.js';
import type { Relation } from './rules.js';
import { householdMembers, households } from './schema.js';

/** A village or community's organization, where households are kept. */
export const keepsHouseholds = (org: OrgRow) => (org.unitType === 'village' || org.unitType === 'community') && org.type !== 'party_group';

/** The village an actor records households in: one they cannot see does not exist; one they see but do not manage is refused. */
export async function managedVillage(ctx: ServiceContext, code: string, db: Db = ctx.db) {
  const org = await visibleOrg(ctx, code, db);
  const post = grantingPost(ctx.actor, 'household.manage', org.path);
  if (!post) throw forbidden('households.forbidden');
  if (!keepsHouseholds(org)) throw invalid('households.not_a_village', { org: org.name }, [{ path: 'org', key: 'households.not_a_village', params: { org: org.name } }]);
  if (org.status !== 'active') throw invalid('households.org_dissolved', { org: org.name });
  return { org, post };
}

/** The subtree a list or an export covers: the one asked for, else the widest whose people the actor may read. */
export async function listedSubtree(ctx: ServiceContext, code: string | undefined): Promise<OrgRow> {
  const org = code ? await visibleOrg(ctx, code) : (await scopeRoots(ctx, 'person.read'))[0];
  if (!org || !can(ctx.actor, 'person.read', org.path)) throw forbidden();
  return org;
}

const memberCount = sql<number>`(select count(*)::int from ${householdMembers} m where m.county_id = ${households.countyId} and m.household_id = ${households.id})`;

export function householdFilter(ctx: ServiceContext, org: OrgRow, query: Omit<HouseholdListQuery, 'page' | 'pageSize' | 'org'>): SQL {
  const q = query.q?.trim();
  const like = q ? `%${escapeLike(q)}%` : undefined;
  return and(
    inScope(ctx.actor, 'person.read', { county: households.countyId, path: households.orgPath }),
    sql`${households.orgPath} like ${org.path + '%'}`,
    eq(households.status, query.status),
    query.tag ? sql`${households.tags} @> array[${query.tag}]::text[]` : undefined,
    query.group ? eq(households.villagerGroup, query.group) : undefined,
    like ? sql`(${households.headName} like ${like} or ${households.number} like ${like} or exists (
      select 1 from ${householdMembers} m where m.county_id = ${households.countyId} and m.household_id = ${households.id} and m.name like ${like}))` : undefined,
  )!;
}

export function selectHouseholds(db: Db, where: SQL) {
  return db.select({
    id: households.id, orgCode: organizations.code, orgName: organizations.name, number: households.number, villagerGroup: households.villagerGroup,
    headName: households.headName, phone: households.phone, address: households.address, tags: households.tags, memberCount, status: households.status,
    note: households.note, orgPath: households.orgPath,
  })
    .from(households)
    .innerJoin(organizations, and(eq(organizations.countyId, households.countyId), eq(organizations.id, households.orgId)))
    .where(where)
    .orderBy(asc(organizations.code), asc(households.villagerGroup), sql`${households.number} asc nulls last`, asc(households.headName), asc(households.id));
}
type Selected = Awaited<ReturnType<typeof selectHouseholds>>[number];

const itemOf = ({ note: _note, orgPath: _path, ...row }: Selected, full: boolean): HouseholdItem => ({
  ...row, status: row.status as HouseholdItem['status'], phone: full ? row.phone : maskPhone(row.phone),
});

export async function listHouseholds(ctx: ServiceContext, query: HouseholdListQuery): Promise<HouseholdPage> {
  const org = await listedSubtree(ctx, query.org);
  const where = householdFilter(ctx, org, query);
  const post = grantingPost(ctx.actor, 'person.read_sensitive', org.path);
  const read = async (db: Db) => {
    const [counted] = await db.select({ n: count() }).from(households).where(where);
    const found = await selectHouseholds(db, where).limit(query.pageSize).offset((query.page - 1) * query.pageSize);
    return { total: counted?.n ?? 0, found };
  };
  const page = (total: number, found: Selected[], full: boolean): HouseholdPage => ({
    org: { code: org.code, name: org.name }, total, page: query.page, pageSize: query.pageSize, items: found.map((r) => itemOf(r, full)), fullValues: full,
    can: { create: permission(ctx.actor, 'household.manage', org.path) },
  });
  if (!post) {
    const { total, found } = await read(ctx.db);
    return page(total, found, false);
  }
  // Full phone numbers leave only with a record of who read whose.
  return write(ctx, async (w) => {
    const { total, found } = await read(w.tx);
    if (found.some((r) => r.phone !== null)) {
      w.audit({
        action: 'household.sensitive_read', entityType: 'organization', entityId: org.id, entityLabel: orgLabel(org), orgPath: org.path, postId: post.postId,
        after: { households: found.map((r) => r.id), filters: { ...query } },
      });
    }
    return page(total, found, true);
  });
}

/** A household the actor may read; any other answers as if it did not exist. */
export async function visibleHousehold(ctx: ServiceContext, id: string, db: Db = ctx.db): Promise<Selected> {
  const [found] = await selectHouseholds(db, and(eq(households.id, id), inScope(ctx.actor, 'person.read', { county: households.countyId, path: households.orgPath }))!);
  if (!found) throw notFound('households.not_found');
  return found;
}

export function membersOf(db: Db, countyId: string, householdId: string) {
  return db.select().from(householdMembers)
    .where(and(eq(householdMembers.countyId, countyId), eq(householdMembers.householdId, householdId)))
    .orderBy(asc(householdMembers.position), asc(householdMembers.id));
}

export async function getHousehold(ctx: ServiceContext, id: string): Promise<HouseholdDetail> {
  const found = await visibleHousehold(ctx, id);
  const post = grantingPost(ctx.actor, 'person.read_sensitive', found.orgPath);
  const read = async (db: Db) => {
    const members = await membersOf(db, ctx.actor.countyId, id);
    return {
      ...itemOf(found, post !== undefined),
      note: found.note,
      members: members.map((m) => ({
        id: m.id, personId: m.personId, name: m.name, relation: m.relation as Relation, gender: m.gender as '1' | '2' | null, birthDate: m.birthDate,
        idNumber: post ? m.idNumber : maskIdNumber(m.idNumber), phone: post ? m.phone : maskPhone(m.phone),
      })),
      fullValues: post !== undefined,
      can: { edit: found.status === 'active' ? permission(ctx.actor, 'household.manage', found.orgPath) : { allowed: false, reason: 'dissolved' as const } },
    };
  };
  if (!post) return read(ctx.db);
  return write(ctx, async (w) => {
    const detail = await read(w.tx);
    if (detail.phone !== null || detail.members.some((m) => m.idNumber !== null || m.phone !== null)) {
      w.audit({ action: 'household.sensitive_read', entityType: 'household', entityId: id, entityLabel: `${found.orgName} ${found.headName}户`, orgPath: found.orgPath, postId: post.postId });
    }
    return detail;
  });
}

/**
 * The active households of a village matching what a form's picker typed (visits, diaries,
 * pairings): anyone who may read the village's people, no phones or ID numbers, so no audited read.
 */
export async function householdChoices(ctx: ServiceContext, query: { org: string; q?: string }): Promise<HouseholdChoices> {
  const village = await visibleOrg(ctx, query.org);
  if (!can(ctx.actor, 'person.read', village.path)) throw notFound('org.not_found', { code: query.org });
  const term = query.q ? `%${escapeLike(query.q)}%` : undefined;
  const items = await ctx.db.select({ id: households.id, headName: households.headName, number: households.number, villagerGroup: households.villagerGroup, address: households.address })
    .from(households)
    .where(and(eq(households.countyId, village.countyId), eq(households.orgId, village.id), eq(households.status, 'active'),
      term ? sql`(${households.headName} like ${term} or ${households.number} like ${term} or ${households.villagerGroup} like ${term})` : undefined))
    .orderBy(households.villagerGroup, households.number, households.headName).limit(30);
  return { items };
}
