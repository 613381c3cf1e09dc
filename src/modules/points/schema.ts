import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { countyKey, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';

/**
 * Points a member earns by an item of the county's catalogue that the records cannot show (a
 * volunteer service, a commendation, a deduction for a breach), claimed with evidence and counted
 * once an administrator above approves it. Points from records (attendance, dues on time) are
 * derived, never stored. Signed: a deduction is negative.
 */
export const pointEntries = pgTable(
  'point_entries',
  {
    countyId: countyKey(),
    id: rowId(),
    personId: uuid('person_id').notNull(),
    /** The branch the member belonged to when it happened. */
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    itemId: text('item_id').notNull(),
    points: integer('points').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    description: text('description').notNull(),
    evidence: text('evidence'),
    status: text('status').notNull(),
    submittedBy: uuid('submitted_by'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    rejectReason: text('reject_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.personId], foreignColumns: [people.countyId, people.id] }),
    foreignKey({ columns: [t.countyId, t.orgId], foreignColumns: [organizations.countyId, organizations.id] }),
    index('point_entries_person').on(t.countyId, t.personId, t.occurredOn),
    index('point_entries_org_path').using('btree', t.orgPath.op('text_pattern_ops')),
    check('point_entries_status', sql`${t.status} in ('pending','approved','rejected')`),
    check('point_entries_points', sql`${t.points} <> 0 and ${t.points} between -1000 and 1000`),
  ],
);

/**
 * The star rating of a member or a branch for a year, in three stages: the subject's own
 * assessment, the review of the level above, the approval that fixes the stars. Scores are per
 * indicator of the county's configuration ({indicatorId: score}).
 */
export const starRatings = pgTable(
  'star_ratings',
  {
    countyId: countyKey(),
    id: rowId(),
    subjectType: text('subject_type').notNull(),
    /** The branch rated, or the member's branch. */
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    personId: uuid('person_id'),
    year: integer('year').notNull(),
    status: text('status').notNull(),
    selfScores: jsonb('self_scores').notNull(),
    selfNote: text('self_note'),
    selfBy: uuid('self_by'),
    selfAt: timestamp('self_at', { withTimezone: true, mode: 'date' }),
    reviewScores: jsonb('review_scores'),
    reviewNote: text('review_note'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'date' }),
    /** Fixed on approval, from the reviewed total and the county's thresholds (or set by the approver with a reason). */
    stars: integer('stars'),
    approvedBy: uuid('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }),
    /** Why a review or approval sent it back a stage. */
    returnReason: text('return_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.orgId], foreignColumns: [organizations.countyId, organizations.id] }),
    foreignKey({ columns: [t.countyId, t.personId], foreignColumns: [people.countyId, people.id] }),
    uniqueIndex('star_ratings_member_year').on(t.countyId, t.personId, t.year).where(sql`${t.subjectType} = 'member'`),
    uniqueIndex('star_ratings_branch_year').on(t.countyId, t.orgId, t.year).where(sql`${t.subjectType} = 'branch'`),
    index('star_ratings_org_path').using('btree', t.orgPath.op('text_pattern_ops')),
    check('star_ratings_subject', sql`(${t.subjectType} = 'member') = (${t.personId} is not null) and ${t.subjectType} in ('member','branch')`),
    check('star_ratings_status', sql`${t.status} in ('self_assessed','reviewed','approved')`),
    check('star_ratings_stars', sql`${t.stars} is null or ${t.stars} between 0 and 5`),
  ],
);
