import { describe, expect, it } from 'vitest';
import { addDays } from '../dates.js';
import { parsePeriodKey, periodLabel, periodOf, periodsBetween, periodUnits } from './periods.js';

describe('periodOf', () => {
  it('gives ISO weeks from Monday to Sunday, numbered by the year of their Thursday', () => {
    expect(periodOf('week', '2026-01-01')).toEqual({ unit: 'week', key: '2026-W01', start: '2025-12-29', end: '2026-01-04' });
    expect(periodOf('week', '2026-11-22')).toEqual({ unit: 'week', key: '2026-W47', start: '2026-11-16', end: '2026-11-22' });
    expect(periodOf('week', '2026-11-23').key).toBe('2026-W48');
    // 2020 has 53 weeks; 1 January 2021 (a Friday) still belongs to its week 53.
    expect(periodOf('week', '2020-12-31').key).toBe('2020-W53');
    expect(periodOf('week', '2021-01-01')).toMatchObject({ key: '2020-W53', start: '2020-12-28', end: '2021-01-03' });
    expect(periodOf('week', '2021-01-04').key).toBe('2021-W01');
    // 29 December 2025 is a Monday whose Thursday is in 2026.
    expect(periodOf('week', '2025-12-29').key).toBe('2026-W01');
  });

  it('gives months, quarters and years with their last days, leap years included', () => {
    expect(periodOf('month', '2024-02-10')).toEqual({ unit: 'month', key: '2024-02', start: '2024-02-01', end: '2024-02-29' });
    expect(periodOf('month', '2026-02-28')).toMatchObject({ end: '2026-02-28' });
    expect(periodOf('month', '2026-12-31')).toMatchObject({ key: '2026-12', start: '2026-12-01', end: '2026-12-31' });
    expect(periodOf('quarter', '2026-01-01')).toEqual({ unit: 'quarter', key: '2026-Q1', start: '2026-01-01', end: '2026-03-31' });
    expect(periodOf('quarter', '2026-06-30')).toMatchObject({ key: '2026-Q2', start: '2026-04-01', end: '2026-06-30' });
    expect(periodOf('quarter', '2026-09-15')).toMatchObject({ key: '2026-Q3', end: '2026-09-30' });
    expect(periodOf('quarter', '2026-12-31')).toMatchObject({ key: '2026-Q4', start: '2026-10-01', end: '2026-12-31' });
    expect(periodOf('year', '2026-07-01')).toEqual({ unit: 'year', key: '2026', start: '2026-01-01', end: '2026-12-31' });
  });

  it('places every day of several years in exactly one period of each unit, periods following each other without gaps', () => {
    for (const unit of periodUnits) {
      let previous = periodOf(unit, '2019-12-20');
      for (let day = '2019-12-20'; day <= '2027-01-10'; day = addDays(day, 1)) {
        const p = periodOf(unit, day);
        expect(p.start <= day && day <= p.end, `${unit} ${day}`).toBe(true);
        if (p.key !== previous.key) {
          expect(p.start, `${unit} ${day}`).toBe(addDays(previous.end, 1));
          expect(p.key > previous.key, `${unit} ${p.key} after ${previous.key}`).toBe(true);
        }
        previous = p;
      }
    }
  });
});

describe('periodsBetween', () => {
  it('lists every period overlapping the span, partial ones at both ends', () => {
    expect(periodsBetween('month', '2026-01-15', '2026-03-01').map((p) => p.key)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(periodsBetween('quarter', '2026-01-01', '2026-12-31').map((p) => p.key)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(periodsBetween('year', '2025-12-31', '2026-01-01').map((p) => p.key)).toEqual(['2025', '2026']);
    expect(periodsBetween('week', '2026-11-16', '2026-11-22').map((p) => p.key)).toEqual(['2026-W47']);
    expect(periodsBetween('week', '2026-01-01', '2026-12-31')).toHaveLength(53);
    expect(periodsBetween('month', '2026-05-10', '2026-05-10').map((p) => p.key)).toEqual(['2026-05']);
  });

  it('lists nothing for a span that ends before it starts', () => {
    expect(periodsBetween('month', '2026-05-10', '2026-04-30')).toEqual([]);
  });
});

describe('parsePeriodKey', () => {
  it('reads back every key it gives', () => {
    for (const unit of periodUnits) {
      for (const p of periodsBetween(unit, '2019-01-01', '2027-12-31')) expect(parsePeriodKey(p.key), p.key).toEqual(p);
    }
  });

  it('refuses keys that name no period', () => {
    for (const key of ['2026-13', '2026-00', '2026-Q5', '2026-Q0', '2026-W00', '2026-W54', '2021-W53', '26', '2026-1', '2026-W1', 'abcd', '', '0000']) {
      expect(parsePeriodKey(key), key).toBeNull();
    }
    expect(parsePeriodKey('2020-W53')).toMatchObject({ start: '2020-12-28' });
  });
});

describe('periodLabel', () => {
  it('names periods the Chinese way, or the English', () => {
    const labels = (lang: 'zh' | 'en') => ['2026-W03', '2026-03', '2026-Q4', '2026'].map((k) => periodLabel(parsePeriodKey(k)!, lang));
    expect(labels('zh')).toEqual(['2026年第3周', '2026年3月', '2026年第四季度', '2026年']);
    expect(labels('en')).toEqual(['Week 3 of 2026', '2026-03', '2026 Q4', '2026']);
  });
});
