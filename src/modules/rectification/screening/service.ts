/**
 * Writing screenings: the county's criteria, rounds, findings from the four channels, proposals of the
 * automatic indicators and their confirmation, and the definition (认定) that opens a case. A confirmed
 * finding for an organization under watch is a rebound: the ledger's case reopens in the same write.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { grantingPost, inScope, postsWith } from '../../../platform/access/actor.js';
import { chinaDate } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import { conflict, forbidden, invalid, notFound, type AppError, type FieldProblem } from '../../../platform/errors.js';
import { t, type Lang, type MessageKey } from '../../../platform/i18n/index.js';
import { write, type ServiceContext, type WriteScope } from '../../../platform/service.js';
import { saveSetting, type SettingView } from '../../organizations/county-setting.js';
import { organizations } from '../../organizations/schema.js';
import { openCase, relapseOnFinding } from '../cases/open.js';
import { screeningSetting, type IndicatorKind, type ScreeningSetting } from '../criteria.js';
import { rectificationCases, screeningFindings, screeningRounds } from '../schema.js';
import type { DefinitionInput, FindingInput, FindingResult, FindingView, OpenRoundInput, ProposalsResult, RoundSummary } from './contracts.js';
import { indicatorHit } from './indicators.js';
import { measureVillages } from './measure.js';
import { countyPost, findingViews, periodName, roundSummaryOf, screeningOrg, villagesInScope, visibleRound, type FindingRow, type RoundRow } from './queries.js';
import { allDepartments, checkLevelOf, definitionDateProblem, duplicateCodes, findingDateProblem } from './rules.js';

function refusal(lang: Lang, fields: FieldProblem[]): AppError {
  const detail = fields.map((f) => t(lang, f.key, f.params)).join(lang === 'zh' ? '；' : '; ');
  return invalid('screening.invalid', { detail }, fields);
}

// Settings.

/** Codes unique; a criterion cited by a finding stays in the catalogue (it may be deactivated). */
export async function saveScreeningSetting(ctx: ServiceContext, input: ScreeningSetting, lang: Lang): Promise<SettingView<ScreeningSetting>> {
  const twice = duplicateCodes(input.criteria);
  if (twice.length > 0) {
    throw refusal(lang, twice.map((code) => ({ path: `body.criteria[${input.criteria.findIndex((c) => c.code === code)}].code`, key: 'screening.duplicate_code', params: { code } })));
  }
  return saveSetting(ctx, screeningSetting, input, async (tx, before) => {
    const removed = before.criteria.filter((c) => !input.criteria.some((x) => x.code === c.code));
    if (removed.length === 0) return;
    const cited = await tx.selectDistinct({ code: screeningFindings.criterionCode }).from(screeningFindings)
      .where(and(eq(screeningFindings.countyId, ctx.actor.countyId), inArray(screeningFindings.criterionCode, removed.map((c) => c.code))));
    if (cited.length > 0) {
      throw refusal(lang, cited.map(({ code }) => ({ path: 'body.criteria', key: 'screening.code_in_use', params: { code, title: removed.find((c) => c.code === code)!.title } })));
    }
  });
}

// Rounds.

export async function openRound(ctx: ServiceContext, input: OpenRoundInput, lang: Lang): Promise<RoundSummary> {
  return write(ctx, async (w) => {
    const { post, root } = await countyPost(ctx, 'rectification.manage', w.tx);
    if (!post) throw forbidden('screening.manage_forbidden');
    const today = chinaDate(w.now);
    const current = Number(today.slice(0, 4));
    if (input.year > current) throw refusal(lang, [{ path: 'body.year', key: 'screening.round_year_ahead', params: { year: input.year, current } }]);
    const [round] = await w.tx.insert(screeningRounds).values({
      countyId: ctx.actor.countyId, year: input.year, period: input.period, title: input.title, status: 'open', openedOn: today, createdBy: ctx.actor.userId,
    }).onConflictDoNothing().returning();
    if (!round) throw conflict('screening.round_exists', { year: input.year, period: periodName(lang, input.period) });
    w.audit({ action: 'screening.open', entityType: 'screening_round', entityId: round.id, entityLabel: round.title, orgPath: root.path, postId: post.postId, after: input });
    return roundSummaryOf(round);
  });
}

export async function closeRound(ctx: ServiceContext, id: string): Promise<RoundSummary> {
  return write(ctx, async (w) => {
    const round = await visibleRound(ctx, w.tx, id, true);
    const { post, root } = await countyPost(ctx, 'rectification.manage', w.tx);
    if (!post) throw forbidden('screening.manage_forbidden');
    if (round.status === 'closed') throw conflict('screening.round_already_closed', { title: round.title });
    const [closed] = await w.tx.update(screeningRounds).set({ status: 'closed', closedOn: chinaDate(w.now), updatedAt: w.now })
      .where(and(eq(screeningRounds.countyId, round.countyId), eq(screeningRounds.id, round.id))).returning();
    w.audit({ action: 'screening.close', entityType: 'screening_round', entityId: round.id, entityLabel: round.title, orgPath: root.path, postId: post.postId });
    return roundSummaryOf(closed!);
  });
}

const openRoundOf = async (ctx: ServiceContext, w: WriteScope, id: string): Promise<RoundRow> => {
  const round = await visibleRound(ctx, w.tx, id, true);
  if (round.status === 'closed') throw conflict('screening.round_closed', { title: round.title });
  return round;
};

// Findings.

/** Rebounds reopen the case in the same write; the answer says so. */
async function relapse(ctx: ServiceContext, w: WriteScope, f: FindingRow, org: { code: string; name: string }, lang: Lang): Promise<FindingResult['relapsed']> {
  const reopened = await relapseOnFinding(w, { countyId: f.countyId, id: f.id, orgId: f.orgId, foundOn: f.foundOn, userId: ctx.actor.userId });
  if (!reopened) return null;
  w.audit({ action: 'rectification.relapse', entityType: 'rectification_case', entityId: reopened.caseId, entityLabel: org.name, orgPath: reopened.orgPath, after: { findingId: f.id } });
  return { caseId: reopened.caseId, org, message: t(lang, 'screening.relapsed', { org: org.name }) };
}

export async function recordFinding(ctx: ServiceContext, roundId: string, input: FindingInput, lang: Lang): Promise<FindingResult> {
  const { id, relapsed } = await write(ctx, async (w) => {
    const round = await openRoundOf(ctx, w, roundId);
    const org = await screeningOrg(ctx, w.tx, input.orgCode);
    const { root } = await countyPost(ctx, 'rectification.manage', w.tx);
    // Who records through which channel: the village's own secretary its self-examination, those who
    // manage rectification the masses' evaluation and checks, the county its departments' reports.
    const ability = input.channel === 'self' ? 'screening.report' as const : 'rectification.manage' as const;
    const post = input.channel === 'department' ? grantingPost(ctx.actor, ability, root.path) : grantingPost(ctx.actor, ability, org.path);
    if (!post) {
      const key: MessageKey = input.channel === 'self' ? 'screening.self_forbidden' : input.channel === 'department' ? 'screening.department_forbidden' : 'screening.check_forbidden';
      throw forbidden(key, { org: org.name });
    }
    const setting = await screeningSetting.read(w.tx, ctx.actor.countyId);
    const problems: FieldProblem[] = [];
    if (!org.screened) problems.push({ path: 'body.orgCode', key: 'screening.not_a_village', params: { org: org.name } });
    const criterion = setting.criteria.find((c) => c.code === input.criterionCode);
    if (!criterion) problems.push({ path: 'body.criterionCode', key: 'screening.criterion_unknown', params: { code: input.criterionCode } });
    else if (!criterion.active) problems.push({ path: 'body.criterionCode', key: 'screening.criterion_inactive', params: { code: criterion.code, title: criterion.title } });
    if (input.channel === 'department') {
      if (!input.department) problems.push({ path: 'body.department', key: 'screening.department_required' });
      else if (!allDepartments(setting).includes(input.department)) problems.push({ path: 'body.department', key: 'screening.department_unknown', params: { department: input.department } });
    } else if (input.department) problems.push({ path: 'body.department', key: 'screening.department_not_allowed' });
    const dated = findingDateProblem(input.foundOn, round, chinaDate(w.now));
    if (dated) problems.push({ path: 'body.foundOn', ...dated });
    if (problems.length > 0) throw refusal(lang, problems);
    const today = chinaDate(w.now);
    const [finding] = await w.tx.insert(screeningFindings).values({
      countyId: round.countyId, roundId: round.id, orgId: org.id, orgPath: org.path,
      criterionCode: criterion!.code, criterionTitle: criterion!.title, category: criterion!.category,
      channel: input.channel, checkLevel: input.channel === 'check' ? checkLevelOf(post.orgPath, root.path) : null,
      department: input.channel === 'department' ? input.department! : null,
      evidence: input.evidence, foundOn: input.foundOn, source: 'manual', status: 'confirmed',
      recordedBy: ctx.actor.userId, decidedBy: ctx.actor.userId, decidedOn: today,
    }).returning();
    w.audit({
      action: 'screening.finding', entityType: 'screening_finding', entityId: finding!.id, entityLabel: `${org.name} ${criterion!.code}`, orgPath: org.path, postId: post.postId,
      after: { round: round.title, criterion: criterion!.code, channel: input.channel, checkLevel: finding!.checkLevel, department: finding!.department, foundOn: input.foundOn, evidence: input.evidence },
    });
    return { id: finding!.id, relapsed: await relapse(ctx, w, finding!, org, lang) };
  });
  return { finding: await findingById(ctx, id), relapsed };
}

async function findingById(ctx: ServiceContext, id: string, db: Db = ctx.db): Promise<FindingView> {
  const [found] = await db.select().from(screeningFindings).where(and(eq(screeningFindings.countyId, ctx.actor.countyId), eq(screeningFindings.id, id)));
  return (await findingViews(ctx, db, [found!]))[0]!;
}

/** A finding the actor decides (confirms or dismisses), locked; outside the scope it does not exist. */
async function decidable(ctx: ServiceContext, w: WriteScope, id: string) {
  const [found] = await w.tx.select({ f: screeningFindings, code: organizations.code, name: organizations.name }).from(screeningFindings)
    .innerJoin(organizations, and(eq(organizations.countyId, screeningFindings.countyId), eq(organizations.id, screeningFindings.orgId)))
    .where(and(eq(screeningFindings.countyId, ctx.actor.countyId), eq(screeningFindings.id, id),
      inScope(ctx.actor, 'screening.report', { county: screeningFindings.countyId, path: screeningFindings.orgPath })))
    .for('update', { of: screeningFindings });
  if (!found) throw notFound('screening.finding_not_found');
  const decider = grantingPost(ctx.actor, 'rectification.manage', found.f.orgPath);
  if (!decider) throw forbidden('screening.decide_forbidden', { org: found.name });
  await openRoundOf(ctx, w, found.f.roundId);
  return { finding: found.f, org: { code: found.code, name: found.name }, post: decider };
}

export async function confirmFinding(ctx: ServiceContext, id: string, lang: Lang): Promise<FindingResult> {
  const relapsed = await write(ctx, async (w) => {
    const { finding, org, post } = await decidable(ctx, w, id);
    if (finding.status !== 'proposed') throw conflict('screening.not_proposed', { status: t(lang, `screening.status.${finding.status}` as MessageKey) });
    const [confirmed] = await w.tx.update(screeningFindings).set({ status: 'confirmed', decidedBy: ctx.actor.userId, decidedOn: chinaDate(w.now) })
      .where(and(eq(screeningFindings.countyId, finding.countyId), eq(screeningFindings.id, finding.id))).returning();
    w.audit({ action: 'screening.confirm', entityType: 'screening_finding', entityId: finding.id, entityLabel: `${org.name} ${finding.criterionCode}`, orgPath: finding.orgPath, postId: post.postId, after: { measured: finding.measured } });
    return relapse(ctx, w, confirmed!, org, lang);
  });
  return { finding: await findingById(ctx, id), relapsed };
}

export async function dismissFinding(ctx: ServiceContext, id: string, reason: string, lang: Lang): Promise<FindingView> {
  await write(ctx, async (w) => {
    const { finding, org, post } = await decidable(ctx, w, id);
    if (finding.status !== 'proposed') throw conflict('screening.not_proposed', { status: t(lang, `screening.status.${finding.status}` as MessageKey) });
    await w.tx.update(screeningFindings).set({ status: 'dismissed', dismissReason: reason, decidedBy: ctx.actor.userId, decidedOn: chinaDate(w.now) })
      .where(and(eq(screeningFindings.countyId, finding.countyId), eq(screeningFindings.id, finding.id)));
    w.audit({ action: 'screening.dismiss', entityType: 'screening_finding', entityId: finding.id, entityLabel: `${org.name} ${finding.criterionCode}`, orgPath: finding.orgPath, postId: post.postId, after: { reason } });
  });
  return findingById(ctx, id);
}

// Proposals of the automatic indicators.

export async function generateProposals(ctx: ServiceContext, roundId: string, lang: Lang): Promise<ProposalsResult> {
  const posts = postsWith(ctx.actor, 'rectification.manage');
  if (posts.length === 0) {
    await visibleRound(ctx, ctx.db, roundId);
    throw forbidden('screening.decide_forbidden', { org: '' });
  }
  const { ids, villages } = await write(ctx, async (w) => {
    const round = await openRoundOf(ctx, w, roundId);
    const { root } = await countyPost(ctx, 'rectification.manage', w.tx);
    const setting = await screeningSetting.read(w.tx, ctx.actor.countyId);
    const measured = setting.criteria.filter((c) => c.active && c.indicator);
    const villages = await villagesInScope(ctx, w.tx, 'rectification.manage');
    const measurements = await measureVillages(w.tx, {
      actor: ctx.actor, countyId: round.countyId, villages, asOf: round.openedOn, year: round.year,
      kinds: new Set(measured.map((c) => c.indicator!.kind as IndicatorKind)),
    });
    const existing = await w.tx.select({ orgId: screeningFindings.orgId, code: screeningFindings.criterionCode }).from(screeningFindings)
      .where(and(eq(screeningFindings.countyId, round.countyId), eq(screeningFindings.roundId, round.id)));
    const taken = new Set(existing.map((e) => `${e.orgId} ${e.code}`));
    const today = chinaDate(w.now);
    const rows: (typeof screeningFindings.$inferInsert)[] = [];
    for (const v of villages) {
      const post = grantingPost(ctx.actor, 'rectification.manage', v.path)!;
      for (const c of measured) {
        if (taken.has(`${v.id} ${c.code}`)) continue;
        const hit = indicatorHit(c.indicator!, measurements.get(v.id)!);
        if (!hit) continue;
        rows.push({
          countyId: round.countyId, roundId: round.id, orgId: v.id, orgPath: v.path, criterionCode: c.code, criterionTitle: c.title, category: c.category,
          channel: 'check', checkLevel: checkLevelOf(post.orgPath, root.path), evidence: hit, measured: hit, foundOn: today,
          source: 'indicator', status: 'proposed', recordedBy: ctx.actor.userId,
        });
      }
    }
    const inserted = rows.length === 0 ? [] : await w.tx.insert(screeningFindings).values(rows).returning({ id: screeningFindings.id });
    if (inserted.length > 0) {
      w.audit({ action: 'screening.propose', entityType: 'screening_round', entityId: round.id, entityLabel: round.title, orgPath: posts[0]!.orgPath, postId: posts[0]!.postId, after: { villages: villages.length, proposals: inserted.length } });
    }
    return { ids: inserted.map((i) => i.id), villages: villages.length };
  });
  const found = ids.length === 0 ? [] : await ctx.db.select().from(screeningFindings).where(and(eq(screeningFindings.countyId, ctx.actor.countyId), inArray(screeningFindings.id, ids)))
    .orderBy(screeningFindings.orgPath, screeningFindings.criterionCode);
  const message = `${t(lang, 'screening.proposals_done', { villages, created: ids.length })}${lang === 'zh' ? '。' : '. '}${t(lang, 'screening.proposals_no_income')}`;
  return { created: ids.length, villages, proposals: await findingViews(ctx, ctx.db, found), message };
}

// Definition.

export async function defineOrg(ctx: ServiceContext, roundId: string, input: DefinitionInput, lang: Lang) {
  return write(ctx, async (w) => {
    const round = await openRoundOf(ctx, w, roundId);
    const org = await screeningOrg(ctx, w.tx, input.orgCode);
    const { post } = await countyPost(ctx, 'rectification.manage', w.tx);
    if (!post) throw forbidden('screening.manage_forbidden');
    const dated = definitionDateProblem(input.definedOn, round, chinaDate(w.now));
    if (dated) throw refusal(lang, [{ path: 'body.definedOn', ...dated }]);
    const cases = await w.tx.select({ roundId: rectificationCases.roundId, state: rectificationCases.state, title: screeningRounds.title }).from(rectificationCases)
      .innerJoin(screeningRounds, and(eq(screeningRounds.countyId, rectificationCases.countyId), eq(screeningRounds.id, rectificationCases.roundId)))
      .where(and(eq(rectificationCases.countyId, org.countyId), eq(rectificationCases.orgId, org.id)))
      .for('update', { of: rectificationCases });
    if (cases.some((c) => c.roundId === round.id)) throw conflict('screening.already_defined', { org: org.name });
    const open = cases.find((c) => c.state !== 'closed');
    if (open) throw conflict('screening.case_still_open', { org: org.name, round: open.title, state: t(lang, `screening.state.${open.state}` as MessageKey) });
    const [confirmed] = await w.tx.select({ id: screeningFindings.id }).from(screeningFindings)
      .where(and(eq(screeningFindings.countyId, org.countyId), eq(screeningFindings.roundId, round.id), eq(screeningFindings.orgId, org.id), eq(screeningFindings.status, 'confirmed'))).limit(1);
    if (!confirmed) throw conflict('screening.no_confirmed_finding', { org: org.name });
    const caseId = await openCase(w, {
      countyId: org.countyId, round: { id: round.id, year: round.year }, org: { id: org.id, path: org.path }, definedOn: input.definedOn, basis: input.basis, userId: ctx.actor.userId,
    });
    w.audit({ action: 'screening.define', entityType: 'rectification_case', entityId: caseId, entityLabel: org.name, orgPath: org.path, postId: post.postId, after: { round: round.title, definedOn: input.definedOn, basis: input.basis } });
    return { caseId, org: { code: org.code, name: org.name }, definedOn: input.definedOn, basis: input.basis };
  });
}
