import { z } from 'zod';
import { errorBody, isoDate, permission } from '../../../platform/http/contracts.js';
import { orgCode } from '../../organizations/contracts.js';
import { memberCategory } from '../contracts.js';
import { MAX_NAME_LENGTH } from '../import-rows.js';
import { stepCodes } from './steps.js';

/** The path to membership: recording its steps, a new application, and reading where a person stands. */

export const stepCode = z.enum(stepCodes);
const personName = z.string().trim().min(1).max(MAX_NAME_LENGTH);

/** The facts a step carries; which of them each step takes is checked by the step's rules. */
const stepDetailFields = {
  mentors: z.array(personName).min(1).max(2).optional(),
  sponsors: z.array(personName).length(2).optional(),
  days: z.number().positive().max(366).optional(),
  hours: z.number().positive().max(3000).optional(),
  shouldAttend: z.number().int().min(1).max(100_000).optional(),
  present: z.number().int().min(0).max(100_000).optional(),
  yes: z.number().int().min(0).max(100_000).optional(),
  /** Any whole number, so that a wrong extension is refused by its rule (6 to 12) rather than by its shape. */
  months: z.number().int().min(1).max(120).optional(),
};

/** Recording a rule an approver sets aside needs the reason, kept with the step and in the audit trail. */
const override = z.strictObject({ reason: z.string().trim().min(2).max(500) });

export const recordStepBody = z.strictObject({
  /** The application opens a path: POST /api/members/applications records it. */
  step: stepCode.exclude(['application']),
  doneOn: isoDate,
  /** Who talked, decided or approved, as the file names them. */
  approver: z.string().trim().min(1).max(100).optional(),
  detail: z.strictObject(stepDetailFields).optional(),
  note: z.string().trim().max(1000).optional(),
  override: override.optional(),
});
export type RecordStepInput = z.infer<typeof recordStepBody>;

export const newApplicationBody = z.strictObject({
  /** The branch (or other organization holding members) that received the application. */
  orgCode,
  name: personName,
  gender: z.enum(['1', '2']),
  /** GB 3304 two-digit code. The person's fields are checked by the registry's rules (rules/person.ts), which name what is wrong. */
  ethnicity: z.string().trim().min(1),
  birthDate: isoDate,
  idNumber: z.string().trim().min(1).max(20),
  /** A GB/T 4658 code or its name (大学本科, 大专, …). */
  education: z.string().trim().optional(),
  /** An occupation category of Party statistics, by code name (farmer) or label (农牧渔民). */
  occupation: z.string().trim().optional(),
  phone: z.string().trim().min(1).max(20).optional(),
  address: z.string().trim().max(200).optional(),
  appliedOn: isoDate,
  note: z.string().trim().max(1000).optional(),
  override: override.optional(),
});
export type NewApplicationInput = z.infer<typeof newApplicationBody>;

/** A new application of a person already on record who has no open membership (e.g. after a cancelled probation). */
export const reapplicationBody = newApplicationBody.pick({ orgCode: true, appliedOn: true, note: true, override: true });
export type ReapplicationInput = z.infer<typeof reapplicationBody>;

export const undoStepBody = z.strictObject({
  /** Why the step is undone (recorded by mistake, wrong date…); kept in the audit trail with the step as it was. */
  reason: z.string().trim().min(2).max(500),
});
export const stepParams = z.strictObject({ id: z.uuid(), stepId: z.uuid() });

export const admissionView = z.object({
  person: z.object({ id: z.string(), name: z.string(), orgCode: z.string(), orgName: z.string() }),
  /** The stage of the open membership; null when the person has none. */
  category: memberCategory.nullable(),
  /** The steps recorded, in the order they were taken. */
  steps: z.array(z.object({
    id: z.string(),
    step: stepCode,
    doneOn: z.string(),
    approver: z.string().nullable(),
    approvingOrg: z.object({ code: z.string(), name: z.string() }).nullable(),
    detail: z.object(stepDetailFields).nullable(),
    note: z.string().nullable(),
    /** Rules set aside when the step was recorded, with the reason. */
    overridden: z.array(z.object({ code: z.string(), label: z.string() })),
    overrideReason: z.string().nullable(),
    recordedBy: z.string().nullable(),
    recordedAt: z.string(),
    /** The latest step, recorded by mistake, may be undone by whoever manages the member (POST …/admission-steps/:stepId/undo). */
    undoable: z.boolean(),
  })),
  /** The steps that make sense now, with the window the rules give each and what each still lacks. */
  next: z.array(z.object({
    step: stepCode,
    earliest: z.string().nullable(),
    latest: z.string().nullable(),
    overdue: z.boolean(),
    missing: z.array(stepCode),
    /** Decided by the approving committee. */
    approval: z.boolean(),
  })),
  /** Rules the stage dates break today, shown rather than refused: records kept before the platform may break them. */
  warnings: z.array(z.object({ rule: z.string(), message: z.string() })),
  can: z.object({ record: permission, approve: permission }),
});
export type AdmissionView = z.infer<typeof admissionView>;

/** A refused duplicate: who already holds the ID number, when the caller may see them. */
export const duplicatePersonBody = z.object({
  error: errorBody.shape.error.extend({
    existing: z.object({
      personId: z.string(), name: z.string(), orgName: z.string(),
      /** No open membership: a new application may be recorded for this person (POST /api/members/:id/applications). */
      reapplicable: z.boolean(),
    }).optional(),
  }),
});
