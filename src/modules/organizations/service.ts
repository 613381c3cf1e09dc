/** Creating and editing organizations and their admin units. */
import { and, desc, eq, sql } from 'drizzle-orm';
import { chinaDate } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { conflict, invalid } from '../../platform/errors.js';
import { write, type ServiceContext, type WriteScope } from '../../platform/service.js';
import { pinyinKey } from '../../platform/text/pinyin.js';
import { checkPlacement, effectiveDate, recordEvent, requireActive, requireManage } from './changes.js';
import type { CreateOrgInput, OrgDetail, UpdateOrgInput } from './contracts.js';
import { getOrganization, orgLabel, summaryOf, visibleOrg, type OrgRow } from './queries.js';
import { adminUnitKind, childPath, unitName, type OrgType, type UnitType } from './rules.js';
import { adminUnits, organizations } from './schema.js';

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
export async function parentUnitId(tx: Db, org: OrgRow): Promise<string | null> {
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
