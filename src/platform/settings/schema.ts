import { jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { countyKey, updatedAt } from '../db/columns.js';

/**
 * A county's configuration of one capability (the point catalogue, the appraisal's cap…), one JSON
 * value per key. The module owning a key validates it with its own zod schema on the way in and out,
 * and falls back to its defaults when the county has not set it.
 */
export const countySettings = pgTable(
  'county_settings',
  {
    countyId: countyKey(),
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.key] })],
);
