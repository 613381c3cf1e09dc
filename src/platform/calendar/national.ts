import { addDays } from '../dates.js';
import type { CalendarDay } from './calendar.js';

/**
 * The national work calendar, as published each autumn for the next year by the General Office of
 * the State Council (国务院办公厅关于…部分节假日安排的通知): days off, and the weekend days worked
 * in exchange (调休). A year not here has to be imported by the county (or added here) before a
 * deadline can fall in it.
 */
const holidays = (name: string, from: string, to: string): CalendarDay[] => {
  const days: CalendarDay[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push({ date: d, kind: 'holiday', name });
  return days;
};
const workday = (name: string, date: string): CalendarDay => ({ date, kind: 'workday', name });

export const nationalCalendars: ReadonlyMap<number, readonly CalendarDay[]> = new Map([
  [2025, [
    ...holidays('元旦', '2025-01-01', '2025-01-01'),
    workday('春节', '2025-01-26'), ...holidays('春节', '2025-01-28', '2025-02-04'), workday('春节', '2025-02-08'),
    ...holidays('清明节', '2025-04-04', '2025-04-06'),
    workday('劳动节', '2025-04-27'), ...holidays('劳动节', '2025-05-01', '2025-05-05'),
    ...holidays('端午节', '2025-05-31', '2025-06-02'),
    workday('国庆节、中秋节', '2025-09-28'), ...holidays('国庆节、中秋节', '2025-10-01', '2025-10-08'), workday('国庆节、中秋节', '2025-10-11'),
  ]],
  [2026, [
    ...holidays('元旦', '2026-01-01', '2026-01-03'), workday('元旦', '2026-01-04'),
    workday('春节', '2026-02-14'), ...holidays('春节', '2026-02-15', '2026-02-23'), workday('春节', '2026-02-28'),
    ...holidays('清明节', '2026-04-04', '2026-04-06'),
    ...holidays('劳动节', '2026-05-01', '2026-05-05'), workday('劳动节', '2026-05-09'),
    ...holidays('端午节', '2026-06-19', '2026-06-21'),
    ...holidays('中秋节', '2026-09-25', '2026-09-27'),
    workday('国庆节', '2026-09-20'), ...holidays('国庆节', '2026-10-01', '2026-10-07'), workday('国庆节', '2026-10-10'),
  ]],
]);
