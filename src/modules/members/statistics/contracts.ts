import { z } from 'zod';
import { isoDate } from '../../../platform/http/contracts.js';
import { orgType } from '../../organizations/contracts.js';

export const statisticsQuery = z.strictObject({
  org: z.string().trim().min(1).max(40).optional(),
  asOf: isoDate.optional(),
  /** Upper edges of the age bands, e.g. "35,54" for ≤35, 36–54, ≥55. */
  ageBands: z.string().trim().max(60).optional(),
});

export const basicSituationQuery = statisticsQuery.omit({ ageBands: true }).extend({
  lang: z.enum(['zh', 'en']).optional(),
});

const int = z.number().int();
const share = { count: int, percent: z.number() };

const figures = {
  members: z.object({
    total: int, full: int, probationary: int, male: int, female: int, minority: int,
    aged35OrUnder: int, collegeOrAbove: int, bachelorOrAbove: int, mobile: int,
  }),
  percents: z.object({
    full: z.number(), probationary: z.number(), male: z.number(), female: z.number(), minority: z.number(),
    aged35OrUnder: z.number(), collegeOrAbove: z.number(), bachelorOrAbove: z.number(), mobile: z.number(),
  }),
  pipeline: z.object({ applicants: int, activists: int, developmentTargets: int }),
  ageBands: z.array(z.object({ label: z.string(), from: int.nullable(), to: int.nullable(), ...share })),
  ageUnknown: int,
  education: z.array(z.object({ level: z.string(), label: z.string(), ...share })),
  ethnicity: z.array(z.object({ code: z.string(), name: z.string(), ...share })),
  occupation: z.array(z.object({ code: z.string(), label: z.string(), ...share })),
  joinPeriods: z.array(z.object({ key: z.string(), label: z.string(), ...share })),
  organizations: z.record(orgType, int),
};

export const statisticsBody = z.object({
  org: z.object({ code: z.string(), name: z.string(), type: orgType }),
  asOf: isoDate,
  ageEdges: z.array(int),
  ...figures,
  children: z.array(z.object({ code: z.string(), name: z.string(), type: orgType, own: z.boolean(), ...figures })),
});
export type StatisticsView = z.infer<typeof statisticsBody>;

export const basicSituationBody = z.object({ org: z.object({ code: z.string(), name: z.string() }), asOf: isoDate, lang: z.enum(['zh', 'en']), text: z.string() });
