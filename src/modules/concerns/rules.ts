/**
 * The concern pipeline's rules (REFERENCES.md "Case handling"): fixed states each of a fixed type,
 * which action leads from which state and who may take it, the deadline derived from the history,
 * and the derived flags (overdue, escalation, lapsing after the reply). Pure: no database, no clock.
 */
import { addDays } from '../../platform/dates.js';
import { deadline, workingDaysBetween, type Pause, type WorkCalendar } from '../../platform/calendar/calendar.js';

/** The types statistics and deadlines read; a county may relabel states, never retype them. */
export const stateTypes = ['new', 'open', 'paused', 'resolved', 'closed'] as const;
export type StateType = (typeof stateTypes)[number];

export const concernStates = [
  'submitted', 'referred', 'accepted', 'assigned', 'in_progress', 'paused', 'answered', 'replied', 'reopened',
  'closed', 'closed_unrated', 'duplicate', 'rejected',
] as const;
export type ConcernState = (typeof concernStates)[number];

export const stateTypeOf: Record<ConcernState, StateType> = {
  submitted: 'new',
  // Referred to another organization: new again there, until it accepts.
  referred: 'new',
  accepted: 'open',
  assigned: 'open',
  in_progress: 'open',
  paused: 'paused',
  // A draft awaiting review: the clock still runs.
  answered: 'open',
  replied: 'resolved',
  reopened: 'open',
  closed: 'closed',
  closed_unrated: 'closed',
  duplicate: 'closed',
  rejected: 'closed',
};

/** Types a handler still works on: the inbox's open cases. */
export const activeTypes: readonly StateType[] = ['new', 'open', 'paused'];

/** What handlers do (the public's own actions, rate and reopen, are checked in publicAction). */
export const handlerActions = ['accept', 'refer', 'duplicate', 'reject', 'assign', 'start', 'pause', 'resume', 'answer', 'reply'] as const;
export type HandlerAction = (typeof handlerActions)[number];

/** Whether the action needs 'concern.dispatch' over the handler organization, or the handler's own hand. */
const dispatchActions: ReadonlySet<HandlerAction> = new Set(['accept', 'refer', 'duplicate', 'reject', 'assign', 'reply']);

const transitions: Record<HandlerAction, { from: readonly ConcernState[]; to: ConcernState }> = {
  accept: { from: ['submitted', 'referred'], to: 'accepted' },
  refer: { from: ['submitted', 'referred'], to: 'referred' },
  duplicate: { from: ['submitted', 'referred'], to: 'duplicate' },
  reject: { from: ['submitted', 'referred'], to: 'rejected' },
  assign: { from: ['accepted', 'assigned', 'in_progress', 'reopened'], to: 'assigned' },
  start: { from: ['assigned', 'reopened'], to: 'in_progress' },
  pause: { from: ['in_progress'], to: 'paused' },
  resume: { from: ['paused'], to: 'in_progress' },
  // Drafting again replaces the draft until it is published.
  answer: { from: ['in_progress', 'answered'], to: 'answered' },
  reply: { from: ['answered'], to: 'replied' },
};

export const pauseReasons = ['awaiting_submitter', 'awaiting_other_unit'] as const;
export type PauseReason = (typeof pauseReasons)[number];

export type Refusal = 'no_ability' | 'out_of_scope' | 'wrong_state' | 'not_handler' | 'window_closed' | 'already_rated';
export type Verdict = { allowed: true; to: ConcernState } | { allowed: false; reason: Refusal };

/** What the actor holds over the concern's handler organization, and who they are. */
export interface Standing {
  dispatch: boolean;
  handle: boolean;
  /** Whether the actor holds the ability anywhere: decides between no_ability and out_of_scope. */
  dispatchAnywhere: boolean;
  handleAnywhere: boolean;
  personId: string | null;
}

/**
 * Whether the actor may take a handler's action on a concern now. Dispatch actions need
 * 'concern.dispatch' over the handler organization; working actions need 'concern.handle' there and
 * being the handler, unless the actor dispatches there (a secretary may step in for a handler).
 */
export function verdict(action: HandlerAction, concern: { state: ConcernState; handlerId: string | null }, who: Standing): Verdict {
  const step = transitions[action];
  if (dispatchActions.has(action)) {
    if (!who.dispatch) return { allowed: false, reason: who.dispatchAnywhere ? 'out_of_scope' : 'no_ability' };
  } else if (!who.dispatch) {
    if (!who.handle) return { allowed: false, reason: who.handleAnywhere ? 'out_of_scope' : 'no_ability' };
    if (concern.handlerId === null || concern.handlerId !== who.personId) return { allowed: false, reason: 'not_handler' };
  }
  if (!step.from.includes(concern.state)) return { allowed: false, reason: 'wrong_state' };
  return { allowed: true, to: step.to };
}

/** The states an action may be taken from: the detail's explanation of a wrong_state refusal. */
export const fromStates = (action: HandlerAction): readonly ConcernState[] => transitions[action].from;

// The submitter's actions on the public page.

export const ratings = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Rating = (typeof ratings)[number];

export interface Windows {
  /** Days after the reply the submitter may rate it; unrated by then it closes. */
  ratingDays: number;
  /** Days after the reply the submitter may reopen it, rated or not. */
  reopenDays: number;
}

export interface Replied {
  state: ConcernState;
  /** The China date of the reply; null when never replied. */
  repliedOn: string | null;
  rating: Rating | null;
}

/** The last day the submitter may rate, or null when rating is not open now. */
export function ratingUntil(c: Replied, w: Windows): string | null {
  if (c.state !== 'replied' || c.repliedOn === null || c.rating !== null) return null;
  return addDays(c.repliedOn, w.ratingDays);
}

/** The last day the submitter may reopen: a replied concern, closed after it or not, within the window. */
export function reopenUntil(c: Replied, w: Windows): string | null {
  if (!['replied', 'closed', 'closed_unrated'].includes(c.state) || c.repliedOn === null) return null;
  return addDays(c.repliedOn, w.reopenDays);
}

export function rateVerdict(c: Replied, w: Windows, today: string): Verdict {
  if (c.state === 'replied' && c.rating !== null) return { allowed: false, reason: 'already_rated' };
  const until = ratingUntil(c, w);
  if (until === null) return { allowed: false, reason: c.state === 'closed' ? 'already_rated' : 'wrong_state' };
  if (today > until) return { allowed: false, reason: 'window_closed' };
  return { allowed: true, to: 'replied' };
}

/** Where a rating leads: satisfied (basically or fully) closes; unsatisfied stays open to a reopening. */
export const ratedState = (rating: Rating): ConcernState => (rating === 'unsatisfied' ? 'replied' : 'closed');

export function reopenVerdict(c: Replied, w: Windows, today: string): Verdict {
  const until = reopenUntil(c, w);
  if (until === null) return { allowed: false, reason: 'wrong_state' };
  if (today > until) return { allowed: false, reason: 'window_closed' };
  return { allowed: true, to: 'reopened' };
}

/**
 * Where a replied concern goes once its windows pass with nobody acting: unrated after the rating
 * window it closes unrated; rated unsatisfied and not reopened within the reopen window it closes.
 * Null while nothing is due. Deriving it from the reply day makes running it twice harmless.
 */
export function lapse(c: Replied, w: Windows, today: string): ConcernState | null {
  if (c.state !== 'replied' || c.repliedOn === null) return null;
  if (c.rating === null) return today > addDays(c.repliedOn, w.ratingDays) ? 'closed_unrated' : null;
  return today > addDays(c.repliedOn, w.reopenDays) ? 'closed' : null;
}

// The deadline, from the history.

export interface HistoryStep {
  /** The China date of the event. */
  on: string;
  action: string;
  toStateType: StateType | null;
}

/**
 * The time limit runs from the latest acceptance or reopening (a reopened case gets its limit
 * again from that day); the clock stops over every span the case spent paused since then.
 */
export function pausesSince(history: readonly HistoryStep[]): { start: string | null; pauses: Pause[] } {
  let startAt = -1;
  history.forEach((h, i) => { if (h.action === 'accept' || h.action === 'reopen') startAt = i; });
  if (startAt < 0) return { start: null, pauses: [] };
  const pauses: Pause[] = [];
  for (const h of history.slice(startAt + 1)) {
    const open = pauses.at(-1);
    if (h.toStateType === 'paused') {
      if (!open || open.to !== null) pauses.push({ from: h.on, to: null });
    } else if (h.toStateType !== null && open && open.to === null) {
      open.to = h.on;
    }
  }
  return { start: history[startAt]!.on, pauses };
}

/**
 * The due day of a concern from its history and its category's limit in working days: null before
 * acceptance, while paused, or once it has no category. Throws CalendarMissing for a year the
 * calendar lacks, which the caller turns into a request for that year's calendar.
 */
export function dueOn(calendar: WorkCalendar, history: readonly HistoryStep[], limitDays: number | null): string | null {
  const { start, pauses } = pausesSince(history);
  if (start === null || limitDays === null) return null;
  return deadline(calendar, start, limitDays, pauses);
}

/** The years a due day computed from this history may touch: from its start to a year after the last event. */
export function calendarYears(history: readonly HistoryStep[]): number[] {
  if (history.length === 0) return [];
  const first = Number(history[0]!.on.slice(0, 4));
  const last = Number(history.at(-1)!.on.slice(0, 4)) + 1;
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

export const isOverdue = (c: { stateType: StateType; dueOn: string | null }, today: string): boolean =>
  c.stateType === 'open' && c.dueOn !== null && today > c.dueOn;

/**
 * How many levels above the handler organization an overdue case shows: 1 (the level above) from the
 * first working day overdue, one more for every further `stepDays` working days; 0 when not overdue.
 */
export function escalationLevel(calendar: WorkCalendar, c: { stateType: StateType; dueOn: string | null }, today: string, stepDays: number): number {
  if (!isOverdue(c, today)) return 0;
  const late = workingDaysBetween(calendar, c.dueOn!, today);
  return late === 0 ? 1 : 1 + Math.floor((late - 1) / stepDays);
}

// Intake.

export interface Submitter {
  anonymous?: boolean;
  name?: string;
  phone?: string;
  replyChannel?: 'none' | 'sms';
}

export type SubmitterProblem = { field: 'name' | 'phone' | 'replyChannel'; rule: 'anonymous_named' | 'sms_without_phone' };

/** An anonymous concern names nobody and leaves no number; a reply by SMS needs the number to send it to. */
export function submitterProblems(s: Submitter): SubmitterProblem[] {
  const problems: SubmitterProblem[] = [];
  if (s.anonymous && s.name !== undefined) problems.push({ field: 'name', rule: 'anonymous_named' });
  if (s.anonymous && s.phone !== undefined) problems.push({ field: 'phone', rule: 'anonymous_named' });
  if (s.replyChannel === 'sms' && s.phone === undefined) problems.push({ field: 'replyChannel', rule: 'sms_without_phone' });
  return problems;
}

/** A village's or community's own Party branch: where the public page of that village files concerns. */
export function isVillageBranch(org: { type: string; unitType: string | null; status: string }): boolean {
  return org.status === 'active' && ['branch', 'joint_branch', 'general_branch'].includes(org.type)
    && (org.unitType === 'village' || org.unitType === 'community');
}

/** Unambiguous characters only (no 0/O, 1/I/L): people read tracking codes off a phone and type them back. */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const TRACKING_LENGTH = 10;

/** A tracking code from random numbers below the alphabet's size. */
export const trackingCodeFrom = (random: (max: number) => number): string =>
  Array.from({ length: TRACKING_LENGTH }, () => TRACKING_ALPHABET[random(TRACKING_ALPHABET.length)]).join('');

// Statistics (issue §6): what one concern counts as. Only its state type is read, never its label.

/** The facts of a concern the figures rest on, as the statistics query computes them for a day. */
export interface CountedFacts {
  stateType: StateType;
  /** A reply has been published (replied_at set), perhaps before a reopening. */
  replied: boolean;
  /** The reply was published after the due day. */
  repliedLate: boolean;
  /** The due day is before the day counted for. */
  pastDue: boolean;
  rating: Rating | null;
}

export interface Figures { answered: number; onTime: number; overdue: number; satisfied: number; rated: number }

/**
 * What a concern adds to each figure (0 or 1):
 * - answered: its reply is published and stands (resolved or closed; a reopened case is worked on
 *   again, and a rejected or duplicate one closed without a reply is not answered);
 * - onTime: answered by its due day (a case without a due day has no limit to miss);
 * - overdue: open past its due day and not answered, or answered after its due day. Paused cases
 *   have no due day while paused and are never overdue;
 * - satisfied: rated satisfied or basically satisfied, as the county counts satisfaction;
 * - rated: the submitter rated the reply that stands.
 */
export function figuresOf(c: CountedFacts): Figures {
  const answered = c.replied && (c.stateType === 'resolved' || c.stateType === 'closed');
  return {
    answered: answered ? 1 : 0,
    onTime: answered && !c.repliedLate ? 1 : 0,
    overdue: (c.stateType === 'open' && c.pastDue) || (answered && c.repliedLate) ? 1 : 0,
    satisfied: c.rating === 'satisfied' || c.rating === 'basically_satisfied' ? 1 : 0,
    rated: c.rating === null ? 0 : 1,
  };
}

/** A share to four decimals, or null when there is nothing to divide by (no "0 %" of nothing). */
export const shareOf = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);
