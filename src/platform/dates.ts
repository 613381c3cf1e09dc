/**
 * Calendar dates as the platform keeps them: 'YYYY-MM-DD' strings (proleptic Gregorian, no time of
 * day, no time zone), compared as strings. Date objects appear only where a spreadsheet hands one in.
 */

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether year, month and day name a day that exists (year 1–9999). */
export function isRealDay(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day)
    && year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whether a string is a real 'YYYY-MM-DD' date. */
export function isCalendarDate(text: string): boolean {
  const m = DATE_SHAPE.exec(text);
  return m !== null && isRealDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * The same day `months` later; a day the target month lacks becomes its last day
 * (2024-02-29 + 12 months = 2025-02-28), as a period "of one year" ends in law.
 */
export function addMonths(date: string, months: number): string {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return formatDate(year, month, Math.min(Number(date.slice(8, 10)), daysInMonth(year, month)));
}

const DAY = 86_400_000;
const toTime = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));

export function addDays(day: string, days: number): string {
  const d = new Date(toTime(day) + days * DAY);
  return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Days from one day to another: 0 for the same day, negative when `to` comes first. */
export function daysBetween(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / DAY);
}

/** Monday 1 … Sunday 7. */
export function isoWeekday(day: string): number {
  return ((new Date(toTime(day)).getUTCDay() + 6) % 7) + 1;
}

/** Age in full years on `on` of someone born on `birth` (a 29 February birthday counts on 1 March). */
export function fullYears(birth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) < birth.slice(5) ? years - 1 : years;
}
