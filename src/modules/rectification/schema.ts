import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { countyKey, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { users } from '../accounts/schema.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';

/**
 * A screening round (排查) of a county's village organizations against its criteria: yearly or for one
 * quarter. Findings are recorded into it; the county defines (认定) organizations from them.
 */
export const screeningRounds = pgTable(
  'screening_rounds',
  {
    countyId: countyKey(),
    id: rowId(),
    year: integer('year').notNull(),
    /** 'year', or the quarter 'Q1'…'Q4'. */
    period: text('period').notNull(),
    title: text('title').notNull(),
    status: text('status').notNull(),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    closedOn: date('closed_on', { mode: 'string' }),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    unique('screening_rounds_year_period').on(t.countyId, t.year, t.period),
    foreignKey({ columns: [t.countyId, t.createdBy], foreignColumns: [users.countyId, users.id] }),
    check('screening_rounds_period', sql`${t.period} in ('year','Q1','Q2','Q3','Q4')`),
    check('screening_rounds_status', sql`${t.status} in ('open','closed')`),
    check('screening_rounds_closed', sql`(${t.status} = 'closed') = (${t.closedOn} is not null)`),
  ],
);

/**
 * One criterion found to hold for one organization (排查发现), from one of the four channels, with its
 * evidence. The criterion's code, title and category are copied from the county's catalogue as it was,
 * so editing the catalogue never rewrites a finding. An automatic indicator proposes a finding; a person
 * confirms or dismisses it.
 */
export const screeningFindings = pgTable(
  'screening_findings',
  {
    countyId: countyKey(),
    id: rowId(),
    roundId: uuid('round_id').notNull(),
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    criterionCode: text('criterion_code').notNull(),
    criterionTitle: text('criterion_title').notNull(),
    /** 软 soft, 散 lax, 穷 poor, 乱 chaotic: decides the responsible departments. */
    category: text('category').notNull(),
    /** self: village self-examination; masses: the masses' evaluation; check: township or county check; department: a department's report. */
    channel: text('channel').notNull(),
    /** For a check: 'township' or 'county'. */
    checkLevel: text('check_level'),
    /** For a department's report: which department. */
    department: text('department'),
    evidence: text('evidence').notNull(),
    foundOn: date('found_on', { mode: 'string' }).notNull(),
    /** 'manual', or 'indicator' when proposed by an automatic indicator (or a low assessment grade). */
    source: text('source').notNull(),
    /** What the indicator measured, as shown to the person confirming (e.g. "书记空缺 5 个月"). */
    measured: text('measured'),
    status: text('status').notNull(),
    dismissReason: text('dismiss_reason'),
    recordedBy: uuid('recorded_by'),
    decidedBy: uuid('decided_by'),
    decidedOn: date('decided_on', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.roundId], foreignColumns: [screeningRounds.countyId, screeningRounds.id] }),
    foreignKey({ columns: [t.countyId, t.orgId], foreignColumns: [organizations.countyId, organizations.id] }),
    foreignKey({ columns: [t.countyId, t.recordedBy], foreignColumns: [users.countyId, users.id] }),
    foreignKey({ columns: [t.countyId, t.decidedBy], foreignColumns: [users.countyId, users.id] }),
    index('screening_findings_round').on(t.countyId, t.roundId, t.orgId),
    index('screening_findings_org').on(t.countyId, t.orgId, t.foundOn),
    index('screening_findings_org_path').using('btree', t.orgPath.op('text_pattern_ops')),
    check('screening_findings_category', sql`${t.category} in ('soft','lax','poor','chaotic')`),
    check('screening_findings_channel', sql`${t.channel} in ('self','masses','check','department')`),
    check('screening_findings_check_level', sql`(${t.channel} = 'check') = (${t.checkLevel} is not null) and (${t.checkLevel} is null or ${t.checkLevel} in ('township','county'))`),
    check('screening_findings_department', sql`(${t.channel} = 'department') = (${t.department} is not null)`),
    check('screening_findings_evidence', sql`length(btrim(${t.evidence})) > 0`),
    check('screening_findings_source', sql`${t.source} in ('manual','indicator')`),
    check('screening_findings_status', sql`${t.status} in ('proposed','confirmed','dismissed')`),
    check('screening_findings_dismissed', sql`(${t.status} = 'dismissed') = (${t.dismissReason} is not null)`),
  ],
);

/**
 * The rectification ledger entry of one defined organization (整顿): from definition through plan,
 * rectifying, acceptance and watch to closure (销号). `state` is written by each action (cases/rules.ts
 * holds the machine); what happened is in rectification_events.
 */
export const rectificationCases = pgTable(
  'rectification_cases',
  {
    countyId: countyKey(),
    id: rowId(),
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    /** The round the organization was defined in. */
    roundId: uuid('round_id').notNull(),
    year: integer('year').notNull(),
    state: text('state').notNull(),
    definedOn: date('defined_on', { mode: 'string' }).notNull(),
    /** The decision defining it (e.g. 县委常委会 2026-03-10 会议). */
    basis: text('basis').notNull(),
    /** The deadline to finish rectifying; a failed acceptance sets a new one. */
    deadline: date('deadline', { mode: 'string' }),
    planApprovedOn: date('plan_approved_on', { mode: 'string' }),
    /** The working group: its leader, members and the units dispatched (派驻单位). */
    groupLeader: text('group_leader'),
    groupMembers: jsonb('group_members').$type<string[]>().notNull().default([]),
    dispatchedUnits: jsonb('dispatched_units').$type<string[]>().notNull().default([]),
    firstSecretaryId: uuid('first_secretary_id'),
    firstSecretaryName: text('first_secretary_name'),
    /** The county leader who contracts the village (县级领导包村). */
    countyLeader: text('county_leader'),
    watchUntil: date('watch_until', { mode: 'string' }),
    closedOn: date('closed_on', { mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.orgId], foreignColumns: [organizations.countyId, organizations.id] }),
    foreignKey({ columns: [t.countyId, t.roundId], foreignColumns: [screeningRounds.countyId, screeningRounds.id] }),
    foreignKey({ columns: [t.countyId, t.firstSecretaryId], foreignColumns: [people.countyId, people.id] }),
    unique('rectification_cases_round_org').on(t.countyId, t.roundId, t.orgId),
    index('rectification_cases_org').on(t.countyId, t.orgId),
    index('rectification_cases_org_path').using('btree', t.orgPath.op('text_pattern_ops')),
    check('rectification_cases_state', sql`${t.state} in ('identified','plan_approved','rectifying','acceptance_requested','under_watch','closed')`),
    check('rectification_cases_watch', sql`${t.state} not in ('under_watch','closed') or ${t.watchUntil} is not null`),
    check('rectification_cases_closed', sql`(${t.state} = 'closed') = (${t.closedOn} is not null)`),
  ],
);

/** One line of the village's plan (一村一策): a problem, its measure, who answers for it, by when; done with evidence. */
export const rectificationItems = pgTable(
  'rectification_items',
  {
    countyId: countyKey(),
    id: rowId(),
    caseId: uuid('case_id').notNull(),
    position: integer('position').notNull(),
    problem: text('problem').notNull(),
    measure: text('measure').notNull(),
    responsible: text('responsible').notNull(),
    responsiblePersonId: uuid('responsible_person_id'),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    doneOn: date('done_on', { mode: 'string' }),
    evidence: text('evidence'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.caseId], foreignColumns: [rectificationCases.countyId, rectificationCases.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.countyId, t.responsiblePersonId], foreignColumns: [people.countyId, people.id] }),
    index('rectification_items_case').on(t.countyId, t.caseId),
    check('rectification_items_done', sql`(${t.doneOn} is null) = (${t.evidence} is null)`),
  ],
);

/** A progress report (进展报告) for one period of the required cadence; a late one is kept and marked late. */
export const rectificationReports = pgTable(
  'rectification_reports',
  {
    countyId: countyKey(),
    id: rowId(),
    caseId: uuid('case_id').notNull(),
    /** The cadence period it reports for ('2026-W12', '2026-03', or the first day of an N-day span). */
    periodKey: text('period_key').notNull(),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    content: text('content').notNull(),
    late: boolean('late').notNull(),
    reportedBy: uuid('reported_by'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.caseId], foreignColumns: [rectificationCases.countyId, rectificationCases.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.countyId, t.reportedBy], foreignColumns: [users.countyId, users.id] }),
    index('rectification_reports_case').on(t.countyId, t.caseId, t.periodKey),
  ],
);

/** An acceptance (验收): the score sheet, the result and its reasons; a failure sets a new deadline. */
export const rectificationAcceptances = pgTable(
  'rectification_acceptances',
  {
    countyId: countyKey(),
    id: rowId(),
    caseId: uuid('case_id').notNull(),
    acceptedOn: date('accepted_on', { mode: 'string' }).notNull(),
    /** [{item, max, score}] as scored; the total is their sum. */
    scoreSheet: jsonb('score_sheet').$type<{ item: string; max: number; score: number }[]>().notNull(),
    score: numeric('score', { precision: 6, scale: 1, mode: 'number' }).notNull(),
    /** Share of the public survey dissatisfied, in thousandths, when a survey was held. */
    dissatisfiedPermille: integer('dissatisfied_permille'),
    result: text('result').notNull(),
    reasons: text('reasons'),
    newDeadline: date('new_deadline', { mode: 'string' }),
    decidedBy: uuid('decided_by'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.caseId], foreignColumns: [rectificationCases.countyId, rectificationCases.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.countyId, t.decidedBy], foreignColumns: [users.countyId, users.id] }),
    index('rectification_acceptances_case').on(t.countyId, t.caseId),
    check('rectification_acceptances_result', sql`${t.result} in ('pass','basic_pass','fail')`),
    check('rectification_acceptances_fail', sql`(${t.result} = 'fail') = (${t.newDeadline} is not null)`),
    check('rectification_acceptances_reasons', sql`${t.result} = 'pass' or length(btrim(coalesce(${t.reasons}, ''))) > 0`),
  ],
);

/** The case's history, one row per action: the timeline, and what rebounds and returns are counted from. */
export const rectificationEvents = pgTable(
  'rectification_events',
  {
    countyId: countyKey(),
    id: rowId(),
    caseId: uuid('case_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** defined, plan_approved, started, acceptance_requested, accepted, returned, relapsed, closed, group_changed, … */
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    note: text('note'),
    /** The finding that caused a relapse. */
    findingId: uuid('finding_id'),
    userId: uuid('user_id'),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.caseId], foreignColumns: [rectificationCases.countyId, rectificationCases.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.countyId, t.findingId], foreignColumns: [screeningFindings.countyId, screeningFindings.id] }),
    foreignKey({ columns: [t.countyId, t.userId], foreignColumns: [users.countyId, users.id] }),
    index('rectification_events_case').on(t.countyId, t.caseId, t.at),
  ],
);
