import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { countyKey, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { meetings } from '../meetings/schema.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';

/**
 * A branch's democratic appraisal of its members for a year (民主评议党员, rules.md §0): opened with
 * the members of the day, evaluated (self, mutual, the masses), then graded by the branch.
 */
export const appraisalRounds = pgTable(
  'appraisal_rounds',
  {
    countyId: countyKey(),
    id: rowId(),
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    year: integer('year').notNull(),
    status: text('status').notNull(),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    /** The county's cap on 优秀 when the round opened, in thousandths of the full members graded. */
    excellentCapPermille: integer('excellent_cap_permille').notNull(),
    /** The meeting that decided the grades (usually the members' meeting or the life meeting). */
    meetingId: uuid('meeting_id'),
    gradedOn: date('graded_on', { mode: 'string' }),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.orgId], foreignColumns: [organizations.countyId, organizations.id] }),
    foreignKey({ columns: [t.countyId, t.meetingId], foreignColumns: [meetings.countyId, meetings.id] }),
    unique('appraisal_rounds_org_year').on(t.countyId, t.orgId, t.year),
    index('appraisal_rounds_org_path').using('btree', t.orgPath.op('text_pattern_ops')),
    check('appraisal_rounds_status', sql`${t.status} in ('open','graded')`),
    check('appraisal_rounds_graded', sql`(${t.status} = 'graded') = (${t.gradedOn} is not null)`),
    check('appraisal_rounds_cap', sql`${t.excellentCapPermille} between 0 and 1000`),
  ],
);

/** One member in a round: what the three evaluations said, and the grade (none for probationary members). */
export const appraisalEntries = pgTable(
  'appraisal_entries',
  {
    countyId: countyKey(),
    roundId: uuid('round_id').notNull(),
    personId: uuid('person_id').notNull(),
    /** 'full' or 'probationary' when the round opened. */
    category: text('category').notNull(),
    selfAssessment: text('self_assessment'),
    /** Mutual evaluation: how many members rated them each grade. */
    mutualExcellent: integer('mutual_excellent').notNull().default(0),
    mutualQualified: integer('mutual_qualified').notNull().default(0),
    mutualBasic: integer('mutual_basic').notNull().default(0),
    mutualUnqualified: integer('mutual_unqualified').notNull().default(0),
    /** Opinions of the masses: satisfied, basically satisfied, unsatisfied, and what they said. */
    massesSatisfied: integer('masses_satisfied').notNull().default(0),
    massesBasic: integer('masses_basic').notNull().default(0),
    massesUnsatisfied: integer('masses_unsatisfied').notNull().default(0),
    massesOpinion: text('masses_opinion'),
    grade: text('grade'),
    gradeNote: text('grade_note'),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.roundId, t.personId] }),
    foreignKey({ columns: [t.countyId, t.roundId], foreignColumns: [appraisalRounds.countyId, appraisalRounds.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.countyId, t.personId], foreignColumns: [people.countyId, people.id] }),
    index('appraisal_entries_person').on(t.countyId, t.personId),
    check('appraisal_entries_category', sql`${t.category} in ('full','probationary')`),
    check('appraisal_entries_grade', sql`${t.grade} is null or (${t.category} = 'full' and ${t.grade} in ('excellent','qualified','basically_qualified','unqualified'))`),
    check('appraisal_entries_counts', sql`least(${t.mutualExcellent}, ${t.mutualQualified}, ${t.mutualBasic}, ${t.mutualUnqualified}, ${t.massesSatisfied}, ${t.massesBasic}, ${t.massesUnsatisfied}) >= 0`),
  ],
);

/**
 * What the branch did about a member graded 不合格 (rules.md §0, 2024 rules): help and education, a
 * deadline to correct (usually six months, at most a year), advice to withdraw, removal; each with
 * its date and, when known, its outcome.
 */
export const appraisalFollowups = pgTable(
  'appraisal_followups',
  {
    countyId: countyKey(),
    id: rowId(),
    roundId: uuid('round_id').notNull(),
    personId: uuid('person_id').notNull(),
    action: text('action').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    /** For a deadline to correct: the day by which the member must have corrected. */
    deadline: date('deadline', { mode: 'string' }),
    /** Who helps the member (a committee member, a sponsor), as the record names them. */
    responsible: text('responsible'),
    note: text('note'),
    outcome: text('outcome'),
    outcomeOn: date('outcome_on', { mode: 'string' }),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.roundId, t.personId], foreignColumns: [appraisalEntries.countyId, appraisalEntries.roundId, appraisalEntries.personId] }).onDelete('cascade'),
    index('appraisal_followups_round').on(t.countyId, t.roundId),
    check('appraisal_followups_action', sql`${t.action} in ('help','correct','advise_withdraw','remove')`),
    check('appraisal_followups_deadline', sql`(${t.action} = 'correct') = (${t.deadline} is not null)`),
  ],
);
