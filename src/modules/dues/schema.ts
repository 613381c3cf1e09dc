import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { countyKey, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';

/**
 * Party dues (rules.md §3). Amounts are whole fen (分): 0.2 元 is 20, and no sum ever rounds.
 * The monthly amount of a member is fixed at the start of each year from their base and kind
 * (duesBases); each month paid is one payment (duesPayments); a branch remits what it collected
 * to the committee above (duesRemittances) and accounts for what it spent (duesUses).
 */
export const duesBases = pgTable(
  'dues_bases',
  {
    countyId: countyKey(),
    id: rowId(),
    personId: uuid('person_id').notNull(),
    /** The branch collecting from the member that year. */
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    year: integer('year').notNull(),
    /** How the amount is reckoned: see dues/rules.ts duesKinds. */
    kind: text('kind').notNull(),
    /** Monthly income (after tax), pension or average net income the rate applies to; null for fixed amounts. */
    baseFen: integer('base_fen'),
    monthlyFen: integer('monthly_fen').notNull(),
    /** Why the amount differs from what the rule gives (hardship approved above, voluntary more). */
    reason: text('reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.personId], foreignColumns: [people.countyId, people.id] }),
    foreignKey({ columns: [t.countyId, t.orgId], foreignColumns: [organizations.countyId, organizations.id] }),
    unique('dues_bases_person_year').on(t.countyId, t.personId, t.year),
    index('dues_bases_org_path').using('btree', t.orgPath.op('text_pattern_ops')),
    check('dues_bases_amounts', sql`${t.monthlyFen} >= 0 and (${t.baseFen} is null or ${t.baseFen} >= 0)`),
  ],
);

export const duesPayments = pgTable(
  'dues_payments',
  {
    countyId: countyKey(),
    id: rowId(),
    personId: uuid('person_id').notNull(),
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    /** The month paid for, 'YYYY-MM'; paid on `paidOn`, which may be later (back-payment) or earlier (in advance). */
    month: text('month').notNull(),
    amountFen: integer('amount_fen').notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    /** Who paid on the member's behalf (a relative, another member), as the register names them. */
    paidBy: text('paid_by'),
    note: text('note'),
    recordedBy: uuid('recorded_by'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.personId], foreignColumns: [people.countyId, people.id] }),
    foreignKey({ columns: [t.countyId, t.orgId], foreignColumns: [organizations.countyId, organizations.id] }),
    // One payment per member and month: a second is refused, a correction edits the first.
    unique('dues_payments_person_month').on(t.countyId, t.personId, t.month),
    index('dues_payments_org_month').on(t.countyId, t.orgId, t.month),
    index('dues_payments_org_path').using('btree', t.orgPath.op('text_pattern_ops')),
    check('dues_payments_month', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check('dues_payments_amount', sql`${t.amountFen} > 0`),
  ],
);

/** What an organization passed up to the committee above, for a month's collection. */
export const duesRemittances = pgTable(
  'dues_remittances',
  {
    countyId: countyKey(),
    id: rowId(),
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    toOrgId: uuid('to_org_id').notNull(),
    month: text('month').notNull(),
    amountFen: integer('amount_fen').notNull(),
    remittedOn: date('remitted_on', { mode: 'string' }).notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.orgId], foreignColumns: [organizations.countyId, organizations.id] }),
    foreignKey({ columns: [t.countyId, t.toOrgId], foreignColumns: [organizations.countyId, organizations.id] }),
    unique('dues_remittances_org_month').on(t.countyId, t.orgId, t.month),
    index('dues_remittances_org_path').using('btree', t.orgPath.op('text_pattern_ops')),
    check('dues_remittances_month', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check('dues_remittances_amount', sql`${t.amountFen} > 0`),
  ],
);

/** Dues spent (rules.md §3.3), each with its purpose; published with the collections once a year. */
export const duesUses = pgTable(
  'dues_uses',
  {
    countyId: countyKey(),
    id: rowId(),
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    usedOn: date('used_on', { mode: 'string' }).notNull(),
    amountFen: integer('amount_fen').notNull(),
    /** See dues/rules.ts usePurposes. */
    purpose: text('purpose').notNull(),
    description: text('description').notNull(),
    recordedBy: uuid('recorded_by'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.orgId], foreignColumns: [organizations.countyId, organizations.id] }),
    index('dues_uses_org_path').using('btree', t.orgPath.op('text_pattern_ops')),
    check('dues_uses_amount', sql`${t.amountFen} > 0`),
  ],
);

/** A county's settings of what the national rules leave to the province (rules.md §3.1–3.2). */
export const duesSettings = pgTable(
  'dues_settings',
  {
    countyId: countyKey().primaryKey(),
    /** Farmers pay 0.2–1 元 a month, as the province sets. */
    farmerFen: integer('farmer_fen').notNull().default(20),
    /** Students, the unemployed, those on 低保 or relief: 0.2 元 unless set otherwise. */
    lowIncomeFen: integer('low_income_fen').notNull().default(20),
    /** Back-payment is normally limited to 6 months. */
    backPaymentMonths: integer('back_payment_months').notNull().default(6),
    updatedAt: updatedAt(),
  },
  (t) => [check('dues_settings_amounts', sql`${t.farmerFen} between 1 and 1000 and ${t.lowIncomeFen} between 1 and 1000 and ${t.backPaymentMonths} between 1 and 24`)],
);
