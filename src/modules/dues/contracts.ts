import { z } from 'zod';
import { isoDate, permission } from '../../platform/http/contracts.js';
import { orgCode } from '../organizations/contracts.js';
import { duesKinds, usePurposes } from './rules.js';

/**
 * Party dues (rules.md §3): the county's settings, each member's base and monthly amount for a year,
 * and the monthly sheet of a branch with its payments. Every amount is whole fen (分) in `…Fen`
 * fields: 0.2 元 is 20.
 */

export const duesKind = z.enum(duesKinds);

const fen = (max = 100_000_000) => z.number().int().min(0).max(max);
const positiveFen = z.number().int().min(1).max(100_000_000);
const text = (max: number) => z.string().trim().min(1).max(max);
/** A calendar month, 'YYYY-MM'. */
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
export const year = z.coerce.number().int().min(2000).max(2100);
const personRef = z.object({ id: z.string(), name: z.string() });
const orgRef = z.object({ code: z.string(), name: z.string() });

// Settings: the county administrator's (whoever manages the county's root organization).

export const settingsBody = z.strictObject({
  /** Farmers pay 0.2–1 元 a month as the province sets (rules.md §3.1). */
  farmerFen: z.number().int().min(20).max(100),
  /** Students, the unemployed, those on 低保, relief or pensions for the bereaved: 0.2 元 nationally. */
  lowIncomeFen: z.number().int().min(1).max(100),
  /** How many months back a month may still be paid (normally 6). */
  backPaymentMonths: z.number().int().min(1).max(24),
});
export type DuesSettingsInput = z.infer<typeof settingsBody>;
export const settingsView = settingsBody.extend({ can: z.object({ edit: permission }) });
export type DuesSettingsView = z.infer<typeof settingsView>;

// Bases: per member and year, in one branch.

export const orgYearQuery = z.strictObject({ org: z.string().trim().min(1).max(40), year });

export const baseInput = z.strictObject({
  personId: z.uuid(),
  kind: duesKind,
  /** Monthly after-tax pay, pension or average net income, for the kinds with a rate; absent for fixed amounts. */
  baseFen: fen(1_000_000_000).optional(),
  /** Defaults to what the rule gives; below it needs `reason` (hardship approved above); above it is voluntary. */
  monthlyFen: fen().optional(),
  reason: text(200).optional(),
});
export type BaseInput = z.infer<typeof baseInput>;

/** All rows of a branch and year at once: every row is checked first, and none is saved unless all pass. */
export const basesBody = z.strictObject({ orgCode, year: z.number().int().min(2000).max(2100), items: z.array(baseInput).min(1).max(2000) });
export type BasesInput = z.infer<typeof basesBody>;

export const basesView = z.object({
  org: orgRef,
  year: z.number().int(),
  items: z.array(z.object({
    person: personRef,
    /** Full or probationary, as the member stands now (or stood when their membership here ended). */
    category: z.string(),
    /** Their membership in the branch during the year: the months they owe here. */
    from: z.string().nullable(),
    to: z.string().nullable(),
    base: z.object({ kind: duesKind, baseFen: z.number().int().nullable(), monthlyFen: z.number().int(), reason: z.string().nullable() }).nullable(),
    /** What the rule gives for the saved kind and base (null without a base): below it the reason is shown. */
    ruleFen: z.number().int().nullable(),
  })),
  can: z.object({ edit: permission }),
});
export type BasesView = z.infer<typeof basesView>;

// The monthly sheet of a branch and its payments.

export const sheetQuery = z.strictObject({ org: z.string().trim().min(1).max(40), month });

export const paymentView = z.object({
  id: z.string(),
  month: z.string(),
  amountFen: z.number().int(),
  paidOn: z.string(),
  paidBy: z.string().nullable(),
  note: z.string().nullable(),
});
export type PaymentView = z.infer<typeof paymentView>;

/** Six months in a row unpaid without a valid reason is treated as leaving the Party (rules.md §1.4): flagged, never acted on. */
export const BEHIND_FLAG = 6;

export const sheetView = z.object({
  org: orgRef,
  month: z.string(),
  items: z.array(z.object({
    person: personRef,
    category: z.string(),
    /** The year's monthly amount; null while no base is set for the year. */
    monthlyFen: z.number().int().nullable(),
    payment: paymentView.nullable(),
    /**
     * Consecutive months up to and including this one left unpaid, counting only months the member owed
     * (a base set for the year with an amount above zero, a membership held in the county), over at most
     * the last 24 months.
     */
    monthsBehind: z.number().int(),
    /** monthsBehind ≥ 6. */
    flagged: z.boolean(),
  })),
  totals: z.object({
    /** The monthly amounts of members who owe this month. */
    expectedFen: z.number().int(),
    collectedFen: z.number().int(),
    membersPaid: z.number().int(),
    members: z.number().int(),
    /** Members without a base for the year: their amount is not in expectedFen. */
    withoutBase: z.number().int(),
  }),
  can: z.object({ edit: permission }),
});
export type SheetView = z.infer<typeof sheetView>;

export const paymentInput = z.strictObject({
  personId: z.uuid(),
  /** The month paid for; paid in advance or back-paid (at most the county's limit back). */
  month,
  amountFen: positiveFen,
  paidOn: isoDate,
  /** Who paid on the member's behalf (a relative, another member). */
  paidBy: text(50).optional(),
  /** Needed when paying less than the monthly amount (the reason); otherwise a free remark. */
  note: text(500).optional(),
});
export type PaymentInput = z.infer<typeof paymentInput>;

/** Payments for one branch in one batch, checked row by row first (refusals name `body.items.N.field`). */
export const paymentsBody = z.strictObject({ orgCode, items: z.array(paymentInput).min(1).max(2000) });
export type PaymentsInput = z.infer<typeof paymentsBody>;
export const paymentsCreated = z.object({ items: z.array(paymentView) });

export const paymentParams = z.strictObject({ id: z.uuid() });
/** A correction of one payment: the month stays (delete and record again to move it). */
export const paymentPatch = z.strictObject({
  amountFen: positiveFen.optional(),
  paidOn: isoDate.optional(),
  paidBy: text(50).nullable().optional(),
  note: text(500).nullable().optional(),
});
export type PaymentPatch = z.infer<typeof paymentPatch>;

// Collections per branch and month, remittances up the hierarchy, uses, the yearly published list.

const monthFigures = z.object({
  month: z.string(),
  /** The monthly amounts of the members who owed that month (a base set for the year, a membership held then). */
  expectedFen: z.number().int(),
  /** Payments for that month. */
  collectedFen: z.number().int(),
  /** The month's remittance to the committee above; null while none is recorded. */
  remittance: z.object({ id: z.string(), amountFen: z.number().int(), remittedOn: z.string(), note: z.string().nullable() }).nullable(),
});
const figureTotals = z.object({ expectedFen: z.number().int(), collectedFen: z.number().int(), remittedFen: z.number().int() });

export const collectionsView = z.object({
  org: orgRef,
  year: z.number().int(),
  months: z.array(z.string()),
  /** Every branch and joint branch in the subtree, by code. */
  branches: z.array(z.object({
    org: orgRef,
    months: z.array(monthFigures),
    totals: figureTotals,
    /** Whether the actor may record and correct this branch's remittances. */
    can: z.object({ remit: permission }),
  })),
  /** Per month over all branches, and the grand total. */
  totals: z.object({ months: z.array(figureTotals.extend({ month: z.string() })), all: figureTotals }),
});
export type CollectionsView = z.infer<typeof collectionsView>;

export const remittanceInput = z.strictObject({
  orgCode,
  /** The month whose collection is passed up. */
  month,
  amountFen: positiveFen,
  remittedOn: isoDate,
  note: text(500).optional(),
});
export type RemittanceInput = z.infer<typeof remittanceInput>;
export const remittanceParams = z.strictObject({ id: z.uuid() });
/** A correction: the month and the organizations stay (delete and record again to move it). */
export const remittancePatch = z.strictObject({
  amountFen: positiveFen.optional(),
  remittedOn: isoDate.optional(),
  note: text(500).nullable().optional(),
});
export type RemittancePatch = z.infer<typeof remittancePatch>;

export const remittanceView = z.object({
  id: z.string(),
  from: orgRef,
  to: orgRef,
  month: z.string(),
  amountFen: z.number().int(),
  remittedOn: z.string(),
  note: z.string().nullable(),
});
export type RemittanceView = z.infer<typeof remittanceView>;

export const remittancesView = z.object({
  org: orgRef,
  year: z.number().int(),
  /** Remitted by the organization and every organization below it in the year's months, by month and code. */
  items: z.array(remittanceView.extend({
    /** Received by this organization (rather than by one below it, or sent up by it). */
    received: z.boolean(),
    can: z.object({ edit: permission }),
  })),
  totals: z.object({ receivedFen: z.number().int(), sentFen: z.number().int() }),
});
export type RemittancesView = z.infer<typeof remittancesView>;

export const usePurpose = z.enum(usePurposes);

export const useInput = z.strictObject({
  orgCode,
  purpose: usePurpose,
  description: text(500),
  usedOn: isoDate,
  amountFen: positiveFen,
});
export type UseInput = z.infer<typeof useInput>;
export const useParams = z.strictObject({ id: z.uuid() });
export const usePatch = z.strictObject({
  purpose: usePurpose.optional(),
  description: text(500).optional(),
  usedOn: isoDate.optional(),
  amountFen: positiveFen.optional(),
});
export type UsePatch = z.infer<typeof usePatch>;

export const useView = z.object({ id: z.string(), purpose: usePurpose, description: z.string(), usedOn: z.string(), amountFen: z.number().int() });
export type UseView = z.infer<typeof useView>;
export const usesView = z.object({ org: orgRef, year: z.number().int(), items: z.array(useView), totalFen: z.number().int(), can: z.object({ edit: permission }) });
export type UsesView = z.infer<typeof usesView>;

/** The year's account of one organization, as published to its members (rules.md §3.2). */
export const publishedView = z.object({
  org: orgRef,
  year: z.number().int(),
  months: z.array(z.object({ month: z.string(), collectedFen: z.number().int(), receivedFen: z.number().int(), remittedFen: z.number().int() })),
  uses: z.array(useView),
  /** Who paid in the year: names and what they paid in all, never their pay or pension. */
  members: z.array(z.object({ name: z.string(), monthsPaid: z.number().int(), totalFen: z.number().int() })),
  totals: z.object({
    /** What was left at the end of the years before. */
    openingFen: z.number().int(),
    collectedFen: z.number().int(),
    /** Remitted to this organization by those below it. */
    receivedFen: z.number().int(),
    remittedFen: z.number().int(),
    usedFen: z.number().int(),
    /** opening + collected + received − remitted − used. */
    balanceFen: z.number().int(),
  }),
});
export type PublishedView = z.infer<typeof publishedView>;
