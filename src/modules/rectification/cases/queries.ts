/**
 * Reading the ledger. Whoever reports on or manages rectification over a village reads its case
 * ('rectification.report': the village's secretary and cadres, the township, the county); anyone else
 * is told it does not exist. Every flag (overdue, missed reports) is derived here from the records.
 */
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { grantingPost, inScope, permission, type ActorPost } from '../../../platform/access/actor.js';
import { chinaDate } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import { forbidden, notFound } from '../../../platform/errors.js';
import { t, type Lang } from '../../../platform/i18n/index.js';
import type { ServiceContext } from '../../../platform/service.js';
import { rootOrg } from '../../organizations/county.js';
import { visibleOrg, type OrgRow } from '../../organizations/queries.js';
import { organizations } from '../../organizations/schema.js';
import { screeningSetting } from '../criteria.js';
import { rectificationCases, rectificationAcceptances, rectificationEvents, rectificationItems, rectificationReports, screeningFindings } from '../schema.js';
import { rectificationSetting } from '../settings.js';
import type { AccountabilityView, ActionView, BoardView, CaseSummary, CaseView, RectificationSettings } from './contracts.js';
import {
  cadencePeriodOf, canApprovePlan, canClose, canEditPlan, canMarkItem, canRecordAcceptance, canReport, canRequestAcceptance, canStart, caseOverdue,
  inOrder, missedReports, overdueItems, reportingSpans, type CaseState, type Check, type MissedReport,
} from './rules.js';

export type CaseRow = typeof rectificationCases.$inferSelect;
type ItemRow = typeof rectificationItems.$inferSelect;
type ReportRow = typeof rectificationReports.$inferSelect;
type EventRow = typeof rectificationEvents.$inferSelect;

export const settingsOf = rectificationSetting.read;

/** A case the actor may read, with its organization; `lock` holds the case until the transaction ends. */
export async function visibleCase(ctx: ServiceContext, db: Db, id: string, lock = false): Promise<{ c: CaseRow; org: OrgRow }> {
  const query = db.select({ c: rectificationCases, org: organizations }).from(rectificationCases)
    .innerJoin(organizations, and(eq(organizations.countyId, rectificationCases.countyId), eq(organizations.id, rectificationCases.orgId)))
    .where(and(eq(rectificationCases.id, id), inScope(ctx.actor, 'rectification.report', { county: rectificationCases.countyId, path: rectificationCases.orgPath })));
  const [found] = lock ? await query.for('update', { of: rectificationCases }) : await query;
  if (!found) throw notFound('rectification.case_not_found');
  return found;
}

/** A subtree whose ledger the actor reads; anyone who neither reports on nor manages it is told it does not exist. */
export async function readableOrg(ctx: ServiceContext, code: string): Promise<OrgRow> {
  const org = await visibleOrg(ctx, code);
  if (!grantingPost(ctx.actor, 'rectification.report', org.path)) throw notFound('org.not_found', { code });
  return org;
}

/** The post acting on the case with `ability`, or a refusal naming the organization. */
export function casePost(ctx: ServiceContext, ability: 'rectification.manage' | 'rectification.report', org: { name: string; path: string }): ActorPost {
  const post = grantingPost(ctx.actor, ability, org.path);
  if (!post) throw forbidden(ability === 'rectification.manage' ? 'rectification.manage_forbidden' : 'rectification.report_forbidden', { org: org.name });
  return post;
}

/** The county's decisions (acceptance, closure) belong to whoever manages rectification over the county's root. */
export async function countyPost(ctx: ServiceContext, db: Db): Promise<ActorPost> {
  const root = (await rootOrg(db, ctx.actor.countyId))!;
  const post = grantingPost(ctx.actor, 'rectification.manage', root.path);
  if (!post) throw forbidden('rectification.county_only');
  return post;
}

interface Facts {
  items: ItemRow[];
  reports: ReportRow[];
  events: EventRow[];
}

async function factsOf(db: Db, countyId: string, caseIds: string[]): Promise<Map<string, Facts>> {
  const map = new Map<string, Facts>(caseIds.map((id) => [id, { items: [], reports: [], events: [] }]));
  if (caseIds.length === 0) return map;
  const [items, reports, events] = await Promise.all([
    db.select().from(rectificationItems).where(and(eq(rectificationItems.countyId, countyId), inArray(rectificationItems.caseId, caseIds))).orderBy(asc(rectificationItems.position)),
    db.select().from(rectificationReports).where(and(eq(rectificationReports.countyId, countyId), inArray(rectificationReports.caseId, caseIds))).orderBy(asc(rectificationReports.reportedOn), asc(rectificationReports.createdAt)),
    db.select().from(rectificationEvents).where(and(eq(rectificationEvents.countyId, countyId), inArray(rectificationEvents.caseId, caseIds))).orderBy(asc(rectificationEvents.day), asc(rectificationEvents.at), asc(rectificationEvents.id)),
  ]);
  for (const i of items) map.get(i.caseId)!.items.push(i);
  for (const r of reports) map.get(r.caseId)!.reports.push(r);
  for (const e of events) map.get(e.caseId)!.events.push(e);
  for (const f of map.values()) f.events = inOrder(f.events);
  return map;
}

interface Derived {
  missed: MissedReport[];
  overdueItemIds: Set<string>;
  overdue: boolean;
  lastReportOn: string | null;
}

/** The flags of a case, from its records as of today. */
function derive(c: CaseRow, f: Facts, cadence: RectificationSettings['cadence'], today: string): Derived {
  const spans = reportingSpans(f.events, today);
  const missed = missedReports(cadence, c.planApprovedOn, spans, f.reports, today);
  const overdueIds = new Set(overdueItems(f.items, today).map((i) => i.id));
  const requests = f.events.filter((e) => e.action === 'acceptance_requested').map((e) => e.day);
  const requestedOn = requests.length > 0 ? requests[requests.length - 1]! : null;
  return {
    missed, overdueItemIds: overdueIds,
    overdue: caseOverdue(c.state as CaseState, c.deadline, requestedOn, today) || overdueIds.size > 0 || (c.state !== 'closed' && missed.length > 0 && c.state !== 'under_watch'),
    lastReportOn: f.reports.reduce<string | null>((last, r) => (last === null || r.reportedOn > last ? r.reportedOn : last), null),
  };
}

/** The townships (and streets) of a county, to name each case's. */
async function townships(db: Db, countyId: string): Promise<OrgRow[]> {
  return db.select().from(organizations)
    .where(and(eq(organizations.countyId, countyId), inArray(organizations.unitType, ['township', 'street']), sql`${organizations.type} <> 'party_group'`))
    .orderBy(sql`${organizations.depth} desc`);
}
const townshipOfPath = (all: OrgRow[], path: string) => all.find((t) => path.startsWith(t.path) && t.path !== path) ?? null;

/** The categories a case's organization was found for in its round, and the departments answering for them. */
async function categoriesOf(db: Db, countyId: string, cases: CaseRow[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (cases.length === 0) return map;
  const found = await db.selectDistinct({ roundId: screeningFindings.roundId, orgId: screeningFindings.orgId, category: screeningFindings.category }).from(screeningFindings)
    .where(and(eq(screeningFindings.countyId, countyId), eq(screeningFindings.status, 'confirmed'),
      or(...cases.map((c) => and(eq(screeningFindings.roundId, c.roundId), eq(screeningFindings.orgId, c.orgId))))));
  for (const c of cases) {
    map.set(c.id, [...new Set(found.filter((f) => f.roundId === c.roundId && f.orgId === c.orgId).map((f) => f.category))].sort());
  }
  return map;
}

async function departmentsFor(db: Db, countyId: string): Promise<(categories: string[]) => string[]> {
  const { departments } = await screeningSetting.read(db, countyId);
  return (categories) => [...new Set(categories.flatMap((c) => departments[c as keyof typeof departments] ?? []))];
}

async function summariesOf(db: Db, countyId: string, rows: { c: CaseRow; org: OrgRow }[], today: string): Promise<{ summaries: CaseSummary[]; facts: Map<string, Facts>; derived: Map<string, Derived> }> {
  const { cadence } = await settingsOf(db, countyId);
  const facts = await factsOf(db, countyId, rows.map((r) => r.c.id));
  const towns = await townships(db, countyId);
  const cats = await categoriesOf(db, countyId, rows.map((r) => r.c));
  const depts = await departmentsFor(db, countyId);
  const derived = new Map<string, Derived>();
  const summaries = rows.map(({ c, org }) => {
    const d = derive(c, facts.get(c.id)!, cadence, today);
    derived.set(c.id, d);
    const town = townshipOfPath(towns, org.path);
    const categories = cats.get(c.id) ?? [];
    return {
      id: c.id, org: { code: org.code, name: org.name }, township: town ? { code: town.code, name: town.name } : null, year: c.year,
      state: c.state as CaseState, definedOn: c.definedOn, deadline: c.deadline, watchUntil: c.watchUntil, closedOn: c.closedOn,
      lastReportOn: d.lastReportOn, categories, departments: depts(categories), overdue: d.overdue, overdueItems: d.overdueItemIds.size, missedReports: d.missed.length,
    };
  });
  return { summaries, facts, derived };
}

/** The cases of a subtree defined in a year that the user may read, with their organizations, by path. */
async function casesOfYear(ctx: ServiceContext, query: { org: string; year: number }): Promise<{ top: OrgRow; rows: { c: CaseRow; org: OrgRow }[]; today: string }> {
  const top = await readableOrg(ctx, query.org);
  const rows = await ctx.db.select({ c: rectificationCases, org: organizations }).from(rectificationCases)
    .innerJoin(organizations, and(eq(organizations.countyId, rectificationCases.countyId), eq(organizations.id, rectificationCases.orgId)))
    .where(and(eq(rectificationCases.year, query.year), sql`${rectificationCases.orgPath} like ${top.path + '%'}`,
      inScope(ctx.actor, 'rectification.report', { county: rectificationCases.countyId, path: rectificationCases.orgPath })))
    .orderBy(asc(organizations.path));
  return { top, rows, today: chinaDate(ctx.clock.now()) };
}

/** Cases of a subtree for a year (the year the organization was defined in), by township and village. */
export async function listBoard(ctx: ServiceContext, query: { org: string; year: number; state?: CaseState | undefined }): Promise<BoardView> {
  const { top, rows, today } = await casesOfYear(ctx, query);
  const { summaries } = await summariesOf(ctx.db, ctx.actor.countyId, rows, today);
  const states: Record<string, number> = {};
  for (const s of summaries) states[s.state] = (states[s.state] ?? 0) + 1;
  return { org: { code: top.code, name: top.name }, year: query.year, cases: query.state ? summaries.filter((s) => s.state === query.state) : summaries, states };
}

const view = (lang: Lang, access: ActionView, check: Check): ActionView => {
  if (!access.allowed) return access;
  return check.ok ? { allowed: true } : { allowed: false, message: t(lang, `rectification.${check.reason}`, check.params) };
};

export async function getCase(ctx: ServiceContext, id: string, lang: Lang): Promise<CaseView> {
  const found = await visibleCase(ctx, ctx.db, id);
  const { c, org } = found;
  const today = chinaDate(ctx.clock.now());
  const settings = await settingsOf(ctx.db, c.countyId);
  const { summaries, facts, derived } = await summariesOf(ctx.db, c.countyId, [found], today);
  const f = facts.get(c.id)!;
  const d = derived.get(c.id)!;
  const findings = await ctx.db.select().from(screeningFindings)
    .where(and(eq(screeningFindings.countyId, c.countyId), eq(screeningFindings.roundId, c.roundId), eq(screeningFindings.orgId, c.orgId), eq(screeningFindings.status, 'confirmed')))
    .orderBy(asc(screeningFindings.foundOn), asc(screeningFindings.criterionCode));
  const acceptances = await ctx.db.select().from(rectificationAcceptances)
    .where(and(eq(rectificationAcceptances.countyId, c.countyId), eq(rectificationAcceptances.caseId, c.id)))
    .orderBy(asc(rectificationAcceptances.acceptedOn), asc(rectificationAcceptances.createdAt));
  const state = c.state as CaseState;
  const root = (await rootOrg(ctx.db, c.countyId))!;
  const manage = permission(ctx.actor, 'rectification.manage', org.path);
  const report = permission(ctx.actor, 'rectification.report', org.path);
  const county = permission(ctx.actor, 'rectification.manage', root.path);
  const reporting = state === 'plan_approved' || state === 'rectifying';
  return {
    ...summaries[0]!,
    basis: c.basis,
    planApprovedOn: c.planApprovedOn,
    group: {
      leader: c.groupLeader, members: c.groupMembers, dispatchedUnits: c.dispatchedUnits,
      firstSecretary: c.firstSecretaryName === null ? null : { id: c.firstSecretaryId, name: c.firstSecretaryName },
      countyLeader: c.countyLeader,
    },
    findings: findings.map((x) => ({ id: x.id, criterionCode: x.criterionCode, criterionTitle: x.criterionTitle, category: x.category, channel: x.channel, evidence: x.evidence, foundOn: x.foundOn })),
    items: f.items.map((i) => ({
      id: i.id, position: i.position, problem: i.problem, measure: i.measure, responsible: i.responsible, responsiblePersonId: i.responsiblePersonId,
      deadline: i.deadline, doneOn: i.doneOn, evidence: i.evidence, overdue: d.overdueItemIds.has(i.id),
    })),
    reports: f.reports.map((r) => ({ id: r.id, periodKey: r.periodKey, reportedOn: r.reportedOn, content: r.content, late: r.late })),
    acceptances: acceptances.map((a) => ({
      id: a.id, acceptedOn: a.acceptedOn, scoreSheet: a.scoreSheet, score: a.score, dissatisfiedPermille: a.dissatisfiedPermille,
      result: a.result as 'pass' | 'basic_pass' | 'fail', reasons: a.reasons, newDeadline: a.newDeadline,
    })),
    events: f.events.map((e) => ({ id: e.id, day: e.day, action: e.action, fromState: e.fromState, toState: e.toState, note: e.note })),
    missed: d.missed,
    currentPeriod: reporting && c.planApprovedOn ? cadencePeriodOf(settings.cadence, c.planApprovedOn, today) : null,
    can: {
      editPlan: view(lang, manage, canEditPlan(state)),
      approvePlan: view(lang, manage, canApprovePlan(state, f.items.length, c.deadline ?? '9999-12-31', today)),
      start: view(lang, manage, canStart(state)),
      editGroup: view(lang, manage, state === 'closed' ? { ok: false, reason: 'already_closed' } : { ok: true }),
      markItem: view(lang, report, canMarkItem(state)),
      report: view(lang, report, canReport(state, c.closedOn, today)),
      requestAcceptance: view(lang, manage, canRequestAcceptance(state, f.items)),
      accept: view(lang, county, state === 'acceptance_requested' ? { ok: true } : canRecordAcceptance(state, {
        result: 'pass', score: 100, passScore: 0, dissatisfiedPermille: null, failPermille: 1000, acceptedOn: today, newDeadline: null, reasons: null,
      })),
      close: view(lang, county, canClose(state, c.watchUntil, today)),
    },
  };
}

/** Missed reports and overdue deadlines of the cases of a subtree and year, counted per township. */
export async function listAccountability(ctx: ServiceContext, query: { org: string; year: number }): Promise<AccountabilityView> {
  const { top, rows, today } = await casesOfYear(ctx, query);
  const { summaries, facts, derived } = await summariesOf(ctx.db, ctx.actor.countyId, rows, today);
  const events: AccountabilityView['events'] = [];
  for (const s of summaries) {
    const d = derived.get(s.id)!;
    const f = facts.get(s.id)!;
    const row = rows.find((r) => r.c.id === s.id)!.c;
    const base = { caseId: s.id, org: s.org, township: s.township };
    for (const m of d.missed) events.push({ ...base, kind: 'missed_report', what: m.periodKey, day: m.end });
    for (const i of f.items.filter((x) => d.overdueItemIds.has(x.id))) events.push({ ...base, kind: 'overdue_item', what: `${i.position}. ${i.problem}`, day: i.deadline });
    const requests = f.events.filter((e) => e.action === 'acceptance_requested').map((e) => e.day);
    if (caseOverdue(row.state as CaseState, row.deadline, requests.at(-1) ?? null, today)) events.push({ ...base, kind: 'overdue_case', what: row.deadline!, day: row.deadline! });
  }
  const byTown = new Map<string, AccountabilityView['byTownship'][number]>();
  for (const e of events) {
    const key = e.township?.code ?? '';
    const entry = byTown.get(key) ?? { code: key, name: e.township?.name ?? '', missedReports: 0, overdueItems: 0, overdueCases: 0 };
    if (e.kind === 'missed_report') entry.missedReports++;
    else if (e.kind === 'overdue_item') entry.overdueItems++;
    else entry.overdueCases++;
    byTown.set(key, entry);
  }
  return {
    org: { code: top.code, name: top.name }, year: query.year,
    byTownship: [...byTown.values()].sort((a, b) => a.code.localeCompare(b.code)),
    events: events.sort((a, b) => a.day.localeCompare(b.day) || a.org.code.localeCompare(b.org.code)),
  };
}
