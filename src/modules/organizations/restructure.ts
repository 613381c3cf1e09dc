/** Moving, merging and dissolving organizations: subtrees and attached rows follow. */
import { and, count, eq, isNull } from 'drizzle-orm';
import { conflict, invalid } from '../../platform/errors.js';
import type { Db } from '../../platform/db/database.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { memberships } from '../members/schema.js';
import { checkPlacement, effectiveDate, endPosts, recordEvent, requireActive, requireManage, requireNotRoot } from './changes.js';
import type { OrgDetail } from './contracts.js';
import { getOrganization, orgLabel, visibleOrg } from './queries.js';
import { childPath, isWithin, type OrgType } from './rules.js';
import { adminUnits, organizations } from './schema.js';
import { parentUnitId } from './service.js';
import { repath, repoint } from './tree.js';

/**
 * The organization a move or merge changes and the one it goes under or into: both visible,
 * managed by the actor and active; the county root never moves.
 */
async function managedPair(ctx: ServiceContext, tx: Db, code: string, otherCode: string) {
  const org = await visibleOrg(ctx, code, tx);
  requireNotRoot(org);
  const postId = requireManage(ctx.actor, org);
  requireActive(org);
  const other = await visibleOrg(ctx, otherCode, tx);
  requireManage(ctx.actor, other);
  requireActive(other);
  return { org, other, postId };
}

export async function moveOrganization(ctx: ServiceContext, code: string, input: { parentCode: string; effectiveOn?: string; note?: string }): Promise<OrgDetail> {
  await write(ctx, async (w) => {
    const { org, other: target, postId } = await managedPair(ctx, w.tx, code, input.parentCode);
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
    const { org: from, other: into, postId } = await managedPair(ctx, w.tx, code, input.intoCode);
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
    await repoint(w.tx, from.countyId, from.id, into, on);
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
