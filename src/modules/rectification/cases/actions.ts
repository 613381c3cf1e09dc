/**
 * The ledger's writes. Each locks the case, checks the state machine (cases/rules.ts), changes the
 * case, appends a rectification_events row (the timeline) and an audit event, in one transaction.
 * The plan, the group and the request belong to whoever manages rectification over the village
 * (the township); items and reports to whoever reports on it (the village's secretary too);
 * acceptance and closure to the county.
 */
import { and, eq } from 'drizzle-orm';
import { inScope, type ActorPost } from '../../../platform/access/actor.js';
import { chinaDate } from '../../../platform/clock.js';
import { conflict, invalid, notFound, type FieldProblem } from '../../../platform/errors.js';
import { t, type Lang } from '../../../platform/i18n/index.js';
import { write, type ServiceContext, type WriteScope } from '../../../platform/service.js';
import type { OrgRow } from '../../organizations/queries.js';
import { people } from '../../people/schema.js';
import { rectificationAcceptances, rectificationCases, rectificationEvents, rectificationItems, rectificationReports } from '../schema.js';
import type { AcceptanceInput, CaseView, GroupInput, PlanInput } from './contracts.js';
import { casePost, countyPost, getCase, settingsOf, visibleCase, type CaseRow } from './queries.js';
import {
  afterAcceptance, cadencePeriodOf, canApprovePlan, canClose, canEditPlan, canMarkItem, canRecordAcceptance, canReport, canRequestAcceptance, canStart,
  isLate, sheetTotal, type CaseState, type Check,
} from './rules.js';

/** Refuses the whole write with every problem, each naming its field. */
function refuse(lang: Lang, fields: FieldProblem[]): void {
  if (fields.length === 0) return;
  const detail = fields.map((f) => t(lang, f.key, f.params)).join(lang === 'zh' ? '；' : '; ');
  throw invalid('rectification.invalid', { detail }, fields);
}

/** A state-machine refusal: the case is not where the action can happen. */
function allow(check: Check): void {
  if (!check.ok) throw conflict(`rectification.${check.reason}`, check.params);
}

/** A day given for an action: not after today, not before the case's last event. */
function dayProblems(path: string, day: string, today: string, last: string | null): FieldProblem[] {
  if (day > today) return [{ path, key: 'rectification.future', params: { date: day, today } }];
  if (last !== null && day < last) return [{ path, key: 'rectification.before_last', params: { date: day, last } }];
  return [];
}

async function lastEventDay(w: WriteScope, c: CaseRow): Promise<string | null> {
  const rows = await w.tx.select({ day: rectificationEvents.day }).from(rectificationEvents)
    .where(and(eq(rectificationEvents.countyId, c.countyId), eq(rectificationEvents.caseId, c.id)));
  return rows.reduce<string | null>((last, r) => (last === null || r.day > last ? r.day : last), null);
}

interface Step {
  w: WriteScope;
  c: CaseRow;
  org: OrgRow;
  post: ActorPost;
  ctx: ServiceContext;
}

/** Records the action in the timeline and the audit trail. */
async function record(s: Step, action: string, day: string, toState: CaseState, note: string | null, audit: { before?: unknown; after?: unknown } = {}): Promise<void> {
  await s.w.tx.insert(rectificationEvents).values({
    countyId: s.c.countyId, caseId: s.c.id, day, at: s.w.now, action, fromState: s.c.state, toState, note, userId: s.ctx.actor.userId,
  });
  s.w.audit({
    action: `rectification.${action}`, entityType: 'rectification_case', entityId: s.c.id, entityLabel: `${s.org.name} ${s.c.year}`,
    orgPath: s.org.path, postId: s.post.postId, before: audit.before, after: audit.after ?? { state: toState, day, note },
  });
}

async function setCase(s: Step, values: Partial<typeof rectificationCases.$inferInsert>): Promise<void> {
  await s.w.tx.update(rectificationCases).set({ ...values, updatedAt: s.w.now })
    .where(and(eq(rectificationCases.countyId, s.c.countyId), eq(rectificationCases.id, s.c.id)));
}

type Who = 'manage' | 'report' | 'county';

/** Locks the visible case, finds the acting post, runs the step and answers the case as it now stands. */
async function step(ctx: ServiceContext, id: string, lang: Lang, who: Who, work: (s: Step) => Promise<void>): Promise<CaseView> {
  await write(ctx, async (w) => {
    const { c, org } = await visibleCase(ctx, w.tx, id, true);
    const post = who === 'county' ? await countyPost(ctx, w.tx) : casePost(ctx, who === 'manage' ? 'rectification.manage' : 'rectification.report', org);
    await work({ w, c, org, post, ctx });
  });
  return getCase(ctx, id, lang);
}

const itemsOf = (s: Step) => s.w.tx.select().from(rectificationItems)
  .where(and(eq(rectificationItems.countyId, s.c.countyId), eq(rectificationItems.caseId, s.c.id))).orderBy(rectificationItems.position);

/**
 * A person picked as responsible or as first secretary, if the acting user may read them: a name
 * outside their scope is typed instead, never looked up by id.
 */
async function readablePerson(ctx: ServiceContext, s: Step, id: string): Promise<{ name: string } | undefined> {
  const [person] = await s.w.tx.select({ name: people.name }).from(people)
    .where(and(eq(people.countyId, s.c.countyId), eq(people.id, id), inScope(ctx.actor, 'person.read', { county: people.countyId, path: people.orgPath })));
  return person;
}

/** The plan (一村一策) is saved whole: every item checked first, then all replaced, or nothing. */
export function savePlan(ctx: ServiceContext, id: string, input: PlanInput, lang: Lang): Promise<CaseView> {
  return step(ctx, id, lang, 'manage', async (s) => {
    allow(canEditPlan(s.c.state as CaseState));
    const problems: FieldProblem[] = [];
    for (const [n, item] of input.items.entries()) {
      if (item.deadline < s.c.definedOn) problems.push({ path: `body.items.${n}.deadline`, key: 'rectification.item_deadline_before_definition', params: { row: n + 1, date: item.deadline, definedOn: s.c.definedOn } });
      if (item.responsiblePersonId) {
        if (!(await readablePerson(ctx, s, item.responsiblePersonId))) problems.push({ path: `body.items.${n}.responsiblePersonId`, key: 'rectification.person_not_found', params: { row: n + 1 } });
      }
    }
    refuse(lang, problems);
    const before = await itemsOf(s);
    await s.w.tx.delete(rectificationItems).where(and(eq(rectificationItems.countyId, s.c.countyId), eq(rectificationItems.caseId, s.c.id)));
    await s.w.tx.insert(rectificationItems).values(input.items.map((item, n) => ({
      countyId: s.c.countyId, caseId: s.c.id, position: n + 1, problem: item.problem, measure: item.measure, responsible: item.responsible,
      responsiblePersonId: item.responsiblePersonId ?? null, deadline: item.deadline,
    })));
    await record(s, 'plan_saved', chinaDate(s.w.now), s.c.state as CaseState, null, {
      before: before.map((i) => ({ problem: i.problem, measure: i.measure, responsible: i.responsible, deadline: i.deadline })), after: input.items,
    });
  });
}

export function approvePlan(ctx: ServiceContext, id: string, input: { approvedOn?: string | undefined; deadline: string }, lang: Lang): Promise<CaseView> {
  return step(ctx, id, lang, 'manage', async (s) => {
    const today = chinaDate(s.w.now);
    const on = input.approvedOn ?? today;
    const items = await itemsOf(s);
    refuse(lang, dayProblems('body.approvedOn', on, today, await lastEventDay(s.w, s.c)));
    allow(canApprovePlan(s.c.state as CaseState, items.length, input.deadline, on));
    const late = items.filter((i) => i.deadline > input.deadline);
    refuse(lang, late.map((i) => ({ path: 'body.deadline', key: 'rectification.item_after_case_deadline', params: { row: i.position, date: i.deadline, deadline: input.deadline } })));
    await setCase(s, { state: 'plan_approved', planApprovedOn: on, deadline: input.deadline });
    await record(s, 'plan_approved', on, 'plan_approved', null, { after: { approvedOn: on, deadline: input.deadline, items: items.length } });
  });
}

export function startRectifying(ctx: ServiceContext, id: string, input: { on?: string | undefined }, lang: Lang): Promise<CaseView> {
  return step(ctx, id, lang, 'manage', async (s) => {
    const today = chinaDate(s.w.now);
    const on = input.on ?? today;
    refuse(lang, dayProblems('body.on', on, today, await lastEventDay(s.w, s.c)));
    allow(canStart(s.c.state as CaseState));
    await setCase(s, { state: 'rectifying' });
    await record(s, 'started', on, 'rectifying', null);
  });
}

export function saveGroup(ctx: ServiceContext, id: string, input: GroupInput, lang: Lang): Promise<CaseView> {
  return step(ctx, id, lang, 'manage', async (s) => {
    if (s.c.state === 'closed') allow({ ok: false, reason: 'already_closed' });
    let name = input.firstSecretaryName;
    if (input.firstSecretaryId) {
      const person = await readablePerson(ctx, s, input.firstSecretaryId);
      refuse(lang, person ? [] : [{ path: 'body.firstSecretaryId', key: 'rectification.first_secretary_not_found' }]);
      name = person!.name;
    }
    const before = { groupLeader: s.c.groupLeader, groupMembers: s.c.groupMembers, dispatchedUnits: s.c.dispatchedUnits, firstSecretaryId: s.c.firstSecretaryId, firstSecretaryName: s.c.firstSecretaryName, countyLeader: s.c.countyLeader };
    const after = { ...input, firstSecretaryName: name };
    await setCase(s, after);
    await record(s, 'group_changed', chinaDate(s.w.now), s.c.state as CaseState, null, { before, after });
  });
}

export function markItemDone(ctx: ServiceContext, id: string, itemId: string, input: { doneOn: string; evidence: string }, lang: Lang): Promise<CaseView> {
  return step(ctx, id, lang, 'report', async (s) => {
    const [item] = await s.w.tx.select().from(rectificationItems)
      .where(and(eq(rectificationItems.countyId, s.c.countyId), eq(rectificationItems.caseId, s.c.id), eq(rectificationItems.id, itemId)));
    if (!item) throw notFound('rectification.item_not_found');
    allow(canMarkItem(s.c.state as CaseState));
    const today = chinaDate(s.w.now);
    refuse(lang, dayProblems('body.doneOn', input.doneOn, today, s.c.planApprovedOn));
    await s.w.tx.update(rectificationItems).set({ doneOn: input.doneOn, evidence: input.evidence, updatedAt: s.w.now })
      .where(and(eq(rectificationItems.countyId, s.c.countyId), eq(rectificationItems.id, item.id)));
    await record(s, 'item_done', input.doneOn, s.c.state as CaseState, `${item.position}. ${item.problem}`, {
      before: { doneOn: item.doneOn, evidence: item.evidence }, after: { position: item.position, doneOn: input.doneOn, evidence: input.evidence },
    });
  });
}

/** A report is for the period of `forDay` (today by default); filed after that period it is kept and marked late. */
export function fileReport(ctx: ServiceContext, id: string, input: { content: string; forDay?: string | undefined }, lang: Lang): Promise<CaseView> {
  return step(ctx, id, lang, 'report', async (s) => {
    const today = chinaDate(s.w.now);
    const forDay = input.forDay ?? today;
    allow(canReport(s.c.state as CaseState, s.c.closedOn, today));
    const problems: FieldProblem[] = [];
    if (forDay > today) problems.push({ path: 'body.forDay', key: 'rectification.future', params: { date: forDay, today } });
    if (s.c.planApprovedOn !== null && forDay < s.c.planApprovedOn) problems.push({ path: 'body.forDay', key: 'rectification.report_before_approval', params: { date: forDay, approvedOn: s.c.planApprovedOn } });
    refuse(lang, problems);
    const { cadence } = await settingsOf(s.w.tx, s.c.countyId);
    const period = cadencePeriodOf(cadence, s.c.planApprovedOn!, forDay);
    const late = isLate(period, today);
    const [saved] = await s.w.tx.insert(rectificationReports).values({
      countyId: s.c.countyId, caseId: s.c.id, periodKey: period.key, reportedOn: today, content: input.content, late, reportedBy: ctx.actor.userId,
    }).returning();
    await record(s, late ? 'reported_late' : 'reported', today, s.c.state as CaseState, period.key, { after: { id: saved!.id, periodKey: period.key, late } });
  });
}

export function requestAcceptance(ctx: ServiceContext, id: string, input: { on?: string | undefined }, lang: Lang): Promise<CaseView> {
  return step(ctx, id, lang, 'manage', async (s) => {
    const today = chinaDate(s.w.now);
    const on = input.on ?? today;
    refuse(lang, dayProblems('body.on', on, today, await lastEventDay(s.w, s.c)));
    allow(canRequestAcceptance(s.c.state as CaseState, await itemsOf(s)));
    await setCase(s, { state: 'acceptance_requested' });
    await record(s, 'acceptance_requested', on, 'acceptance_requested', null);
  });
}

export function recordAcceptance(ctx: ServiceContext, id: string, input: AcceptanceInput, lang: Lang): Promise<CaseView> {
  return step(ctx, id, lang, 'county', async (s) => {
    const today = chinaDate(s.w.now);
    const settings = await settingsOf(s.w.tx, s.c.countyId);
    const { total, over } = sheetTotal(input.scoreSheet);
    const problems = dayProblems('body.acceptedOn', input.acceptedOn, today, await lastEventDay(s.w, s.c));
    for (const n of over) problems.push({ path: `body.scoreSheet.${n}.score`, key: 'rectification.score_over_max', params: { row: n + 1, max: input.scoreSheet[n]!.max } });
    refuse(lang, problems);
    const reasons = input.reasons ?? null;
    const newDeadline = input.result === 'fail' ? input.newDeadline ?? null : null;
    allow(canRecordAcceptance(s.c.state as CaseState, {
      result: input.result, score: total, passScore: settings.passScore, dissatisfiedPermille: input.dissatisfiedPermille ?? null,
      failPermille: settings.failDissatisfiedPermille, acceptedOn: input.acceptedOn, newDeadline, reasons,
    }));
    const next = afterAcceptance(input.result, input.acceptedOn, settings.watchMonths, settings.basicPassExtraMonths);
    const [saved] = await s.w.tx.insert(rectificationAcceptances).values({
      countyId: s.c.countyId, caseId: s.c.id, acceptedOn: input.acceptedOn, scoreSheet: input.scoreSheet, score: total,
      dissatisfiedPermille: input.dissatisfiedPermille ?? null, result: input.result, reasons, newDeadline, decidedBy: ctx.actor.userId,
    }).returning();
    await setCase(s, next.state === 'rectifying' ? { state: 'rectifying', deadline: newDeadline } : { state: 'under_watch', watchUntil: next.watchUntil });
    await record(s, input.result === 'fail' ? 'returned' : 'accepted', input.acceptedOn, next.state, reasons, {
      after: { acceptanceId: saved!.id, result: input.result, score: total, newDeadline, watchUntil: next.watchUntil },
    });
  });
}

export function closeCase(ctx: ServiceContext, id: string, input: { on?: string | undefined }, lang: Lang): Promise<CaseView> {
  return step(ctx, id, lang, 'county', async (s) => {
    const today = chinaDate(s.w.now);
    const on = input.on ?? today;
    refuse(lang, dayProblems('body.on', on, today, await lastEventDay(s.w, s.c)));
    allow(canClose(s.c.state as CaseState, s.c.watchUntil, on));
    await setCase(s, { state: 'closed', closedOn: on });
    await record(s, 'closed', on, 'closed', null);
  });
}
