import { and, asc, count, desc, eq, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { grantingPost, inScope, permission, type Actor } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.js';
import { write, type ServiceContext, type WriteScope } from '../../platform/service.js';
import { isPinyinQuery, pinyinKey } from '../../platform/text/pinyin.js';
import { memberships } from '../members/schema.js';
import { posts } from '../people/schema.js';
import type { CreateOrgInput, OrgDetail, OrgSummary, UpdateOrgInput } from './contracts.js';
import { adminUnitKind, childPath, isWithin, mayContain, orgTypeLabels, unitName, type OrgType, type UnitType } from './rules.js';
import { adminUnits, organizations, orgEvents } from './schema.js';
import { repath, repoint } from './tree.js';

export type OrgRow = typeof organizations.$inferSelect;
type EventKind = (typeof orgEvents.$inferInsert)['kind'];

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

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
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

function requireManage(actor: Actor, org: OrgRow): string | null {
  const post = grantingPost(actor, 'org.manage', org.path);
  if (!post) throw forbidden();
  return post.postId;
}

function requireActive(org: OrgRow): void {
  if (org.status !== 'active') throw conflict('org.dissolved', { code: org.code });
}

function requireNotRoot(org: OrgRow): void {
  if (org.parentId === null) throw invalid('org.root_immutable');
}

/** The date a change takes effect: today unless given, never in the future nor before the org existed. */
function effectiveDate(org: OrgRow, now: Date, given?: string): string {
  const today = chinaDate(now);
  const date = given ?? today;
  if (date > today) throw invalid('org.date_in_future', { date }, [{ path: 'effectiveOn', key: 'org.date_in_future', params: { date } }]);
  if (date < org.establishedOn) {
    const params = { date, established: org.establishedOn };
    throw invalid('org.date_before_established', params, [{ path: 'effectiveOn', key: 'org.date_before_established', params }]);
  }
  return date;
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
        .orderBy(asc(adminUnits.createdAt), asc(adminUnits.name))
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
    can: { manage: permission(ctx.actor, 'org.manage', org.path) },
  };
}

/** How an organization is named in the audit trail. */
const orgLabel = (org: OrgRow) => `${org.name}（${org.code}）`;

function summaryOf(org: OrgRow, parentCode: string | null): OrgSummary {
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

async function recordEvent(w: WriteScope, org: OrgRow, kind: EventKind, effectiveOn: string, details: Record<string, unknown>, note?: string) {
  await w.tx.insert(orgEvents).values({ countyId: org.countyId, orgId: org.id, kind, effectiveOn, details, note: note ?? null });
}

export interface NewOrg {
  code: string;
  name: string;
  type: OrgType;
  unitType?: UnitType | null;
  divisionCode?: string | null;
  establishedOn: string;
}

/**
 * Inserts an organization under a parent already checked by the caller, with its admin unit,
 * history and audit event. Shared by the form, the import and the demo.
 */
export async function insertOrganization(w: WriteScope, parentOrg: OrgRow | null, input: NewOrg, countyId: string, postId: string | null = null): Promise<OrgRow> {
  const [next] = await w.tx.execute(sql`select nextval(pg_get_serial_sequence('organizations', 'seq'))::int as seq`).then((r) => (r as unknown as { rows: { seq: number }[] }).rows);
  const seq = next!.seq;
  const path = childPath(parentOrg?.path ?? '', seq);
  const [org] = await w.tx
    .insert(organizations)
    .values({
      countyId,
      seq,
      code: input.code,
      name: input.name,
      pinyin: pinyinKey(input.name),
      type: input.type,
      unitType: input.unitType ?? null,
      divisionCode: input.divisionCode ?? null,
      parentId: parentOrg?.id ?? null,
      path,
      depth: parentOrg ? parentOrg.depth + 1 : 0,
      establishedOn: input.establishedOn,
    })
    .returning();
  await ensureAdminUnit(w, org!);
  await recordEvent(w, org!, 'created', input.establishedOn, { code: input.code, name: input.name, type: input.type, parentCode: parentOrg?.code ?? null });
  w.audit({ action: 'organization.create', entityType: 'organization', entityId: org!.id, entityLabel: orgLabel(org!), orgPath: path, after: summaryOf(org!, parentOrg?.code ?? null), postId });
  return org!;
}

/** Creates the admin unit of an organization whose unit is a township, street, village or community. */
async function ensureAdminUnit(w: WriteScope, org: OrgRow): Promise<void> {
  const kind = adminUnitKind(org.unitType as UnitType | null);
  if (!kind) return;
  const [existing] = await w.tx.select().from(adminUnits).where(and(eq(adminUnits.countyId, org.countyId), eq(adminUnits.orgId, org.id)));
  if (existing) return;
  await w.tx.insert(adminUnits).values({
    countyId: org.countyId,
    kind,
    name: unitName(org.name),
    divisionCode: org.divisionCode,
    parentId: await parentUnitId(w.tx, org),
    orgId: org.id,
    orgPath: org.path,
  });
}

/** The admin unit of the nearest ancestor that leads one (a village's township). */
async function parentUnitId(tx: Db, org: OrgRow): Promise<string | null> {
  const [unit] = await tx
    .select({ id: adminUnits.id })
    .from(adminUnits)
    .where(and(eq(adminUnits.countyId, org.countyId), sql`${org.path} like ${adminUnits.orgPath} || '%'`, sql`${adminUnits.orgId} <> ${org.id}`))
    .orderBy(desc(sql`length(${adminUnits.orgPath})`))
    .limit(1);
  return unit?.id ?? null;
}

export async function codeTaken(db: Db, countyId: string, code: string): Promise<boolean> {
  const [row] = await db.select({ id: organizations.id }).from(organizations).where(and(eq(organizations.countyId, countyId), eq(organizations.code, code)));
  return row !== undefined;
}

export async function createOrganization(ctx: ServiceContext, input: CreateOrgInput): Promise<OrgDetail> {
  await write(ctx, async (w) => {
    const parentOrg = await visibleOrg(ctx, input.parentCode, w.tx);
    const postId = requireManage(ctx.actor, parentOrg);
    requireActive(parentOrg);
    checkPlacement(parentOrg.type as OrgType, input.type, 'type');
    if (await codeTaken(w.tx, ctx.actor.countyId, input.code)) {
      throw conflict('org.code_taken', { code: input.code }, [{ path: 'code', key: 'org.code_taken', params: { code: input.code } }]);
    }
    const establishedOn = input.establishedOn ?? chinaDate(w.now);
    if (establishedOn > chinaDate(w.now)) {
      throw invalid('org.date_in_future', { date: establishedOn }, [{ path: 'establishedOn', key: 'org.date_in_future', params: { date: establishedOn } }]);
    }
    await insertOrganization(w, parentOrg, { ...input, establishedOn }, ctx.actor.countyId, postId);
  });
  return getOrganization(ctx, input.code);
}

function checkPlacement(parentType: OrgType, type: OrgType, field: string): void {
  if (!mayContain(parentType, type)) {
    const params = { type: orgTypeZh(type), parentType: orgTypeZh(parentType) };
    throw invalid('org.type_not_allowed_under', params, [{ path: field, key: 'org.type_not_allowed_under', params }]);
  }
}

const orgTypeZh = (t: OrgType) => orgTypeLabels[t].zh;

export async function updateOrganization(ctx: ServiceContext, code: string, input: UpdateOrgInput): Promise<OrgDetail> {
  await write(ctx, async (w) => {
    const org = await visibleOrg(ctx, code, w.tx);
    const postId = requireManage(ctx.actor, org);
    requireActive(org);
    const on = effectiveDate(org, w.now, input.effectiveOn);
    if (input.type && input.type !== org.type) await checkRetype(w.tx, org, input.type);
    const changes: Partial<OrgRow> = {};
    if (input.name !== undefined && input.name !== org.name) Object.assign(changes, { name: input.name, pinyin: pinyinKey(input.name) });
    if (input.type !== undefined && input.type !== org.type) changes.type = input.type;
    if (input.unitType !== undefined && input.unitType !== org.unitType) changes.unitType = input.unitType;
    if (input.divisionCode !== undefined && input.divisionCode !== org.divisionCode) changes.divisionCode = input.divisionCode;
    if (Object.keys(changes).length === 0) return;
    const [updated] = await w.tx
      .update(organizations)
      .set({ ...changes, updatedAt: w.now })
      .where(and(eq(organizations.countyId, org.countyId), eq(organizations.id, org.id)))
      .returning();
    if (changes.name) {
      await recordEvent(w, org, 'renamed', on, { from: org.name, to: changes.name }, input.note);
      await w.tx
        .update(adminUnits)
        .set({ name: unitName(changes.name) })
        .where(and(eq(adminUnits.countyId, org.countyId), eq(adminUnits.orgId, org.id), eq(adminUnits.name, unitName(org.name))));
    }
    const other = { ...changes, name: undefined, pinyin: undefined };
    if (Object.values(other).some((v) => v !== undefined)) {
      await recordEvent(w, org, 'updated', on, { from: pick(org, other), to: pick(updated!, other) }, input.note);
    }
    if (changes.divisionCode !== undefined) {
      await w.tx.update(adminUnits).set({ divisionCode: changes.divisionCode }).where(and(eq(adminUnits.countyId, org.countyId), eq(adminUnits.orgId, org.id)));
    }
    await ensureAdminUnit(w, updated!);
    w.audit({ action: 'organization.update', entityType: 'organization', entityId: org.id, entityLabel: orgLabel(updated!), orgPath: org.path, before: pick(org, changes), after: pick(updated!, changes), postId });
  });
  return getOrganization(ctx, code);
}

function pick(row: OrgRow, keys: Partial<OrgRow>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(keys).filter((k) => keys[k as keyof OrgRow] !== undefined).map((k) => [k, row[k as keyof OrgRow]]));
}

async function checkRetype(tx: Db, org: OrgRow, type: OrgType): Promise<void> {
  if (org.parentId) {
    const [p] = await tx.select().from(organizations).where(and(eq(organizations.countyId, org.countyId), eq(organizations.id, org.parentId)));
    checkPlacement(p!.type as OrgType, type, 'type');
  }
  const children = await tx
    .selectDistinct({ type: organizations.type })
    .from(organizations)
    .where(and(eq(organizations.countyId, org.countyId), eq(organizations.parentId, org.id), eq(organizations.status, 'active')));
  for (const child of children) checkPlacement(type, child.type as OrgType, 'type');
}

export async function moveOrganization(ctx: ServiceContext, code: string, input: { parentCode: string; effectiveOn?: string; note?: string }): Promise<OrgDetail> {
  await write(ctx, async (w) => {
    const org = await visibleOrg(ctx, code, w.tx);
    requireNotRoot(org);
    const postId = requireManage(ctx.actor, org);
    requireActive(org);
    const target = await visibleOrg(ctx, input.parentCode, w.tx);
    requireManage(ctx.actor, target);
    requireActive(target);
    if (isWithin(target.path, org.path)) {
      const params = { org: org.name, target: target.name };
      throw invalid('org.cycle', params, [{ path: 'parentCode', key: 'org.cycle', params }]);
    }
    if (target.id === org.parentId) return;
    checkPlacement(target.type as OrgType, org.type as OrgType, 'parentCode');
    const on = effectiveDate(org, w.now, input.effectiveOn);
    const [oldParent] = await w.tx.select().from(organizations).where(and(eq(organizations.countyId, org.countyId), eq(organizations.id, org.parentId!)));
    const newPath = childPath(target.path, org.seq);
    await repath(w.tx, org.countyId, org.path, newPath);
    await w.tx
      .update(organizations)
      .set({ parentId: target.id, updatedAt: w.now })
      .where(and(eq(organizations.countyId, org.countyId), eq(organizations.id, org.id)));
    const moved = { ...org, path: newPath };
    await w.tx
      .update(adminUnits)
      .set({ parentId: await parentUnitId(w.tx, moved) })
      .where(and(eq(adminUnits.countyId, org.countyId), eq(adminUnits.orgId, org.id)));
    await recordEvent(w, org, 'moved', on, { fromCode: oldParent!.code, toCode: target.code }, input.note);
    w.audit({ action: 'organization.move', entityType: 'organization', entityId: org.id, entityLabel: orgLabel(org), orgPath: newPath, before: { parentCode: oldParent!.code, path: org.path }, after: { parentCode: target.code, path: newPath }, postId });
  });
  return getOrganization(ctx, code);
}

export async function mergeOrganization(ctx: ServiceContext, code: string, input: { intoCode: string; effectiveOn?: string; note?: string }): Promise<OrgDetail> {
  await write(ctx, async (w) => {
    const from = await visibleOrg(ctx, code, w.tx);
    requireNotRoot(from);
    const postId = requireManage(ctx.actor, from);
    requireActive(from);
    const into = await visibleOrg(ctx, input.intoCode, w.tx);
    requireManage(ctx.actor, into);
    requireActive(into);
    if (isWithin(into.path, from.path)) throw invalid('org.merge_into_self', {}, [{ path: 'intoCode', key: 'org.merge_into_self' }]);
    const on = effectiveDate(from, w.now, input.effectiveOn);
    const children = await w.tx
      .select()
      .from(organizations)
      .where(and(eq(organizations.countyId, from.countyId), eq(organizations.parentId, from.id), eq(organizations.status, 'active')));
    for (const child of children) checkPlacement(into.type as OrgType, child.type as OrgType, 'intoCode');
    for (const child of children) {
      await repath(w.tx, from.countyId, child.path, childPath(into.path, child.seq));
      await w.tx.update(organizations).set({ parentId: into.id }).where(and(eq(organizations.countyId, from.countyId), eq(organizations.id, child.id)));
    }
    await endPosts(w, from, on);
    await repoint(w.tx, from.countyId, from.id, into);
    await w.tx
      .update(organizations)
      .set({ status: 'dissolved', dissolvedOn: on, mergedIntoId: into.id, updatedAt: w.now })
      .where(and(eq(organizations.countyId, from.countyId), eq(organizations.id, from.id)));
    await recordEvent(w, from, 'merged', on, { intoCode: into.code, intoName: into.name, children: children.map((c) => c.code) }, input.note);
    await recordEvent(w, into, 'absorbed', on, { fromCode: from.code, fromName: from.name }, input.note);
    w.audit({ action: 'organization.merge', entityType: 'organization', entityId: from.id, entityLabel: orgLabel(from), orgPath: from.path, before: { status: 'active' }, after: { status: 'dissolved', mergedInto: into.code, movedChildren: children.map((c) => c.code) }, postId });
  });
  return getOrganization(ctx, code);
}

export async function dissolveOrganization(ctx: ServiceContext, code: string, input: { effectiveOn?: string; note?: string }): Promise<OrgDetail> {
  await write(ctx, async (w) => {
    const org = await visibleOrg(ctx, code, w.tx);
    requireNotRoot(org);
    const postId = requireManage(ctx.actor, org);
    requireActive(org);
    const [children] = await w.tx
      .select({ n: count() })
      .from(organizations)
      .where(and(eq(organizations.countyId, org.countyId), eq(organizations.parentId, org.id), eq(organizations.status, 'active')));
    if (children!.n > 0) throw conflict('org.has_active_children', { code: org.code, count: children!.n });
    const [members] = await w.tx
      .select({ n: count() })
      .from(memberships)
      .where(and(eq(memberships.countyId, org.countyId), eq(memberships.orgId, org.id), isNull(memberships.endedOn)));
    if (members!.n > 0) throw conflict('org.has_members', { code: org.code, count: members!.n });
    const on = effectiveDate(org, w.now, input.effectiveOn);
    await endPosts(w, org, on);
    await w.tx
      .update(organizations)
      .set({ status: 'dissolved', dissolvedOn: on, updatedAt: w.now })
      .where(and(eq(organizations.countyId, org.countyId), eq(organizations.id, org.id)));
    await recordEvent(w, org, 'dissolved', on, {}, input.note);
    w.audit({ action: 'organization.dissolve', entityType: 'organization', entityId: org.id, entityLabel: orgLabel(org), orgPath: org.path, before: { status: 'active' }, after: { status: 'dissolved', dissolvedOn: on }, postId });
  });
  return getOrganization(ctx, code);
}

/** Posts in an organization that ceases end on that day; the people keep their records. */
async function endPosts(w: WriteScope, org: OrgRow, on: string): Promise<void> {
  await w.tx
    .update(posts)
    .set({ endedOn: on })
    .where(and(eq(posts.countyId, org.countyId), eq(posts.orgId, org.id), isNull(posts.endedOn)));
}

/** Adds a villager group (村民小组) to the village an organization leads. */
export async function addVillagerGroup(ctx: ServiceContext, code: string, input: { name: string; divisionCode?: string | null }): Promise<OrgDetail> {
  await write(ctx, async (w) => {
    const org = await visibleOrg(ctx, code, w.tx);
    const postId = requireManage(ctx.actor, org);
    requireActive(org);
    const [village] = await w.tx.select().from(adminUnits).where(and(eq(adminUnits.countyId, org.countyId), eq(adminUnits.orgId, org.id), eq(adminUnits.kind, 'village')));
    if (!village) throw invalid('org.not_a_village', { code });
    const [taken] = await w.tx.select({ id: adminUnits.id }).from(adminUnits).where(and(eq(adminUnits.countyId, org.countyId), eq(adminUnits.parentId, village.id), eq(adminUnits.name, input.name)));
    if (taken) throw conflict('org.villager_group_taken', { name: input.name }, [{ path: 'name', key: 'org.villager_group_taken', params: { name: input.name } }]);
    const [group] = await w.tx
      .insert(adminUnits)
      .values({ countyId: org.countyId, kind: 'villager_group', name: input.name, divisionCode: input.divisionCode ?? null, parentId: village.id, orgId: org.id, orgPath: org.path })
      .returning();
    w.audit({ action: 'admin_unit.create', entityType: 'admin_unit', entityId: group!.id, entityLabel: `${village.name}${input.name}`, orgPath: org.path, after: { kind: 'villager_group', name: input.name, village: village.name }, postId });
  });
  return getOrganization(ctx, code);
}
