import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
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
