/** Pure rules of screening: which dates a finding or definition may carry, the quota line, the check level. */
import type { ScreeningSetting } from '../criteria.js';

export type DateProblem = { key: 'screening.date_ahead'; params: { date: string; today: string } }
  | { key: 'screening.date_before_year'; params: { date: string; year: number } }
  | { key: 'screening.date_before_round'; params: { date: string; openedOn: string } };

/** A finding's day: not ahead of today and not before the round's year. */
export function findingDateProblem(foundOn: string, round: { year: number }, today: string): DateProblem | null {
  if (foundOn > today) return { key: 'screening.date_ahead', params: { date: foundOn, today } };
  if (foundOn < `${round.year}-01-01`) return { key: 'screening.date_before_year', params: { date: foundOn, year: round.year } };
  return null;
}

/** A definition's day: not ahead of today and not before the round opened. */
export function definitionDateProblem(definedOn: string, round: { openedOn: string }, today: string): DateProblem | null {
  if (definedOn > today) return { key: 'screening.date_ahead', params: { date: definedOn, today } };
  if (definedOn < round.openedOn) return { key: 'screening.date_before_round', params: { date: definedOn, openedOn: round.openedOn } };
  return null;
}

/** A check is the county's when made from a post on the county's root organization, else the township's. */
export function checkLevelOf(postPath: string, rootPath: string): 'county' | 'township' {
  return postPath === rootPath ? 'county' : 'township';
}

/** The most organizations a share allows, rounded half up (10 % of 115 is 12). */
export function quotaLimit(screened: number, permille: number): number {
  return Math.floor((screened * permille + 500) / 1000);
}

/** The quota policy beside the count; it is shown, never enforced. */
export function quotaLine(quota: ScreeningSetting['quota'], screened: number, defined: number, lang: 'zh' | 'en'): string {
  if (quota.kind === 'none') {
    return lang === 'zh' ? `不设比例，应整尽整：${screened} 个村（社区）已认定 ${defined} 个` : `No quota, every one that needs it: ${defined} of ${screened} defined`;
  }
  const limit = quotaLimit(screened, quota.permille);
  const percent = `${quota.permille / 10}%`;
  const over = defined > limit;
  if (lang === 'en') return `Quota ${percent}: at most ${limit} of ${screened}, ${defined} defined${over ? ' (over the quota)' : ''}`;
  return `限额 ${percent}：${screened} 个村应不超过 ${limit} 个，已认定 ${defined} 个${over ? '（超出限额）' : ''}`;
}

/** Criterion codes of the catalogue given twice. */
export function duplicateCodes(criteria: { code: string }[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const c of criteria) (seen.has(c.code) ? twice : seen).add(c.code);
  return [...twice];
}

/** Where each department is named, so that a department's report is checked against the county's lists. */
export function allDepartments(setting: Pick<ScreeningSetting, 'departments'>): string[] {
  const { soft, lax, poor, chaotic } = setting.departments;
  return [...new Set([...soft, ...lax, ...poor, ...chaotic])];
}
