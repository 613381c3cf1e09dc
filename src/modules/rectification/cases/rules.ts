/**
 * The rectification ledger's state machine (REFERENCES.md) and the derived accountability rules, pure:
 *   identified → plan_approved → rectifying → acceptance_requested → (pass | basic pass) under_watch → closed
 *   fail → rectifying with a new deadline ('returned'); under_watch → identified on a rebound (open.ts).
 * Every refusal is a reason the UI can show beside a disabled button, so each is a message key.
 */
import { addDays, addMonths, daysBetween } from '../../../platform/dates.js';
import { parsePeriodKey, periodLabel, periodOf, periodsBetween } from '../../../platform/cadence/periods.js';

export const caseStates = ['identified', 'plan_approved', 'rectifying', 'acceptance_requested', 'under_watch', 'closed'] as const;
export type CaseState = (typeof caseStates)[number];
export const acceptanceResults = ['pass', 'basic_pass', 'fail'] as const;
export type AcceptanceResult = (typeof acceptanceResults)[number];

/** Reasons an action is refused: keys under 'rectification.' in the messages. */
export type Refusal =
  | 'plan_locked' | 'plan_empty' | 'not_identified' | 'not_plan_approved' | 'not_rectifying' | 'items_not_done'
  | 'not_acceptance_requested' | 'close_before_acceptance' | 'close_before_watch_end' | 'already_closed'
  | 'report_before_plan' | 'report_after_closure' | 'score_below_pass' | 'dissatisfied_must_fail'
  | 'fail_needs_deadline' | 'deadline_not_after' | 'reasons_required' | 'deadline_before_approval';

export type Check = { ok: true } | { ok: false; reason: Refusal; params?: Record<string, string | number> };
const ok: Check = { ok: true };
const no = (reason: Refusal, params?: Record<string, string | number>): Check => ({ ok: false, reason, params });

/** The plan (items) may be written only before it is approved; after a rebound the case is identified again. */
export const canEditPlan = (state: CaseState): Check => (state === 'identified' ? ok : state === 'closed' ? no('already_closed') : no('plan_locked'));

export function canApprovePlan(state: CaseState, items: number, deadline: string, approvedOn: string): Check {
  if (state !== 'identified') return no('not_identified');
  if (items === 0) return no('plan_empty');
  if (deadline <= approvedOn) return no('deadline_before_approval', { deadline, approvedOn });
  return ok;
}

export const canStart = (state: CaseState): Check => (state === 'plan_approved' ? ok : no('not_plan_approved'));

export const canMarkItem = (state: CaseState): Check => (state === 'rectifying' ? ok : no('not_rectifying'));

/** Acceptance is asked for only when every plan item is done with evidence. */
export function canRequestAcceptance(state: CaseState, items: { doneOn: string | null; evidence: string | null }[]): Check {
  if (state !== 'rectifying') return no('not_rectifying');
  const open = items.filter((i) => i.doneOn === null || !i.evidence?.trim()).length;
  if (items.length === 0 || open > 0) return no('items_not_done', { open: items.length === 0 ? 1 : open });
  return ok;
}

export interface AcceptanceFacts {
  result: AcceptanceResult;
  score: number;
  passScore: number;
  dissatisfiedPermille: number | null;
  failPermille: number;
  acceptedOn: string;
  newDeadline: string | null;
  reasons: string | null;
}

/** A score below the pass score cannot pass; a dissatisfied share above the threshold must fail. */
export function canRecordAcceptance(state: CaseState, f: AcceptanceFacts): Check {
  if (state !== 'acceptance_requested') return no('not_acceptance_requested');
  if (f.result !== 'fail') {
    if (f.score < f.passScore) return no('score_below_pass', { score: f.score, pass: f.passScore });
    if (f.dissatisfiedPermille !== null && f.dissatisfiedPermille > f.failPermille) {
      return no('dissatisfied_must_fail', { share: f.dissatisfiedPermille / 10, limit: f.failPermille / 10 });
    }
  }
  if (f.result !== 'pass' && !f.reasons?.trim()) return no('reasons_required');
  if (f.result === 'fail') {
    if (!f.newDeadline) return no('fail_needs_deadline');
    if (f.newDeadline <= f.acceptedOn) return no('deadline_not_after', { deadline: f.newDeadline, date: f.acceptedOn });
  }
  return ok;
}

/** Where an acceptance sends the case, and until when it is watched. */
export function afterAcceptance(result: AcceptanceResult, acceptedOn: string, watchMonths: number, extraMonths: number): { state: CaseState; watchUntil: string | null } {
  if (result === 'fail') return { state: 'rectifying', watchUntil: null };
  return { state: 'under_watch', watchUntil: addMonths(acceptedOn, watchMonths + (result === 'basic_pass' ? extraMonths : 0)) };
}

/** 销号 only after acceptance and a whole watch without rebound. */
export function canClose(state: CaseState, watchUntil: string | null, on: string): Check {
  if (state === 'closed') return no('already_closed');
  if (state !== 'under_watch') return no('close_before_acceptance');
  if (watchUntil !== null && on < watchUntil) return no('close_before_watch_end', { until: watchUntil });
  return ok;
}

/** Reports are due from plan approval; one dated after the closure is refused. */
export function canReport(state: CaseState, closedOn: string | null, reportedOn: string): Check {
  if (state === 'identified') return no('report_before_plan');
  if (state === 'closed' && closedOn !== null && reportedOn > closedOn) return no('report_after_closure', { closedOn });
  return ok;
}

// The cadence of progress reports.

export type Cadence = { unit: 'week' | 'month' } | { everyDays: number };

export interface CadencePeriod { key: string; start: string; end: string }

/** The period holding `day`; an N-day cadence counts its spans from the plan's approval. */
export function cadencePeriodOf(cadence: Cadence, anchor: string, day: string): CadencePeriod {
  if ('unit' in cadence) {
    const p = periodOf(cadence.unit, day);
    return { key: p.key, start: p.start, end: p.end };
  }
  const n = cadence.everyDays;
  const offset = Math.floor(daysBetween(anchor, day) / n) * n;
  const start = addDays(anchor, offset);
  return { key: start, start, end: addDays(start, n - 1) };
}

export function cadencePeriodsBetween(cadence: Cadence, anchor: string, from: string, to: string): CadencePeriod[] {
  if (from > to) return [];
  if ('unit' in cadence) return periodsBetween(cadence.unit, from, to).map((p) => ({ key: p.key, start: p.start, end: p.end }));
  const out: CadencePeriod[] = [];
  for (let p = cadencePeriodOf(cadence, anchor, from); p.start <= to; p = cadencePeriodOf(cadence, anchor, addDays(p.end, 1))) out.push(p);
  return out;
}

/** A report period as people name it: 2026年第10周, 2026年3月, or an N-day period by its first day (2026年3月4日起). */
export function reportPeriodName(key: string, lang: 'zh' | 'en'): string {
  const period = parsePeriodKey(key);
  if (period) return periodLabel(period, lang);
  const [y, m, d] = key.split('-').map(Number);
  return lang === 'zh' ? `${y}年${m}月${d}日起` : `from ${key}`;
}

/** A report filed after the end of the period it is for is late (kept, and marked). */
export const isLate = (period: CadencePeriod, reportedOn: string) => reportedOn > period.end;

// Accountability: derived from the records every time, never counted into a column.

export interface CaseEventFact { day: string; fromState: string | null; toState: string }

/**
 * The events in the order they happened: by day and time, and among events sharing both (a clock that
 * stands still, as in tests) by the chain of states, each move leaving the state the previous one
 * reached; events that change no state follow the moves they share the instant with.
 */
export function inOrder<T extends CaseEventFact & { at?: Date }>(events: T[]): T[] {
  const sorted = [...events].sort((a, b) => a.day.localeCompare(b.day) || (a.at?.getTime() ?? 0) - (b.at?.getTime() ?? 0));
  const out: T[] = [];
  let state: string | null = null;
  const instant = (e: T) => `${e.day}|${e.at?.getTime() ?? 0}`;
  for (let i = 0; i < sorted.length;) {
    const same = instant(sorted[i]!);
    const pending = sorted.filter((e) => instant(e) === same);
    i += pending.length;
    while (pending.length > 0) {
      let next = pending.findIndex((e) => e.fromState !== e.toState && e.fromState === state);
      if (next < 0) next = pending.findIndex((e) => e.fromState === e.toState);
      if (next < 0) next = 0;
      const [e] = pending.splice(next, 1);
      if (e!.fromState !== e!.toState) state = e!.toState;
      out.push(e!);
    }
  }
  return out;
}

/**
 * The spans in which reports were required: from entering plan_approved or rectifying until leaving
 * them (asking for acceptance, passing, a rebound, closure), the last open span ending today.
 */
export function reportingSpans(events: CaseEventFact[], today: string): { from: string; to: string }[] {
  const spans: { from: string; to: string }[] = [];
  let open: string | null = null;
  for (const e of inOrder(events)) {
    if (e.fromState === e.toState) continue;
    const active = e.toState === 'plan_approved' || e.toState === 'rectifying';
    if (active && open === null) open = e.day;
    else if (!active && open !== null) {
      spans.push({ from: open, to: e.day });
      open = null;
    }
  }
  if (open !== null) spans.push({ from: open, to: today });
  return spans;
}

export interface MissedReport { periodKey: string; start: string; end: string; lateOn: string | null }

/**
 * Periods of the required spans that ended before `today` with no report by their end; a late report
 * filed afterwards is named, but the period was still missed.
 */
export function missedReports(cadence: Cadence, anchor: string | null, spans: { from: string; to: string }[], reports: { periodKey: string; reportedOn: string }[], today: string): MissedReport[] {
  if (anchor === null) return [];
  const missed: MissedReport[] = [];
  const seen = new Set<string>();
  for (const span of spans) {
    for (const p of cadencePeriodsBetween(cadence, anchor, span.from, span.to)) {
      // A period is owed when it ended inside the span and before today.
      if (p.end >= today || p.end > span.to || seen.has(p.key)) continue;
      seen.add(p.key);
      const mine = reports.filter((r) => r.periodKey === p.key).map((r) => r.reportedOn).sort();
      if (mine.some((d) => d <= p.end)) continue;
      missed.push({ periodKey: p.key, start: p.start, end: p.end, lateOn: mine[0] ?? null });
    }
  }
  return missed;
}

export interface OverdueItem { position: number; problem: string; deadline: string; doneOn: string | null }

/** Items not done by their deadline: still open after it, or done after it. */
export function overdueItems<T extends OverdueItem>(items: T[], today: string): T[] {
  return items.filter((i) => (i.doneOn === null ? i.deadline < today : i.doneOn > i.deadline));
}

/**
 * The case deadline passed before acceptance was asked for: `requestedOn` is the last request (null
 * when none is pending or granted), measured against the deadline that stands.
 */
export function caseOverdue(state: CaseState, deadline: string | null, requestedOn: string | null, today: string): boolean {
  if (deadline === null) return false;
  if (state === 'identified' || state === 'plan_approved' || state === 'rectifying') return deadline < today;
  return requestedOn !== null && requestedOn > deadline;
}

/** States counted as "being rectified" in the figures. */
export const inRectification = (state: CaseState) => state === 'identified' || state === 'plan_approved' || state === 'rectifying' || state === 'acceptance_requested';

/** The total of a score sheet, refusing a score above its item's maximum. */
export function sheetTotal(sheet: { item: string; max: number; score: number }[]): { total: number; over: number[] } {
  const over = sheet.flatMap((s, i) => (s.score > s.max || s.score < 0 ? [i] : []));
  return { total: Math.round(sheet.reduce((sum, s) => sum + s.score, 0) * 10) / 10, over };
}
