/**
 * Working days (工作日) on a county's work calendar: Monday to Friday, less public holidays, plus the
 * weekend days worked in exchange (调休). Every deadline of the platform counts on it. A day in a
 * year the calendar does not cover is refused with CalendarMissing, never guessed from weekdays:
 * a deadline across the Spring Festival would be wrong by a week.
 */
import { addDays, isoWeekday } from '../dates.js';

export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

export interface WorkCalendar {
  years: ReadonlySet<number>;
  /** Date → its exception to the weekday rule. */
  exceptions: ReadonlyMap<string, CalendarDay>;
}

export class CalendarMissing extends Error {
  constructor(readonly year: number) {
    super(`no work calendar for ${year}`);
  }
}

/** A calendar of the given years, each a list of its exceptions (an empty list: weekdays only). */
export function workCalendar(years: ReadonlyMap<number, readonly CalendarDay[]>): WorkCalendar {
  const exceptions = new Map<string, CalendarDay>();
  for (const days of years.values()) for (const d of days) exceptions.set(d.date, d);
  return { years: new Set(years.keys()), exceptions };
}

export function isWorkingDay(calendar: WorkCalendar, day: string): boolean {
  const year = Number(day.slice(0, 4));
  if (!calendar.years.has(year)) throw new CalendarMissing(year);
  const exception = calendar.exceptions.get(day);
  if (exception) return exception.kind === 'workday';
  return isoWeekday(day) <= 5;
}

/** The day `n` working days after `from` (not counting `from` itself); n = 0 is `from`. */
export function addWorkingDays(calendar: WorkCalendar, from: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  let day = from;
  for (let left = n; left > 0;) {
    day = addDays(day, 1);
    if (isWorkingDay(calendar, day)) left--;
  }
  return day;
}

/** Working days after `from` up to and including `to`; 0 when `to` is not after `from`. */
export function workingDaysBetween(calendar: WorkCalendar, from: string, to: string): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(calendar, day)) count++;
  return count;
}

export interface Pause {
  /** The day the clock stopped, and the day it started again (null: still stopped). */
  from: string;
  to: string | null;
}

/**
 * When a time limit of `limit` working days from `start` runs out, with the clock stopped over
 * the pauses (a case awaiting its submitter): each working day inside a pause moves the deadline
 * one working day later. Null while a pause is still open: there is no deadline until it ends.
 */
export function deadline(calendar: WorkCalendar, start: string, limit: number, pauses: readonly Pause[] = []): string | null {
  if (pauses.some((p) => p.to === null)) return null;
  const paused = pauses.reduce((sum, p) => sum + workingDaysBetween(calendar, p.from, p.to!), 0);
  return addWorkingDays(calendar, start, limit + paused);
}
