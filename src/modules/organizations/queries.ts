/** Reading the tree: lists, single organizations (scoped), details with history. */
import { and, asc, count, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Ability } from '../../platform/access/abilities.js';
import { inScope, permission, scopePrefixes, type Actor } from '../../platform/access/actor.js';
import type { PermissionView } from '../../platform/http/contracts.js';
import type { Db } from '../../platform/db/database.js';
import { notFound } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/service.js';
import { escapeLike, isPinyinQuery } from '../../platform/text/pinyin.js';
import type { OrgDetail, OrgSummary } from './contracts.js';
import { mayContain, orgTypes, type OrgType, type UnitType } from './rules.js';
import { adminUnits, organizations, orgEvents } from './schema.js';

export type OrgRow = typeof organizations.$inferSelect;

const parent = alias(organizations, 'parent');

const summaryColumns = {
  code: organizations.code,
  name: organizations.name,
  type: organizations.type,
  unitType: organizations.unitType,
  divisionCode: organizations.divisionCode,
  parentCode: parent.code,
  status: organizations.status,
  depth: organizations.depth,
  pinyin: organizations.pinyin,
};

/** The organizations the actor may see, optionally filtered by name, code or pinyin. */
export async function listOrganizations(
  ctx: ServiceContext,
  query: { q?: string; includeDissolved?: boolean },
): Promise<OrgSummary[]> {
  const q = query.q?.trim();
  const match = !q
    ? undefined
    : isPinyinQuery(q)
      ? pinyinOrCode(q)
      : sql`${organizations.name} like ${'%' + escapeLike(q) + '%'}`;
  const result = await ctx.db
    .select(summaryColumns)
    .from(organizations)
    .leftJoin(parent, and(eq(parent.countyId, organizations.countyId), eq(parent.id, organizations.parentId)))
    .where(
      and(
        inScope(ctx.actor, 'org.read', { county: organizations.countyId, path: organizations.path }),
        query.includeDissolved ? undefined : eq(organizations.status, 'active'),
        match,
      ),
    )
    .orderBy(asc(organizations.depth), asc(organizations.code));
  return result as OrgSummary[];
}

/** Pinyin matches from the start of the initials or of the full reading ("hs", "heshun"), as users type names. */
function pinyinOrCode(q: string) {
  const term = escapeLike(q.toLowerCase().replace(/\s+/g, ''));
  return or(
    sql`${organizations.pinyin} like ${term + '%'}`,
    sql`${organizations.pinyin} like ${'% ' + term + '%'}`,
    sql`${organizations.code} like ${escapeLike(q) + '%'}`,
  );
}


/** An organization the actor may read; anything else answers as if it did not exist. */
export async function visibleOrg(ctx: ServiceContext, code: string, db: Db = ctx.db): Promise<OrgRow> {
  const [org] = await db
    .select()
    .from(organizations)
    .where(
      and(
        eq(organizations.code, code),
        inScope(ctx.actor, 'org.read', { county: organizations.countyId, path: organizations.path }),
      ),
    );
  if (!org) throw notFound('org.not_found', { code });
  return org;
}

/** The top organization of each subtree in which the actor holds an ability, widest first. */
export async function scopeRoots(ctx: ServiceContext, ability: Ability): Promise<OrgRow[]> {
  const prefixes = scopePrefixes(ctx.actor, ability);
  if (prefixes.length === 0) return [];
  return ctx.db.select().from(organizations)
    .where(and(eq(organizations.countyId, ctx.actor.countyId), inArray(organizations.path, prefixes)))
    .orderBy(organizations.depth, organizations.code);
}

export async function getOrganization(ctx: ServiceContext, code: string): Promise<OrgDetail> {
  const org = await visibleOrg(ctx, code);
  const [parentRow] = org.parentId
    ? await ctx.db.select().from(organizations).where(and(eq(organizations.countyId, org.countyId), eq(organizations.id, org.parentId)))
    : [];
  const [mergedInto] = org.mergedIntoId
    ? await ctx.db.select().from(organizations).where(and(eq(organizations.countyId, org.countyId), eq(organizations.id, org.mergedIntoId)))
    : [];
  const [unit] = await ctx.db.select().from(adminUnits).where(and(eq(adminUnits.countyId, org.countyId), eq(adminUnits.orgId, org.id), sql`${adminUnits.kind} <> 'villager_group'`));
  const groups = unit
    ? await ctx.db
        .select({ name: adminUnits.name, divisionCode: adminUnits.divisionCode })
        .from(adminUnits)
        .where(and(eq(adminUnits.countyId, org.countyId), eq(adminUnits.parentId, unit.id), eq(adminUnits.kind, 'villager_group')))
        .orderBy(asc(adminUnits.createdAt), asc(sql`length(${adminUnits.name})`), asc(adminUnits.name))
    : [];
  const [children] = await ctx.db
    .select({ n: count() })
    .from(organizations)
    .where(and(eq(organizations.countyId, org.countyId), eq(organizations.parentId, org.id), eq(organizations.status, 'active')));
  const history = await ctx.db
    .select({ kind: orgEvents.kind, effectiveOn: orgEvents.effectiveOn, details: orgEvents.details, note: orgEvents.note })
    .from(orgEvents)
    .where(and(eq(orgEvents.countyId, org.countyId), eq(orgEvents.orgId, org.id)))
    .orderBy(desc(orgEvents.effectiveOn), desc(orgEvents.createdAt));
  return {
    ...summaryOf(org, parentRow?.code ?? null),
    parentName: parentRow?.name ?? null,
    establishedOn: org.establishedOn,
    dissolvedOn: org.dissolvedOn,
    mergedIntoCode: mergedInto?.code ?? null,
    adminUnit: unit ? { kind: unit.kind, name: unit.name, divisionCode: unit.divisionCode, villagerGroups: groups } : null,
    childCount: children?.n ?? 0,
    history: history as OrgDetail['history'],
    can: actions(ctx.actor, org, unit?.kind === 'village'),
  };
}

/** What the actor may do to the organization, and why not: the same rules the changes enforce. */
function actions(actor: Actor, org: OrgRow, leadsVillage: boolean): OrgDetail['can'] {
  const refuse = (reason: PermissionView['reason']): PermissionView => ({ allowed: false, reason });
  const manage = permission(actor, 'org.manage', org.path);
  const base: PermissionView = !manage.allowed ? manage : org.status === 'dissolved' ? refuse('dissolved') : { allowed: true };
  const notRoot = base.allowed && org.parentId === null ? refuse('root') : base;
  return {
    create: base.allowed && !orgTypes.some((type) => mayContain(org.type as OrgType, type)) ? refuse('holds_nothing') : base,
    update: base,
    move: notRoot,
    merge: notRoot,
    dissolve: notRoot,
    addVillagerGroup: base.allowed && !leadsVillage ? refuse('not_a_village') : base,
  };
}

/** How an organization is named in the audit trail. */
export const orgLabel = (org: OrgRow) => `${org.name}（${org.code}）`;

export function summaryOf(org: OrgRow, parentCode: string | null): OrgSummary {
  return {
    code: org.code,
    name: org.name,
    type: org.type as OrgType,
    unitType: org.unitType as UnitType | null,
    divisionCode: org.divisionCode,
    parentCode,
    status: org.status as OrgSummary['status'],
    depth: org.depth,
    pinyin: org.pinyin,
  };
}
