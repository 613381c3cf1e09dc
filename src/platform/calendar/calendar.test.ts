import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday } from '../dates.js';
import { addWorkingDays, CalendarMissing, deadline, isWorkingDay, workCalendar, workingDaysBetween } from './calendar.js';
import { nationalCalendars } from './national.js';

const national = workCalendar(nationalCalendars);
const weekdaysOnly = workCalendar(new Map([[2030, []]]));

describe('working days', () => {
  it('are Monday to Friday in a year without exceptions', () => {
    for (let d = '2030-01-01'; d <= '2030-12-31'; d = addDays(d, 1)) {
      expect(isWorkingDay(weekdaysOnly, d)).toBe(isoWeekday(d) <= 5);
    }
  });

  it('leave out the public holidays and take in the weekend days worked in exchange', () => {
    expect(isWorkingDay(national, '2026-02-16')).toBe(false); // Monday in the Spring Festival
    expect(isWorkingDay(national, '2026-02-14')).toBe(true); // Saturday worked
    expect(isWorkingDay(national, '2026-10-10')).toBe(true);
    expect(isWorkingDay(national, '2026-10-07')).toBe(false);
    expect(isWorkingDay(national, '2026-10-08')).toBe(true);
  });

  it('refuse a year the calendar does not cover, naming it', () => {
    expect(() => isWorkingDay(national, '2031-03-02')).toThrow(CalendarMissing);
    try {
      addWorkingDays(national, '2026-12-28', 10);
      expect.unreachable();
    } catch (error) {
      expect((error as CalendarMissing).year).toBe(2027);
    }
  });
});

describe('the national calendar', () => {
  it('works only weekend days in exchange, and gives only weekdays or weekends as holidays of their own year', () => {
    for (const [year, days] of nationalCalendars) {
      for (const d of days) {
        expect(Number(d.date.slice(0, 4))).toBe(year);
        if (d.kind === 'workday') expect(isoWeekday(d.date)).toBeGreaterThan(5);
        expect(d.name).not.toBe('');
      }
    }
  });

  it('gives each year its 13 statutory days off and makes up every other weekday taken', () => {
    // 365 days less 52 weekends less the 13 days of 全国年节及纪念日放假办法 (2025 revision).
    expect(workingDaysBetween(national, '2024-12-31', '2025-12-31')).toBe(365 - 104 - 13);
    expect(workingDaysBetween(national, '2025-12-31', '2026-12-31')).toBe(365 - 104 - 13);
  });
});

describe('adding working days', () => {
  it('counts from the day after, and zero days is the day itself', () => {
    expect(addWorkingDays(weekdaysOnly, '2030-01-04', 0)).toBe('2030-01-04');
    expect(addWorkingDays(weekdaysOnly, '2030-01-04', 1)).toBe('2030-01-07'); // Friday → Monday
    expect(addWorkingDays(weekdaysOnly, '2030-01-05', 1)).toBe('2030-01-07'); // Saturday → Monday
    expect(addWorkingDays(weekdaysOnly, '2030-01-07', 5)).toBe('2030-01-14');
  });

  it('steps over the Spring Festival and lands on the Saturday worked after it', () => {
    // Friday 13 February 2026: the next working day is Saturday the 14th, then Tuesday the 24th.
    expect(addWorkingDays(national, '2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays(national, '2026-02-13', 2)).toBe('2026-02-24');
  });

  it('is the inverse of counting the working days between', () => {
    for (let d = '2026-01-01'; d <= '2026-11-30'; d = addDays(d, 7)) {
      for (const n of [0, 1, 3, 10, 20]) expect(workingDaysBetween(national, d, addWorkingDays(national, d, n))).toBe(n);
    }
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays(national, '2026-03-02', -1)).toThrow(RangeError);
    expect(() => addWorkingDays(national, '2026-03-02', 1.5)).toThrow(RangeError);
  });
});

describe('deadlines with the clock stopped', () => {
  it('are the time limit in working days when nothing paused the case', () => {
    expect(deadline(national, '2026-03-02', 10)).toBe('2026-03-16');
  });

  it('move one working day later for every working day spent paused', () => {
    // Paused from Wednesday 4 March to Monday 9 March: Thu, Fri, Mon are three working days.
    expect(deadline(national, '2026-03-02', 10, [{ from: '2026-03-04', to: '2026-03-09' }])).toBe('2026-03-19');
  });

  it('do not move for a pause over a weekend or a holiday alone', () => {
    expect(deadline(national, '2026-03-02', 10, [{ from: '2026-03-06', to: '2026-03-08' }])).toBe('2026-03-16');
    expect(deadline(national, '2026-09-30', 5, [{ from: '2026-10-01', to: '2026-10-07' }])).toBe(deadline(national, '2026-09-30', 5));
  });

  it('add several pauses together', () => {
    const pauses = [{ from: '2026-03-03', to: '2026-03-04' }, { from: '2026-03-10', to: '2026-03-12' }];
    expect(deadline(national, '2026-03-02', 10, pauses)).toBe(addWorkingDays(national, '2026-03-02', 13));
  });

  it('have no day while a pause is still open', () => {
    expect(deadline(national, '2026-03-02', 10, [{ from: '2026-03-04', to: null }])).toBeNull();
  });
});
