import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { countyKey, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { users } from '../accounts/schema.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';

/**
 * A responsibility letter (责任书): a higher organization sets a lower one weighted target items for a
 * year; signed, then scored item by item at the year's end. Scoped by the receiving organization's path.
 */
export const responsibilityLetters = pgTable(
  'responsibility_letters',
  {
    countyId: countyKey(),
    id: rowId(),
    issuerOrgId: uuid('issuer_org_id').notNull(),
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    status: text('status').notNull(),
    signedOn: date('signed_on', { mode: 'string' }),
    scoredOn: date('scored_on', { mode: 'string' }),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.issuerOrgId], foreignColumns: [organizations.countyId, organizations.id] }),
    foreignKey({ columns: [t.countyId, t.orgId], foreignColumns: [organizations.countyId, organizations.id] }),
    foreignKey({ columns: [t.countyId, t.createdBy], foreignColumns: [users.countyId, users.id] }),
    unique('responsibility_letters_year').on(t.countyId, t.issuerOrgId, t.orgId, t.year, t.title),
    index('responsibility_letters_org_path').using('btree', t.orgPath.op('text_pattern_ops')),
    check('responsibility_letters_status', sql`${t.status} in ('draft','signed','scored')`),
    check('responsibility_letters_signed', sql`(${t.status} = 'draft') = (${t.signedOn} is null)`),
    check('responsibility_letters_scored', sql`(${t.status} = 'scored') = (${t.scoredOn} is not null)`),
  ],
);

/** One target item of a letter with its weight in points, and the score given at the year's end. */
export const responsibilityItems = pgTable(
  'responsibility_items',
  {
    countyId: countyKey(),
    id: rowId(),
    letterId: uuid('letter_id').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    target: text('target').notNull(),
    weight: numeric('weight', { precision: 5, scale: 1, mode: 'number' }).notNull(),
    score: numeric('score', { precision: 5, scale: 1, mode: 'number' }),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.letterId], foreignColumns: [responsibilityLetters.countyId, responsibilityLetters.id] }).onDelete('cascade'),
    index('responsibility_items_letter').on(t.countyId, t.letterId),
    check('responsibility_items_weight', sql`${t.weight} > 0`),
    check('responsibility_items_score', sql`${t.score} is null or ${t.score} between 0 and ${t.weight}`),
  ],
);

/**
 * An assessment round (考核 / 述职评议) run by an organization over the organizations (or their
 * secretaries) below it for a year, under one of the county's schemes, copied as it was when the round
 * opened so later edits of the scheme never change a past result.
 */
export const assessmentRounds = pgTable(
  'assessment_rounds',
  {
    countyId: countyKey(),
    id: rowId(),
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    year: integer('year').notNull(),
    schemeCode: text('scheme_code').notNull(),
    /** The scheme as it was: {name, subject, parts: [{key, label, weight}], grades: [{key, label, min, low}]}. */
    scheme: jsonb('scheme').notNull(),
    title: text('title').notNull(),
    status: text('status').notNull(),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    finishedOn: date('finished_on', { mode: 'string' }),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.orgId], foreignColumns: [organizations.countyId, organizations.id] }),
    foreignKey({ columns: [t.countyId, t.createdBy], foreignColumns: [users.countyId, users.id] }),
    unique('assessment_rounds_scheme_year').on(t.countyId, t.orgId, t.schemeCode, t.year),
    index('assessment_rounds_org_path').using('btree', t.orgPath.op('text_pattern_ops')),
    check('assessment_rounds_status', sql`${t.status} in ('open','finished')`),
    check('assessment_rounds_finished', sql`(${t.status} = 'finished') = (${t.finishedOn} is not null)`),
  ],
);

/**
 * One assessed organization in a round (for a debrief, its secretary): the score of each part, the
 * weighted total and the grade. A low grade is read by the next screening's indicators as a proposed
 * finding; the upgrade plan (一村一策) is kept with the result.
 */
export const assessmentResults = pgTable(
  'assessment_results',
  {
    countyId: countyKey(),
    roundId: uuid('round_id').notNull(),
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    /** The secretary debriefing, for a scheme whose subject is 'secretary'. */
    personId: uuid('person_id'),
    /** {partKey: score out of 100}. */
    partScores: jsonb('part_scores').$type<Record<string, number>>().notNull(),
    total: numeric('total', { precision: 5, scale: 1, mode: 'number' }),
    grade: text('grade'),
    note: text('note'),
    upgradePlan: text('upgrade_plan'),
    updatedBy: uuid('updated_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.roundId, t.orgId] }),
    foreignKey({ columns: [t.countyId, t.roundId], foreignColumns: [assessmentRounds.countyId, assessmentRounds.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.countyId, t.orgId], foreignColumns: [organizations.countyId, organizations.id] }),
    foreignKey({ columns: [t.countyId, t.personId], foreignColumns: [people.countyId, people.id] }),
    foreignKey({ columns: [t.countyId, t.updatedBy], foreignColumns: [users.countyId, users.id] }),
    index('assessment_results_org_path').using('btree', t.orgPath.op('text_pattern_ops')),
    check('assessment_results_total', sql`${t.total} is null or ${t.total} between 0 and 100`),
  ],
);
