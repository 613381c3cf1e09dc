import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday } from '../dates.js';
import { nationalCalendars } from './national.js';
import { checkCalendarYear, kindOfCell, normalizedDays, workingDaysOf } from './rules.js';

const holiday = (date: string, name = '春节') => ({ date, kind: 'holiday' as const, name });
const workday = (date: string, name = '春节') => ({ date, kind: 'workday' as const, name });
const keys = (year: number, days: Parameters<typeof checkCalendarYear>[1]) => checkCalendarYear(year, days).map((p) => `${p.index}.${p.field} ${p.key}`);

describe('a year of the work calendar', () => {
  it('accepts the national years as they are, and an empty year (weekdays only)', () => {
    for (const [year, days] of nationalCalendars) expect(checkCalendarYear(year, days)).toEqual([]);
    expect(checkCalendarYear(2030, [])).toEqual([]);
  });

  it('refuses a date that is no real day, naming the value', () => {
    const problems = checkCalendarYear(2027, [holiday('2027-02-30'), holiday('2027-13-01'), holiday('27-1-1'), holiday('')]);
    expect(problems.map((p) => `${p.index} ${p.key}`)).toEqual(['0 calendar.bad_date', '1 calendar.bad_date', '2 calendar.bad_date', '3 calendar.bad_date']);
    expect(problems[0]!.params).toEqual({ value: '2027-02-30' });
  });

  it('takes 29 February only in a leap year', () => {
    expect(keys(2028, [holiday('2028-02-29')])).toEqual([]);
    expect(keys(2027, [holiday('2027-02-29')])).toEqual(['0.date calendar.bad_date']);
  });

  it('refuses a day of another year', () => {
    expect(checkCalendarYear(2027, [holiday('2026-12-31'), holiday('2028-01-01'), holiday('2027-12-31')])).toEqual([
      { index: 0, field: 'date', key: 'calendar.other_year', params: { date: '2026-12-31', year: 2027 } },
      { index: 1, field: 'date', key: 'calendar.other_year', params: { date: '2028-01-01', year: 2027 } },
    ]);
  });

  it('refuses a date given twice, on the later one, naming the first by its place', () => {
    expect(checkCalendarYear(2027, [holiday('2027-10-01'), holiday('2027-10-02'), workday('2027-10-01')])).toEqual([
      { index: 2, field: 'date', key: 'calendar.duplicate_date', params: { date: '2027-10-01', other: 1 } },
    ]);
  });

  it('takes a working day in exchange on a Saturday or Sunday only, for every day of a year', () => {
    for (let d = '2027-01-01'; d <= '2027-12-31'; d = addDays(d, 1)) {
      expect(keys(2027, [workday(d)])).toEqual(isoWeekday(d) >= 6 ? [] : ['0.kind calendar.workday_on_weekday']);
      expect(keys(2027, [holiday(d)])).toEqual([]);
    }
  });

  it('needs a name of at most 40 characters, blanks not counting', () => {
    expect(keys(2027, [holiday('2027-01-01', ''), holiday('2027-01-02', '   '), holiday('2027-01-03', '节'.repeat(41)), holiday('2027-01-04', ` ${'节'.repeat(40)} `)]))
      .toEqual(['0.name calendar.name_required', '1.name calendar.name_required', '2.name calendar.name_too_long']);
  });

  it('reports every problem of a day, the name with a bad date', () => {
    expect(keys(2027, [holiday('2027-02-30', '')])).toEqual(['0.date calendar.bad_date', '0.name calendar.name_required']);
  });
});

describe('the days as stored', () => {
  it('are sorted by date with names trimmed', () => {
    expect(normalizedDays([holiday('2027-10-02', ' 国庆节 '), workday('2027-09-26', '国庆节')])).toEqual([workday('2027-09-26', '国庆节'), holiday('2027-10-02', '国庆节')]);
  });
});

describe('working days of a year', () => {
  it('are the weekdays without exceptions', () => {
    let weekdays = 0;
    for (let d = '2030-01-01'; d <= '2030-12-31'; d = addDays(d, 1)) if (isoWeekday(d) <= 5) weekdays++;
    expect(workingDaysOf(2030, [])).toBe(weekdays);
  });

  it('lose a weekday off, not a weekend day off, and gain a weekend day worked', () => {
    const base = workingDaysOf(2030, []);
    expect(workingDaysOf(2030, [holiday('2030-01-01')])).toBe(base - 1); // a Tuesday
    expect(workingDaysOf(2030, [holiday('2030-01-05')])).toBe(base); // a Saturday
    expect(workingDaysOf(2030, [workday('2030-01-05')])).toBe(base + 1);
  });

  it('are 248 in the national 2026', () => {
    expect(workingDaysOf(2026, nationalCalendars.get(2026)!)).toBe(365 - 104 - 13);
  });
});

describe('the kind a cell names', () => {
  it('reads the words calendars use, ignoring spaces and case', () => {
    for (const word of ['放假', '休息', '休假', '假日', '节假日', 'holiday', ' Holiday ', '放 假']) expect(kindOfCell(word)).toBe('holiday');
    for (const word of ['上班', '补班', '调休上班', '工作日', 'workday', 'WORKDAY']) expect(kindOfCell(word)).toBe('workday');
    for (const word of ['', '调休', '休', 'x']) expect(kindOfCell(word)).toBeUndefined();
  });
});
