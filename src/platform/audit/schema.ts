import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { countyKey, rowId } from '../db/columns.js';

/**
 * The audit trail: append-only (a trigger refuses UPDATE, DELETE and TRUNCATE) and hash-chained
 * per county, each event carrying the hash of the one before it.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    countyId: countyKey(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    id: rowId(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorPostId: uuid('actor_post_id'),
    /** Who the actor is, readable without joins: a username or "cli". */
    actorLabel: text('actor_label').notNull(),
    /** Set when the actor acts on behalf of someone else (e.g. enters a villager's concern). */
    onBehalfOf: text('on_behalf_of'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    /** How people name the entity ("马家村党支部（530522101001）", a username): the id alone tells a reader nothing. */
    entityLabel: text('entity_label').notNull(),
    /** Materialized path of the organization the entity belongs to, for scoped reading. */
    orgPath: text('org_path'),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.seq] }),
    index('audit_events_org_path').using('btree', t.orgPath.op('text_pattern_ops')),
    index('audit_events_entity').on(t.countyId, t.entityType, t.entityId),
    index('audit_events_at').on(t.countyId, t.at),
  ],
);

/** The head of each county's chain, locked while an event is appended so events stay in one line. */
export const auditHeads = pgTable('audit_heads', {
  countyId: countyKey().primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});
