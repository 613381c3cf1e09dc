import { z } from 'zod';
import { isoDate, permission } from '../../platform/http/contracts.js';
import { membershipFlags } from './contracts.js';
import { MAX_NAME_LENGTH } from './import-rows.js';

/**
 * Correcting a person's registry record: their own facts and the flags of their open membership.
 * Stage dates and category belong to the admission steps, the organization to transfers.
 */

/** Free text that may be cleared: null or a blank string both mean "none". */
const clearableText = (max: number) => z.string().trim().max(max).nullable();

/**
 * A partial update: a field left out keeps its value, null clears it. The codes are checked by
 * the service against the registry's own tables, so that every refusal names the field and the
 * table in the caller's language.
 */
export const memberEditBody = z.strictObject({
  name: z.string().trim().min(1).max(MAX_NAME_LENGTH).optional(),
  gender: z.enum(['1', '2']).optional(),
  /** GB 3304 two-digit code. */
  ethnicity: z.string().trim().optional(),
  birthDate: isoDate.nullable().optional(),
  /** GB 11643, the whole number: a masked value cannot be sent back. */
  idNumber: z.string().trim().nullable().optional(),
  /** A mainland mobile number or a landline with its area code. */
  phone: z.string().trim().nullable().optional(),
  /** A GB/T 4658 code or its name (大学本科, 大专, …). */
  education: z.string().trim().nullable().optional(),
  /** An occupation category of Party statistics, by code name (farmer) or label (农牧渔民). */
  occupation: z.string().trim().nullable().optional(),
  address: clearableText(200).optional(),
  /** Away six months or more without transferring the membership; needs where to and since when. */
  mobile: z.boolean().optional(),
  mobileDestination: clearableText(100).optional(),
  mobileSince: isoDate.nullable().optional(),
  /** The residential community an in-service member reports to. */
  reportingCommunity: clearableText(100).optional(),
  outOfContact: z.boolean().optional(),
  retired: z.boolean().optional(),
  needsCare: z.boolean().optional(),
});
export type MemberEditInput = z.infer<typeof memberEditBody>;
export type EditField = keyof MemberEditInput;

/** The record as the edit form shows it: ID and phone numbers always masked (full values are an audited read of their own). */
export const memberRecord = z.object({
  personId: z.string(),
  name: z.string(),
  gender: z.string().nullable(),
  ethnicity: z.string(),
  birthDate: z.string().nullable(),
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
  education: z.string().nullable(),
  occupation: z.string().nullable(),
  address: z.string().nullable(),
  /** The flags of the open membership; null when the person has none. */
  membership: membershipFlags.nullable(),
  can: z.object({ edit: permission }),
});
export type MemberRecord = z.infer<typeof memberRecord>;

export const memberEditResult = z.object({
  record: memberRecord,
  /** Rules the recorded path to membership now breaks (e.g. under 18 at application after a corrected birth date): kept, but worth a look. */
  warnings: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type MemberEditResult = z.infer<typeof memberEditResult>;
