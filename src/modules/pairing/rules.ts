/** The pure rules of pairing: a cadre's rank from their titles, the quota flag, contacts against the frequency, the settings' consistency. */
import { cellStatus, type CellStatus } from '../../platform/cadence/status.js';
import type { Period } from '../../platform/cadence/periods.js';
import type { PairingSettings } from './contracts.js';

type Rank = PairingSettings['ranks'][number];

/** The parts of a post title as people combine them: 党委副书记、镇长 is a deputy secretary and the mayor. */
export function titleParts(title: string): string[] {
  return title.split(/[、，,;；/\s]+/).map((p) => p.trim()).filter((p) => p.length > 0);
}

/** The first rank (in the county's precedence) that any part of any current title falls in; null when none does. */
export function rankOf(titles: string[], ranks: Rank[]): Rank | null {
  const parts = new Set(titles.flatMap(titleParts));
  return ranks.find((r) => r.titles.some((t) => parts.has(t))) ?? null;
}

export type QuotaFlag = 'met' | 'over' | 'under' | 'unranked';

/** Shown, never enforced: a cadre with more or fewer households than the rank's quota is flagged. */
export function quotaFlag(paired: number, quota: number | null): QuotaFlag {
  if (quota === null) return 'unranked';
  if (paired > quota) return 'over';
  if (paired < quota) return 'under';
  return 'met';
}

export interface PairingSpan {
  startedOn: string;
  endedOn: string | null;
}

/**
 * A pairing's standing in each period against "at least `min` contacts per period": null for a period
 * the pairing was not open in; otherwise the contacts counted in it (within the pairing's days) and
 * their status on `today`. A period the pairing opened or ended in counts in full: one contact is owed.
 */
export function contactCells(span: PairingSpan, contacts: string[], periods: Period[], min: number, today: string): ({ held: number; status: CellStatus } | null)[] {
  return periods.map((period) => {
    if (span.startedOn > period.end || (span.endedOn !== null && span.endedOn < period.start)) return null;
    const held = contacts.filter((d) => d >= period.start && d <= period.end && d >= span.startedOn && (span.endedOn === null || d <= span.endedOn)).length;
    return { held, status: cellStatus({ period, held, min }, today) };
  });
}

export interface SettingsProblem {
  path: string;
  rule: 'duplicate_rank' | 'duplicate_help_type' | 'title_in_two_ranks';
  params: Record<string, string>;
}

/** What zod cannot see in the settings: ids used twice, a title in two ranks (the first would silently win). */
export function checkSettings(settings: PairingSettings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const seen = new Set<string>();
  settings.ranks.forEach((r, i) => {
    if (seen.has(r.id)) problems.push({ path: `ranks.${i}.id`, rule: 'duplicate_rank', params: { id: r.id } });
    seen.add(r.id);
  });
  const types = new Set<string>();
  settings.helpTypes.forEach((h, i) => {
    if (types.has(h.id)) problems.push({ path: `helpTypes.${i}.id`, rule: 'duplicate_help_type', params: { id: h.id } });
    types.add(h.id);
  });
  const rankOfTitle = new Map<string, string>();
  settings.ranks.forEach((r, i) => r.titles.forEach((title, j) => {
    const earlier = rankOfTitle.get(title);
    if (earlier !== undefined && earlier !== r.name) problems.push({ path: `ranks.${i}.titles.${j}`, rule: 'title_in_two_ranks', params: { title, rank: earlier } });
    if (earlier === undefined) rankOfTitle.set(title, r.name);
  }));
  return problems;
}

/** Help type ids not in the county's list, with their place in the request. */
export function unknownHelpTypes(ids: string[], settings: PairingSettings): { index: number; id: string }[] {
  const known = new Set(settings.helpTypes.map((h) => h.id));
  return ids.map((id, index) => ({ index, id })).filter((h) => !known.has(h.id));
}
