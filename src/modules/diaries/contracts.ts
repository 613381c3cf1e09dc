import { z } from 'zod';
import { isoDate, permission } from '../../platform/http/contracts.js';
import { orgCode } from '../organizations/contracts.js';

/** Visit diaries (民情日记): writing one, correcting one's own, finding them by any two characters. */

/** Long enough for a page of notes, short enough that a pasted document is refused rather than kept. */
export const DIARY_FIELD_MAX = 5000;

const text = z.string().trim().min(1).max(DIARY_FIELD_MAX);

export const diaryFields = ['situation', 'problems', 'demands', 'plan', 'result'] as const;
export type DiaryField = (typeof diaryFields)[number];

export const diaryBody = z.strictObject({
  /** The village (or community) written about. */
  orgCode,
  writtenOn: isoDate,
  situation: text,
  problems: text.optional(),
  demands: text.optional(),
  plan: text.optional(),
  result: text.optional(),
  visitId: z.uuid().optional(),
  householdId: z.uuid().optional(),
});
export type DiaryInput = z.infer<typeof diaryBody>;

/** A correction: the fields sent replace the stored ones; null clears an optional one. The village stays. */
export const diaryPatch = z.strictObject({
  writtenOn: isoDate.optional(),
  situation: text.optional(),
  problems: text.nullable().optional(),
  demands: text.nullable().optional(),
  plan: text.nullable().optional(),
  result: text.nullable().optional(),
  visitId: z.uuid().nullable().optional(),
  householdId: z.uuid().nullable().optional(),
});
export type DiaryPatch = z.infer<typeof diaryPatch>;

export const diaryParams = z.strictObject({ id: z.uuid() });

export const diaryListQuery = z.strictObject({
  /** The subtree (default: all the user may read). */
  org: z.string().trim().max(40).optional(),
  author: z.uuid().optional(),
  /** The acting user's own diaries. */
  mine: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  household: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Any two or more characters of the diary's text. */
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type DiaryListQuery = z.infer<typeof diaryListQuery>;

/** A run of text, marked when it is what the search matched; the web renders each as text. */
export const segment = z.object({ text: z.string(), mark: z.boolean() });
export type Segment = z.infer<typeof segment>;

export const snippet = z.object({ field: z.enum(diaryFields), segments: z.array(segment) });
export type Snippet = z.infer<typeof snippet>;

const ref = z.object({ id: z.string(), name: z.string() });

export const diarySummary = z.object({
  id: z.string(),
  org: z.object({ code: z.string(), name: z.string() }),
  author: ref,
  writtenOn: z.string(),
  household: z.object({ id: z.string(), headName: z.string(), number: z.string().nullable() }).nullable(),
  /** Where the search matched, or the start of the situation without a search. */
  snippets: z.array(snippet),
});
export type DiarySummary = z.infer<typeof diarySummary>;

/** One page, newest first; `hasMore` instead of a total so a search never counts a million rows. */
export const diaryPage = z.object({
  items: z.array(diarySummary),
  page: z.number().int(),
  pageSize: z.number().int(),
  hasMore: z.boolean(),
  can: z.object({ write: permission }),
});
export type DiaryPage = z.infer<typeof diaryPage>;

export const diaryDetail = z.object({
  id: z.string(),
  org: z.object({ code: z.string(), name: z.string() }),
  author: ref,
  writtenOn: z.string(),
  situation: z.string(),
  problems: z.string().nullable(),
  demands: z.string().nullable(),
  plan: z.string().nullable(),
  result: z.string().nullable(),
  visit: z.object({ id: z.string(), visitedOn: z.string(), purpose: z.string(), problemsFound: z.string().nullable(), problemsSolved: z.string().nullable() }).nullable(),
  household: z.object({ id: z.string(), headName: z.string(), number: z.string().nullable(), villagerGroup: z.string().nullable(), address: z.string().nullable() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  can: z.object({ edit: z.object({ allowed: z.boolean(), reason: z.enum(['no_ability', 'out_of_scope', 'not_author']).optional() }) }),
});
export type DiaryDetail = z.infer<typeof diaryDetail>;

/** Households of a village to pick from in a form, found by head name or number. */
