/**
 * The points arithmetic, pure: an item's points for its occurrences under its cap, a member's yearly
 * ledger and total, stars from thresholds, the checks of a county's settings and of a rating's scores,
 * and the stages a rating moves through.
 */
import type { Indicator, LedgerLine, PointItem, PointsSettings, RatingStage, SubjectType } from './contracts.js';

/** Signed points of an item for a magnitude: deductions take off. */
export const signed = (item: Pick<PointItem, 'kind'>, magnitude: number) => (item.kind === 'deduction' ? -magnitude : magnitude);

/** A magnitude held to the yearly cap (none: no limit). */
export const capped = (magnitude: number, cap: number | null) => (cap === null ? magnitude : Math.min(magnitude, cap));

/** Stars a total earns: how many of the ascending thresholds it reaches (0–5). */
export const starsFor = (total: number, thresholds: readonly number[]) => thresholds.filter((t) => total >= t).length;

/** What the records show for a member and year, item sources by count. */
export interface RecordCounts {
  /** A full member at some time in the year: the base is due. */
  full: boolean;
  attended: number;
  absent: number;
  duesOnTime: number;
}

export interface ApprovedEntry { id: string; itemId: string; occurredOn: string; description: string; points: number }

const countOf = (item: PointItem, counts: RecordCounts): number => {
  switch (item.source) {
    case 'full_membership': return counts.full ? 1 : 0;
    case 'meeting_attendance': return counts.attended;
    case 'meeting_absence': return counts.absent;
    case 'dues_on_time': return counts.duesOnTime;
    // Counted once visits are recorded (issue 5).
    case 'visit': return 0;
    case 'manual': return 0;
  }
};

/**
 * A member's ledger for a year: one line per catalogue item that gave anything, in catalogue order,
 * then approved claims of items no longer in the catalogue (their stored points, no cap). Claims keep
 * the points of the item when they were made; the cap is the catalogue's now.
 */
export function ledgerOf(settings: Pick<PointsSettings, 'items' | 'memberStars'>, counts: RecordCounts, entries: ApprovedEntry[]) {
  const lines: LedgerLine[] = [];
  const known = new Set(settings.items.map((i) => i.id));
  for (const item of settings.items) {
    const mine = entries.filter((e) => e.itemId === item.id);
    const count = item.source === 'manual' ? mine.length : countOf(item, counts);
    if (count === 0) continue;
    const uncapped = item.source === 'manual' ? mine.reduce((sum, e) => sum + e.points, 0) : signed(item, count * item.points);
    const points = Math.sign(uncapped) * capped(Math.abs(uncapped), item.cap);
    lines.push({
      itemId: item.id, name: item.name, kind: item.kind, source: item.source, count, points, uncapped, cap: item.cap,
      entries: mine.map(({ id, occurredOn, description, points: p }) => ({ id, occurredOn, description, points: p })),
    });
  }
  for (const itemId of [...new Set(entries.map((e) => e.itemId))].filter((id) => !known.has(id))) {
    const mine = entries.filter((e) => e.itemId === itemId);
    const points = mine.reduce((sum, e) => sum + e.points, 0);
    lines.push({
      itemId, name: itemId, kind: points < 0 ? 'deduction' : 'addition', source: 'manual', count: mine.length, points, uncapped: points, cap: null,
      entries: mine.map(({ id, occurredOn, description, points: p }) => ({ id, occurredOn, description, points: p })),
    });
  }
  const total = lines.reduce((sum, l) => sum + l.points, 0);
  return { lines, total, stars: starsFor(total, settings.memberStars) };
}

/** Competition ranking, highest total first: equal totals share a rank and the next skips (1, 2, 2, 4); ties keep their order. */
export function ranked<T extends { total: number }>(items: T[]): (T & { rank: number })[] {
  const sorted = [...items].sort((a, b) => b.total - a.total);
  let rank = 0;
  return sorted.map((item, i) => {
    if (i === 0 || item.total !== sorted[i - 1]!.total) rank = i + 1;
    return { ...item, rank };
  });
}

/** A problem with the settings, at its path in the body, as a message key of 'points.settings.*'. */
export interface SettingsProblem { path: string; rule: SettingsRule; params: Record<string, string | number> }
export type SettingsRule = 'duplicate_id' | 'cap_below_points' | 'thresholds_not_ascending' | 'indicator_max' | 'base_source' | 'source_kind' | 'source_twice' | 'threshold_unreachable';

/** Automatic sources that count from records: each at most once, or the same records would count twice. */
const once: PointItem['source'][] = ['full_membership', 'meeting_attendance', 'meeting_absence', 'dues_on_time', 'visit'];
const deductionSources: PointItem['source'][] = ['meeting_absence'];

function duplicates<T extends { id: string }>(list: T[], path: string, problems: SettingsProblem[]) {
  list.forEach((x, i) => {
    if (list.findIndex((o) => o.id === x.id) < i) problems.push({ path: `${path}.${i}.id`, rule: 'duplicate_id', params: { id: x.id } });
  });
}

function ascending(list: readonly number[], path: string, problems: SettingsProblem[]) {
  list.forEach((t, i) => {
    if (i > 0 && t <= list[i - 1]!) problems.push({ path: `${path}.${i}`, rule: 'thresholds_not_ascending', params: { stars: i + 1, value: t, previous: list[i - 1]! } });
  });
}

/** Every problem of a county's settings, each at its field. */
export function checkSettings(s: PointsSettings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  duplicates(s.items, 'items', problems);
  s.items.forEach((item, i) => {
    const at = `items.${i}`;
    if (item.cap !== null && item.cap < item.points) problems.push({ path: `${at}.cap`, rule: 'cap_below_points', params: { name: item.name, cap: item.cap, points: item.points } });
    if ((item.kind === 'base') !== (item.source === 'full_membership')) problems.push({ path: `${at}.source`, rule: 'base_source', params: { name: item.name } });
    else if (item.source !== 'manual' && item.kind !== 'base' && (item.kind === 'deduction') !== deductionSources.includes(item.source)) {
      problems.push({ path: `${at}.kind`, rule: 'source_kind', params: { name: item.name } });
    }
    if (once.includes(item.source) && s.items.findIndex((o) => o.source === item.source) < i) problems.push({ path: `${at}.source`, rule: 'source_twice', params: { name: item.name } });
  });
  ascending(s.memberStars, 'memberStars', problems);
  for (const subject of ['branch', 'member'] as const) {
    const indicators = subject === 'branch' ? s.branchIndicators : s.memberIndicators;
    const path = `${subject}Indicators`;
    duplicates(indicators, path, problems);
    indicators.forEach((ind, i) => {
      if (ind.max <= 0) problems.push({ path: `${path}.${i}.max`, rule: 'indicator_max', params: { name: ind.name } });
    });
    ascending(s.ratingStars[subject], `ratingStars.${subject}`, problems);
    const most = indicators.reduce((sum, ind) => sum + ind.max, 0);
    const top = s.ratingStars[subject][4]!;
    if (top > most) problems.push({ path: `ratingStars.${subject}.4`, rule: 'threshold_unreachable', params: { value: top, most } });
  }
  return problems;
}

export interface ScoreProblem { path: string; rule: 'score_missing' | 'score_unknown' | 'score_above_max'; params: Record<string, string | number> }

/** Scores for exactly the indicators of the list, each between 0 and its maximum. */
export function checkScores(scores: Record<string, number>, indicators: Indicator[], path = 'scores'): ScoreProblem[] {
  const problems: ScoreProblem[] = [];
  for (const ind of indicators) {
    const score = scores[ind.id];
    if (score === undefined) problems.push({ path: `${path}.${ind.id}`, rule: 'score_missing', params: { name: ind.name } });
    else if (score > ind.max) problems.push({ path: `${path}.${ind.id}`, rule: 'score_above_max', params: { name: ind.name, score, max: ind.max } });
  }
  for (const id of Object.keys(scores)) {
    if (!indicators.some((ind) => ind.id === id)) problems.push({ path: `${path}.${id}`, rule: 'score_unknown', params: { id } });
  }
  return problems;
}

/** A rating's total: the sum of its scores, to a tenth (scores may be halves). */
export const scoreTotal = (scores: Record<string, number>) => Math.round(Object.values(scores).reduce((sum, s) => sum + s, 0) * 10) / 10;

/** What each action needs the rating to be at: a self-assessment is redone only before the review. */
export const stageFor = { self: 'self_assessed', review: 'self_assessed', approve: 'reviewed' } as const;

/** One stage back: an approval undone goes back to awaiting approval, a review to awaiting review. */
export function stageBefore(stage: RatingStage): RatingStage | null {
  return stage === 'approved' ? 'reviewed' : stage === 'reviewed' ? 'self_assessed' : null;
}

/** The approved stars: the proposal unless the approver sets another number, which needs a reason. */
export function approvedStars(proposed: number, chosen: number | undefined, reason: string | undefined): { stars: number } | { problem: 'reason_required' } {
  if (chosen === undefined || chosen === proposed) return { stars: proposed };
  return reason ? { stars: chosen } : { problem: 'reason_required' };
}

export const subjectLabels: Record<SubjectType, { zh: string; en: string }> = {
  member: { zh: '党员', en: 'member' },
  branch: { zh: '党支部', en: 'branch' },
};
