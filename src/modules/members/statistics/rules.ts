/**
 * Rules of Party statistics (rules.md §8.1): percentages, age bands, join-date periods, and the
 * stage a member had reached on a given day. Pure functions; the queries feed them counts.
 */
import type { MemberCategory } from '../rules/pipeline.js';

/** Percent of the member total, two decimals, rounded half up, in exact integer arithmetic. */
export function percent(count: number, total: number): number {
  if (total <= 0) return 0;
  const scaled = count * 10_000;
  let q = Math.floor(scaled / total);
  if (2 * (scaled - q * total) >= total) q += 1;
  return q / 100;
}

/** The bands of the statistical bulletin since 2017: ≤30, 31–35, …, 56–60, ≥61. */
export const defaultAgeEdges: readonly number[] = [30, 35, 40, 45, 50, 55, 60];

export interface AgeBand {
  /** Youngest age in the band, null for the first. */
  from: number | null;
  /** Oldest age in the band, null for the last. */
  to: number | null;
  label: { zh: string; en: string };
}

/**
 * Bands from their upper edges: [35, 54] gives ≤35, 36–54, ≥55. Edges must be whole ages in
 * strictly increasing order; anything else is refused so that no member falls between bands.
 */
export function ageBands(edges: readonly number[]): AgeBand[] {
  if (edges.length === 0) throw new RangeError('at least one band edge is needed');
  edges.forEach((e, i) => {
    if (!Number.isInteger(e) || e < 0 || e > 150) throw new RangeError(`band edge ${e} is not an age`);
    if (i > 0 && e <= edges[i - 1]!) throw new RangeError('band edges must increase');
  });
  const bands: AgeBand[] = [{ from: null, to: edges[0]!, label: { zh: `${edges[0]}岁及以下`, en: `${edges[0]} or under` } }];
  for (let i = 1; i < edges.length; i++) {
    const from = edges[i - 1]! + 1;
    const to = edges[i]!;
    bands.push({ from, to, label: from === to ? { zh: `${to}岁`, en: `${to}` } : { zh: `${from}–${to}岁`, en: `${from}–${to}` } });
  }
  const last = edges[edges.length - 1]! + 1;
  bands.push({ from: last, to: null, label: { zh: `${last}岁及以上`, en: `${last} or over` } });
  return bands;
}

/** Parses "35,54" as given on the command line or in a query string. */
export function parseAgeEdges(text: string): number[] | null {
  const parts = text.split(/[,，\s]+/).filter(Boolean);
  if (parts.length === 0 || parts.some((p) => !/^\d{1,3}$/.test(p))) return null;
  const edges = parts.map(Number);
  try {
    ageBands(edges);
    return edges;
  } catch {
    return null;
  }
}

/**
 * Join-date periods of the bulletin since 2021: before the People's Republic, to the Third
 * Plenum of the 11th Central Committee, to the 18th Congress, and since.
 */
export const joinPeriods = [
  { key: 'before_1949', before: '1949-10-01', label: { zh: '新中国成立前', en: 'Before Oct 1949' } },
  { key: 'to_1978', before: '1978-12-18', label: { zh: '新中国成立后至党的十一届三中全会前', en: 'Oct 1949 – Dec 1978' } },
  { key: 'to_2012', before: '2012-11-08', label: { zh: '党的十一届三中全会后至党的十八大前', en: 'Dec 1978 – Nov 2012' } },
  { key: 'since_2012', before: null, label: { zh: '党的十八大以来', en: 'Since Nov 2012' } },
] as const;
export { memberCategories as stages, type MemberCategory as Stage } from '../rules/pipeline.js';

/** The column holding the date each stage was reached, in stage order. */
export const stageColumns: Record<MemberCategory, string> = {
  applicant: 'applied_on',
  activist: 'activist_on',
  development_target: 'target_on',
  probationary: 'joined_on',
  full: 'full_on',
};
