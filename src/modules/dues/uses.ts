/**
 * What an organization spent its dues on (rules.md §3.3), each use with its purpose, recorded,
 * corrected and removed by whoever manages its dues, every write audited.
 */
import { and, eq, gte, lte } from 'drizzle-orm';
import { inScope, permission } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { notFound } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n/index.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { orgLabel, type OrgRow } from '../organizations/queries.js';
import { organizations } from '../organizations/schema.js';
import type { UseInput, UsePatch, UsesView, UseView } from './contracts.js';
import { refuseFields } from './problems.js';
import { duesPost, managedOrg, readableOrg } from './queries.js';
import type { UsePurpose } from './rules.js';
import { duesUses } from './schema.js';

type UseRow = typeof duesUses.$inferSelect;
export const useViewOf = (u: UseRow): UseView => ({ id: u.id, purpose: u.purpose as UsePurpose, description: u.description, usedOn: u.usedOn, amountFen: u.amountFen });
const snapshot = ({ orgId, purpose, description, usedOn, amountFen }: UseRow) => ({ orgId, purpose, description, usedOn, amountFen });

/** The uses of one organization in a year, by date. */
export async function usesOf(db: Db, org: OrgRow, year: number): Promise<UseRow[]> {
  return db.select().from(duesUses)
    .where(and(eq(duesUses.countyId, org.countyId), eq(duesUses.orgId, org.id), gte(duesUses.usedOn, `${year}-01-01`), lte(duesUses.usedOn, `${year}-12-31`)))
    .orderBy(duesUses.usedOn, duesUses.createdAt);
}

export async function listUses(ctx: ServiceContext, query: { org: string; year: number }): Promise<UsesView> {
  const org = await readableOrg(ctx, query.org);
  const items = (await usesOf(ctx.db, org, query.year)).map(useViewOf);
  return {
    org: { code: org.code, name: org.name },
    year: query.year,
    items,
    totalFen: items.reduce((sum, u) => sum + u.amountFen, 0),
    can: { edit: permission(ctx.actor, 'dues.manage', org.path) },
  };
}

function refuseFuture(usedOn: string, now: Date, lang: Lang): void {
  const today = chinaDate(now);
  if (usedOn > today) refuseFields([{ path: 'body.usedOn', key: 'dues.future', params: { date: usedOn, today } }], lang);
}

export async function recordUse(ctx: ServiceContext, input: UseInput, lang: Lang): Promise<UseView> {
  return write(ctx, async (w) => {
    const { org, post } = await managedOrg(ctx, input.orgCode, w.tx);
    refuseFuture(input.usedOn, w.now, lang);
    const [saved] = await w.tx.insert(duesUses).values({
      countyId: org.countyId, orgId: org.id, orgPath: org.path, usedOn: input.usedOn, amountFen: input.amountFen,
      purpose: input.purpose, description: input.description, recordedBy: ctx.actor.userId,
    }).returning();
    w.audit({
      action: 'dues.use', entityType: 'dues_use', entityId: saved!.id, entityLabel: `${orgLabel(org)} ${input.usedOn}`, orgPath: org.path, postId: post.postId,
      after: snapshot(saved!),
    });
    return useViewOf(saved!);
  });
}

/** A use the actor may read, locked, with its organization; anything else is not found. */
async function visibleUse(ctx: ServiceContext, tx: Db, id: string): Promise<{ use: UseRow; org: OrgRow }> {
  const [found] = await tx.select({ use: duesUses, org: organizations }).from(duesUses)
    .innerJoin(organizations, and(eq(organizations.countyId, duesUses.countyId), eq(organizations.id, duesUses.orgId)))
    .where(and(eq(duesUses.id, id), inScope(ctx.actor, 'person.read', { county: duesUses.countyId, path: duesUses.orgPath })))
    .for('update', { of: duesUses });
  if (!found) throw notFound('dues.use_not_found');
  return found;
}

export async function correctUse(ctx: ServiceContext, id: string, patch: UsePatch, lang: Lang): Promise<UseView> {
  return write(ctx, async (w) => {
    const { use, org } = await visibleUse(ctx, w.tx, id);
    const post = duesPost(ctx, org);
    const next = { ...use, ...patch };
    refuseFuture(next.usedOn, w.now, lang);
    const [saved] = await w.tx.update(duesUses).set({ purpose: next.purpose, description: next.description, usedOn: next.usedOn, amountFen: next.amountFen })
      .where(and(eq(duesUses.countyId, use.countyId), eq(duesUses.id, use.id))).returning();
    w.audit({
      action: 'dues.use_corrected', entityType: 'dues_use', entityId: use.id, entityLabel: `${orgLabel(org)} ${use.usedOn}`, orgPath: org.path, postId: post.postId,
      before: snapshot(use), after: snapshot(saved!),
    });
    return useViewOf(saved!);
  });
}

export async function deleteUse(ctx: ServiceContext, id: string): Promise<void> {
  await write(ctx, async (w) => {
    const { use, org } = await visibleUse(ctx, w.tx, id);
    const post = duesPost(ctx, org);
    await w.tx.delete(duesUses).where(and(eq(duesUses.countyId, use.countyId), eq(duesUses.id, use.id)));
    w.audit({
      action: 'dues.use_removed', entityType: 'dues_use', entityId: use.id, entityLabel: `${orgLabel(org)} ${use.usedOn}`, orgPath: org.path, postId: post.postId,
      before: snapshot(use), after: null,
    });
  });
}
