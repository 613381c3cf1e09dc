import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { countyKey, createdAt, rowId } from '../../platform/db/columns.js';
import { people } from '../people/schema.js';

export const users = pgTable(
  'users',
  {
    countyId: countyKey(),
    id: rowId(),
    /** Unique in the deployment: signing in does not ask for a county. */
    username: text('username').notNull().unique(),
    passwordHash: text('password_hash').notNull(),
    personId: uuid('person_id').notNull(),
    disabled: boolean('disabled').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.personId], foreignColumns: [people.countyId, people.id] }),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    countyId: countyKey(),
    /** SHA-256 of the cookie value; the value itself is never stored. */
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.tokenHash] }),
    index('sessions_token').on(t.tokenHash),
    foreignKey({ columns: [t.countyId, t.userId], foreignColumns: [users.countyId, users.id] }),
  ],
);

/** Failed sign-ins, kept briefly, to throttle guessing per username and per address. */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    username: text('username').notNull(),
    ip: text('ip').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('login_failures_username').on(t.username, t.at), index('login_failures_ip').on(t.ip, t.at)],
);
