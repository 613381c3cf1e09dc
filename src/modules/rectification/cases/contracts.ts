import { z } from 'zod';
import { isoDate, permission } from '../../../platform/http/contracts.js';
import { acceptanceResults, caseStates } from './rules.js';

/**
 * The rectification ledger (整顿台账): a defined organization's case from plan to closure, the county's
 * settings, the board of a subtree, accountability events and the yearly summary.
 */

export const caseState = z.enum(caseStates);
export const acceptanceResult = z.enum(acceptanceResults);

const text = (max: number) => z.string().trim().min(1).max(max);
const year = z.coerce.number().int().min(2000).max(2100);
const orgRef = z.object({ code: z.string(), name: z.string() });

// Settings: the county administrator's.

export const cadence = z.union([
  z.strictObject({ unit: z.enum(['week', 'month']) }),
  /** Every N days counted from the plan's approval (e.g. 3: "每三天一报"). */
  z.strictObject({ everyDays: z.number().int().min(1).max(31) }),
]);

export const settingsBody = z.strictObject({
  cadence,
  watchMonths: z.number().int().min(1).max(60),
  basicPassExtraMonths: z.number().int().min(0).max(36),
  passScore: z.number().min(0).max(100),
  /** A public survey with more than this share dissatisfied (in thousandths) fails the acceptance. */
  failDissatisfiedPermille: z.number().int().min(0).max(1000),
  /** The default score sheet; its maxima sum to 100. */
  scoreSheet: z.array(z.strictObject({ item: text(100), max: z.number().min(0.5).max(100) })).min(1).max(30),
});
export type RectificationSettings = z.infer<typeof settingsBody>;
export const settingsView = settingsBody.extend({ can: z.object({ edit: permission }) });

// What a button may do, and if not, why (an access reason, or the ledger's own message).
export const actionView = permission.extend({ message: z.string().optional() });
export type ActionView = z.infer<typeof actionView>;

// Writes on a case.

export const caseParams = z.strictObject({ id: z.uuid() });
export const itemParams = z.strictObject({ id: z.uuid(), itemId: z.uuid() });

export const planBody = z.strictObject({
  items: z.array(z.strictObject({
    problem: text(500),
    measure: text(1000),
    responsible: text(60),
    responsiblePersonId: z.uuid().nullable().optional(),
    deadline: isoDate,
  })).min(1).max(50),
});
export type PlanInput = z.infer<typeof planBody>;

export const approveBody = z.strictObject({ approvedOn: isoDate.optional(), deadline: isoDate });
export const dayBody = z.strictObject({ on: isoDate.optional() });

export const groupBody = z.strictObject({
  groupLeader: text(60).nullable(),
  groupMembers: z.array(text(60)).max(30),
  dispatchedUnits: z.array(text(100)).max(20),
  /** A person on record, or only a name. */
  firstSecretaryId: z.uuid().nullable(),
  firstSecretaryName: text(60).nullable(),
  countyLeader: text(60).nullable(),
});
export type GroupInput = z.infer<typeof groupBody>;

export const itemDoneBody = z.strictObject({ doneOn: isoDate, evidence: text(2000) });

export const reportBody = z.strictObject({
  content: text(4000),
  /** A day of the period the report is for; by default the period of today. */
  forDay: isoDate.optional(),
});

export const acceptanceBody = z.strictObject({
  acceptedOn: isoDate,
  scoreSheet: z.array(z.strictObject({ item: text(100), max: z.number().min(0).max(100), score: z.number().min(0).max(100) })).min(1).max(30),
  dissatisfiedPermille: z.number().int().min(0).max(1000).nullable().optional(),
  result: acceptanceResult,
  reasons: text(2000).nullable().optional(),
  newDeadline: isoDate.nullable().optional(),
});
export type AcceptanceInput = z.infer<typeof acceptanceBody>;

// Reading.

export const boardQuery = z.strictObject({
  org: z.string().trim().min(1).max(40),
  year,
  state: caseState.optional(),
});
export const subtreeQuery = z.strictObject({ org: z.string().trim().min(1).max(40), year });

export const caseSummary = z.object({
  id: z.string(),
  org: orgRef,
  township: orgRef.nullable(),
  year: z.number().int(),
  state: caseState,
  definedOn: z.string(),
  deadline: z.string().nullable(),
  watchUntil: z.string().nullable(),
  closedOn: z.string().nullable(),
  lastReportOn: z.string().nullable(),
  categories: z.array(z.string()),
  departments: z.array(z.string()),
  overdue: z.boolean(),
  overdueItems: z.number().int(),
  missedReports: z.number().int(),
});
export type CaseSummary = z.infer<typeof caseSummary>;

export const boardView = z.object({
  org: orgRef,
  year: z.number().int(),
  cases: z.array(caseSummary),
  states: z.record(z.string(), z.number().int()),
});
export type BoardView = z.infer<typeof boardView>;

const missed = z.object({ periodKey: z.string(), start: z.string(), end: z.string(), lateOn: z.string().nullable() });

export const caseView = caseSummary.extend({
  basis: z.string(),
  planApprovedOn: z.string().nullable(),
  group: z.object({
    leader: z.string().nullable(),
    members: z.array(z.string()),
    dispatchedUnits: z.array(z.string()),
    firstSecretary: z.object({ id: z.string().nullable(), name: z.string() }).nullable(),
    countyLeader: z.string().nullable(),
  }),
  findings: z.array(z.object({
    id: z.string(), criterionCode: z.string(), criterionTitle: z.string(), category: z.string(), channel: z.string(), evidence: z.string(), foundOn: z.string(),
  })),
  items: z.array(z.object({
    id: z.string(), position: z.number().int(), problem: z.string(), measure: z.string(), responsible: z.string(), responsiblePersonId: z.string().nullable(),
    deadline: z.string(), doneOn: z.string().nullable(), evidence: z.string().nullable(), overdue: z.boolean(),
  })),
  reports: z.array(z.object({ id: z.string(), periodKey: z.string(), reportedOn: z.string(), content: z.string(), late: z.boolean() })),
  acceptances: z.array(z.object({
    id: z.string(), acceptedOn: z.string(), scoreSheet: z.array(z.object({ item: z.string(), max: z.number(), score: z.number() })), score: z.number(),
    dissatisfiedPermille: z.number().int().nullable(), result: acceptanceResult, reasons: z.string().nullable(), newDeadline: z.string().nullable(),
  })),
  events: z.array(z.object({ id: z.string(), day: z.string(), action: z.string(), fromState: z.string().nullable(), toState: z.string(), note: z.string().nullable() })),
  missed: z.array(missed),
  /** The period a report filed today is for, while reports are due. */
  currentPeriod: z.object({ key: z.string(), start: z.string(), end: z.string() }).nullable(),
  can: z.object({
    editPlan: actionView, approvePlan: actionView, start: actionView, editGroup: actionView, markItem: actionView, report: actionView,
    requestAcceptance: actionView, accept: actionView, close: actionView,
  }),
});
export type CaseView = z.infer<typeof caseView>;

export const accountabilityView = z.object({
  org: orgRef,
  year: z.number().int(),
  byTownship: z.array(z.object({ code: z.string(), name: z.string(), missedReports: z.number().int(), overdueItems: z.number().int(), overdueCases: z.number().int() })),
  events: z.array(z.object({
    kind: z.enum(['missed_report', 'overdue_item', 'overdue_case']),
    caseId: z.string(),
    org: orgRef,
    township: orgRef.nullable(),
    /** The period missed, or the deadline passed. */
    what: z.string(),
    day: z.string(),
  })),
});
export type AccountabilityView = z.infer<typeof accountabilityView>;

export const summaryView = z.object({
  screened: z.number().int(),
  defined: z.number().int(),
  rectifying: z.number().int(),
  accepted: z.number().int(),
  failedAcceptance: z.number().int(),
  inWatch: z.number().int(),
  closed: z.number().int(),
  rebounds: z.number().int(),
  byCriterion: z.array(z.object({ code: z.string(), title: z.string(), category: z.string(), organizations: z.number().int() })),
  byCategory: z.array(z.object({ category: z.string(), organizations: z.number().int() })),
  byTownship: z.array(z.object({ code: z.string(), name: z.string(), screened: z.number().int(), withFindings: z.number().int(), defined: z.number().int() })),
});
export type SummaryView = z.infer<typeof summaryView>;
