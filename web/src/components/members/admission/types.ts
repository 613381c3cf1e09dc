/** Types of the path-to-membership API, inferred from the server's contracts (type-only: nothing of the server is bundled). */
import type { z } from 'zod';
import type { admissionView, newApplicationBody, recordStepBody } from '../../../../../src/modules/members/admission/contracts.js';

export type AdmissionView = z.infer<typeof admissionView>;
export type AdmissionStep = AdmissionView['steps'][number];
export type NextStep = AdmissionView['next'][number];
export type RecordStepBody = z.input<typeof recordStepBody>;
export type NewApplicationBody = z.input<typeof newApplicationBody>;
