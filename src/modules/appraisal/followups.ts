/**
 * What the branch does about a member graded 不合格 (2024 rules, rules.md §7.2): help, a deadline to
 * correct (at most a year), advice to withdraw, removal; then the outcome with its date. Ending the
 * membership itself is the member registry's separate action: nothing here ends one.
 */
import { and, eq } from 'drizzle-orm';
import { chinaDate } from '../../platform/clock.js';
import { conflict, notFound, type FieldProblem } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n/index.js';
import { write, type ServiceContext } from '../../platform/service.js';
import type { FollowupInput, FollowupView, OutcomeInput } from './contracts.js';
import { refuseAll } from './problems.js';
import { appraisalPost, entriesOf, followupViewOf, visibleRound } from './queries.js';
import { checkDeadline, followupActionLabels, followupOutcomeLabels, latestCorrectionDeadline, outcomesOf, type FollowupAction } from './rules.js';
import { appraisalFollowups } from './schema.js';

const snapshot = (f: typeof appraisalFollowups.$inferSelect) => ({
  personId: f.personId, action: f.action, decidedOn: f.decidedOn, deadline: f.deadline, responsible: f.responsible, note: f.note, outcome: f.outcome, outcomeOn: f.outcomeOn,
});

export async function addFollowup(ctx: ServiceContext, roundId: string, input: FollowupInput, lang: Lang): Promise<FollowupView> {
  return write(ctx, async (w) => {
    const { round, org } = await visibleRound(ctx, w.tx, roundId, true);
    const post = appraisalPost(ctx, org);
    const entry = (await entriesOf(w.tx, round)).find((e) => e.personId === input.personId);
    const today = chinaDate(w.now);
    const problems: FieldProblem[] = [];
    if (!entry) problems.push({ path: 'body.personId', key: 'appraisal.not_in_round', params: { org: org.name, year: round.year } });
    else if (entry.grade !== 'unqualified') problems.push({ path: 'body.personId', key: 'appraisal.followup_not_unqualified', params: { name: entry.name } });
    if (input.decidedOn > today) problems.push({ path: 'body.decidedOn', key: 'appraisal.future', params: { date: input.decidedOn, today } });
    if (round.gradedOn !== null && input.decidedOn < round.gradedOn) {
      problems.push({ path: 'body.decidedOn', key: 'appraisal.followup_before_grading', params: { date: input.decidedOn, gradedOn: round.gradedOn } });
    }
    const deadline = checkDeadline(input.action, input.decidedOn, input.deadline);
    if (deadline) {
      problems.push({ path: 'body.deadline', key: `appraisal.${deadline}`, params: { action: followupActionLabels[input.action][lang], latest: latestCorrectionDeadline(input.decidedOn), decidedOn: input.decidedOn } });
    }
    refuseAll(lang, problems);
    const [saved] = await w.tx.insert(appraisalFollowups).values({
      countyId: round.countyId, roundId: round.id, personId: input.personId, action: input.action, decidedOn: input.decidedOn,
      deadline: input.deadline ?? null, responsible: input.responsible ?? null, note: input.note ?? null, createdBy: ctx.actor.userId,
    }).returning();
    w.audit({
      action: 'appraisal.followup', entityType: 'appraisal_followup', entityId: saved!.id, entityLabel: `${entry!.name} ${round.year} ${followupActionLabels[input.action].zh}`,
      orgPath: org.path, postId: post.postId, after: snapshot(saved!),
    });
    return followupViewOf(saved!, entry!.name, today);
  });
}

export async function recordOutcome(ctx: ServiceContext, roundId: string, followupId: string, input: OutcomeInput, lang: Lang): Promise<FollowupView> {
  return write(ctx, async (w) => {
    const { round, org } = await visibleRound(ctx, w.tx, roundId, true);
    const post = appraisalPost(ctx, org);
    const [found] = await w.tx.select().from(appraisalFollowups)
      .where(and(eq(appraisalFollowups.countyId, round.countyId), eq(appraisalFollowups.roundId, round.id), eq(appraisalFollowups.id, followupId)));
    if (!found) throw notFound('appraisal.followup_not_found');
    const entry = (await entriesOf(w.tx, round)).find((e) => e.personId === found.personId)!;
    const action = found.action as FollowupAction;
    if (found.outcome !== null && found.outcome !== input.outcome) {
      // Correcting the date or note of an outcome is fine; turning it into another is a new decision.
      throw conflict('appraisal.outcome_recorded', { name: entry.name, outcome: followupOutcomeLabels[found.outcome as keyof typeof followupOutcomeLabels][lang] });
    }
    const today = chinaDate(w.now);
    const problems: FieldProblem[] = [];
    if (!outcomesOf[action].includes(input.outcome)) {
      problems.push({ path: 'body.outcome', key: 'appraisal.outcome_not_of_action', params: {
        action: followupActionLabels[action][lang], outcome: followupOutcomeLabels[input.outcome][lang],
        outcomes: outcomesOf[action].map((o) => followupOutcomeLabels[o][lang]).join(lang === 'zh' ? '、' : ', '),
      } });
    }
    if (input.outcomeOn > today) problems.push({ path: 'body.outcomeOn', key: 'appraisal.future', params: { date: input.outcomeOn, today } });
    if (input.outcomeOn < found.decidedOn) problems.push({ path: 'body.outcomeOn', key: 'appraisal.outcome_before_decision', params: { date: input.outcomeOn, decidedOn: found.decidedOn } });
    refuseAll(lang, problems);
    const [saved] = await w.tx.update(appraisalFollowups).set({ outcome: input.outcome, outcomeOn: input.outcomeOn, note: input.note ?? found.note })
      .where(and(eq(appraisalFollowups.countyId, found.countyId), eq(appraisalFollowups.id, found.id))).returning();
    w.audit({
      action: 'appraisal.followup_outcome', entityType: 'appraisal_followup', entityId: found.id, entityLabel: `${entry.name} ${round.year} ${followupActionLabels[action].zh}`,
      orgPath: org.path, postId: post.postId, before: snapshot(found), after: snapshot(saved!),
    });
    return followupViewOf(saved!, entry.name, today);
  });
}
