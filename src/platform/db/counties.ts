import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uuid, check } from 'drizzle-orm/pg-core';

/** The tenant: one county's organization department and all its data. */
export const counties = pgTable(
  'counties',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** GB/T 2260 six-digit county-level code; also the code of the county's root organization. */
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [check('counties_code_format', sql`${t.code} ~ '^[0-9]{6}$'`)],
);
