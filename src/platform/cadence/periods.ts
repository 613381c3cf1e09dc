/**
 * The calendar periods cadence rules count in: ISO weeks (Monday first, as Chinese calendars and
 * work weeks run), months, quarters and years, on 'YYYY-MM-DD' days. A period is named by a key
 * ('2026-W03', '2026-03', '2026-Q1', '2026') that sorts in time order within its unit.
 */
import { addDays, addMonths, daysBetween, formatDate, isoWeekday } from '../dates.js';

export const periodUnits = ['week', 'month', 'quarter', 'year'] as const;
export type PeriodUnit = (typeof periodUnits)[number];

export interface Period {
  unit: PeriodUnit;
  key: string;
  /** First and last day, inclusive. */
  start: string;
  end: string;
}


/** The Monday of ISO week 1 of a year: the week holding its first Thursday. */
function weekOneMonday(year: number): string {
  const jan4 = formatDate(year, 1, 4);
  return addDays(jan4, 1 - isoWeekday(jan4));
}

function week(day: string): Period {
  const monday = addDays(day, 1 - isoWeekday(day));
  // The ISO week-year is the year of the week's Thursday.
  const year = Number(addDays(monday, 3).slice(0, 4));
  const n = daysBetween(weekOneMonday(year), monday) / 7 + 1;
  return { unit: 'week', key: `${year}-W${String(n).padStart(2, '0')}`, start: monday, end: addDays(monday, 6) };
}

function monthsFrom(year: number, firstMonth: number, months: number, unit: PeriodUnit, key: string): Period {
  const start = formatDate(year, firstMonth, 1);
  return { unit, key, start, end: addDays(addMonths(start, months), -1) };
}

/** The period of `unit` that holds `day`. */
export function periodOf(unit: PeriodUnit, day: string): Period {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  switch (unit) {
    case 'week': return week(day);
    case 'month': return monthsFrom(year, month, 1, unit, day.slice(0, 7));
    case 'quarter': {
      const q = Math.ceil(month / 3);
      return monthsFrom(year, q * 3 - 2, 3, unit, `${year}-Q${q}`);
    }
    case 'year': return monthsFrom(year, 1, 12, unit, String(year));
  }
}

/** Every period of `unit` that overlaps the days from `from` to `to` (inclusive), in order. */
export function periodsBetween(unit: PeriodUnit, from: string, to: string): Period[] {
  const periods: Period[] = [];
  for (let p = periodOf(unit, from); p.start <= to; p = periodOf(unit, addDays(p.end, 1))) periods.push(p);
  return periods;
}

const keyPatterns: [PeriodUnit, RegExp][] = [
  ['week', /^(\d{4})-W(\d{2})$/],
  ['month', /^(\d{4})-(\d{2})$/],
  ['quarter', /^(\d{4})-Q([1-4])$/],
  ['year', /^(\d{4})$/],
];

/** The period a key names, or null when it names none (a 13th month, a 54th week). */
export function parsePeriodKey(key: string): Period | null {
  for (const [unit, pattern] of keyPatterns) {
    const m = pattern.exec(key);
    if (!m) continue;
    const year = Number(m[1]);
    const n = Number(m[2] ?? 1);
    if (year < 1) return null;
    const period = unit === 'week' ? week(addDays(weekOneMonday(year), (n - 1) * 7))
      : unit === 'month' ? (n >= 1 && n <= 12 ? periodOf('month', formatDate(year, n, 1)) : null)
        : unit === 'quarter' ? periodOf('quarter', formatDate(year, n * 3, 1))
          : periodOf('year', formatDate(year, 1, 1));
    return period?.key === key ? period : null;
  }
  return null;
}

const quarterNames = ['一', '二', '三', '四'];

/** 2026年第3周 / 2026年3月 / 2026年第一季度 / 2026年, or Week 3 of 2026 / 2026-03 / 2026 Q1 / 2026. */
export function periodLabel(period: Period, lang: 'zh' | 'en'): string {
  const year = period.key.slice(0, 4);
  const n = Number(period.key.slice(period.unit === 'month' ? 5 : 6));
  switch (period.unit) {
    case 'week': return lang === 'zh' ? `${year}年第${n}周` : `Week ${n} of ${year}`;
    case 'month': return lang === 'zh' ? `${year}年${n}月` : period.key;
    case 'quarter': return lang === 'zh' ? `${year}年第${quarterNames[n - 1]}季度` : `${year} Q${n}`;
    case 'year': return lang === 'zh' ? `${year}年` : year;
  }
}
