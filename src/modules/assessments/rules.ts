/**
 * The pure rules of responsibility letters (责任书) and assessments (考核评定 / 述职评议): a scheme's
 * weighted parts and grades, a result's total and grade, a letter's total. No database here.
 */

export const subjects = ['organization', 'secretary'] as const;
export type Subject = (typeof subjects)[number];

export interface SchemePart { key: string; label: string; weight: number }
export interface SchemeGrade { key: string; label: string; min: number; low: boolean }
/** The JSON shape kept in the county setting and copied into assessment_rounds.scheme: a contract with screening. */
export interface Scheme { code: string; name: string; subject: Subject; parts: SchemePart[]; grades: SchemeGrade[] }

/** A problem found in input: the field it is about, a message key and its parameters. */
export interface RuleProblem { path: string; key: string; params?: Record<string, string | number> }

/** Scores and weights are kept with one decimal. */
export const round1 = (n: number) => Math.round(n * 10) / 10;
const oneDecimal = (n: number) => Math.abs(n * 10 - Math.round(n * 10)) < 1e-9;

/** Seed 001's three-way evaluation of village organizations and the secretaries' debrief. */
export const defaultSchemes: Scheme[] = [
  {
    code: 'village_three_way', name: '村级党组织“三方评价”', subject: 'organization',
    parts: [
      { key: 'masses', label: '党员群众评议', weight: 40 },
      { key: 'self', label: '支部自评', weight: 20 },
      { key: 'superior', label: '上级党组织评价', weight: 40 },
    ],
    grades: [
      { key: 'advanced', label: '先进', min: 90, low: false },
      { key: 'good', label: '较好', min: 80, low: false },
      { key: 'fair', label: '一般', min: 60, low: false },
      { key: 'lagging', label: '后进', min: 0, low: true },
    ],
  },
  {
    code: 'secretary_debrief', name: '村党组织书记抓党建述职评议', subject: 'secretary',
    parts: [
      { key: 'representatives', label: '党员群众代表测评', weight: 50 },
      { key: 'superior', label: '上级评价', weight: 50 },
    ],
    grades: [
      { key: 'excellent', label: '好', min: 90, low: false },
      { key: 'good', label: '较好', min: 80, low: false },
      { key: 'fair', label: '一般', min: 60, low: false },
      { key: 'poor', label: '差', min: 0, low: true },
    ],
  },
];

const KEY = /^[a-z][a-z0-9_]{0,39}$/;

/** Every problem of one scheme: keys, weights summing to 100, grade minimums strictly descending to 0. */
export function schemeProblems(scheme: Scheme, at = 'scheme'): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!KEY.test(scheme.code)) problems.push({ path: `${at}.code`, key: 'assessments.scheme.bad_key', params: { key: scheme.code } });
  if (scheme.parts.length === 0) problems.push({ path: `${at}.parts`, key: 'assessments.scheme.no_parts' });
  const partKeys = new Set<string>();
  scheme.parts.forEach((p, i) => {
    if (!KEY.test(p.key)) problems.push({ path: `${at}.parts.${i}.key`, key: 'assessments.scheme.bad_key', params: { key: p.key } });
    if (partKeys.has(p.key)) problems.push({ path: `${at}.parts.${i}.key`, key: 'assessments.scheme.duplicate_key', params: { key: p.key } });
    partKeys.add(p.key);
    if (!(p.weight > 0) || !oneDecimal(p.weight)) problems.push({ path: `${at}.parts.${i}.weight`, key: 'assessments.scheme.bad_weight', params: { label: p.label } });
  });
  const sum = round1(scheme.parts.reduce((s, p) => s + p.weight, 0));
  if (scheme.parts.length > 0 && sum !== 100) problems.push({ path: `${at}.parts`, key: 'assessments.scheme.weights_sum', params: { sum } });
  if (scheme.grades.length < 2) problems.push({ path: `${at}.grades`, key: 'assessments.scheme.few_grades' });
  const gradeKeys = new Set<string>();
  scheme.grades.forEach((g, i) => {
    if (!KEY.test(g.key)) problems.push({ path: `${at}.grades.${i}.key`, key: 'assessments.scheme.bad_key', params: { key: g.key } });
    if (gradeKeys.has(g.key)) problems.push({ path: `${at}.grades.${i}.key`, key: 'assessments.scheme.duplicate_key', params: { key: g.key } });
    gradeKeys.add(g.key);
    if (!(g.min >= 0 && g.min <= 100)) problems.push({ path: `${at}.grades.${i}.min`, key: 'assessments.scheme.bad_min', params: { label: g.label } });
    if (i > 0 && !(g.min < scheme.grades[i - 1]!.min)) problems.push({ path: `${at}.grades.${i}.min`, key: 'assessments.scheme.min_order', params: { label: g.label } });
  });
  const last = scheme.grades.at(-1);
  if (last && last.min !== 0) problems.push({ path: `${at}.grades.${scheme.grades.length - 1}.min`, key: 'assessments.scheme.last_min', params: { label: last.label } });
  return problems;
}

/** Problems of the county's list of schemes: each scheme's, and codes unique. */
export function schemesProblems(schemes: Scheme[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const codes = new Set<string>();
  schemes.forEach((s, i) => {
    problems.push(...schemeProblems(s, `body.schemes.${i}`));
    if (codes.has(s.code)) problems.push({ path: `body.schemes.${i}.code`, key: 'assessments.scheme.duplicate_code', params: { code: s.code } });
    codes.add(s.code);
  });
  return problems;
}

/** Problems of part scores sent for a result: known parts only, each 0 to 100 with one decimal (null clears). */
export function scoreProblems(parts: SchemePart[], scores: Record<string, number | null>, at: string): RuleProblem[] {
  const known = new Set(parts.map((p) => p.key));
  const problems: RuleProblem[] = [];
  for (const [key, value] of Object.entries(scores)) {
    if (!known.has(key)) problems.push({ path: `${at}.${key}`, key: 'assessments.result.unknown_part', params: { key } });
    else if (value !== null && (!(value >= 0 && value <= 100) || !oneDecimal(value))) {
      problems.push({ path: `${at}.${key}`, key: 'assessments.result.bad_score', params: { label: parts.find((p) => p.key === key)!.label, value } });
    }
  }
  return problems;
}

/** Part scores after applying a change: a number sets the part, null removes it. */
export function mergeScores(before: Record<string, number>, change: Record<string, number | null>): Record<string, number> {
  const merged: Record<string, number> = { ...before };
  for (const [key, value] of Object.entries(change)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/** The weighted total out of 100, or null while any part is missing. */
export function weightedTotal(parts: SchemePart[], scores: Record<string, number>): number | null {
  if (parts.some((p) => typeof scores[p.key] !== 'number')) return null;
  const weights = parts.reduce((s, p) => s + p.weight, 0);
  return round1(parts.reduce((s, p) => s + scores[p.key]! * p.weight, 0) / weights);
}

/** The first grade whose minimum the total reaches (grades are ordered highest first, the last at 0). */
export function gradeOf(grades: SchemeGrade[], total: number | null): SchemeGrade | null {
  if (total === null) return null;
  return grades.find((g) => total >= g.min) ?? grades.at(-1) ?? null;
}

/**
 * Whether a grade asks for an upgrade plan (提升计划，一村一策): a low grade, and the grade just above the
 * first low one (一般 in the defaults), whose organizations are one step from being defined weak.
 */
export function needsUpgradePlan(grades: SchemeGrade[], key: string | null): boolean {
  if (key === null) return false;
  const at = grades.findIndex((g) => g.key === key);
  if (at < 0) return false;
  if (grades[at]!.low) return true;
  const firstLow = grades.findIndex((g) => g.low);
  return firstLow > 0 && at === firstLow - 1;
}

/** How many results have each grade, in the scheme's order, and those still without one. */
export function distribution(grades: SchemeGrade[], results: { grade: string | null }[]): { key: string; label: string; low: boolean; count: number }[] {
  return grades.map((g) => ({ key: g.key, label: g.label, low: g.low, count: results.filter((r) => r.grade === g.key).length }));
}

// Responsibility letters.

export interface LetterItemInput { title: string; weight: number }

/** Problems of a letter's items: at least one, weights positive with one decimal. A sum other than 100 is only warned of. */
export function letterItemProblems(items: LetterItemInput[], at = 'body.items'): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (items.length === 0) problems.push({ path: at, key: 'assessments.letter.no_items' });
  items.forEach((item, i) => {
    if (!(item.weight > 0) || item.weight > 1000 || !oneDecimal(item.weight)) problems.push({ path: `${at}.${i}.weight`, key: 'assessments.letter.bad_weight', params: { title: item.title } });
  });
  return problems;
}

export const weightSum = (items: { weight: number }[]) => round1(items.reduce((s, i) => s + i.weight, 0));

/** The score of one item: 0 to the item's weight, one decimal. */
export function itemScoreProblem(weight: number, score: number): boolean {
  return !(score >= 0 && score <= weight) || !oneDecimal(score);
}

/** A letter's total: the sum of its items' scores, or null while any item is unscored. */
export function letterTotal(items: { score: number | null }[]): number | null {
  if (items.length === 0 || items.some((i) => i.score === null)) return null;
  return round1(items.reduce((s, i) => s + i.score!, 0));
}

/**
 * Year-end scoring opens on the first day of the year's last month: work is judged when the year is
 * nearly done, and December leaves time to score before the year's summaries. Any later day is fine.
 */
export const scoringOpensOn = (year: number) => `${year}-12-01`;

/** Competition ranks (1, 2, 2, 4) of totals, highest first; null totals get no rank. */
export function ranks(totals: (number | null)[]): (number | null)[] {
  return totals.map((t) => (t === null ? null : 1 + totals.filter((o) => o !== null && o > t).length));
}
