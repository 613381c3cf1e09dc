/**
 * Assessment rounds: a township or the county assesses the village organizations of its subtree (or, for
 * a debrief, each village's secretary of the opening day) under one of the county's schemes, copied into
 * the round. Results are entered per part, all or nothing per save; the total and the grade follow from
 * the scheme; the round is finished when every result is complete. A low grade is read by the next
 * screening (the weak-lax indicators); low and 一般 results keep an upgrade plan (一村一策).
 */
import { and, eq, inArray, isNull, gt, or, sql } from 'drizzle-orm';
import { chinaDate } from '../../platform/clock.js';
import { conflict, type FieldProblem } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n/index.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { orgLabel, visibleOrg } from '../organizations/queries.js';
import { organizations } from '../organizations/schema.js';
import { posts } from '../people/schema.js';
import type { OpenRoundInput, ResultsInput, RoundView } from './contracts.js';
import { refusal, refuseAll } from './problems.js';
import { assessmentSetting, getRound, isIssuer, isVillage, roundPost, schemeOf, visibleRound } from './queries.js';
import { gradeOf, mergeScores, needsUpgradePlan, scoreProblems, weightedTotal } from './rules.js';
import { assessmentResults, assessmentRounds } from './schema.js';

export async function openRound(ctx: ServiceContext, input: OpenRoundInput, lang: Lang): Promise<RoundView> {
  const id = await write(ctx, async (w) => {
    const org = await visibleOrg(ctx, input.orgCode, w.tx);
    const post = roundPost(ctx, org);
    const { schemes } = await assessmentSetting.read(w.tx, org.countyId);
    const scheme = schemes.find((s) => s.code === input.schemeCode);
    const today = chinaDate(w.now);
    const problems: FieldProblem[] = [];
    if (!isIssuer(org)) problems.push({ path: 'body.orgCode', key: 'assessments.round.not_issuer', params: { org: org.name } });
    if (!scheme) problems.push({ path: 'body.schemeCode', key: 'assessments.round.unknown_scheme', params: { code: input.schemeCode } });
    if (input.openedOn > today) problems.push({ path: 'body.openedOn', key: 'assessments.future', params: { date: input.openedOn, today } });
    // A year is assessed during it or early in the next, when year-end assessments usually happen.
    const openedYear = Number(input.openedOn.slice(0, 4));
    if (input.year !== openedYear && input.year !== openedYear - 1) problems.push({ path: 'body.year', key: 'assessments.round.year_mismatch', params: { year: input.year, date: input.openedOn } });
    refuseAll(lang, problems);
    const subtree = await w.tx.select().from(organizations)
      .where(and(eq(organizations.countyId, org.countyId), sql`${organizations.path} like ${org.path + '%'}`, eq(organizations.status, 'active'),
        sql`${organizations.establishedOn} <= ${input.openedOn}::date`));
    const villages = subtree.filter(isVillage);
    if (villages.length === 0) throw refusal(lang, [{ path: 'body.orgCode', key: 'assessments.round.no_villages', params: { org: org.name } }]);
    const secretaries = new Map<string, string>();
    if (scheme!.subject === 'secretary') {
      const held = await w.tx.select({ orgId: posts.orgId, personId: posts.personId, startedOn: posts.startedOn }).from(posts)
        .where(and(eq(posts.countyId, org.countyId), inArray(posts.orgId, villages.map((v) => v.id)), eq(posts.role, 'branch_secretary'),
          sql`${posts.startedOn} <= ${input.openedOn}::date`, or(isNull(posts.endedOn), gt(posts.endedOn, input.openedOn))))
        .orderBy(posts.startedOn);
      // The latest started post wins where two overlap on the day.
      for (const p of held) secretaries.set(p.orgId, p.personId);
    }
    const { code, ...copied } = scheme!;
    const [round] = await w.tx.insert(assessmentRounds).values({
      countyId: org.countyId, orgId: org.id, orgPath: org.path, year: input.year, schemeCode: code, scheme: copied,
      title: input.title ?? `${org.name}${input.year}年度${scheme!.name}`, status: 'open', openedOn: input.openedOn, createdBy: ctx.actor.userId,
    }).onConflictDoNothing().returning();
    if (!round) throw conflict('assessments.round_exists', { org: org.name, year: input.year, scheme: scheme!.name });
    await w.tx.insert(assessmentResults).values(villages.map((v) => ({
      countyId: org.countyId, roundId: round.id, orgId: v.id, orgPath: v.path, personId: secretaries.get(v.id) ?? null, partScores: {},
    })));
    w.audit({
      action: 'assessments.round_open', entityType: 'assessment_round', entityId: round.id, entityLabel: `${orgLabel(org)} ${round.title}`, orgPath: org.path, postId: post.postId,
      after: { year: input.year, scheme: scheme!.code, openedOn: input.openedOn, organizations: villages.length, vacant: scheme!.subject === 'secretary' ? villages.length - secretaries.size : undefined },
    });
    return round.id;
  });
  return getRound(ctx, id);
}

/** Saves the grid: every row is checked first, and nothing is written unless all pass. */
export async function saveResults(ctx: ServiceContext, id: string, input: ResultsInput, lang: Lang): Promise<RoundView> {
  await write(ctx, async (w) => {
    const { round, org } = await visibleRound(ctx, w.tx, id, true);
    const post = roundPost(ctx, org);
    if (round.status !== 'open') throw conflict('assessments.round.finished', { title: round.title });
    const scheme = schemeOf(round);
    const rows = await w.tx.select({ result: assessmentResults, code: organizations.code, name: organizations.name }).from(assessmentResults)
      .innerJoin(organizations, and(eq(organizations.countyId, assessmentResults.countyId), eq(organizations.id, assessmentResults.orgId)))
      .where(and(eq(assessmentResults.countyId, round.countyId), eq(assessmentResults.roundId, round.id)));
    const byCode = new Map(rows.map((r) => [r.code, r]));
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    input.items.forEach((item, k) => {
      if (!byCode.has(item.orgCode) || seen.has(item.orgCode)) problems.push({ path: `body.items.${k}.orgCode`, key: 'assessments.result.not_in_round', params: { code: item.orgCode } });
      seen.add(item.orgCode);
      problems.push(...scoreProblems(scheme.parts, item.partScores, `body.items.${k}.partScores`) as FieldProblem[]);
    });
    refuseAll(lang, problems);
    const changes = [];
    for (const item of input.items) {
      const { result, name } = byCode.get(item.orgCode)!;
      const partScores = mergeScores(result.partScores, item.partScores);
      const total = weightedTotal(scheme.parts, partScores);
      const grade = gradeOf(scheme.grades, total)?.key ?? null;
      // A plan made for a grade that no longer asks for one stays: people wrote it, and it is shown for what it is.
      await w.tx.update(assessmentResults).set({ partScores, total, grade, ...(item.note === undefined ? {} : { note: item.note }), updatedBy: ctx.actor.userId, updatedAt: w.now })
        .where(and(eq(assessmentResults.countyId, round.countyId), eq(assessmentResults.roundId, round.id), eq(assessmentResults.orgId, result.orgId)));
      changes.push({ org: item.orgCode, name, before: { partScores: result.partScores, total: result.total, grade: result.grade }, after: { partScores, total, grade } });
    }
    w.audit({
      action: 'assessments.results', entityType: 'assessment_round', entityId: round.id, entityLabel: `${orgLabel(org)} ${round.title}`, orgPath: org.path, postId: post.postId,
      after: { changes },
    });
  });
  return getRound(ctx, id);
}

/** Finishing needs every result complete, on a day between the opening and today. */
export async function finishRound(ctx: ServiceContext, id: string, input: { finishedOn: string }, lang: Lang): Promise<RoundView> {
  await write(ctx, async (w) => {
    const { round, org } = await visibleRound(ctx, w.tx, id, true);
    const post = roundPost(ctx, org);
    if (round.status !== 'open') throw conflict('assessments.round.finished', { title: round.title });
    const today = chinaDate(w.now);
    if (input.finishedOn > today) throw refusal(lang, [{ path: 'body.finishedOn', key: 'assessments.future', params: { date: input.finishedOn, today } }]);
    if (input.finishedOn < round.openedOn) throw refusal(lang, [{ path: 'body.finishedOn', key: 'assessments.round.before_open', params: { date: input.finishedOn, opened: round.openedOn } }]);
    const [missing] = await w.tx.select({ n: sql<number>`count(*)::int` }).from(assessmentResults)
      .where(and(eq(assessmentResults.countyId, round.countyId), eq(assessmentResults.roundId, round.id), isNull(assessmentResults.total)));
    if (missing!.n > 0) throw refusal(lang, [{ path: 'body.finishedOn', key: 'assessments.round.incomplete', params: { count: missing!.n } }]);
    await w.tx.update(assessmentRounds).set({ status: 'finished', finishedOn: input.finishedOn, updatedAt: w.now })
      .where(and(eq(assessmentRounds.countyId, round.countyId), eq(assessmentRounds.id, round.id)));
    const grades = await w.tx.select({ grade: assessmentResults.grade, n: sql<number>`count(*)::int` }).from(assessmentResults)
      .where(and(eq(assessmentResults.countyId, round.countyId), eq(assessmentResults.roundId, round.id))).groupBy(assessmentResults.grade);
    w.audit({
      action: 'assessments.round_finish', entityType: 'assessment_round', entityId: round.id, entityLabel: `${orgLabel(org)} ${round.title}`, orgPath: org.path, postId: post.postId,
      after: { finishedOn: input.finishedOn, grades: Object.fromEntries(grades.map((g) => [g.grade, g.n])) },
    });
  });
  return getRound(ctx, id);
}

/** The upgrade plan of a low or 一般 result: kept while the round is open and after it is finished. */
export async function savePlan(ctx: ServiceContext, id: string, orgCode: string, input: { upgradePlan: string | null }, lang: Lang): Promise<RoundView> {
  await write(ctx, async (w) => {
    const { round, org } = await visibleRound(ctx, w.tx, id, true);
    const post = roundPost(ctx, org);
    const [row] = await w.tx.select({ result: assessmentResults, name: organizations.name }).from(assessmentResults)
      .innerJoin(organizations, and(eq(organizations.countyId, assessmentResults.countyId), eq(organizations.id, assessmentResults.orgId)))
      .where(and(eq(assessmentResults.countyId, round.countyId), eq(assessmentResults.roundId, round.id), eq(organizations.code, orgCode)));
    if (!row) throw refusal(lang, [{ path: 'params.orgCode', key: 'assessments.result.not_in_round', params: { code: orgCode } }]);
    if (input.upgradePlan !== null && !needsUpgradePlan(schemeOf(round).grades, row.result.grade)) {
      throw refusal(lang, [{ path: 'body.upgradePlan', key: 'assessments.result.no_plan_needed', params: { org: row.name } }]);
    }
    await w.tx.update(assessmentResults).set({ upgradePlan: input.upgradePlan, updatedBy: ctx.actor.userId, updatedAt: w.now })
      .where(and(eq(assessmentResults.countyId, round.countyId), eq(assessmentResults.roundId, round.id), eq(assessmentResults.orgId, row.result.orgId)));
    w.audit({
      action: 'assessments.upgrade_plan', entityType: 'assessment_round', entityId: round.id, entityLabel: `${row.name} ${round.title}`, orgPath: row.result.orgPath, postId: post.postId,
      before: { upgradePlan: row.result.upgradePlan }, after: { upgradePlan: input.upgradePlan },
    });
  });
  return getRound(ctx, id);
}
