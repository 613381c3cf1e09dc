import { z } from 'zod';
import { isoDate, permission } from '../../platform/http/contracts.js';
import { orgCode } from '../organizations/contracts.js';
import { subjects } from './rules.js';

/**
 * Responsibility letters (责任书) and assessments (考核评定、述职评议): the county's schemes, letters with
 * weighted items, rounds of assessment and their results.
 */

const text = (max: number) => z.string().trim().min(1).max(max);
const year = z.number().int().min(2000).max(2100);
const orgRef = z.object({ code: z.string(), name: z.string() });
const key = z.string().trim().min(1).max(40);
const points = z.number().min(0).max(1000);

// Schemes: the county administrator's setting 'assessments'.

export const schemePart = z.strictObject({ key, label: text(40), weight: z.number().min(0).max(100) });
export const schemeGrade = z.strictObject({ key, label: text(20), min: z.number().min(0).max(100), low: z.boolean() });
export const scheme = z.strictObject({ code: key, name: text(60), subject: z.enum(subjects), parts: z.array(schemePart).min(1).max(10), grades: z.array(schemeGrade).min(2).max(8) });
export const settingsBody = z.strictObject({ schemes: z.array(scheme).min(1).max(20) });
export type AssessmentSettings = z.infer<typeof settingsBody>;
export const settingsView = settingsBody.extend({ can: z.object({ edit: permission }) });
export type AssessmentSettingsView = z.infer<typeof settingsView>;

// Responsibility letters.

export const letterStatus = z.enum(['draft', 'signed', 'scored']);
export const letterItemBody = z.strictObject({ title: text(100), target: text(2000), weight: z.number().min(0).max(1000) });
export const createLetterBody = z.strictObject({
  /** The township or the county issuing the letter. */
  issuerCode: orgCode,
  /** An organization in the issuer's subtree. */
  orgCode,
  year,
  title: text(100),
  items: z.array(letterItemBody).min(1).max(50),
});
export type CreateLetterInput = z.infer<typeof createLetterBody>;
export const editLetterBody = z.strictObject({ title: text(100), items: z.array(letterItemBody).min(1).max(50) });
export type EditLetterInput = z.infer<typeof editLetterBody>;
export const signBody = z.strictObject({ signedOn: isoDate });
export const scoresBody = z.strictObject({
  scoredOn: isoDate,
  items: z.array(z.strictObject({ id: z.uuid(), score: points.nullable(), note: text(500).nullable().optional() })).min(1).max(50),
});
export type ScoresInput = z.infer<typeof scoresBody>;
export const letterParams = z.strictObject({ id: z.uuid() });
export const letterListQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  /** Only the letters this organization issued; without it, every letter the user may read (their own included). */
  issuer: z.string().trim().min(1).max(40).optional(),
});

export const letterSummary = z.object({
  id: z.string(),
  issuer: orgRef,
  org: orgRef,
  year: z.number().int(),
  title: z.string(),
  status: letterStatus,
  signedOn: z.string().nullable(),
  scoredOn: z.string().nullable(),
  items: z.number().int(),
  weightSum: z.number(),
  /** Sum of the items' scores; null until every item is scored. */
  total: z.number().nullable(),
  /** Among the issuer's letters of the year with a total, highest first. */
  rank: z.number().int().nullable(),
});
export type LetterSummary = z.infer<typeof letterSummary>;
export const letterListView = z.object({
  year: z.number().int(),
  issuer: orgRef.nullable(),
  items: z.array(letterSummary),
  /** Issuers the user may write letters for (their township or the county). */
  issuers: z.array(orgRef),
});
export type LetterListView = z.infer<typeof letterListView>;

export const letterView = letterSummary.extend({
  lines: z.array(z.object({ id: z.string(), position: z.number().int(), title: z.string(), target: z.string(), weight: z.number(), score: z.number().nullable(), note: z.string().nullable() })),
  /** Scoring opens on this day (the first of the year's last month). */
  scoringOpensOn: z.string(),
  can: z.object({ edit: permission, sign: permission, score: permission }),
});
export type LetterView = z.infer<typeof letterView>;

// Rounds and results.

export const roundStatus = z.enum(['open', 'finished']);
export const openRoundBody = z.strictObject({
  /** The township or the county running the round over the village organizations of its subtree. */
  orgCode,
  year,
  schemeCode: key,
  openedOn: isoDate,
  title: text(100).optional(),
});
export type OpenRoundInput = z.infer<typeof openRoundBody>;
export const roundParams = z.strictObject({ id: z.uuid() });
export const resultParams = z.strictObject({ id: z.uuid(), orgCode });
export const roundListQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const resultsBody = z.strictObject({
  items: z.array(z.strictObject({
    orgCode,
    /** Part key → score out of 100; null clears a part; parts not named stay as they were. */
    partScores: z.record(z.string(), z.number().nullable()),
    note: text(1000).nullable().optional(),
  })).min(1).max(1000),
});
export type ResultsInput = z.infer<typeof resultsBody>;
export const finishBody = z.strictObject({ finishedOn: isoDate });
export const planBody = z.strictObject({ upgradePlan: text(4000).nullable() });

const gradeCount = z.object({ key: z.string(), label: z.string(), low: z.boolean(), count: z.number().int() });
export const roundSummary = z.object({
  id: z.string(),
  org: orgRef,
  year: z.number().int(),
  title: z.string(),
  schemeCode: z.string(),
  schemeName: z.string(),
  subject: z.enum(subjects),
  status: roundStatus,
  openedOn: z.string(),
  finishedOn: z.string().nullable(),
  results: z.number().int(),
  complete: z.number().int(),
  grades: z.array(gradeCount),
});
export type RoundSummary = z.infer<typeof roundSummary>;
export const roundListView = z.object({
  year: z.number().int(),
  items: z.array(roundSummary),
  /** Organizations the user may open a round for, and the schemes to choose from. */
  openers: z.array(orgRef),
  schemes: z.array(scheme),
});
export type RoundListView = z.infer<typeof roundListView>;

export const resultView = z.object({
  org: orgRef,
  township: orgRef,
  /** The debriefing secretary (subject 'secretary'), null when the post was vacant on the opening day. */
  person: z.object({ id: z.string(), name: z.string() }).nullable(),
  partScores: z.record(z.string(), z.number()),
  total: z.number().nullable(),
  grade: z.string().nullable(),
  gradeLabel: z.string().nullable(),
  low: z.boolean(),
  note: z.string().nullable(),
  needsPlan: z.boolean(),
  upgradePlan: z.string().nullable(),
  /** The organization's rectification case of the round's year or the next, if it was defined. */
  rectificationCase: z.object({ id: z.string(), year: z.number().int(), state: z.string() }).nullable(),
});
export type ResultView = z.infer<typeof resultView>;
export const roundView = roundSummary.extend({
  scheme,
  resultsList: z.array(resultView),
  byTownship: z.array(z.object({ township: orgRef, results: z.number().int(), average: z.number().nullable(), grades: z.array(gradeCount) })),
  can: z.object({ enter: permission, finish: permission, plan: permission }),
});
export type RoundView = z.infer<typeof roundView>;
