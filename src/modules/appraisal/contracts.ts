import { z } from 'zod';
import { isoDate, permission } from '../../platform/http/contracts.js';
import { orgCode } from '../organizations/contracts.js';
import { entryCategories, followupActions, followupOutcomes, grades } from './rules.js';

/**
 * The democratic appraisal of members (民主评议党员): a branch's round for a year, each member's
 * evaluations and grade, the follow-ups of members graded 不合格, and the county's cap on 优秀.
 */

export const grade = z.enum(grades);
export const followupAction = z.enum(followupActions);
export const followupOutcome = z.enum(followupOutcomes);

const text = (max: number) => z.string().trim().min(1).max(max);
const count = z.number().int().min(0).max(100_000);
const year = z.number().int().min(2000).max(2100);
const personRef = z.object({ id: z.string(), name: z.string() });
const orgRef = z.object({ code: z.string(), name: z.string() });

// Settings: the county administrator's.

export const settingsBody = z.strictObject({
  /** The cap on 优秀 in thousandths of the full members graded (333: about a third). */
  excellentCapPermille: z.number().int().min(0).max(1000),
  /** From this month on, a branch without the year's round sees it on its to-do list (10: Q4, with the life meeting). */
  remindFromMonth: z.number().int().min(1).max(12),
});
export type AppraisalSettings = z.infer<typeof settingsBody>;
export const settingsView = settingsBody.extend({ can: z.object({ edit: permission }) });
export type AppraisalSettingsView = z.infer<typeof settingsView>;

// Rounds.

export const openRoundBody = z.strictObject({ orgCode, year, openedOn: isoDate });
export type OpenRoundInput = z.infer<typeof openRoundBody>;

export const roundParams = z.strictObject({ id: z.uuid() });
export const entryParams = z.strictObject({ id: z.uuid(), personId: z.uuid() });
export const followupParams = z.strictObject({ id: z.uuid(), fid: z.uuid() });

export const roundListQuery = z.strictObject({
  /** The subtree: a branch, or a township or the county for all their branches. */
  org: z.string().trim().min(1).max(40),
  year: z.coerce.number().int().min(2000).max(2100),
});

const gradeCounts = z.object({ excellent: z.number().int(), qualified: z.number().int(), basically_qualified: z.number().int(), unqualified: z.number().int() });

export const roundSummary = z.object({
  id: z.string(),
  status: z.enum(['open', 'graded']),
  openedOn: z.string(),
  gradedOn: z.string().nullable(),
  members: z.number().int(),
  full: z.number().int(),
  /** Members with anything of their evaluation recorded. */
  evaluated: z.number().int(),
  graded: z.number().int(),
  grades: gradeCounts,
  /** The most 优秀 the round allows. */
  excellentCap: z.number().int(),
});
export type RoundSummary = z.infer<typeof roundSummary>;

export const roundListView = z.object({
  org: orgRef,
  year: z.number().int(),
  /** Every branch of the subtree, with its round or null when not started. */
  items: z.array(z.object({
    org: orgRef,
    /** The child of the asked organization the branch lies under (itself when it is one): the township in a county. */
    under: orgRef,
    round: roundSummary.nullable(),
    can: z.object({ open: permission }),
  })),
});
export type RoundListView = z.infer<typeof roundListView>;

const mutualFields = { mutualExcellent: count, mutualQualified: count, mutualBasic: count, mutualUnqualified: count };
const massesFields = { massesSatisfied: count, massesBasic: count, massesUnsatisfied: count };

/** One member's evaluations as the grid sends them: the self-assessment, the mutual votes, the masses' opinions. */
export const evaluationBody = z.strictObject({
  selfAssessment: text(4000).nullable().optional(),
  ...mutualFields,
  ...massesFields,
  massesOpinion: text(4000).nullable().optional(),
});
export type EvaluationInput = z.infer<typeof evaluationBody>;
export const evaluationsBody = z.strictObject({ items: z.array(evaluationBody.extend({ personId: z.uuid() })).min(1).max(500) });
export type EvaluationsInput = z.infer<typeof evaluationsBody>;

export const gradeBody = z.strictObject({
  gradedOn: isoDate,
  /** The members' meeting or life meeting of the branch that decided the grades. */
  meetingId: z.uuid().nullable().optional(),
  grades: z.array(z.strictObject({ personId: z.uuid(), grade, note: text(1000).nullable().optional() })).max(500),
});
export type GradeInput = z.infer<typeof gradeBody>;

export const followupBody = z.strictObject({
  personId: z.uuid(),
  action: followupAction,
  decidedOn: isoDate,
  /** For 限期改正 only: usually six months on, at most a year. */
  deadline: isoDate.optional(),
  responsible: text(100).optional(),
  note: text(2000).optional(),
});
export type FollowupInput = z.infer<typeof followupBody>;

export const outcomeBody = z.strictObject({ outcome: followupOutcome, outcomeOn: isoDate, note: text(2000).optional() });
export type OutcomeInput = z.infer<typeof outcomeBody>;

export const followupView = z.object({
  id: z.string(),
  person: personRef,
  action: followupAction,
  decidedOn: z.string(),
  deadline: z.string().nullable(),
  responsible: z.string().nullable(),
  note: z.string().nullable(),
  outcome: followupOutcome.nullable(),
  outcomeOn: z.string().nullable(),
  /** A deadline to correct passed without an outcome. */
  overdue: z.boolean(),
  /** After withdrawing or removal: the first day re-admission may be considered (five years on). */
  readmissionFrom: z.string().nullable(),
});
export type FollowupView = z.infer<typeof followupView>;

export const entryView = z.object({
  person: personRef,
  category: z.enum(entryCategories),
  selfAssessment: z.string().nullable(),
  ...mutualFields,
  ...massesFields,
  massesOpinion: z.string().nullable(),
  grade: grade.nullable(),
  gradeNote: z.string().nullable(),
  /** What the mutual votes suggest (rules.ts suggestGrades), for full members. */
  suggestedGrade: grade.nullable(),
});
export type EntryView = z.infer<typeof entryView>;

export const roundView = roundSummary.extend({
  org: orgRef,
  year: z.number().int(),
  excellentCapPermille: z.number().int(),
  meeting: z.object({ id: z.string(), topic: z.string(), kind: z.string(), heldOn: z.string().nullable() }).nullable(),
  /** Mutual votes one member may receive: the others in the round. */
  mutualVotesAllowed: z.number().int(),
  entries: z.array(entryView),
  followups: z.array(followupView),
  can: z.object({ evaluate: permission, grade: permission }),
});
export type RoundView = z.infer<typeof roundView>;
