import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { countyKey, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { organizations } from '../organizations/schema.js';

/** Anyone the county keeps a record of: member, applicant, cadre, villager. */
export const people = pgTable(
  'people',
  {
    countyId: countyKey(),
    id: rowId(),
    name: text('name').notNull(),
    pinyin: text('pinyin').notNull(),
    /** GB/T 2261.1 code: 1 male, 2 female. */
    gender: text('gender'),
    /** GB 3304 two-digit code. */
    ethnicity: text('ethnicity').notNull().default('01'),
    birthDate: date('birth_date', { mode: 'string' }),
    /** GB 11643 citizen ID number; masked unless the reader may see it. */
    idNumber: text('id_number'),
    phone: text('phone'),
    /** GB/T 4658 education code. */
    education: text('education'),
    /** Occupation category of Party statistics (see members/rules/occupation.ts). */
    occupation: text('occupation'),
    address: text('address'),
    /** The organization the person belongs to (for scope). */
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.orgId], foreignColumns: [organizations.countyId, organizations.id] }),
    index('people_org_path').using('btree', t.orgPath.op('text_pattern_ops')),
    // Statistics of today look up only the people whose birthday decides their age band.
    index('people_birth_date').on(t.countyId, t.birthDate),
    // One person per citizen ID number in a county: the services name the holder; this keeps two writers apart.
    uniqueIndex('people_id_number').on(t.countyId, t.idNumber).where(sql`${t.idNumber} is not null`),
    check('people_gender', sql`${t.gender} is null or ${t.gender} in ('1','2')`),
  ],
);

/** A person holding a role in an organization; access to the organization's subtree follows from it. */
export const posts = pgTable(
  'posts',
  {
    countyId: countyKey(),
    id: rowId(),
    personId: uuid('person_id').notNull(),
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    role: text('role').notNull(),
    /** The title as people say it, e.g. 党委书记, 组织委员, 包村干部. */
    title: text('title').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.personId], foreignColumns: [people.countyId, people.id] }),
    foreignKey({ columns: [t.countyId, t.orgId], foreignColumns: [organizations.countyId, organizations.id] }),
    index('posts_person').on(t.countyId, t.personId),
    index('posts_org_path').using('btree', t.orgPath.op('text_pattern_ops')),
    check('posts_role', sql`${t.role} in ('county_admin','township_admin','branch_secretary','cadre','member')`),
  ],
);
