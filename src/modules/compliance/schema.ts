import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { countyKey, createdAt, updatedAt } from '../../platform/db/columns.js';

/**
 * A county's own cadence rules: local practice (周一例会, visit quotas) added to the national
 * defaults of rules.catalogue, or a national default changed or switched off under its own id.
 */
export const cadenceRules = pgTable(
  'cadence_rules',
  {
    countyId: countyKey(),
    /** A national default's id to change it, or the county's own (e.g. 'monday_meeting_weekly'). */
    id: text('id').notNull(),
    eventKind: text('event_kind').notNull(),
    subjectType: text('subject_type').notNull(),
    period: text('period').notNull(),
    min: integer('min').notNull(),
    /** For a yearly rule held "normally in Q4": the month from which it is due (10). */
    dueFromMonth: integer('due_from_month'),
    label: text('label'),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    check('cadence_rules_period', sql`${t.period} in ('week','month','quarter','year')`),
    check('cadence_rules_min', sql`${t.min} between 1 and 100`),
    check('cadence_rules_due_from', sql`${t.dueFromMonth} is null or ${t.dueFromMonth} between 1 and 12`),
  ],
);
