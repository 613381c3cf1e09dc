import { z } from 'zod';
import { isoDate, permission } from '../../../platform/http/contracts.js';
import { criterionCategories, screeningSettingSchema } from '../criteria.js';

/**
 * Screening (排查) and definition (认定): the county's criteria, rounds, findings from four channels and
 * from the automatic indicators, the grid of a round and its figures.
 */

export const settingsBody = screeningSettingSchema;
export const settingsView = screeningSettingSchema.extend({ can: z.object({ edit: permission }) });
export type ScreeningSettingsView = z.infer<typeof settingsView>;

export const roundPeriods = ['year', 'Q1', 'Q2', 'Q3', 'Q4'] as const;
export const channels = ['self', 'masses', 'check', 'department'] as const;
export const findingStatuses = ['proposed', 'confirmed', 'dismissed'] as const;
export const caseStates = ['identified', 'plan_approved', 'rectifying', 'acceptance_requested', 'under_watch', 'closed'] as const;

const orgRef = z.object({ code: z.string(), name: z.string() });

export const openRoundBody = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  period: z.enum(roundPeriods),
  title: z.string().trim().min(1).max(100),
});
export type OpenRoundInput = z.infer<typeof openRoundBody>;

export const roundParams = z.strictObject({ id: z.uuid() });
export const findingParams = z.strictObject({ id: z.uuid() });

export const roundSummary = z.object({
  id: z.string(),
  year: z.number().int(),
  period: z.enum(roundPeriods),
  title: z.string(),
  status: z.enum(['open', 'closed']),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
});
export type RoundSummary = z.infer<typeof roundSummary>;

export const roundListView = z.object({
  items: z.array(roundSummary),
  can: z.object({ open: permission }),
});
export type RoundListView = z.infer<typeof roundListView>;

export const findingBody = z.strictObject({
  orgCode: z.string().trim().min(1).max(40),
  criterionCode: z.string().trim().min(1).max(20),
  channel: z.enum(channels),
  /** For the department channel: which department reports it. */
  department: z.string().trim().min(1).max(60).optional(),
  evidence: z.string().trim().min(1).max(2000),
  foundOn: isoDate,
});
export type FindingInput = z.infer<typeof findingBody>;

export const dismissBody = z.strictObject({ reason: z.string().trim().min(1).max(500) });

export const findingView = z.object({
  id: z.string(),
  org: orgRef,
  criterion: z.object({ code: z.string(), title: z.string(), category: z.enum(criterionCategories) }),
  channel: z.enum(channels),
  checkLevel: z.enum(['township', 'county']).nullable(),
  department: z.string().nullable(),
  evidence: z.string(),
  foundOn: z.string(),
  source: z.enum(['manual', 'indicator']),
  measured: z.string().nullable(),
  status: z.enum(findingStatuses),
  dismissReason: z.string().nullable(),
  recordedBy: z.string().nullable(),
  decidedOn: z.string().nullable(),
  can: z.object({ decide: permission }),
});
export type FindingView = z.infer<typeof findingView>;

/** A confirmed finding and, when it was a rebound, the case it reopened. */
export const findingResult = z.object({
  finding: findingView,
  relapsed: z.object({ caseId: z.string(), org: orgRef, message: z.string() }).nullable(),
});
export type FindingResult = z.infer<typeof findingResult>;

export const proposalsResult = z.object({
  created: z.number().int(),
  /** Villages evaluated. */
  villages: z.number().int(),
  proposals: z.array(findingView),
  /** Indicators left out, e.g. an active criterion without data to measure it. */
  message: z.string(),
});
export type ProposalsResult = z.infer<typeof proposalsResult>;

export const definitionBody = z.strictObject({
  orgCode: z.string().trim().min(1).max(40),
  definedOn: isoDate,
  /** The decision defining it (e.g. 县委常委会 2026年3月10日会议). */
  basis: z.string().trim().min(1).max(500),
});
export type DefinitionInput = z.infer<typeof definitionBody>;
export const definitionResult = z.object({ caseId: z.string(), org: orgRef, definedOn: z.string(), basis: z.string() });

export const figuresView = z.object({
  screened: z.number().int(),
  withFindings: z.number().int(),
  defined: z.number().int(),
  byCriterion: z.array(z.object({ code: z.string(), title: z.string(), category: z.string(), organizations: z.number().int() })),
  byCategory: z.array(z.object({ category: z.string(), organizations: z.number().int() })),
  byTownship: z.array(z.object({ code: z.string(), name: z.string(), screened: z.number().int(), withFindings: z.number().int(), defined: z.number().int() })),
});

const cell = z.object({ criterion: z.string(), confirmed: z.number().int(), proposed: z.number().int(), channels: z.array(z.enum(channels)) });

export const gridView = z.object({
  round: roundSummary,
  criteria: z.array(z.object({ code: z.string(), title: z.string(), category: z.enum(criterionCategories), active: z.boolean(), indicator: z.string().nullable() })),
  townships: z.array(z.object({
    code: z.string(),
    name: z.string(),
    rows: z.array(z.object({
      org: orgRef,
      cells: z.array(cell),
      confirmed: z.number().int(),
      proposed: z.number().int(),
      defined: z.boolean(),
      caseState: z.enum(caseStates).nullable(),
    })),
  })),
  figures: figuresView,
  /** The quota policy beside the count, e.g. "限额 10%：115 个村应不超过 12 个，已认定 11 个". */
  quota: z.string(),
  can: z.object({ propose: permission, define: permission, close: permission, check: permission }),
});
export type GridView = z.infer<typeof gridView>;

export const orgFindingsQuery = z.strictObject({ org: z.string().trim().min(1).max(40), criterion: z.string().trim().min(1).max(20).optional() });
export const orgFindingsView = z.object({
  round: roundSummary,
  org: orgRef,
  findings: z.array(findingView),
  defined: z.object({ caseId: z.string(), definedOn: z.string(), basis: z.string(), state: z.enum(caseStates) }).nullable(),
  /** An open case of an earlier round, which bars defining it again. */
  openCase: z.object({ roundTitle: z.string(), state: z.enum(caseStates) }).nullable(),
  can: z.object({ self: permission, check: permission, department: permission, define: permission }),
});
export type OrgFindingsView = z.infer<typeof orgFindingsView>;
