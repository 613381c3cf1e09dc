/**
 * Petitions (信访事项) under the 信访工作条例 (rules.md §4): the state machine, the statutory
 * deadlines and what each action needs. Pure: the history goes in, facts and verdicts come out.
 *
 * The regulation counts days, not working days, so every limit here is in calendar days and the
 * work calendar is not consulted. As in the civil law's reckoning of periods, the day of the event
 * itself is not counted: "within 15 days of receipt" of a letter received on 3 March ends on 18 March.
 */
import { addDays } from '../../platform/dates.js';

export const channels = ['letter', 'visit', 'phone', 'online', 'referred'] as const;
export type Channel = (typeof channels)[number];

export const categories = ['land', 'social_security', 'infrastructure', 'environment', 'dispute', 'cadre_conduct', 'other'] as const;
export type Category = (typeof categories)[number];

export const petitionStates = ['registered', 'not_accepted', 'handling', 'replied', 'reviewing', 'reviewed', 're_reviewing', 're_reviewed', 'closed'] as const;
export type PetitionState = (typeof petitionStates)[number];

export const petitionActions = [
  'accept', 'not_accept', 'assign', 'extend', 'reply', 'review_request', 'review_decide', 're_review_request', 're_review_decide',
  'feedback_petitioner', 'feedback_body', 'close',
] as const;
export type PetitionAction = (typeof petitionActions)[number];

/** Days, per rules.md §4. */
export const LIMITS = { acceptance: 15, handling: 60, extensionMax: 30, requestWindow: 30, review: 30 } as const;

/** The double feedback is the branch's part: the secretary reports back; the rest is the handlers'. */
export const abilityFor = (action: PetitionAction): 'petition.handle' | 'petition.register' =>
  action === 'feedback_petitioner' || action === 'feedback_body' ? 'petition.register' : 'petition.handle';

/** One step of the history: the day it happened (as recorded, maybe earlier than its entry) and its data. */
export interface HistoryStep {
  action: 'register' | PetitionAction;
  on: string;
  extensionDays?: number;
}

export interface Facts {
  state: PetitionState;
  receivedOn: string;
  /** The day of the latest step: a new step cannot precede it. */
  lastOn: string;
  acceptanceDecidedOn: string | null;
  acceptedOn: string | null;
  extensionDays: number;
  repliedOn: string | null;
  reviewRequestedOn: string | null;
  reviewDecidedOn: string | null;
  reReviewRequestedOn: string | null;
  reReviewDecidedOn: string | null;
  /** The latest of each feedback: it counts for the latest decision only when it is not older. */
  petitionerToldOn: string | null;
  bodyToldOn: string | null;
}

const next: Record<PetitionAction, { from: readonly PetitionState[]; to: PetitionState | null }> = {
  accept: { from: ['registered'], to: 'handling' },
  not_accept: { from: ['registered'], to: 'not_accepted' },
  assign: { from: ['handling'], to: null },
  extend: { from: ['handling'], to: null },
  reply: { from: ['handling'], to: 'replied' },
  review_request: { from: ['replied'], to: 'reviewing' },
  review_decide: { from: ['reviewing'], to: 'reviewed' },
  re_review_request: { from: ['reviewed'], to: 're_reviewing' },
  re_review_decide: { from: ['re_reviewing'], to: 're_reviewed' },
  feedback_petitioner: { from: ['replied', 'reviewed', 're_reviewed'], to: null },
  feedback_body: { from: ['replied', 'reviewed', 're_reviewed'], to: null },
  close: { from: ['replied', 'reviewed', 're_reviewed'], to: 'closed' },
};

/** The facts of a history, its first step the registration. */
export function factsOf(history: readonly HistoryStep[]): Facts {
  const first = history[0];
  if (!first || first.action !== 'register') throw new Error('a petition history starts with its registration');
  const f: Facts = {
    state: 'registered', receivedOn: first.on, lastOn: first.on, acceptanceDecidedOn: null, acceptedOn: null, extensionDays: 0, repliedOn: null,
    reviewRequestedOn: null, reviewDecidedOn: null, reReviewRequestedOn: null, reReviewDecidedOn: null, petitionerToldOn: null, bodyToldOn: null,
  };
  for (const step of history.slice(1)) {
    if (step.action === 'register') continue;
    f.lastOn = step.on > f.lastOn ? step.on : f.lastOn;
    if (step.action === 'accept' || step.action === 'not_accept') f.acceptanceDecidedOn = step.on;
    if (step.action === 'accept') f.acceptedOn = step.on;
    if (step.action === 'extend') f.extensionDays = step.extensionDays ?? 0;
    if (step.action === 'reply') f.repliedOn = step.on;
    if (step.action === 'review_request') f.reviewRequestedOn = step.on;
    if (step.action === 'review_decide') f.reviewDecidedOn = step.on;
    if (step.action === 're_review_request') f.reReviewRequestedOn = step.on;
    if (step.action === 're_review_decide') f.reReviewDecidedOn = step.on;
    if (step.action === 'feedback_petitioner') f.petitionerToldOn = step.on;
    if (step.action === 'feedback_body') f.bodyToldOn = step.on;
    f.state = next[step.action].to ?? f.state;
  }
  return f;
}

export interface Deadline {
  kind: 'acceptance' | 'handling' | 'review_request' | 'review' | 're_review_request' | 're_review';
  /** The last day allowed. */
  dueOn: string;
  /** When it was met: the decision, or the request made within the window. */
  doneOn: string | null;
  /** A decision made or still missing after its last day; a request window is never late, it closes. */
  late: boolean;
}

/** Every deadline the history has reached so far, in order. */
export function deadlinesOf(f: Facts, today: string): Deadline[] {
  const list: Deadline[] = [];
  const decision = (kind: Deadline['kind'], dueOn: string, doneOn: string | null) => list.push({ kind, dueOn, doneOn, late: (doneOn ?? today) > dueOn });
  const window = (kind: Deadline['kind'], dueOn: string, doneOn: string | null) => list.push({ kind, dueOn, doneOn, late: false });
  decision('acceptance', addDays(f.receivedOn, LIMITS.acceptance), f.acceptanceDecidedOn);
  if (f.acceptedOn) decision('handling', handlingDue(f)!, f.repliedOn);
  if (f.repliedOn) window('review_request', addDays(f.repliedOn, LIMITS.requestWindow), f.reviewRequestedOn);
  if (f.reviewRequestedOn) decision('review', addDays(f.reviewRequestedOn, LIMITS.review), f.reviewDecidedOn);
  if (f.reviewDecidedOn) window('re_review_request', addDays(f.reviewDecidedOn, LIMITS.requestWindow), f.reReviewRequestedOn);
  if (f.reReviewRequestedOn) decision('re_review', addDays(f.reReviewRequestedOn, LIMITS.review), f.reReviewDecidedOn);
  return list;
}

export function handlingDue(f: Facts): string | null {
  return f.acceptedOn ? addDays(f.acceptedOn, LIMITS.handling + f.extensionDays) : null;
}

/** The day the body holding it must decide by, while a decision is pending; null when nothing is. */
export function currentDue(f: Facts): string | null {
  if (f.state === 'registered') return addDays(f.receivedOn, LIMITS.acceptance);
  if (f.state === 'handling') return handlingDue(f);
  if (f.state === 'reviewing') return addDays(f.reviewRequestedOn!, LIMITS.review);
  if (f.state === 're_reviewing') return addDays(f.reReviewRequestedOn!, LIMITS.review);
  return null;
}

export const isOverdue = (f: Facts, today: string): boolean => {
  const due = currentDue(f);
  return due !== null && today > due;
};

/** States whose matter is still before a body (the list's "open" filter and the to-dos). */
export const openStates: readonly PetitionState[] = ['registered', 'handling', 'reviewing', 're_reviewing'];

/** The latest decision the petitioner (and an assigning body) must be told of. */
export const latestDecisionOn = (f: Facts): string | null => f.reReviewDecidedOn ?? f.reviewDecidedOn ?? f.repliedOn;

/** Whether the feedback owed for the latest decision is still missing. */
export function feedbackOwed(f: Facts, referred: boolean): { petitioner: boolean; body: boolean } {
  const decided = latestDecisionOn(f);
  if (decided === null || f.state === 'closed') return { petitioner: false, body: false };
  return { petitioner: !(f.petitionerToldOn !== null && f.petitionerToldOn >= decided), body: referred && !(f.bodyToldOn !== null && f.bodyToldOn >= decided) };
}

/** After a re-review the matter is final: the same facts are not accepted again by any body. */
export const isFinal = (history: readonly HistoryStep[]): boolean => history.some((s) => s.action === 're_review_decide');

export type Refusal =
  | 'wrong_state' | 'future' | 'before_previous' | 'already_extended' | 'extend_after_due' | 'window_closed' | 'window_open' | 'feedback_missing';

/** Whether the action may be recorded on day `on` (today when the form leaves it out). */
export function verdict(action: PetitionAction, f: Facts, on: string, today: string, referred: boolean): { allowed: true } | { allowed: false; reason: Refusal } {
  const no = (reason: Refusal) => ({ allowed: false as const, reason });
  if (!next[action].from.includes(f.state)) return no('wrong_state');
  if (on > today) return no('future');
  if (on < f.lastOn) return no('before_previous');
  if (action === 'extend') {
    if (f.extensionDays > 0) return no('already_extended');
    if (on > handlingDue(f)!) return no('extend_after_due');
  }
  if (action === 'review_request' && on > addDays(f.repliedOn!, LIMITS.requestWindow)) return no('window_closed');
  if (action === 're_review_request' && on > addDays(f.reviewDecidedOn!, LIMITS.requestWindow)) return no('window_closed');
  if (action === 'close') {
    // Closing before the request window ends would take the petitioner's review away.
    if (f.state === 'replied' && on <= addDays(f.repliedOn!, LIMITS.requestWindow)) return no('window_open');
    if (f.state === 'reviewed' && on <= addDays(f.reviewDecidedOn!, LIMITS.requestWindow)) return no('window_open');
    const owed = feedbackOwed(f, referred);
    if (owed.petitioner || owed.body) return no('feedback_missing');
  }
  return { allowed: true };
}

/** The state an action leads to. */
export const stateAfter = (action: PetitionAction, state: PetitionState): PetitionState => next[action].to ?? state;

/** The register number: year and a sequence within it ("2026-0007"). */
export const petitionNumber = (year: number, sequence: number): string => `${year}-${String(sequence).padStart(4, '0')}`;

/** A name shown to readers who do not handle the case: its first character only. */
export const maskName = (name: string): string => (name.length <= 1 ? '*' : name.slice(0, 1) + '*'.repeat(Math.min(name.length - 1, 3)));

/** An address shown masked: the first few characters (the township or village) only. */
export const maskAddress = (address: string | null): string | null => (address === null || address === '' ? address : address.slice(0, Math.min(6, Math.ceil(address.length / 2))) + '****');

/**
 * Prefixes of an organization path: the organization and each one above it ('1.7.42.' →
 * '1.', '1.7.', '1.7.42.'). A post in an accused organization or below it is the accused unit's.
 */
export function pathAndAncestors(path: string): string[] {
  const parts = path.split('.').filter(Boolean);
  return parts.map((_, i) => parts.slice(0, i + 1).join('.') + '.');
}
