/**
 * The year's account of an organization as the branch publishes it to its members at least once a
 * year (rules.md §3.2): collected month by month, received from below, remitted up, spent, and the
 * balance carried over; and who paid, with their totals only (never a pay base or pension).
 */
import { and, eq, gte, lt, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/database.js';
import type { ServiceContext } from '../../platform/service.js';
import { visibleOrg, type OrgRow } from '../organizations/queries.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';
import type { PublishedView } from './contracts.js';
import { yearMonths } from './rules.js';
import { duesPayments, duesRemittances, duesUses } from './schema.js';
import { usesOf, useViewOf } from './uses.js';

const receiver = alias(organizations, 'receiver');
const fenSum = (column: typeof duesPayments.amountFen | typeof duesUses.amountFen) => sql<number>`coalesce(sum(${column}), 0)::int`;

/** What came in and went out before the year: the balance the year opens with. */
async function openingFen(db: Db, org: OrgRow, year: number): Promise<number> {
  const first = `${year}-01`;
  const [paid] = await db.select({ fen: fenSum(duesPayments.amountFen) }).from(duesPayments)
    .where(and(eq(duesPayments.countyId, org.countyId), eq(duesPayments.orgId, org.id), lt(duesPayments.month, first)));
  const [moved] = await db.select({ fen: sql<number>`coalesce(sum(case when ${duesRemittances.toOrgId} = ${org.id} then ${duesRemittances.amountFen} else -${duesRemittances.amountFen} end), 0)::int` })
    .from(duesRemittances)
    .where(and(eq(duesRemittances.countyId, org.countyId), or(eq(duesRemittances.orgId, org.id), eq(duesRemittances.toOrgId, org.id)), lt(duesRemittances.month, first)));
  const [used] = await db.select({ fen: fenSum(duesUses.amountFen) }).from(duesUses)
    .where(and(eq(duesUses.countyId, org.countyId), eq(duesUses.orgId, org.id), lt(duesUses.usedOn, `${year}-01-01`)));
  return paid!.fen + moved!.fen - used!.fen;
}

/** The year of one organization: payments to it, remittances from and to it, uses, and the sums. */
export async function yearAccount(db: Db, org: OrgRow, year: number) {
  const months = yearMonths(year);
  const inYear = <C extends typeof duesPayments.month | typeof duesRemittances.month>(column: C) => and(gte(column, months[0]!), lte(column, months.at(-1)!));
  const payments = await db.select({ personId: duesPayments.personId, name: people.name, month: duesPayments.month, amountFen: duesPayments.amountFen }).from(duesPayments)
    .innerJoin(people, and(eq(people.countyId, duesPayments.countyId), eq(people.id, duesPayments.personId)))
    .where(and(eq(duesPayments.countyId, org.countyId), eq(duesPayments.orgId, org.id), inYear(duesPayments.month)))
    .orderBy(people.pinyin, people.name, duesPayments.month);
  const remittances = await db.select({ r: duesRemittances, from: { code: organizations.code, name: organizations.name }, to: { code: receiver.code, name: receiver.name } })
    .from(duesRemittances)
    .innerJoin(organizations, and(eq(organizations.countyId, duesRemittances.countyId), eq(organizations.id, duesRemittances.orgId)))
    .innerJoin(receiver, and(eq(receiver.countyId, duesRemittances.countyId), eq(receiver.id, duesRemittances.toOrgId)))
    .where(and(eq(duesRemittances.countyId, org.countyId), or(eq(duesRemittances.orgId, org.id), eq(duesRemittances.toOrgId, org.id)), inYear(duesRemittances.month)))
    .orderBy(duesRemittances.month, organizations.code);
  const sent = remittances.filter(({ r }) => r.orgId === org.id);
  const received = remittances.filter(({ r }) => r.toOrgId === org.id);
  const uses = await usesOf(db, org, year);
  const sum = (items: { amountFen: number }[]) => items.reduce((total, i) => total + i.amountFen, 0);
  const sumOf = (items: typeof remittances) => sum(items.map(({ r }) => r));
  const perMonth = months.map((month) => ({
    month,
    collectedFen: sum(payments.filter((p) => p.month === month)),
    receivedFen: sumOf(received.filter(({ r }) => r.month === month)),
    remittedFen: sumOf(sent.filter(({ r }) => r.month === month)),
  }));
  const opening = await openingFen(db, org, year);
  const totals = {
    openingFen: opening,
    collectedFen: sum(payments),
    receivedFen: sumOf(received),
    remittedFen: sumOf(sent),
    usedFen: sum(uses),
  };
  return { months: perMonth, payments, sent, received, uses, totals: { ...totals, balanceFen: opening + totals.collectedFen + totals.receivedFen - totals.remittedFen - totals.usedFen } };
}

/** Published to the members: whoever may see the organization reads it, its members included (totals only, never a pay base). */
export async function getPublished(ctx: ServiceContext, query: { org: string; year: number }): Promise<PublishedView> {
  const org = await visibleOrg(ctx, query.org);
  const account = await yearAccount(ctx.db, org, query.year);
  const members = new Map<string, { name: string; monthsPaid: number; totalFen: number }>();
  for (const p of account.payments) {
    const m = members.get(p.personId) ?? { name: p.name, monthsPaid: 0, totalFen: 0 };
    m.monthsPaid++;
    m.totalFen += p.amountFen;
    members.set(p.personId, m);
  }
  return {
    org: { code: org.code, name: org.name },
    year: query.year,
    months: account.months,
    uses: account.uses.map(useViewOf),
    members: [...members.values()],
    totals: account.totals,
  };
}
