import { z } from 'zod';
import { permission } from '../../platform/http/contracts.js';
import { concernStates, handlerActions, pauseReasons, ratings, stateTypes } from './rules.js';

/**
 * Concerns (民情诉求, issue 5 §6, §9): the county's settings, intake from the public page and on a
 * villager's behalf, the handler's inbox and actions, and the public tracking page.
 */

const text = (max: number) => z.string().trim().min(1).max(max);
const phone = z.string().trim().regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, 'phone');
export const concernState = z.enum(concernStates);
export const stateType = z.enum(stateTypes);
export const rating = z.enum(ratings);
export const replyChannel = z.enum(['none', 'sms']);
const orgRef = z.object({ code: z.string(), name: z.string() });

// Settings: the county administrator's.

export const categorySchema = z.strictObject({
  id: z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/, 'id'),
  name: text(20),
  /** Working days from acceptance to the reply. */
  limitDays: z.number().int().min(1).max(120),
});

export const settingsBody = z.strictObject({
  categories: z.array(categorySchema).min(1).max(50)
    .refine((items) => new Set(items.map((c) => c.id)).size === items.length, { message: 'duplicate id' }),
  /** Days after the reply the submitter may rate it; unrated by then it closes unrated. */
  ratingDays: z.number().int().min(1).max(60),
  /** Days after the reply the submitter may reopen it. */
  reopenDays: z.number().int().min(1).max(90),
  /** The county's name for each state; the types behind them are fixed. */
  stateLabels: z.strictObject(Object.fromEntries(concernStates.map((s) => [s, text(12)])) as Record<(typeof concernStates)[number], ReturnType<typeof text>>),
  /** Working days overdue per level of escalation above the handler organization. */
  escalationStepDays: z.number().int().min(1).max(60),
});
export type ConcernSettings = z.infer<typeof settingsBody>;
export const settingsView = settingsBody.extend({ can: z.object({ edit: permission }) });
export type ConcernSettingsView = z.infer<typeof settingsView>;

// Intake.

const content = z.string().trim().min(5).max(2000);

/** The public form: `website` is a field people never see (a honeypot); bots fill it in. */
export const publicSubmission = z.strictObject({
  content,
  category: z.string().trim().max(40).optional(),
  name: text(30).optional(),
  phone: phone.optional(),
  anonymous: z.boolean().optional(),
  replyChannel: replyChannel.optional(),
  website: z.string().max(200).optional(),
});
export type PublicSubmission = z.infer<typeof publicSubmission>;
export const villageParams = z.strictObject({ orgCode: z.string().trim().min(1).max(40) });
export const submitted = z.object({ trackingCode: z.string() });

export const onBehalfBody = z.strictObject({
  orgCode: z.string().trim().min(1).max(40),
  content,
  category: z.string().trim().max(40).optional(),
  priority: z.enum(['normal', 'urgent']).optional(),
  householdId: z.uuid().optional(),
  channel: z.enum(['on_behalf', 'visit']),
  visitId: z.uuid().optional(),
  submitterName: text(30).optional(),
  submitterPhone: phone.optional(),
  anonymous: z.boolean().optional(),
  replyChannel: replyChannel.optional(),
});
export type OnBehalfInput = z.infer<typeof onBehalfBody>;
export const created = z.object({ id: z.string(), trackingCode: z.string() });

/** The village form's categories, so the public page offers the county's list. */
/** The public page's figures of last month: counts only, never content, names or phones. */
export const publicMonthCounts = z.object({ month: z.string(), collected: z.number().int(), answered: z.number().int(), onTime: z.number().int() });
export type PublicMonthCounts = z.infer<typeof publicMonthCounts>;
export const villageView = z.object({ org: orgRef, categories: z.array(z.object({ id: z.string(), name: z.string() })), lastMonth: publicMonthCounts });

// The handler's side.

export const inboxQuery = z.strictObject({
  org: z.string().trim().min(1).max(40).optional(),
  /** A state type, or 'active' for new, open and paused together. */
  state: z.enum([...stateTypes, 'active']).optional(),
  category: z.string().trim().max(40).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  mine: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});
export type InboxQuery = z.infer<typeof inboxQuery>;

const handlerRef = z.object({ id: z.string(), name: z.string() }).nullable();

export const concernSummary = z.object({
  id: z.string(),
  trackingCode: z.string(),
  org: orgRef,
  handlerOrg: orgRef,
  handler: handlerRef,
  channel: z.string(),
  category: z.object({ id: z.string(), name: z.string() }).nullable(),
  priority: z.string(),
  state: concernState,
  stateLabel: z.string(),
  stateType,
  content: z.string(),
  receivedAt: z.string(),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  reopenCount: z.number().int(),
});
export type ConcernSummary = z.infer<typeof concernSummary>;
export const inboxView = z.object({ items: z.array(concernSummary), page: z.number().int(), pageSize: z.number().int(), hasMore: z.boolean() });
export type InboxView = z.infer<typeof inboxView>;

export const actionPermission = z.object({
  allowed: z.boolean(),
  reason: z.enum(['no_ability', 'out_of_scope', 'wrong_state', 'not_handler', 'window_closed', 'already_rated']).optional(),
});
export type ActionPermission = z.infer<typeof actionPermission>;

export const timelineEntry = z.object({
  at: z.string(),
  action: z.string(),
  fromState: concernState.nullable(),
  toState: concernState.nullable(),
  toStateLabel: z.string().nullable(),
  /** Who acted: a user's name, or null for the submitter and the system. */
  actor: z.string().nullable(),
  handlerOrg: orgRef.nullable(),
  handler: handlerRef,
  note: z.string().nullable(),
});

export const deliveryView = z.object({
  channel: z.string(),
  status: z.enum(['pending', 'sent', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});

export const concernDetail = concernSummary.extend({
  household: z.object({ id: z.string(), name: z.string() }).nullable(),
  visitId: z.string().nullable(),
  enteredBy: z.string().nullable(),
  submitterName: z.string().nullable(),
  /** Masked ("138****1111") unless the reader handles the case or dispatches it; an unmasked read is audited. */
  submitterPhone: z.string().nullable(),
  anonymous: z.boolean(),
  replyChannel: replyChannel,
  answerDraft: z.string().nullable(),
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
  rating: rating.nullable(),
  ratingComment: z.string().nullable(),
  duplicateOf: z.string().nullable(),
  rejectReason: z.string().nullable(),
  escalationLevel: z.number().int(),
  timeline: z.array(timelineEntry),
  deliveries: z.array(deliveryView),
  /** Who the reader may assign it to (empty unless they may assign): posts that handle the handler organization's concerns. */
  handlers: z.array(z.object({ id: z.string(), name: z.string(), title: z.string(), org: z.string() })),
  can: z.object(Object.fromEntries(handlerActions.map((a) => [a, actionPermission])) as Record<(typeof handlerActions)[number], typeof actionPermission>),
});
export type ConcernDetail = z.infer<typeof concernDetail>;

export const idParams = z.strictObject({ id: z.uuid() });
const note = text(1000).optional();
export const acceptBody = z.strictObject({ category: z.string().trim().max(40).optional(), priority: z.enum(['normal', 'urgent']).optional(), note });
export const referBody = z.strictObject({ orgCode: z.string().trim().min(1).max(40), note });
export const duplicateBody = z.strictObject({ of: z.string().trim().min(1).max(40), note });
export const rejectBody = z.strictObject({ reason: text(500) });
export const assignBody = z.strictObject({ handlerId: z.uuid(), note });
export const noteBody = z.strictObject({ note });
export const pauseBody = z.strictObject({ reason: z.enum(pauseReasons), note });
export const answerBody = z.strictObject({ answer: text(4000) });
/** Publishing: the reviewed draft as it stands, or as the reviewer corrected it. */
export const replyBody = z.strictObject({ reply: text(4000).optional() });
export type ActionBody = {
  category?: string; priority?: 'normal' | 'urgent'; note?: string; orgCode?: string; of?: string; reason?: string;
  handlerId?: string; answer?: string; reply?: string;
};

// The public tracking page.

export const trackingParams = z.strictObject({ trackingCode: z.string().trim().min(1).max(20) });
export const publicTimelineEntry = z.object({
  at: z.string(),
  action: z.string(),
  stateLabel: z.string().nullable(),
  /** The organization handling it at that step: never a person. */
  org: z.string().nullable(),
});
export const trackingView = z.object({
  trackingCode: z.string(),
  org: z.string(),
  content: z.string(),
  category: z.string().nullable(),
  state: concernState,
  stateLabel: z.string(),
  stateType,
  receivedOn: z.string(),
  timeline: z.array(publicTimelineEntry),
  reply: z.string().nullable(),
  repliedOn: z.string().nullable(),
  rating: rating.nullable(),
  /** The last day each is open, or null when it is not. */
  canRate: z.boolean(),
  rateUntil: z.string().nullable(),
  canReopen: z.boolean(),
  reopenUntil: z.string().nullable(),
});
export type TrackingView = z.infer<typeof trackingView>;
export const rateBody = z.strictObject({ rating, comment: z.string().trim().max(500).optional() });
export const reopenBody = z.strictObject({ reason: z.string().trim().min(2).max(1000) });

// Statistics and the monthly digest (issue §6, part B).

const day = z.iso.date('日期应为 YYYY-MM-DD');
const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应为 YYYY-MM');

export const statisticsQuery = z.strictObject({ org: z.string().trim().min(1).max(40), from: day, to: day });
export type StatisticsQuery = z.infer<typeof statisticsQuery>;

const figures = {
  received: z.number().int(),
  answered: z.number().int(),
  onTime: z.number().int(),
  overdue: z.number().int(),
  satisfied: z.number().int(),
  rated: z.number().int(),
  /** Satisfied (fully or basically) ÷ rated; null when nothing was rated. */
  satisfactionRate: z.number().nullable(),
  /** On time ÷ answered; null when nothing was answered. */
  onTimeRate: z.number().nullable(),
};
export const concernFigures = z.object(figures);
export type ConcernFigures = z.infer<typeof concernFigures>;

export const statisticsView = z.object({
  org: orgRef,
  from: z.string(),
  to: z.string(),
  /** The day open cases are judged overdue on: today, or the range's end when it is past. */
  asOf: z.string(),
  ...figures,
  byCategory: z.array(z.object({ id: z.string().nullable(), name: z.string(), ...figures })),
  byVillage: z.array(z.object({ code: z.string(), name: z.string(), township: z.string(), ...figures })),
  byTownship: z.array(z.object({ code: z.string(), name: z.string(), ...figures })),
  /** Per month of receipt: what was received that month and what of it is answered by now. */
  trend: z.array(z.object({ month: z.string(), ...figures })),
});
export type StatisticsView = z.infer<typeof statisticsView>;

export const digestQuery = z.strictObject({ org: z.string().trim().min(1).max(40), month: yearMonth });
export type DigestQuery = z.infer<typeof digestQuery>;

export const digestItem = z.object({
  receivedOn: z.string(),
  category: z.string().nullable(),
  /** The content cut to a line: the digest is posted, so it never carries names or phones. */
  summary: z.string(),
  stateLabel: z.string(),
  stateType,
  reply: z.string().nullable(),
  repliedOn: z.string().nullable(),
  /** Collected in the month, answered in the month, still open at the month's end (and now). */
  collected: z.boolean(),
  answered: z.boolean(),
  open: z.boolean(),
});
export const villageDigest = z.object({
  org: orgRef,
  collected: z.number().int(),
  answered: z.number().int(),
  onTime: z.number().int(),
  open: z.number().int(),
  byCategory: z.array(z.object({ name: z.string(), collected: z.number().int(), answered: z.number().int() })),
  items: z.array(digestItem),
});
export type VillageDigest = z.infer<typeof villageDigest>;
export const digestView = z.object({ month: z.string(), org: orgRef, villages: z.array(villageDigest) });
export type DigestView = z.infer<typeof digestView>;
