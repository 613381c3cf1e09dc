import { z } from 'zod';
import { isoDate, permission } from '../../platform/http/contracts.js';
import { orgCode } from '../organizations/contracts.js';

/**
 * Points and star ratings (issue 4 §5): the county's catalogue, claims of manual items and their
 * approval, a member's yearly ledger, a branch's ranking (never public unless the county turns it on),
 * and star ratings of members and branches in three stages.
 */

export const pointKinds = ['base', 'addition', 'deduction'] as const;
export type PointKind = (typeof pointKinds)[number];
/**
 * Where an item's points come from: claimed and approved ('manual'), or counted from the records:
 * being a full member that year, present at or absent without leave from a members' meeting of one's
 * organization, a month's dues paid by its end, visits (none recorded until visits exist).
 */
export const pointSources = ['manual', 'full_membership', 'meeting_attendance', 'meeting_absence', 'dues_on_time', 'visit'] as const;
export type PointSource = (typeof pointSources)[number];
export const entryStatuses = ['pending', 'approved', 'rejected'] as const;
export const subjectTypes = ['member', 'branch'] as const;
export type SubjectType = (typeof subjectTypes)[number];
export const ratingStages = ['self_assessed', 'reviewed', 'approved'] as const;
export type RatingStage = (typeof ratingStages)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const configId = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, '编号只能用小写字母、数字和下划线，以字母开头');
export const year = z.coerce.number().int().min(2000).max(2100);
const stars = z.number().int().min(0).max(5);
/** The minimum total for 1, 2, 3, 4 and 5 stars. */
const thresholds = z.array(z.number().int().min(0).max(100_000)).length(5);
const personRef = z.object({ id: z.string(), name: z.string() });
const orgRef = z.object({ code: z.string(), name: z.string() });

// The county's settings.

export const pointItem = z.strictObject({
  id: configId,
  name: text(50),
  kind: z.enum(pointKinds),
  source: z.enum(pointSources),
  /** Per occurrence, as a magnitude: a deduction's points are taken off. */
  points: z.number().int().min(1).max(1000),
  /** The most the item adds or takes off in a year (absent: no cap). */
  cap: z.number().int().min(1).max(10_000).nullable(),
  evidenceRequired: z.boolean(),
});
export type PointItem = z.infer<typeof pointItem>;

export const indicator = z.strictObject({ id: configId, name: text(50), max: z.number().int().min(0).max(1000) });
export type Indicator = z.infer<typeof indicator>;

/** Cross-field checks (unique ids, caps, ascending thresholds) are the rules' (rules.ts checkSettings). */
export const settingsBody = z.strictObject({
  items: z.array(pointItem).min(1).max(100),
  /** A member's yearly points total → stars, in the ledger and the ranking. */
  memberStars: thresholds,
  /** A rating's reviewed total of indicator scores → the stars proposed on approval. */
  ratingStars: z.strictObject({ branch: thresholds, member: thresholds }),
  branchIndicators: z.array(indicator).min(1).max(30),
  memberIndicators: z.array(indicator).min(1).max(30),
  /** Off (the default): a branch's ranking is for its administrators only (rules.md §0). */
  rankingsPublic: z.boolean(),
});
export type PointsSettings = z.infer<typeof settingsBody>;
export const settingsView = settingsBody.extend({ can: z.object({ edit: permission }) });
export type PointsSettingsView = z.infer<typeof settingsView>;

// Claims of manual items.

export const entryBody = z.strictObject({
  personId: z.uuid(),
  itemId: configId,
  occurredOn: isoDate,
  description: text(500),
  /** What proves it (a certificate's number, who witnessed it); required by some items. */
  evidence: text(500).optional(),
});
export type EntryInput = z.infer<typeof entryBody>;

export const entryParams = z.strictObject({ id: z.uuid() });
export const rejectBody = z.strictObject({ reason: text(500) });

export const entryListQuery = z.strictObject({
  /** The subtree (default: all the user may read). */
  org: z.string().trim().min(1).max(40).optional(),
  status: z.enum(entryStatuses).optional(),
  year: year.optional(),
});
export type EntryListQuery = z.infer<typeof entryListQuery>;

export const entryView = z.object({
  id: z.string(),
  person: personRef,
  org: orgRef,
  item: z.object({ id: z.string(), name: z.string(), kind: z.enum(pointKinds) }),
  points: z.number().int(),
  occurredOn: z.string(),
  description: z.string(),
  evidence: z.string().nullable(),
  status: z.enum(entryStatuses),
  rejectReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** Claimed by the user or about them: never theirs to approve. */
  mine: z.boolean(),
  can: z.object({ decide: permission }),
});
export type EntryView = z.infer<typeof entryView>;
export const entryPage = z.object({ items: z.array(entryView) });

// The ledger and the ranking.

/** Without `person`, the user's own ledger. */
export const ledgerQuery = z.strictObject({ person: z.uuid().optional(), year });
export const ledgerLine = z.object({
  itemId: z.string(),
  name: z.string(),
  kind: z.enum(pointKinds),
  source: z.enum(pointSources),
  /** Occurrences: meetings, months, approved claims (1 for the base). */
  count: z.number().int(),
  /** Signed, after the cap. */
  points: z.number().int(),
  /** What the occurrences give before the cap. */
  uncapped: z.number().int(),
  cap: z.number().int().nullable(),
  entries: z.array(z.object({ id: z.string(), occurredOn: z.string(), description: z.string(), points: z.number().int() })),
});
export type LedgerLine = z.infer<typeof ledgerLine>;
export const ledgerView = z.object({
  person: personRef,
  /** Their branch that year (the latest, if they moved). */
  org: orgRef,
  year: z.number().int(),
  lines: z.array(ledgerLine),
  total: z.number().int(),
  stars: stars,
  thresholds: z.array(z.number().int()),
  /** Catalogue items counted from records that do not exist yet (visits). */
  inactive: z.array(z.object({ itemId: z.string(), name: z.string() })),
});
export type LedgerView = z.infer<typeof ledgerView>;

export const rankingQuery = z.strictObject({ org: z.string().trim().min(1).max(40), year });
export const rankingView = z.object({
  org: orgRef,
  year: z.number().int(),
  /** Whether the county displays rankings to members too. */
  public: z.boolean(),
  items: z.array(z.object({ rank: z.number().int(), person: personRef, total: z.number().int(), stars })),
});
export type RankingView = z.infer<typeof rankingView>;

// Star ratings.

const scores = z.record(z.string(), z.number().min(0).max(1000));
export const ratingBody = z.strictObject({
  subjectType: z.enum(subjectTypes),
  orgCode,
  /** The member rated (subjectType 'member'). */
  personId: z.uuid().optional(),
  year: z.number().int().min(2000).max(2100),
  /** {indicatorId: score}, every indicator of the county's list for the subject type. */
  scores,
  note: text(1000).optional(),
});
export type RatingInput = z.infer<typeof ratingBody>;
export const ratingParams = z.strictObject({ id: z.uuid() });
export const reviewBody = z.strictObject({ scores, note: text(1000).optional() });
export type ReviewInput = z.infer<typeof reviewBody>;
/** Without `stars`, the thresholds applied to the reviewed total; a different number needs a reason. */
export const approveBody = z.strictObject({ stars: stars.optional(), reason: text(500).optional() });
export type ApproveInput = z.infer<typeof approveBody>;
export const returnBody = z.strictObject({ reason: text(500) });

export const ratingListQuery = z.strictObject({
  org: z.string().trim().min(1).max(40),
  year,
  subjectType: z.enum(subjectTypes).optional(),
});
export type RatingListQuery = z.infer<typeof ratingListQuery>;

export const ratingView = z.object({
  id: z.string(),
  subjectType: z.enum(subjectTypes),
  org: orgRef,
  person: personRef.nullable(),
  year: z.number().int(),
  stage: z.enum(ratingStages),
  selfScores: z.record(z.string(), z.number()),
  selfTotal: z.number(),
  selfNote: z.string().nullable(),
  reviewScores: z.record(z.string(), z.number()).nullable(),
  reviewTotal: z.number().nullable(),
  reviewNote: z.string().nullable(),
  /** What the thresholds give for the reviewed total. */
  proposedStars: stars.nullable(),
  stars: stars.nullable(),
  returnReason: z.string().nullable(),
});
export type RatingView = z.infer<typeof ratingView>;

/** One subject of the list: a branch or a member, with their rating of the year if begun, and what the user may do. */
export const ratingSubject = z.object({
  subjectType: z.enum(subjectTypes),
  org: orgRef,
  person: personRef.nullable(),
  rating: ratingView.nullable(),
  can: z.object({ self: permission, review: permission, approve: permission, return: permission }),
});
export type RatingSubject = z.infer<typeof ratingSubject>;
export const ratingList = z.object({
  year: z.number().int(),
  items: z.array(ratingSubject),
  indicators: z.object({ branch: z.array(indicator), member: z.array(indicator) }),
});
export type RatingList = z.infer<typeof ratingList>;
