import { z } from 'zod';
import { isoDate, permission } from '../../platform/http/contracts.js';
import { orgCode } from '../organizations/contracts.js';
import { commitmentStates, makers, updateKinds } from './rules.js';

/**
 * Commitments (承诺践诺评诺): the county's settings, a branch's commitments of a year grouped by maker,
 * one commitment with its items, updates and appraisal, the completion board of a township or the
 * county, and what a village's public page shows.
 */

export const commitmentState = z.enum(commitmentStates);
export const maker = z.enum(makers);

const text = (max: number) => z.string().trim().min(1).max(max);
const year = z.number().int().min(2000).max(2100);
const score = z.number().min(0).max(100);
const orgRef = z.object({ code: z.string(), name: z.string() });
const personRef = z.object({ id: z.string(), name: z.string() });

// Settings: the county administrator's.

const levelKey = z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/);
const minimum = z.number().int().min(1).max(50).nullable();
export const settingsBody = z.strictObject({
  /** The commitment levels (seed 003: 共性承诺, 岗位承诺, 实事承诺, 自律承诺). */
  levels: z.array(z.strictObject({ key: levelKey, label: text(40) })).min(1).max(20),
  /** Year-end appraisal weights in percent, summing to 100. */
  weights: z.strictObject({ self: z.number().int().min(0).max(100), masses: z.number().int().min(0).max(100), superior: z.number().int().min(0).max(100) }),
  /** The fewest commitments each maker makes in a year (null: no minimum); seed 001's "421" sets secretaries to 4. */
  minimums: z.strictObject({ branch: minimum, secretary: minimum, member: minimum }),
  /** The year's commitments should be published by the end of this month. */
  publishByMonth: z.number().int().min(1).max(12),
});
export type CommitmentSettings = z.infer<typeof settingsBody>;
export const settingsView = settingsBody.extend({ can: z.object({ edit: permission }) });
export type CommitmentSettingsView = z.infer<typeof settingsView>;

// Making and editing.

const targetFields = {
  title: text(200),
  /** The measurable target as written ("硬化村道 3 公里"). */
  target: text(500),
  /** The target as a number with its unit, when it has one. */
  targetValue: z.number().positive().max(1e12).nullable().optional(),
  unit: text(20).nullable().optional(),
  dueOn: isoDate,
};
export const itemBody = z.strictObject(targetFields);
export type ItemInput = z.infer<typeof itemBody>;

export const commitmentBody = z.strictObject({
  orgCode,
  year,
  maker,
  /** The secretary or member making it; none for the branch. */
  personId: z.uuid().nullable().optional(),
  level: levelKey,
  ...targetFields,
  public: z.boolean(),
  items: z.array(itemBody).max(30).default([]),
});
export type CommitmentInput = z.infer<typeof commitmentBody>;
export const editBody = commitmentBody.omit({ orgCode: true, year: true, maker: true, personId: true });
export type EditInput = z.infer<typeof editBody>;

export const idParams = z.strictObject({ id: z.uuid() });
export const listQuery = z.strictObject({
  org: z.string().trim().min(1).max(40),
  year: z.coerce.number().int().min(2000).max(2100),
});

// Keeping (践诺).

export const publishBody = z.strictObject({ publishedOn: isoDate });
export const updateBody = z.strictObject({
  madeOn: isoDate,
  /** The value reached so far, when the target is a number. */
  value: z.number().min(0).max(1e12).nullable().optional(),
  /** Progress in thousandths, when the target has no number. */
  progressPermille: z.number().int().min(0).max(1000).nullable().optional(),
  note: text(2000),
  /** Where the evidence is: a photo's number in the archive, a document, a link. */
  evidence: text(1000).nullable().optional(),
});
export type UpdateInput = z.infer<typeof updateBody>;
export const completeBody = z.strictObject({ completedOn: isoDate });
export const delayBody = z.strictObject({ dueOn: isoDate, reason: text(1000) });
export const abandonBody = z.strictObject({ reason: text(1000) });

// Appraising (评诺).

export const appraisalBody = z.strictObject({
  selfScore: score,
  massesScore: score,
  superiorScore: score,
  /** The masses' satisfaction vote, when one was held: both or neither. */
  satisfiedVotes: z.number().int().min(0).max(100_000).nullable().optional(),
  votes: z.number().int().min(1).max(100_000).nullable().optional(),
  appraisedOn: isoDate,
});
export type AppraisalInput = z.infer<typeof appraisalBody>;

// Views.

/**
 * Like the platform's permission, with the reasons a commitment adds about itself: its state
 * (rules.ts stateRefusal), an appraisal not open yet, an organization that makes no commitments.
 */
export const commitmentPermission = permission.extend({
  reason: z.enum(['no_ability', 'out_of_scope', 'not_published', 'already_published', 'completed', 'abandoned', 'appraisal_not_open', 'not_a_branch']).optional(),
});
export type CommitmentPermission = z.infer<typeof commitmentPermission>;

const can = z.object({
  edit: commitmentPermission, publish: commitmentPermission, update: commitmentPermission, complete: commitmentPermission,
  delay: commitmentPermission, abandon: commitmentPermission, appraise: commitmentPermission,
});

export const updateView = z.object({
  id: z.string(),
  /** 'progress' (践诺), or 'delay': then the note is the reason and there is no progress. */
  kind: z.enum(updateKinds),
  madeOn: z.string(),
  value: z.number().nullable(),
  progressPermille: z.number().int().nullable(),
  note: z.string(),
  evidence: z.string().nullable(),
  /** For a delay: the due date it replaced and the one it set. */
  previousDueOn: z.string().nullable(),
  newDueOn: z.string().nullable(),
});

export const itemView = z.object({
  id: z.string(),
  title: z.string(),
  target: z.string(),
  targetValue: z.number().nullable(),
  unit: z.string().nullable(),
  dueOn: z.string(),
  progressPermille: z.number().int(),
  overdue: z.boolean(),
  updates: z.array(updateView),
});
export type ItemView = z.infer<typeof itemView>;

export const appraisalView = z.object({
  selfScore: z.number(),
  massesScore: z.number(),
  superiorScore: z.number(),
  weights: z.object({ self: z.number(), masses: z.number(), superior: z.number() }),
  total: z.number(),
  satisfiedVotes: z.number().int().nullable(),
  votes: z.number().int().nullable(),
  appraisedOn: z.string(),
});

export const commitmentView = z.object({
  id: z.string(),
  org: orgRef,
  year: z.number().int(),
  maker,
  person: personRef.nullable(),
  level: z.string(),
  levelLabel: z.string(),
  title: z.string(),
  target: z.string(),
  targetValue: z.number().nullable(),
  unit: z.string().nullable(),
  dueOn: z.string(),
  /** The due date first promised, before any delay ("on time" is measured against it). */
  originalDueOn: z.string(),
  public: z.boolean(),
  state: commitmentState,
  publishedOn: z.string().nullable(),
  completedOn: z.string().nullable(),
  abandonReason: z.string().nullable(),
  /** Derived: a leaf from its latest update, a commitment with items as their average. */
  progressPermille: z.number().int(),
  overdue: z.boolean(),
  /** Its own updates (a commitment without items); the items carry theirs. */
  updates: z.array(updateView),
  items: z.array(itemView),
  appraisal: appraisalView.nullable(),
  can,
});
export type CommitmentView = z.infer<typeof commitmentView>;

export const listView = z.object({
  org: orgRef,
  year: z.number().int(),
  /** By maker: the branch, then its secretaries and members, each with the county's minimum and what they made. */
  groups: z.array(z.object({
    maker,
    person: personRef.nullable(),
    minimum: z.number().int().nullable(),
    made: z.number().int(),
    commitments: z.array(commitmentView),
  })),
  /** Who may make commitments of the branch today: its secretaries and its members. */
  makers: z.object({ secretaries: z.array(personRef), members: z.array(personRef) }),
  levels: z.array(z.object({ key: z.string(), label: z.string() })),
  can: z.object({ make: commitmentPermission }),
});
export type CommitmentListView = z.infer<typeof listView>;

const boardFigures = {
  made: z.number().int(),
  published: z.number().int(),
  completed: z.number().int(),
  completedOnTime: z.number().int(),
  overdue: z.number().int(),
  /** Completed out of published, in permille (null when nothing is published). */
  ratePermille: z.number().int().nullable(),
  averageAppraisal: z.number().nullable(),
};
export const boardView = z.object({
  org: orgRef,
  year: z.number().int(),
  minimums: settingsBody.shape.minimums,
  total: z.object(boardFigures),
  rows: z.array(z.object({
    org: orgRef,
    /** The child of the asked organization it lies under (the township in a county). */
    under: orgRef,
    ...boardFigures,
    /** What each maker kind made against the county's minimum (secretary and member: the fewest any one of them made). */
    branchMade: z.number().int(),
    secretaryFewest: z.number().int().nullable(),
    /** Makers short of the minimum: the branch and each secretary of the day. */
    short: z.number().int(),
  })),
});
export type BoardView = z.infer<typeof boardView>;

export const publicCommitments = z.object({
  org: orgRef,
  year: z.number().int(),
  items: z.array(z.object({
    /** 党支部, or the secretary's or member's name, as the village's board shows it. */
    maker: z.string(),
    level: z.string(),
    title: z.string(),
    target: z.string(),
    dueOn: z.string(),
    progressPermille: z.number().int(),
    state: commitmentState,
  })),
});
export type PublicCommitments = z.infer<typeof publicCommitments>;
