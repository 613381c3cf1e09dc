import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { countyKey, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { users } from '../accounts/schema.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';

/**
 * A petition (信访事项) on the register. `state` and `due_on` are derived from the history
 * (petition_events, rules.ts) and written again with each step, so the register can filter and sort
 * on them; overdue is derived from `due_on`. The organization is the handling one.
 */
export const petitions = pgTable(
  'petitions',
  {
    countyId: countyKey(),
    id: rowId(),
    /** The register number, "2026-0007": what audit events name it by, never the petitioner. */
    number: text('number').notNull(),
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    registeredBy: uuid('registered_by'),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    channel: text('channel').notNull(),
    /** The higher body that referred or assigned it: owed the second half of the double feedback. */
    referredBy: text('referred_by'),
    content: text('content').notNull(),
    category: text('category').notNull(),
    /** Registered as the same matter as an earlier petition (which must not be re-reviewed already). */
    sameMatterAs: uuid('same_matter_as'),
    state: text('state').notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    uniqueIndex('petitions_number').on(t.countyId, t.number),
    foreignKey({ columns: [t.countyId, t.orgId], foreignColumns: [organizations.countyId, organizations.id] }),
    foreignKey({ columns: [t.countyId, t.registeredBy], foreignColumns: [users.countyId, users.id] }),
    foreignKey({ columns: [t.countyId, t.sameMatterAs], foreignColumns: [t.countyId, t.id] }),
    index('petitions_org_path').using('btree', t.orgPath.op('text_pattern_ops')),
    index('petitions_received').on(t.countyId, t.receivedOn),
    check('petitions_channel', sql`${t.channel} in ('letter','visit','phone','online','referred')`),
    check('petitions_referred', sql`(${t.channel} = 'referred') = (${t.referredBy} is not null)`),
    check('petitions_category', sql`${t.category} in ('land','social_security','infrastructure','environment','dispute','cadre_conduct','other')`),
    check('petitions_state', sql`${t.state} in ('registered','not_accepted','handling','replied','reviewing','reviewed','re_reviewing','re_reviewed','closed')`),
  ],
);

/** Who brought it: sensitive, shown masked to all but its handlers, and each full read audited. */
export const petitionPetitioners = pgTable(
  'petition_petitioners',
  {
    countyId: countyKey(),
    id: rowId(),
    petitionId: uuid('petition_id').notNull(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    idNumber: text('id_number'),
    phone: text('phone'),
    address: text('address'),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.petitionId], foreignColumns: [petitions.countyId, petitions.id] }),
    uniqueIndex('petition_petitioners_position').on(t.countyId, t.petitionId, t.position),
  ],
);

/**
 * Whom it accuses: a person (on record, or only named) or an organization. The accused never see the
 * petition (visibility.ts): a person by their person id, an organization by posts in it or below it.
 */
export const petitionAccused = pgTable(
  'petition_accused',
  {
    countyId: countyKey(),
    id: rowId(),
    petitionId: uuid('petition_id').notNull(),
    personId: uuid('person_id'),
    name: text('name'),
    orgId: uuid('org_id'),
    orgPath: text('org_path'),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.petitionId], foreignColumns: [petitions.countyId, petitions.id] }),
    foreignKey({ columns: [t.countyId, t.personId], foreignColumns: [people.countyId, people.id] }),
    foreignKey({ columns: [t.countyId, t.orgId], foreignColumns: [organizations.countyId, organizations.id] }),
    index('petition_accused_petition').on(t.countyId, t.petitionId),
    index('petition_accused_org_path').using('btree', t.orgPath.op('text_pattern_ops')),
    check('petition_accused_org', sql`(${t.orgId} is null) = (${t.orgPath} is null)`),
    check('petition_accused_one', sql`(${t.orgId} is not null) <> (${t.personId} is not null or ${t.name} is not null)`),
  ],
);

/** The history, one row per step, with the day it happened (`on`) apart from when it was entered (`at`). */
export const petitionEvents = pgTable(
  'petition_events',
  {
    countyId: countyKey(),
    id: rowId(),
    petitionId: uuid('petition_id').notNull(),
    on: date('on', { mode: 'string' }).notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorUserId: uuid('actor_user_id'),
    action: text('action').notNull(),
    note: text('note'),
    data: jsonb('data'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.petitionId], foreignColumns: [petitions.countyId, petitions.id] }),
    index('petition_events_petition').on(t.countyId, t.petitionId, t.at),
  ],
);
