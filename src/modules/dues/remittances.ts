/**
 * Remittance up the hierarchy: an organization passes a month's dues to the nearest committee above
 * it (党委, 党工委 or 党总支), once per month and never more than it took in for that month. The
 * committee above sees what it received and, holding 'dues.manage' over the sender, corrects it.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { inScope, permission } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { notFound, type FieldProblem } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n/index.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { orgLabel, type OrgRow } from '../organizations/queries.js';
import { organizations } from '../organizations/schema.js';
import type { RemittanceInput, RemittancePatch, RemittancesView, RemittanceView } from './contracts.js';
import { refuseFields, yuan } from './problems.js';
import { duesPost, managedOrg, readableOrg } from './queries.js';
import { ancestorPaths, checkRemittance, receivingTypes, yearMonths } from './rules.js';
import { duesPayments, duesRemittances } from './schema.js';

type RemittanceRow = typeof duesRemittances.$inferSelect;
const receiver = alias(organizations, 'receiver');

/** The nearest committee above `org`, which its remittances go to. */
async function receivingOrg(db: Db, org: OrgRow): Promise<OrgRow | undefined> {
  const above = ancestorPaths(org.path);
  if (above.length === 0) return undefined;
  const [found] = await db.select().from(organizations)
    .where(and(eq(organizations.countyId, org.countyId), inArray(organizations.path, above), inArray(organizations.type, [...receivingTypes])))
    .orderBy(desc(organizations.depth)).limit(1);
  return found;
}

/** What `org` took in for `month`: its members' payments and what was remitted to it from below. */
async function availableFen(db: Db, org: OrgRow, month: string): Promise<number> {
  const [paid] = await db.select({ fen: sql<number>`coalesce(sum(${duesPayments.amountFen}), 0)::int` }).from(duesPayments)
    .where(and(eq(duesPayments.countyId, org.countyId), eq(duesPayments.orgId, org.id), eq(duesPayments.month, month)));
  const [received] = await db.select({ fen: sql<number>`coalesce(sum(${duesRemittances.amountFen}), 0)::int` }).from(duesRemittances)
    .where(and(eq(duesRemittances.countyId, org.countyId), eq(duesRemittances.toOrgId, org.id), eq(duesRemittances.month, month)));
  return paid!.fen + received!.fen;
}

/** Refuses a remittance that breaks a rule (rules.ts checkRemittance), naming each field. */
async function refuseBroken(db: Db, org: OrgRow, r: { month: string; amountFen: number; remittedOn: string }, today: string, lang: Lang): Promise<void> {
  const available = await availableFen(db, org, r.month);
  const fields: FieldProblem[] = checkRemittance(r, { today, availableFen: available }).map(({ field, problem }) => ({
    path: `body.${field}`,
    key: problem === 'exceeds' ? 'dues.remit_exceeds' : problem === 'future' ? 'dues.future' : 'dues.month_not_started',
    params: { amount: yuan(r.amountFen), month: r.month, collected: yuan(available), date: r.remittedOn, today },
  }));
  refuseFields(fields, lang);
}

const snapshot = ({ orgId, toOrgId, month, amountFen, remittedOn, note }: RemittanceRow) => ({ orgId, toOrgId, month, amountFen, remittedOn, note });

export async function recordRemittance(ctx: ServiceContext, input: RemittanceInput, lang: Lang): Promise<RemittanceView> {
  return write(ctx, async (w) => {
    const { org, post } = await managedOrg(ctx, input.orgCode, w.tx);
    // One remittance of an organization at a time, so that two cannot both pass the month's checks.
    await w.tx.select({ id: organizations.id }).from(organizations).where(and(eq(organizations.countyId, org.countyId), eq(organizations.id, org.id))).for('update');
    const to = await receivingOrg(w.tx, org);
    if (!to) refuseFields([{ path: 'body.orgCode', key: 'dues.no_parent', params: { org: org.name } }], lang);
    const [already] = await w.tx.select({ id: duesRemittances.id }).from(duesRemittances)
      .where(and(eq(duesRemittances.countyId, org.countyId), eq(duesRemittances.orgId, org.id), eq(duesRemittances.month, input.month)));
    if (already) refuseFields([{ path: 'body.month', key: 'dues.already_remitted', params: { org: org.name, month: input.month } }], lang);
    await refuseBroken(w.tx, org, input, chinaDate(w.now), lang);
    const [saved] = await w.tx.insert(duesRemittances).values({
      countyId: org.countyId, orgId: org.id, orgPath: org.path, toOrgId: to!.id, month: input.month, amountFen: input.amountFen,
      remittedOn: input.remittedOn, note: input.note ?? null, recordedBy: ctx.actor.userId,
    }).returning();
    w.audit({
      action: 'dues.remittance', entityType: 'dues_remittance', entityId: saved!.id, entityLabel: `${orgLabel(org)} ${input.month}`, orgPath: org.path, postId: post.postId,
      after: snapshot(saved!),
    });
    return viewOf(saved!, org, to!);
  });
}

const viewOf = (r: RemittanceRow, from: Pick<OrgRow, 'code' | 'name'>, to: Pick<OrgRow, 'code' | 'name'>): RemittanceView => ({
  id: r.id, from: { code: from.code, name: from.name }, to: { code: to.code, name: to.name }, month: r.month, amountFen: r.amountFen, remittedOn: r.remittedOn, note: r.note,
});

export async function listRemittances(ctx: ServiceContext, query: { org: string; year: number }): Promise<RemittancesView> {
  const org = await readableOrg(ctx, query.org);
  const months = yearMonths(query.year);
  const found = await ctx.db.select({ r: duesRemittances, from: organizations, to: { code: receiver.code, name: receiver.name } }).from(duesRemittances)
    .innerJoin(organizations, and(eq(organizations.countyId, duesRemittances.countyId), eq(organizations.id, duesRemittances.orgId)))
    .innerJoin(receiver, and(eq(receiver.countyId, duesRemittances.countyId), eq(receiver.id, duesRemittances.toOrgId)))
    .where(and(
      inScope(ctx.actor, 'person.read', { county: duesRemittances.countyId, path: duesRemittances.orgPath }),
      eq(duesRemittances.countyId, org.countyId), sql`${duesRemittances.orgPath} like ${org.path + '%'}`, inArray(duesRemittances.month, months),
    ))
    .orderBy(duesRemittances.month, organizations.code);
  const items = found.map(({ r, from, to }) => ({ ...viewOf(r, from, to), received: r.toOrgId === org.id, can: { edit: permission(ctx.actor, 'dues.manage', from.path) } }));
  const sum = (list: typeof found) => list.reduce((total, { r }) => total + r.amountFen, 0);
  return {
    org: { code: org.code, name: org.name },
    year: query.year,
    items,
    totals: { receivedFen: sum(found.filter(({ r }) => r.toOrgId === org.id)), sentFen: sum(found.filter(({ r }) => r.orgId === org.id)) },
  };
}

/** A remittance the actor may read, locked, with the sending and receiving organizations; anything else is not found. */
async function visibleRemittance(ctx: ServiceContext, tx: Db, id: string) {
  const [found] = await tx.select({ remittance: duesRemittances, org: organizations, to: { code: receiver.code, name: receiver.name } }).from(duesRemittances)
    .innerJoin(organizations, and(eq(organizations.countyId, duesRemittances.countyId), eq(organizations.id, duesRemittances.orgId)))
    .innerJoin(receiver, and(eq(receiver.countyId, duesRemittances.countyId), eq(receiver.id, duesRemittances.toOrgId)))
    .where(and(eq(duesRemittances.id, id), inScope(ctx.actor, 'person.read', { county: duesRemittances.countyId, path: duesRemittances.orgPath })))
    .for('update', { of: duesRemittances });
  if (!found) throw notFound('dues.remittance_not_found');
  return found;
}

export async function correctRemittance(ctx: ServiceContext, id: string, patch: RemittancePatch, lang: Lang): Promise<RemittanceView> {
  return write(ctx, async (w) => {
    const { remittance, org, to } = await visibleRemittance(ctx, w.tx, id);
    const post = duesPost(ctx, org);
    const next = { ...remittance, ...patch };
    await refuseBroken(w.tx, org, next, chinaDate(w.now), lang);
    const [saved] = await w.tx.update(duesRemittances).set({ amountFen: next.amountFen, remittedOn: next.remittedOn, note: next.note })
      .where(and(eq(duesRemittances.countyId, remittance.countyId), eq(duesRemittances.id, remittance.id))).returning();
    w.audit({
      action: 'dues.remittance_corrected', entityType: 'dues_remittance', entityId: remittance.id, entityLabel: `${orgLabel(org)} ${remittance.month}`, orgPath: org.path, postId: post.postId,
      before: snapshot(remittance), after: snapshot(saved!),
    });
    return viewOf(saved!, org, to);
  });
}

export async function deleteRemittance(ctx: ServiceContext, id: string): Promise<void> {
  await write(ctx, async (w) => {
    const { remittance, org } = await visibleRemittance(ctx, w.tx, id);
    const post = duesPost(ctx, org);
    await w.tx.delete(duesRemittances).where(and(eq(duesRemittances.countyId, remittance.countyId), eq(duesRemittances.id, remittance.id)));
    w.audit({
      action: 'dues.remittance_removed', entityType: 'dues_remittance', entityId: remittance.id, entityLabel: `${orgLabel(org)} ${remittance.month}`, orgPath: org.path, postId: post.postId,
      before: snapshot(remittance), after: null,
    });
  });
}
