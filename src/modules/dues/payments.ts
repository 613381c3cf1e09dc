/**
 * The monthly sheet of a branch, and its payments: recorded in a batch, corrected or removed one by
 * one, each write audited. Every row is checked against the dues rules before anything is written.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { inScope, permission } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import { daysInMonth, formatDate } from '../../platform/dates.js';
import { notFound } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n/index.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { orgLabel, type OrgRow } from '../organizations/queries.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';
import { BEHIND_FLAG, type PaymentPatch, type PaymentsInput, type PaymentView, type SheetView } from './contracts.js';
import { yuan, RowProblems } from './problems.js';
import { duesPost, duesRecords, heldIn, managedOrg, membersBetween, readableOrg, settingsOf } from './queries.js';
import { withinBackPayment } from './rules.js';
import { duesPayments } from './schema.js';

type PaymentRow = typeof duesPayments.$inferSelect;
const viewOf = (p: PaymentRow): PaymentView => ({ id: p.id, month: p.month, amountFen: p.amountFen, paidOn: p.paidOn, paidBy: p.paidBy, note: p.note });
const monthSpan = (month: string) => [`${month}-01`, formatDate(Number(month.slice(0, 4)), Number(month.slice(5, 7)), daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7))))] as const;

export async function getSheet(ctx: ServiceContext, query: { org: string; month: string }): Promise<SheetView> {
  const org = await readableOrg(ctx, query.org);
  const members = (await membersBetween(ctx.db, org, ...monthSpan(query.month))).filter((m) => heldIn(m.stays, query.month));
  const records = await duesRecords(ctx.db, org.countyId, members.map((m) => m.id), query.month);
  const items = members.map((m) => {
    const monthlyFen = records.monthlyOf(m.id, query.month);
    const payment = records.paymentOf(m.id, query.month);
    const monthsBehind = records.behind(m.id);
    return { person: { id: m.id, name: m.name }, category: m.category, monthlyFen, payment: payment && viewOf(payment), monthsBehind, flagged: monthsBehind >= BEHIND_FLAG };
  });
  return {
    org: { code: org.code, name: org.name },
    month: query.month,
    items,
    totals: {
      expectedFen: items.reduce((sum, i) => sum + (i.monthlyFen ?? 0), 0),
      collectedFen: items.reduce((sum, i) => sum + (i.payment?.amountFen ?? 0), 0),
      membersPaid: items.filter((i) => i.payment).length,
      members: items.length,
      withoutBase: items.filter((i) => i.monthlyFen === null).length,
    },
    can: { edit: permission(ctx.actor, 'dues.manage', org.path) },
  };
}

interface Checked { month: string; amountFen: number; paidOn: string; note?: string | null }

/** The checks every payment passes, new or corrected: not dated ahead, within the back-payment limit, the monthly amount or a reason. */
function checkPayment(p: Checked, row: number, name: string, monthly: number | null, ctx: { today: string; limit: number }, problems: RowProblems) {
  if (p.paidOn > ctx.today) problems.add(row, 'paidOn', 'dues.row.future', { date: p.paidOn, today: ctx.today });
  if (!withinBackPayment(p.month, p.paidOn, ctx.limit)) problems.add(row, 'month', 'dues.row.beyond_back_payment', { month: p.month, limit: ctx.limit });
  if (monthly !== null && p.amountFen < monthly && !p.note) problems.add(row, 'amountFen', 'dues.row.below_monthly', { name, amount: yuan(p.amountFen), monthly: yuan(monthly) });
}

export async function recordPayments(ctx: ServiceContext, input: PaymentsInput, lang: Lang): Promise<{ items: PaymentView[] }> {
  return write(ctx, async (w) => {
    const { org, post } = await managedOrg(ctx, input.orgCode, w.tx);
    // One batch of a branch at a time, so that two sheets saved together cannot both pay a month.
    await w.tx.select({ id: organizations.id }).from(organizations).where(and(eq(organizations.countyId, org.countyId), eq(organizations.id, org.id))).for('update');
    const months = input.items.map((i) => i.month).sort();
    const members = new Map((await membersBetween(w.tx, org, `${months[0]}-01`, monthSpan(months.at(-1)!)[1])).map((m) => [m.id, m]));
    const { backPaymentMonths: limit } = await settingsOf(w.tx, org.countyId);
    const ids = [...new Set(input.items.map((i) => i.personId))];
    const existing = await w.tx.select({ personId: duesPayments.personId, month: duesPayments.month }).from(duesPayments)
      .where(and(eq(duesPayments.countyId, org.countyId), inArray(duesPayments.personId, ids), inArray(duesPayments.month, [...new Set(months)])));
    const taken = new Set(existing.map((e) => `${e.personId}|${e.month}`));
    const bases = await duesRecords(w.tx, org.countyId, ids, months.at(-1)!);
    const today = chinaDate(w.now);
    const problems = new RowProblems();
    input.items.forEach((item, i) => {
      const member = members.get(item.personId);
      if (!member) return problems.add(i, 'personId', 'dues.row.not_in_branch', { org: org.name });
      const key = `${item.personId}|${item.month}`;
      if (taken.has(key)) problems.add(i, 'month', 'dues.row.already_paid', { name: member.name, month: item.month });
      taken.add(key);
      if (!heldIn(member.stays, item.month)) problems.add(i, 'month', 'dues.row.outside_membership', { name: member.name, month: item.month, org: org.name });
      checkPayment(item, i, member.name, bases.monthlyOf(item.personId, item.month), { today, limit }, problems);
    });
    problems.refuse(lang);
    const saved = await w.tx.insert(duesPayments).values(input.items.map((item) => ({
      countyId: org.countyId, personId: item.personId, orgId: org.id, orgPath: org.path, month: item.month, amountFen: item.amountFen,
      paidOn: item.paidOn, paidBy: item.paidBy ?? null, note: item.note ?? null, recordedBy: ctx.actor.userId,
    }))).returning();
    w.audit({
      action: 'dues.payments', entityType: 'dues_payments', entityId: org.id, entityLabel: orgLabel(org), orgPath: org.path, postId: post.postId,
      after: saved.map((p) => ({ id: p.id, personId: p.personId, month: p.month, amountFen: p.amountFen, paidOn: p.paidOn, paidBy: p.paidBy, note: p.note })),
    });
    return { items: saved.map(viewOf) };
  });
}

/** A payment the actor may read, locked, with its organization and payer's name; anything else is not found. */
async function visiblePayment(ctx: ServiceContext, tx: ServiceContext['db'], id: string): Promise<{ payment: PaymentRow; org: OrgRow; name: string }> {
  const [found] = await tx.select({ payment: duesPayments, org: organizations, name: people.name }).from(duesPayments)
    .innerJoin(organizations, and(eq(organizations.countyId, duesPayments.countyId), eq(organizations.id, duesPayments.orgId)))
    .innerJoin(people, and(eq(people.countyId, duesPayments.countyId), eq(people.id, duesPayments.personId)))
    .where(and(eq(duesPayments.id, id), inScope(ctx.actor, 'person.read', { county: duesPayments.countyId, path: duesPayments.orgPath })))
    .for('update', { of: duesPayments });
  if (!found) throw notFound('dues.payment_not_found');
  return found;
}

const snapshot = ({ personId, month, amountFen, paidOn, paidBy, note }: PaymentRow) => ({ personId, month, amountFen, paidOn, paidBy, note });

export async function correctPayment(ctx: ServiceContext, id: string, patch: PaymentPatch, lang: Lang): Promise<PaymentView> {
  return write(ctx, async (w) => {
    const { payment, org, name } = await visiblePayment(ctx, w.tx, id);
    const post = duesPost(ctx, org);
    const next = { ...payment, ...patch };
    const { backPaymentMonths: limit } = await settingsOf(w.tx, org.countyId);
    const bases = await duesRecords(w.tx, org.countyId, [payment.personId], payment.month);
    const problems = new RowProblems();
    checkPayment(next, 0, name, bases.monthlyOf(payment.personId, payment.month), { today: chinaDate(w.now), limit }, problems);
    // One payment, not a batch: name the field alone.
    for (const f of problems.fields) f.path = f.path.replace('body.items.0.', 'body.');
    problems.refuse(lang);
    const [saved] = await w.tx.update(duesPayments).set({ amountFen: next.amountFen, paidOn: next.paidOn, paidBy: next.paidBy, note: next.note })
      .where(and(eq(duesPayments.countyId, payment.countyId), eq(duesPayments.id, payment.id))).returning();
    w.audit({
      action: 'dues.payment_corrected', entityType: 'dues_payment', entityId: payment.id, entityLabel: `${name} ${payment.month}`, orgPath: org.path, postId: post.postId,
      before: snapshot(payment), after: snapshot(saved!),
    });
    return viewOf(saved!);
  });
}

export async function deletePayment(ctx: ServiceContext, id: string): Promise<void> {
  await write(ctx, async (w) => {
    const { payment, org, name } = await visiblePayment(ctx, w.tx, id);
    const post = duesPost(ctx, org);
    await w.tx.delete(duesPayments).where(and(eq(duesPayments.countyId, payment.countyId), eq(duesPayments.id, payment.id)));
    w.audit({
      action: 'dues.payment_removed', entityType: 'dues_payment', entityId: payment.id, entityLabel: `${name} ${payment.month}`, orgPath: org.path, postId: post.postId,
      before: snapshot(payment), after: null,
    });
  });
}
