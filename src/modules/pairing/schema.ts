import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { countyKey, createdAt, rowId } from '../../platform/db/columns.js';
import { visits } from '../contracting/schema.js';
import { households } from '../households/schema.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';

/**
 * A cadre paired with a household to help it (结对帮扶), from a day until ended. The county's
 * quotas by rank and contact frequency live in its settings; the pairing names its help types.
 */
export const pairings = pgTable(
  'pairings',
  {
    countyId: countyKey(),
    id: rowId(),
    cadreId: uuid('cadre_id').notNull(),
    householdId: uuid('household_id').notNull(),
    /** The household's village, for scope. */
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    /** Ids from the county's list of help types (industry, employment, education, medical…). */
    helpTypes: text('help_types').array().notNull().default(sql`'{}'::text[]`),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    endReason: text('end_reason'),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.cadreId], foreignColumns: [people.countyId, people.id] }),
    foreignKey({ columns: [t.countyId, t.householdId], foreignColumns: [households.countyId, households.id] }),
    foreignKey({ columns: [t.countyId, t.orgId], foreignColumns: [organizations.countyId, organizations.id] }),
    index('pairings_org_path').using('btree', t.orgPath.op('text_pattern_ops')),
    index('pairings_cadre').on(t.countyId, t.cadreId),
    // A cadre is paired with a household once at a time.
    uniqueIndex('pairings_open').on(t.countyId, t.cadreId, t.householdId).where(sql`${t.endedOn} is null`),
    check('pairings_ended', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
  ],
);

/** A contact of a pairing: a visit, a call, a meeting in town. The frequency rule counts these. */
export const pairingContacts = pgTable(
  'pairing_contacts',
  {
    countyId: countyKey(),
    id: rowId(),
    pairingId: uuid('pairing_id').notNull(),
    contactedOn: date('contacted_on', { mode: 'string' }).notNull(),
    mode: text('mode').notNull(),
    /** The visit it happened on, when there was one. */
    visitId: uuid('visit_id'),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.pairingId], foreignColumns: [pairings.countyId, pairings.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.countyId, t.visitId], foreignColumns: [visits.countyId, visits.id] }).onDelete('set null'),
    index('pairing_contacts_pairing').on(t.countyId, t.pairingId, t.contactedOn),
    check('pairing_contacts_mode', sql`${t.mode} in ('visit','phone','other')`),
  ],
);
