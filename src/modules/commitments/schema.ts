import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { countyKey, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { users } from '../accounts/schema.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';

/**
 * A commitment (承诺) made for a year by a branch, its secretary or a member: a measurable target and a due
 * date, published (public ones on the village's public page), kept with progress updates (践诺) and
 * appraised at the year's end (评诺). A commitment may have items (parent_id); a parent's progress is
 * derived from its items, a leaf's from its latest update, never typed.
 */
export const commitments = pgTable(
  'commitments',
  {
    countyId: countyKey(),
    id: rowId(),
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    year: integer('year').notNull(),
    /** Who makes it: 'branch', 'secretary' or 'member'. */
    maker: text('maker').notNull(),
    /** The secretary or member making it (none for the branch). */
    personId: uuid('person_id'),
    /** A key of the county's level list (default: common 共性, post 岗位, practical 实事, self_discipline 自律). */
    level: text('level').notNull(),
    parentId: uuid('parent_id'),
    position: integer('position').notNull().default(0),
    title: text('title').notNull(),
    /** The measurable target as written ("硬化村道 3 公里"), and as a number with its unit when it has one. */
    target: text('target').notNull(),
    targetValue: numeric('target_value', { precision: 14, scale: 2, mode: 'number' }),
    unit: text('unit'),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    public: boolean('public').notNull().default(false),
    state: text('state').notNull(),
    publishedOn: date('published_on', { mode: 'string' }),
    completedOn: date('completed_on', { mode: 'string' }),
    abandonReason: text('abandon_reason'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.orgId], foreignColumns: [organizations.countyId, organizations.id] }),
    foreignKey({ columns: [t.countyId, t.personId], foreignColumns: [people.countyId, people.id] }),
    foreignKey({ columns: [t.countyId, t.parentId], foreignColumns: [t.countyId, t.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.countyId, t.createdBy], foreignColumns: [users.countyId, users.id] }),
    index('commitments_org_year').on(t.countyId, t.orgId, t.year),
    index('commitments_parent').on(t.countyId, t.parentId),
    index('commitments_org_path').using('btree', t.orgPath.op('text_pattern_ops')),
    check('commitments_maker', sql`${t.maker} in ('branch','secretary','member')`),
    check('commitments_person', sql`(${t.maker} = 'branch') = (${t.personId} is null)`),
    check('commitments_state', sql`${t.state} in ('draft','published','in_progress','completed','delayed','abandoned')`),
    check('commitments_abandoned', sql`(${t.state} = 'abandoned') = (${t.abandonReason} is not null)`),
    check('commitments_completed', sql`(${t.state} = 'completed') = (${t.completedOn} is not null)`),
  ],
);

/**
 * A progress update (践诺) with its evidence: the value reached so far when the target is a number; or a
 * delay reported with its reason, keeping the due date it replaced (so "on time" can tell).
 */
export const commitmentUpdates = pgTable(
  'commitment_updates',
  {
    countyId: countyKey(),
    id: rowId(),
    commitmentId: uuid('commitment_id').notNull(),
    madeOn: date('made_on', { mode: 'string' }).notNull(),
    /** 'progress' or 'delay'. */
    kind: text('kind').notNull().default('progress'),
    /** For a delay: the due date before it. */
    previousDueOn: date('previous_due_on', { mode: 'string' }),
    value: numeric('value', { precision: 14, scale: 2, mode: 'number' }),
    /** Progress in thousandths when the target has no number (e.g. "完成 60%"). */
    progressPermille: integer('progress_permille'),
    note: text('note').notNull(),
    evidence: text('evidence'),
    recordedBy: uuid('recorded_by'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.commitmentId], foreignColumns: [commitments.countyId, commitments.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.countyId, t.recordedBy], foreignColumns: [users.countyId, users.id] }),
    index('commitment_updates_commitment').on(t.countyId, t.commitmentId, t.madeOn),
    check('commitment_updates_kind', sql`${t.kind} in ('progress','delay') and (${t.kind} = 'delay') = (${t.previousDueOn} is not null)`),
    check('commitment_updates_permille', sql`${t.progressPermille} is null or ${t.progressPermille} between 0 and 1000`),
  ],
);

/** The year-end appraisal (评诺) of one commitment: self, masses and superior, weighted as the county set them then. */
export const commitmentAppraisals = pgTable(
  'commitment_appraisals',
  {
    countyId: countyKey(),
    commitmentId: uuid('commitment_id').notNull(),
    selfScore: numeric('self_score', { precision: 5, scale: 1, mode: 'number' }).notNull(),
    massesScore: numeric('masses_score', { precision: 5, scale: 1, mode: 'number' }).notNull(),
    superiorScore: numeric('superior_score', { precision: 5, scale: 1, mode: 'number' }).notNull(),
    /** {self, masses, superior} in percent, as they were when appraised. */
    weights: jsonb('weights').$type<{ self: number; masses: number; superior: number }>().notNull(),
    total: numeric('total', { precision: 5, scale: 1, mode: 'number' }).notNull(),
    /** The masses' satisfaction vote, when one was held. */
    satisfiedVotes: integer('satisfied_votes'),
    votes: integer('votes'),
    appraisedOn: date('appraised_on', { mode: 'string' }).notNull(),
    appraisedBy: uuid('appraised_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.commitmentId] }),
    foreignKey({ columns: [t.countyId, t.commitmentId], foreignColumns: [commitments.countyId, commitments.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.countyId, t.appraisedBy], foreignColumns: [users.countyId, users.id] }),
    check('commitment_appraisals_scores', sql`least(${t.selfScore}, ${t.massesScore}, ${t.superiorScore}) >= 0 and greatest(${t.selfScore}, ${t.massesScore}, ${t.superiorScore}) <= 100`),
    check('commitment_appraisals_votes', sql`(${t.votes} is null) = (${t.satisfiedVotes} is null) and (${t.votes} is null or ${t.satisfiedVotes} between 0 and ${t.votes})`),
  ],
);
