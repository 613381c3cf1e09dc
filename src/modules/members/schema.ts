import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { countyKey, createdAt, rowId } from '../../platform/db/columns.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';

/** A person's membership relation with an organization: the unit Party statistics count. */
export const memberships = pgTable(
  'memberships',
  {
    countyId: countyKey(),
    id: rowId(),
    personId: uuid('person_id').notNull(),
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    category: text('category').notNull(),
    appliedOn: date('applied_on', { mode: 'string' }),
    joinedOn: date('joined_on', { mode: 'string' }),
    fullOn: date('full_on', { mode: 'string' }),
    endedOn: date('ended_on', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.personId], foreignColumns: [people.countyId, people.id] }),
    foreignKey({ columns: [t.countyId, t.orgId], foreignColumns: [organizations.countyId, organizations.id] }),
    index('memberships_org_path').using('btree', t.orgPath.op('text_pattern_ops')),
    check('memberships_category', sql`${t.category} in ('applicant','activist','development_target','probationary','full')`),
  ],
);

/**
 * Live counts of current memberships per organization, category, gender and ethnicity, kept by
 * statement-level triggers on memberships and people (drizzle/0003) so that every write path,
 * bulk loads and merges included, keeps them right. The home page sums them over a subtree instead
 * of scanning every membership: at county scale on the embedded engine that scan alone cost
 * more than the page's whole budget.
 */
export const memberTallies = pgTable(
  'member_tallies',
  {
    countyId: countyKey(),
    orgId: uuid('org_id').notNull(),
    category: text('category').notNull(),
    /** GB/T 2261.1 code; 0 where the person's gender is not recorded. */
    gender: text('gender').notNull(),
    ethnicity: text('ethnicity').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.orgId, t.category, t.gender, t.ethnicity] }),
    foreignKey({ columns: [t.countyId, t.orgId], foreignColumns: [organizations.countyId, organizations.id] }),
  ],
);
