/**
 * The rules of commitments (承诺践诺评诺), pure: what each state allows, what a target and a due date must
 * be, progress derived from updates (never typed), overdue derived from the due date, the year-end
 * appraisal total from the county's weights, and completion rates.
 *
 * State machine (REFERENCES.md): draft → published → in_progress → completed | delayed | abandoned(reason).
 * A delayed commitment keeps being updated and may be completed, delayed again or abandoned. A commitment's
 * items share its state: a transition moves the whole commitment, items included.
 *
 * A delay is its own kind of update (kind 'delay'): the reason in the note and the due date it replaced
 * in previous_due_on. Progress reads only 'progress' updates; "completed on time" compares the completion
 * with the ORIGINAL due date (the earliest one a delay replaced), so a delay never makes a late commitment
 * on time, and a commitment completed by the date first promised counts as on time even if it was delayed.
 */

export const commitmentStates = ['draft', 'published', 'in_progress', 'completed', 'delayed', 'abandoned'] as const;
export type CommitmentState = (typeof commitmentStates)[number];

export const makers = ['branch', 'secretary', 'member'] as const;
export type Maker = (typeof makers)[number];

export const actions = ['edit', 'publish', 'update', 'complete', 'delay', 'abandon', 'appraise'] as const;
export type CommitmentAction = (typeof actions)[number];

const allowed: Record<CommitmentState, readonly CommitmentAction[]> = {
  draft: ['edit', 'publish'],
  published: ['update', 'complete', 'delay', 'abandon', 'appraise'],
  in_progress: ['update', 'complete', 'delay', 'abandon', 'appraise'],
  delayed: ['update', 'complete', 'delay', 'abandon', 'appraise'],
  completed: ['appraise'],
  abandoned: ['appraise'],
};

/** Whether a commitment in `state` allows `action` (the appraisal's own date rule is `appraisalOpen`). */
export const allows = (state: CommitmentState, action: CommitmentAction): boolean => allowed[state].includes(action);

/**
 * Why the state refuses an action, for the button the UI disables: null when it allows it. Drafts are not
 * commitments yet; published ones are no longer edited or published; completed and abandoned ones are done.
 */
export type StateRefusal = 'not_published' | 'already_published' | 'completed' | 'abandoned';
export function stateRefusal(state: CommitmentState, action: CommitmentAction): StateRefusal | null {
  if (allows(state, action)) return null;
  if (action === 'edit' || action === 'publish') return 'already_published';
  if (state === 'draft') return 'not_published';
  return state === 'completed' ? 'completed' : 'abandoned';
}

/** The state after an action; null when the state does not allow it. */
export function nextState(state: CommitmentState, action: CommitmentAction): CommitmentState | null {
  if (!allows(state, action)) return null;
  switch (action) {
    case 'publish': return 'published';
    // The first update starts it; a delayed one stays delayed (its new due date stands) until completed.
    case 'update': return state === 'published' ? 'in_progress' : state;
    case 'complete': return 'completed';
    case 'delay': return 'delayed';
    case 'abandon': return 'abandoned';
    default: return state;
  }
}

/** States still being worked on: they can be overdue. */
export const isOpen = (state: CommitmentState) => state === 'published' || state === 'in_progress' || state === 'delayed';

export type Problem = { field: string; reason: string; params?: Record<string, string | number> };

/** A measurable target: the text always; a number (positive) and its unit go together. */
export function targetProblems(t: { target: string; targetValue: number | null; unit: string | null }): Problem[] {
  const problems: Problem[] = [];
  if (t.target.trim() === '') problems.push({ field: 'target', reason: 'target_missing' });
  if (t.targetValue !== null && !(t.targetValue > 0)) problems.push({ field: 'targetValue', reason: 'target_value_positive' });
  if (t.targetValue !== null && (t.unit === null || t.unit.trim() === '')) problems.push({ field: 'unit', reason: 'unit_missing' });
  if (t.targetValue === null && t.unit !== null && t.unit.trim() !== '') problems.push({ field: 'targetValue', reason: 'unit_without_value' });
  return problems;
}

/** A due date within the commitment's year (and, for an item, no later than its commitment's). */
export function dueProblems(dueOn: string, year: number, parentDueOn?: string): Problem[] {
  if (dueOn.slice(0, 4) !== String(year)) return [{ field: 'dueOn', reason: 'due_outside_year', params: { year } }];
  if (parentDueOn !== undefined && dueOn > parentDueOn) return [{ field: 'dueOn', reason: 'item_due_after_parent', params: { due: parentDueOn } }];
  return [];
}

/** A delay's new due date: later than the current one and than today, at the latest the end of the next year. */
export function delayProblems(newDue: string, currentDue: string, today: string, year: number): Problem[] {
  if (newDue <= currentDue) return [{ field: 'dueOn', reason: 'delay_not_later', params: { due: currentDue } }];
  if (newDue < today) return [{ field: 'dueOn', reason: 'delay_in_past', params: { today } }];
  if (newDue > `${year + 1}-12-31`) return [{ field: 'dueOn', reason: 'delay_too_far', params: { last: `${year + 1}-12-31` } }];
  return [];
}

export const updateKinds = ['progress', 'delay'] as const;
export type UpdateKind = (typeof updateKinds)[number];
export interface Update { kind: string; madeOn: string; createdAt?: Date | string; value: number | null; progressPermille: number | null }

/** What an update must carry: a value when the target is a number, a permille otherwise; never dated ahead. */
export function updateProblems(u: { madeOn: string; value: number | null; progressPermille: number | null }, targetValue: number | null, today: string, publishedOn: string | null): Problem[] {
  const problems: Problem[] = [];
  if (u.madeOn > today) problems.push({ field: 'madeOn', reason: 'update_future', params: { today } });
  if (publishedOn !== null && u.madeOn < publishedOn) problems.push({ field: 'madeOn', reason: 'update_before_publish', params: { date: publishedOn } });
  if (targetValue !== null) {
    if (u.value === null) problems.push({ field: 'value', reason: 'value_missing' });
    else if (u.value < 0) problems.push({ field: 'value', reason: 'value_negative' });
  } else if (u.progressPermille === null) problems.push({ field: 'progressPermille', reason: 'permille_missing' });
  return problems;
}

/** The latest progress update (delays carry none): by its date, then by when it was entered. */
export function latestProgress<U extends Update>(updates: U[]): U | null {
  let latest: U | null = null;
  for (const u of updates) {
    if (u.kind !== 'progress') continue;
    if (latest === null || u.madeOn > latest.madeOn || (u.madeOn === latest.madeOn && String(u.createdAt ?? '') >= String(latest.createdAt ?? ''))) latest = u;
  }
  return latest;
}

/** A leaf's progress in permille from its latest update: value ÷ target value (capped at 1000), or the permille given. */
export function leafProgress(targetValue: number | null, updates: Update[]): number {
  const latest = latestProgress(updates);
  if (latest === null) return 0;
  if (targetValue !== null && latest.value !== null) return Math.min(1000, Math.max(0, Math.round((latest.value / targetValue) * 1000)));
  return Math.min(1000, Math.max(0, latest.progressPermille ?? 0));
}

/** A parent's progress: the average of its items' (rounded); a commitment without items is a leaf. */
export function parentProgress(items: number[]): number {
  if (items.length === 0) return 0;
  return Math.round(items.reduce((a, b) => a + b, 0) / items.length);
}

/** Past its due date and still being worked on. */
export const isOverdue = (c: { state: CommitmentState; dueOn: string }, today: string) => isOpen(c.state) && c.dueOn < today;

/** The due date first promised: the earliest one a delay replaced, or the due date when never delayed. */
export function originalDueOn(dueOn: string, delays: { previousDueOn: string | null }[]): string {
  return delays.reduce((first, d) => (d.previousDueOn !== null && d.previousDueOn < first ? d.previousDueOn : first), dueOn);
}

/** Completed by the due date first promised (`originalDue`, see originalDueOn): a delay buys time, not punctuality. */
export const completedOnTime = (c: { state: CommitmentState; completedOn: string | null }, originalDue: string) =>
  c.state === 'completed' && c.completedOn !== null && c.completedOn <= originalDue;

/** Days from today to the due date (negative when past). */
export function dueWithin(dueOn: string, today: string, days: number): boolean {
  return dueOn >= today && Date.parse(dueOn) - Date.parse(today) <= days * 86_400_000;
}

export interface Weights { self: number; masses: number; superior: number }
export const DEFAULT_WEIGHTS: Weights = { self: 20, masses: 40, superior: 40 };

export const weightsProblems = (w: Weights): Problem[] =>
  w.self + w.masses + w.superior === 100 ? [] : [{ field: 'weights', reason: 'weights_sum', params: { sum: w.self + w.masses + w.superior } }];

/** The year-end total: scores out of 100 weighted in percent, to one decimal. */
export function appraisalTotal(scores: Weights, weights: Weights): number {
  const sum = scores.self * weights.self + scores.masses * weights.masses + scores.superior * weights.superior;
  return Math.round(sum / 10) / 10;
}

/** The masses' score from a satisfaction vote: the satisfied share out of 100, to one decimal. */
export function massesScoreOf(satisfied: number, votes: number): number {
  return votes === 0 ? 0 : Math.round((satisfied / votes) * 1000) / 10;
}

/** Appraisal opens in December of the commitment's year, or as soon as it is completed. */
export function appraisalOpen(c: { state: CommitmentState; year: number; completedOn: string | null }, on: string): boolean {
  if (!allows(c.state, 'appraise')) return false;
  if (c.state === 'completed' && c.completedOn !== null) return on >= c.completedOn;
  return on >= `${c.year}-12-01`;
}

/** Completed out of those published (drafts are not commitments yet), in permille; null when none. */
export function completionRate(published: number, completed: number): number | null {
  return published === 0 ? null : Math.round((completed / published) * 1000);
}

/** The month from which the year's commitments should all be out: after `publishByMonth` of that year. */
export const pastPublishMonth = (today: string, year: number, publishByMonth: number) =>
  today > `${year}-${String(publishByMonth).padStart(2, '0')}-31`;

/** Appraisals are due in December of the year and January of the next. */
export function appraisalSeason(today: string): number | null {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  if (m === 12) return y;
  if (m === 1) return y - 1;
  return null;
}
