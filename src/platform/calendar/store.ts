import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { workCalendar, type CalendarDay, type WorkCalendar } from './calendar.js';
import { nationalCalendars } from './national.js';
import { calendarYears } from './schema.js';

export const calendarDaySchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  kind: z.enum(['holiday', 'workday']),
  name: z.string().min(1).max(40),
});

/**
 * A county's work calendar over some years: its own year where it has one, else the national one.
 * A year with neither is left out, so a day in it raises CalendarMissing where it is used.
 */
export async function loadWorkCalendar(db: Db, countyId: string, years: readonly number[]): Promise<WorkCalendar> {
  const wanted = [...new Set(years)];
  const own = wanted.length === 0 ? [] : await db.select({ year: calendarYears.year, days: calendarYears.days }).from(calendarYears)
    .where(and(eq(calendarYears.countyId, countyId), inArray(calendarYears.year, wanted)));
  const found = new Map<number, readonly CalendarDay[]>();
  for (const year of wanted) {
    const row = own.find((r) => r.year === year);
    const days = row ? z.array(calendarDaySchema).parse(row.days) : nationalCalendars.get(year);
    if (days) found.set(year, days);
  }
  return workCalendar(found);
}
