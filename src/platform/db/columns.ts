import { sql } from 'drizzle-orm';
import { customType, timestamp, uuid } from 'drizzle-orm/pg-core';
import { counties } from './counties.js';

/**
 * Columns every table of county data starts with. The county key leads the primary key so that
 * a province can shard by county (Citus distributes on it) without a schema change.
 */
export const countyKey = () => uuid('county_id').notNull().references(() => counties.id);
export const rowId = () => uuid('id').notNull().default(sql`gen_random_uuid()`);
export const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

/** Raw bytes (attachments): Buffers both ways, on PGlite and node-postgres alike. */
export const bytes = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * A full-text vector, filled by the application from character pairs (platform/text search):
 * no database has a Chinese parser, and a generated column would need the tokenizer in SQL.
 */
export const tsvector = customType<{ data: string; driverData: string }>({
  dataType: () => 'tsvector',
});
