import { sql } from 'drizzle-orm';
import {
  check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, unique, uuid,
} from 'drizzle-orm/pg-core';
import { countyKey, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';

/** The Party organization tree of a county. */
export const organizations = pgTable(
  'organizations',
  {
    countyId: countyKey(),
    id: rowId(),
    /** A short global number; the materialized path is made of these. */
    seq: integer('seq').notNull().generatedByDefaultAsIdentity(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Pinyin initials and full pinyin of the name, for search ("hs" finds 和顺). */
    pinyin: text('pinyin').notNull(),
    type: text('type').notNull(),
    unitType: text('unit_type'),
    /** 12-digit statistical division code of the unit, when it is an admin unit. */
    divisionCode: text('division_code'),
    parentId: uuid('parent_id'),
    /** Seqs from the root down to this node, each followed by a dot: '1.7.42.'. */
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    status: text('status').notNull().default('active'),
    establishedOn: date('established_on', { mode: 'string' }).notNull(),
    dissolvedOn: date('dissolved_on', { mode: 'string' }),
    mergedIntoId: uuid('merged_into_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    unique('organizations_code').on(t.countyId, t.code),
    unique('organizations_seq').on(t.countyId, t.seq),
    foreignKey({ columns: [t.countyId, t.parentId], foreignColumns: [t.countyId, t.id] }),
    index('organizations_path').using('btree', t.path.op('text_pattern_ops')),
    index('organizations_parent').on(t.countyId, t.parentId),
    check('organizations_type', sql`${t.type} in ('committee','working_committee','general_branch','branch','joint_branch','party_group')`),
    check('organizations_unit_type', sql`${t.unitType} is null or ${t.unitType} in ('township','street','village','community','agency','institution','enterprise','school','other')`),
    check('organizations_status', sql`${t.status} in ('active','dissolved')`),
    check('organizations_division_code', sql`${t.divisionCode} is null or ${t.divisionCode} ~ '^[0-9]{12}$'`),
  ],
);

/** Dated history of the tree: what changed, effective when (seed 003: merging, revoking, building). */
export const orgEvents = pgTable(
  'org_events',
  {
    countyId: countyKey(),
    id: rowId(),
    orgId: uuid('org_id').notNull(),
    kind: text('kind').notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    details: jsonb('details').notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.orgId], foreignColumns: [organizations.countyId, organizations.id] }),
    index('org_events_org').on(t.countyId, t.orgId, t.effectiveOn),
    check('org_events_kind', sql`${t.kind} in ('created','renamed','moved','merged','absorbed','dissolved','updated')`),
  ],
);

/** Townships, streets, villages, communities and villager groups, each led by an organization. */
export const adminUnits = pgTable(
  'admin_units',
  {
    countyId: countyKey(),
    id: rowId(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    divisionCode: text('division_code'),
    parentId: uuid('parent_id'),
    /** The organization that leads the unit; its path scopes the unit. */
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.orgId], foreignColumns: [organizations.countyId, organizations.id] }),
    foreignKey({ columns: [t.countyId, t.parentId], foreignColumns: [t.countyId, t.id] }),
    index('admin_units_org_path').using('btree', t.orgPath.op('text_pattern_ops')),
    check('admin_units_kind', sql`${t.kind} in ('township','street','village','community','villager_group')`),
    check('admin_units_division_code', sql`${t.divisionCode} is null or ${t.divisionCode} ~ '^[0-9]{12}$'`),
  ],
);
