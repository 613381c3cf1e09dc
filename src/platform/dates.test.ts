import { describe, expect, it } from 'vitest';
import { addMonths, daysInMonth, fullYears, isCalendarDate, isRealDay } from './dates.js';

describe('calendar dates', () => {
  it('knows the length of every month, leap years included', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2023, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect([2000, 2004, 2024, 1900, 2100, 2023].map((y) => daysInMonth(y, 2))).toEqual([29, 29, 29, 28, 28, 28]);
  });

  it('tells real days from impossible ones', () => {
    expect(isRealDay(2024, 2, 29)).toBe(true);
    for (const [y, m, d] of [[2023, 2, 29], [2023, 4, 31], [2023, 0, 1], [2023, 13, 1], [2023, 1, 0], [0, 1, 1], [10000, 1, 1], [2023, 1.5, 1]]) {
      expect(isRealDay(y!, m!, d!), `${y}-${m}-${d}`).toBe(false);
    }
    expect(isCalendarDate('2019-01-05')).toBe(true);
    for (const bad of ['2019-1-5', '2019-02-29', '20190105', '2019-01-05T00:00', '', '2019-13-01']) expect(isCalendarDate(bad), bad).toBe(false);
  });

  it('adds months, ending on the last day of a shorter month', () => {
    expect(addMonths('2019-01-05', 12)).toBe('2020-01-05');
    expect(addMonths('2019-01-31', 1)).toBe('2019-02-28');
    expect(addMonths('2020-01-31', 1)).toBe('2020-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2019-08-31', 18)).toBe('2021-02-28');
    expect(addMonths('2019-11-15', 2)).toBe('2020-01-15');
    expect(addMonths('2020-01-15', -2)).toBe('2019-11-15');
    expect(addMonths('2019-03-31', 0)).toBe('2019-03-31');
  });

  it('counts age in full years, the birthday itself included', () => {
    expect(fullYears('2000-06-15', '2018-06-14')).toBe(17);
    expect(fullYears('2000-06-15', '2018-06-15')).toBe(18);
    expect(fullYears('2000-06-15', '2018-12-31')).toBe(18);
    expect(fullYears('2000-02-29', '2018-02-28')).toBe(17);
    expect(fullYears('2000-02-29', '2018-03-01')).toBe(18);
    expect(fullYears('2000-02-29', '2020-02-29')).toBe(20);
    expect(fullYears('2000-06-15', '2000-06-15')).toBe(0);
  });
});
