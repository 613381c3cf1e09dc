import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { countyKey, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';

/**
 * A person's membership relation (组织关系) with one organization over a period: the unit Party
 * statistics count. A transfer or a merge ends the row and starts one in the new organization,
 * copying the stage dates (the member's file travels with them), so that any past date still
 * finds each person in the organization they belonged to then. A person has at most one open row.
 */
export const memberships = pgTable(
  'memberships',
  {
    countyId: countyKey(),
    id: rowId(),
    personId: uuid('person_id').notNull(),
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    /** The stage reached today; the dates below give the stage on any other day. */
    category: text('category').notNull(),
    /** When the relation with this organization began; null: since the first stage date. */
    startedOn: date('started_on', { mode: 'string' }),
    appliedOn: date('applied_on', { mode: 'string' }),
    activistOn: date('activist_on', { mode: 'string' }),
    targetOn: date('target_on', { mode: 'string' }),
    /** Admitted as probationary member (the branch meeting's resolution). */
    joinedOn: date('joined_on', { mode: 'string' }),
    fullOn: date('full_on', { mode: 'string' }),
    /** Probation extended once, by 6 to 12 months. */
    probationExtensionMonths: integer('probation_extension_months'),
    endedOn: date('ended_on', { mode: 'string' }),
    endReason: text('end_reason'),
    /** What happened, as the decision says it (its document number, the cause): shown in the history. */
    endNote: text('end_note'),
    mobile: boolean('mobile').notNull().default(false),
    mobileDestination: text('mobile_destination'),
    mobileSince: date('mobile_since', { mode: 'string' }),
    /** An in-service member registered with their residential community (在职党员到社区报到). */
    reportingCommunity: text('reporting_community'),
    outOfContact: boolean('out_of_contact').notNull().default(false),
    retired: boolean('retired').notNull().default(false),
    needsCare: boolean('needs_care').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.personId], foreignColumns: [people.countyId, people.id] }),
    foreignKey({ columns: [t.countyId, t.orgId], foreignColumns: [organizations.countyId, organizations.id] }),
    index('memberships_org_path').using('btree', t.orgPath.op('text_pattern_ops')),
    uniqueIndex('memberships_one_open').on(t.countyId, t.personId).where(sql`${t.endedOn} is null`),
    // A branch's current members by stage: its to-dos and lists, without a scan of the county.
    index('memberships_open_org').on(t.countyId, t.orgId, t.category).where(sql`${t.endedOn} is null`),
    check('memberships_category', sql`${t.category} in ('applicant','activist','development_target','probationary','full')`),
    check('memberships_end_reason', sql`${t.endReason} is null or ${t.endReason} in ('transferred','merged','died','withdrew','removed','expelled','probation_cancelled')`),
    check('memberships_ended', sql`(${t.endedOn} is null) = (${t.endReason} is null)`),
    check('memberships_extension', sql`${t.probationExtensionMonths} is null or ${t.probationExtensionMonths} between 6 and 12`),
  ],
);

/**
 * Live counts of current memberships in each organization's whole subtree, by category and by one
 * breakdown at a time (dimension: gender, ethnicity, education, occupation, period, mobile,
 * birth_year; value '' where not recorded). Statistics of today read the organization's row and
 * its children's instead of every membership below, at any scale. Kept by statement-level triggers
 * on memberships and people (drizzle/0007); a move rewrites memberships' paths, whose trigger moves
 * the counts, which is why the key is `subtree_path` and not `org_path` (see organizations/tree.ts).
 */
export const memberBreakdowns = pgTable(
  'member_breakdowns',
  {
    countyId: countyKey(),
    subtreePath: text('subtree_path').notNull(),
    category: text('category').notNull(),
    dimension: text('dimension').notNull(),
    value: text('value').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.subtreePath, t.category, t.dimension, t.value] }),
  ],
);
