import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { countyKey, createdAt, rowId } from '../db/columns.js';

/**
 * A message to someone outside the platform (a reply to a villager), written in the same
 * transaction as what caused it and delivered afterwards by a channel. Delivery is not status
 * (REFERENCES.md): a case is answered when it is, whether or not the message has gone yet.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    countyId: countyKey(),
    id: rowId(),
    /** What the message is about, e.g. 'concern' and the concern's id. */
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    /** The channel that delivers it: 'log' (the default, writes a line), 'sms'… */
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
    body: text('body').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    index('outbox_messages_pending').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('outbox_messages_entity').on(t.countyId, t.entityType, t.entityId),
    check('outbox_messages_status', sql`${t.status} in ('pending','sent','failed')`),
  ],
);
