import { z } from 'zod';
import { permission } from '../../platform/http/contracts.js';
import { orgCode } from '../organizations/contracts.js';
import { educationLevels } from './rules/education.js';
import { memberCategories } from './rules/pipeline.js';

/** Member list, profile and export (the statistics contracts live in statistics-contracts.ts). */

export const memberCategory = z.enum(memberCategories);
export const educationLevel = z.enum(educationLevels);

/**
 * A multi-valued filter as a query string carries it: comma-separated (`full,probationary`), the
 * key repeated, or both. Each value must be one of `values`.
 */
function listParam<const T extends readonly [string, ...string[]]>(values: T) {
  return z.union([z.string(), z.array(z.string())])
    .transform((v) => [...new Set((Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean))])
    .pipe(z.array(z.enum(values)).min(1))
    .describe(`One or more of ${values.join(', ')}: comma-separated or repeated`);
}

const age = z.coerce.number().int().min(0).max(150);

/** The filters of the member list and of its export. */
export const memberFilters = z.strictObject({
  /** Subtree to list; default the widest one the caller may read people in. */
  org: orgCode.optional(),
  /** Default: the members, full and probationary. */
  category: listParam(memberCategories).optional(),
  gender: z.enum(['1', '2']).optional(),
  /** Full years today, inclusive. */
  ageMin: age.optional(),
  ageMax: age.optional(),
  education: listParam(educationLevels).optional(),
  /** A GB 3304 code, or `minority` for every code but 01 汉族. */
  ethnicity: z.string().trim().regex(/^([0-9]{2}|minority)$/, '民族应为两位 GB 3304 代码或 minority').optional(),
  mobile: z.enum(['true', 'false']).optional(),
  /** Name substring, or pinyin (initials or full) from the start of the name. */
  q: z.string().trim().max(40).optional(),
});
export type MemberFilters = z.infer<typeof memberFilters>;

export const memberListQuery = memberFilters.extend({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type MemberListQuery = z.infer<typeof memberListQuery>;

export const memberItem = z.object({
  membershipId: z.string(),
  personId: z.string(),
  name: z.string(),
  gender: z.string().nullable(),
  ethnicity: z.string(),
  birthDate: z.string().nullable(),
  /** Full years today. */
  age: z.number().int().nullable(),
  /** GB/T 4658 code and the statistics level it counts in. */
  education: z.string().nullable(),
  educationLevel: educationLevel.nullable(),
  category: memberCategory,
  orgCode: z.string(),
  orgName: z.string(),
  joinedOn: z.string().nullable(),
  fullOn: z.string().nullable(),
  mobile: z.boolean(),
  /** Always masked here; the full values come one person at a time, audited. */
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
});
export type MemberItem = z.infer<typeof memberItem>;

export const memberPage = z.object({
  org: z.object({ code: z.string(), name: z.string() }),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(memberItem),
  /** Whether an export of this subtree carries full ID and phone numbers (and is audited). */
  exportsFullValues: z.boolean(),
});
export type MemberPage = z.infer<typeof memberPage>;

export const personParams = z.strictObject({ id: z.uuid() });

export const pipelineStage = z.enum([...memberCategories, 'extension']);

/** The flags of an open membership (mobile, reporting to a community, out of contact, retired, in need of care). */
export const membershipFlags = z.object({
  mobile: z.boolean(),
  mobileDestination: z.string().nullable(),
  mobileSince: z.string().nullable(),
  reportingCommunity: z.string().nullable(),
  outOfContact: z.boolean(),
  retired: z.boolean(),
  needsCare: z.boolean(),
});

export const memberProfile = z.object({
  person: z.object({
    id: z.string(),
    name: z.string(),
    gender: z.string().nullable(),
    ethnicity: z.string(),
    birthDate: z.string().nullable(),
    age: z.number().int().nullable(),
    idNumber: z.string().nullable(),
    phone: z.string().nullable(),
    education: z.string().nullable(),
    educationLevel: educationLevel.nullable(),
    occupation: z.string().nullable(),
    address: z.string().nullable(),
    orgCode: z.string(),
    orgName: z.string(),
  }),
  /** The membership open today, if any. */
  membership: z.object({
    id: z.string(),
    category: memberCategory,
    orgCode: z.string(),
    orgName: z.string(),
    startedOn: z.string().nullable(),
    ...membershipFlags.shape,
  }).nullable(),
  /** Every membership row of the person, oldest first. */
  history: z.array(z.object({
    membershipId: z.string(),
    orgCode: z.string(),
    orgName: z.string(),
    category: memberCategory,
    /** When the relation began: its start, else its first stage date. */
    startedOn: z.string().nullable(),
    endedOn: z.string().nullable(),
    endReason: z.string().nullable(),
    /** What the decision that ended it says (deaths, withdrawals, removals, expulsions). */
    endNote: z.string().nullable(),
  })),
  /** The path to membership: each stage with the date it was reached (null: not yet). */
  pipeline: z.array(z.object({
    stage: pipelineStage,
    date: z.string().nullable(),
    /** Only for the probation extension. */
    months: z.number().int().nullable(),
  })),
  can: z.object({ readSensitive: permission }),
});
export type MemberProfile = z.infer<typeof memberProfile>;

export const sensitiveValues = z.object({ idNumber: z.string().nullable(), phone: z.string().nullable() });
