import { z } from 'zod';
import { isoDate, permission } from '../../platform/http/contracts.js';
import { categories, channels, petitionActions, petitionStates } from './rules.js';

/**
 * Petitions (信访事项, issue 5 §8, §10): registering a letter or visit, the register with its
 * filters and export, and each step of the statutory procedure.
 */

const text = (max: number) => z.string().trim().min(1).max(max);
const phone = z.string().trim().regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, 'phone');
export const channel = z.enum(channels);
export const category = z.enum(categories);
export const petitionState = z.enum(petitionStates);
const orgRef = z.object({ code: z.string(), name: z.string() });

export const petitionerInput = z.strictObject({
  name: text(30),
  idNumber: z.string().trim().regex(/^\d{17}[\dX]$/, 'id').optional(),
  phone: phone.optional(),
  address: text(200).optional(),
});

export const registerBody = z.strictObject({
  /** The handling organization. */
  orgCode: text(40),
  receivedOn: isoDate,
  channel,
  referredBy: text(100).optional(),
  content: z.string().trim().min(5).max(4000),
  category,
  petitioners: z.array(petitionerInput).min(1).max(20),
  accusedPeople: z.array(z.strictObject({ personId: z.uuid().optional(), name: text(30).optional() })).max(20).optional(),
  accusedOrgCodes: z.array(text(40)).max(20).optional(),
  /** The register number of an earlier petition on the same matter. */
  sameMatterAs: text(20).optional(),
});
export type RegisterInput = z.infer<typeof registerBody>;
export const registered = z.object({ id: z.string(), number: z.string(), visible: z.boolean() });

export const listQuery = z.strictObject({
  /** A state, or 'open' for those still before a body. */
  state: z.enum([...petitionStates, 'open']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  channel: channel.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});
export type ListQuery = z.infer<typeof listQuery>;

export const petitionSummary = z.object({
  id: z.string(),
  number: z.string(),
  org: orgRef,
  receivedOn: z.string(),
  channel,
  category,
  /** Masked names: the register never shows a petitioner whole. */
  petitioners: z.string(),
  content: z.string(),
  state: petitionState,
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
});
export type PetitionSummary = z.infer<typeof petitionSummary>;

export const listView = z.object({
  items: z.array(petitionSummary),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  /** Over everything the reader sees, whatever the filters: open and overdue. */
  counts: z.object({ open: z.number().int(), overdue: z.number().int() }),
  can: z.object({ register: permission }),
});
export type PetitionListView = z.infer<typeof listView>;

export const actionPermission = z.object({
  allowed: z.boolean(),
  reason: z.enum(['no_ability', 'out_of_scope', 'wrong_state', 'future', 'before_previous', 'already_extended', 'extend_after_due', 'window_closed', 'window_open', 'feedback_missing']).optional(),
});

export const petitionDetail = petitionSummary.extend({
  referredBy: z.string().nullable(),
  sameMatterAs: z.object({ id: z.string(), number: z.string() }).nullable(),
  /** Whole for the handlers (a read that is audited), masked otherwise. */
  petitionerDetails: z.array(z.object({ name: z.string(), idNumber: z.string().nullable(), phone: z.string().nullable(), address: z.string().nullable() })),
  masked: z.boolean(),
  accused: z.array(z.object({ kind: z.enum(['person', 'org']), name: z.string(), code: z.string().nullable() })),
  deadlines: z.array(z.object({ kind: z.string(), dueOn: z.string(), doneOn: z.string().nullable(), late: z.boolean() })),
  feedbackOwed: z.object({ petitioner: z.boolean(), body: z.boolean() }),
  final: z.boolean(),
  timeline: z.array(z.object({ on: z.string(), at: z.string(), action: z.string(), actor: z.string().nullable(), note: z.string().nullable(), data: z.record(z.string(), z.unknown()).nullable() })),
  can: z.object(Object.fromEntries(petitionActions.map((a) => [a, actionPermission])) as Record<(typeof petitionActions)[number], typeof actionPermission>),
});
export type PetitionDetail = z.infer<typeof petitionDetail>;

export const idParams = z.strictObject({ id: z.uuid() });

export const accusedQuery = z.strictObject({ q: z.string().trim().min(1).max(30) });
export const accusedChoicesView = z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), title: z.string(), org: z.string() })) });

const on = isoDate.optional();
const note = text(1000).optional();
export const actionBodies = {
  accept: z.strictObject({ on, note }),
  not_accept: z.strictObject({ on, reason: text(500), noticeOn: isoDate }),
  assign: z.strictObject({ on, assignee: text(100), note }),
  extend: z.strictObject({ on, days: z.number().int().min(1).max(30), approver: text(50), reason: text(500), petitionerToldOn: isoDate }),
  reply: z.strictObject({ on, text: text(4000) }),
  review_request: z.strictObject({ on, note }),
  review_decide: z.strictObject({ on, text: text(4000) }),
  re_review_request: z.strictObject({ on, note }),
  re_review_decide: z.strictObject({ on, text: text(4000) }),
  feedback_petitioner: z.strictObject({ on, by: text(30), how: z.enum(['in_person', 'phone', 'letter']), note }),
  feedback_body: z.strictObject({ on, by: text(30), how: z.enum(['report', 'letter', 'system']), note }),
  close: z.strictObject({ on, note }),
} as const;
export type ActionInput = { on?: string; note?: string; reason?: string; noticeOn?: string; assignee?: string; days?: number; approver?: string; petitionerToldOn?: string; text?: string; by?: string; how?: string };
