/**
 * What a county may store as a year of its work calendar: the exceptions to the weekday rule, each
 * a real day of that year given once, with a name, and a day worked in exchange only on a weekend
 * (a weekday is worked anyway, so such a row is a mistake that would silently change nothing).
 */
import { isCalendarDate, isoWeekday } from '../dates.js';
import type { MessageKey, Params } from '../i18n/index.js';
import { workCalendar, workingDaysBetween, type CalendarDay } from './calendar.js';

export interface DayProblem {
  /** Index of the day in the list as given. */
  index: number;
  field: 'date' | 'kind' | 'name';
  key: MessageKey;
  params?: Params;
}

export const CALENDAR_NAME_MAX = 40;

export function checkCalendarYear(year: number, days: readonly CalendarDay[]): DayProblem[] {
  const problems: DayProblem[] = [];
  const seen = new Map<string, number>();
  days.forEach((day, index) => {
    const fail = (field: DayProblem['field'], key: MessageKey, params?: Params) => problems.push({ index, field, key, ...(params ? { params } : {}) });
    if (!isCalendarDate(day.date)) fail('date', 'calendar.bad_date', { value: day.date });
    else if (Number(day.date.slice(0, 4)) !== year) fail('date', 'calendar.other_year', { date: day.date, year });
    else if (seen.has(day.date)) fail('date', 'calendar.duplicate_date', { date: day.date, other: seen.get(day.date)! + 1 });
    else {
      seen.set(day.date, index);
      if (day.kind === 'workday' && isoWeekday(day.date) <= 5) fail('kind', 'calendar.workday_on_weekday', { date: day.date });
    }
    const name = day.name.trim();
    if (name === '') fail('name', 'calendar.name_required');
    else if (name.length > CALENDAR_NAME_MAX) fail('name', 'calendar.name_too_long', { max: CALENDAR_NAME_MAX });
  });
  return problems;
}

/** The days as stored: names trimmed, in date order. */
export const normalizedDays = (days: readonly CalendarDay[]): CalendarDay[] =>
  days.map((d) => ({ date: d.date, kind: d.kind, name: d.name.trim() })).sort((a, b) => a.date.localeCompare(b.date));

/** Working days in the year with these exceptions. */
export function workingDaysOf(year: number, days: readonly CalendarDay[]): number {
  return workingDaysBetween(workCalendar(new Map([[year, days]])), `${year - 1}-12-31`, `${year}-12-31`);
}

const kindWords = new Map<string, CalendarDay['kind']>([
  ['放假', 'holiday'], ['休息', 'holiday'], ['休假', 'holiday'], ['假日', 'holiday'], ['节假日', 'holiday'], ['holiday', 'holiday'],
  ['上班', 'workday'], ['补班', 'workday'], ['调休上班', 'workday'], ['工作日', 'workday'], ['workday', 'workday'],
]);

/** The kind a cell of an import names, as calendars are written (放假 / 上班, 补班). */
export const kindOfCell = (text: string): CalendarDay['kind'] | undefined => kindWords.get(text.replace(/\s/g, '').toLowerCase());

export const calendarKindLabels: Record<CalendarDay['kind'], string> = { holiday: '放假', workday: '上班' };
