import { z } from 'zod';
import { isoDate } from '../../platform/http/contracts.js';
import { periodUnits } from '../../platform/cadence/periods.js';
import { cellStatuses } from '../../platform/cadence/status.js';
import { subjectTypes } from './catalogue.js';

/** Cadence rules in force and their compliance: per organization and period, done, due or overdue. */

export const ruleId = z.string().trim().regex(/^[a-z][a-z0-9_]{2,59}$/, '规则编号为小写字母、数字和下划线，3–60 位');

export const cadenceRuleView = z.object({
  id: z.string(),
  eventKind: z.string(),
  subjectType: z.enum(subjectTypes),
  period: z.enum(periodUnits),
  min: z.number().int(),
  dueFromMonth: z.number().int().nullable(),
  /** "at least 1 支委会 a month for each 党支部" in the reader's language, after the county's name for it. */
  label: z.string(),
  /** The county's own name for the rule (周一例会), if it gave one. */
  name: z.string().nullable(),
  source: z.enum(['national', 'local']),
  /** A national rule the county changed. */
  changed: z.boolean(),
});
export type CadenceRuleView = z.infer<typeof cadenceRuleView>;
export const rulesBody = z.object({ items: z.array(cadenceRuleView) });

/** A county's own rule, or its change to a national one (same id); county administrators only. */
export const ruleBody = z.strictObject({
  eventKind: z.string().trim().min(1).max(40),
  subjectType: z.enum(subjectTypes),
  period: z.enum(periodUnits),
  min: z.number().int().min(1).max(100),
  dueFromMonth: z.number().int().min(1).max(12).nullable().default(null),
  label: z.string().trim().min(2).max(60).nullable().default(null),
  enabled: z.boolean().default(true),
});
export const ruleParams = z.strictObject({ id: ruleId });

export const complianceQuery = z.strictObject({
  rule: ruleId,
  /** The subtree (default: the widest the user may read). */
  org: z.string().trim().max(40).optional(),
  /** Periods overlapping these days; default the current year up to today's period. */
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const cellStatus = z.enum(cellStatuses);

export const periodView = z.object({ key: z.string(), label: z.string(), start: z.string(), end: z.string() });

export const complianceBody = z.object({
  rule: cadenceRuleView,
  org: z.object({ code: z.string(), name: z.string() }),
  periods: z.array(periodView),
  /** One row per subject of the subtree, with the direct child of `org` it lies under (for the roll-up). */
  rows: z.array(z.object({
    org: z.object({ code: z.string(), name: z.string() }),
    under: z.object({ code: z.string(), name: z.string() }).nullable(),
    /** In the order of `periods`; null where the organization did not exist. */
    cells: z.array(z.object({ held: z.number().int(), status: cellStatus }).nullable()),
  })),
  /** Per period: how many subjects are done, due, overdue, not yet due. */
  summary: z.array(z.object({ period: z.string(), done: z.number().int(), due: z.number().int(), overdue: z.number().int(), notDue: z.number().int() })),
  /** Per direct child of `org` (village → township → county): subjects, and cells overdue and due over all periods. */
  rollup: z.array(z.object({ code: z.string(), name: z.string(), subjects: z.number().int(), overdue: z.number().int(), due: z.number().int(), done: z.number().int() })),
});
export type ComplianceView = z.infer<typeof complianceBody>;
