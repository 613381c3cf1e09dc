import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { countyKey, updatedAt } from '../db/columns.js';

/**
 * A county's work calendar for one year: its public holidays and make-up working days (调休), as
 * [{date, kind: 'holiday' | 'workday', name}]. A year without a row here uses the national calendar
 * kept in code; a county imports or edits a year to follow a local change or a year the code lacks.
 * A deadline in a year covered by neither is refused, never guessed.
 */
export const calendarYears = pgTable(
  'calendar_years',
  {
    countyId: countyKey(),
    year: integer('year').notNull(),
    days: jsonb('days').notNull(),
    /** Where the year came from: 'imported' (a file) or 'edited' (the page). */
    source: text('source').notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.year] }),
    check('calendar_years_year', sql`${t.year} between 2000 and 2100`),
    check('calendar_years_source', sql`${t.source} in ('imported','edited')`),
  ],
);
