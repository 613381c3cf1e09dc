import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { countyKey, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';

/**
 * A household of a village (or community): the unit cadres visit, pair with and hand a concern
 * card to. It belongs to the village's organization for scope; its villager group is how the
 * village names its part (一组, 二组), not an organization.
 */
export const households = pgTable(
  'households',
  {
    countyId: countyKey(),
    id: rowId(),
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    /** The village's own household number (户号), unique in the village when given. */
    number: text('number'),
    villagerGroup: text('villager_group'),
    headName: text('head_name').notNull(),
    phone: text('phone'),
    address: text('address'),
    /** Ids from the county's tag list (difficult household, wealth leader, 五类人员…). */
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    note: text('note'),
    status: text('status').notNull().default('active'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.orgId], foreignColumns: [organizations.countyId, organizations.id] }),
    index('households_org_path').using('btree', t.orgPath.op('text_pattern_ops')),
    index('households_tags').using('gin', t.tags),
    uniqueIndex('households_number').on(t.countyId, t.orgId, t.number).where(sql`${t.number} is not null`),
    // 'moved': the household left the village; kept for the visits and concerns that name it.
    check('households_status', sql`${t.status} in ('active','moved')`),
  ],
);

/** A person living in a household; linked to the people register when they are in it (a member). */
export const householdMembers = pgTable(
  'household_members',
  {
    countyId: countyKey(),
    id: rowId(),
    householdId: uuid('household_id').notNull(),
    personId: uuid('person_id'),
    name: text('name').notNull(),
    /** Relation to the head: 'head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'other'. */
    relation: text('relation').notNull(),
    /** GB/T 2261.1: 1 male, 2 female. */
    gender: text('gender'),
    birthDate: date('birth_date', { mode: 'string' }),
    /** GB 11643; masked unless the reader holds person.read_sensitive, and its reads audited. */
    idNumber: text('id_number'),
    phone: text('phone'),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.householdId], foreignColumns: [households.countyId, households.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.countyId, t.personId], foreignColumns: [people.countyId, people.id] }),
    index('household_members_household').on(t.countyId, t.householdId),
    uniqueIndex('household_members_id_number').on(t.countyId, t.idNumber).where(sql`${t.idNumber} is not null`),
    check('household_members_relation', sql`${t.relation} in ('head','spouse','child','parent','grandchild','sibling','other')`),
    check('household_members_gender', sql`${t.gender} is null or ${t.gender} in ('1','2')`),
  ],
);
