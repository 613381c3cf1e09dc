/**
 * Recording evaluations while a round is open: each member's self-assessment, the mutual votes of the
 * others (no more than there are others) and the masses' opinions. One member, or the grid at once.
 */
import { and, eq } from 'drizzle-orm';
import { conflict, type FieldProblem } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n/index.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { orgLabel } from '../organizations/queries.js';
import type { EvaluationInput, EvaluationsInput, RoundView } from './contracts.js';
import { refuseAll } from './problems.js';
import { appraisalPost, entriesOf, getRound, visibleRound } from './queries.js';
import { mutualTotal, mutualVotesAllowed } from './rules.js';
import { appraisalEntries } from './schema.js';

type Item = EvaluationInput & { personId: string };

const columnsOf = (i: Item) => ({
  selfAssessment: i.selfAssessment ?? null, mutualExcellent: i.mutualExcellent, mutualQualified: i.mutualQualified, mutualBasic: i.mutualBasic,
  mutualUnqualified: i.mutualUnqualified, massesSatisfied: i.massesSatisfied, massesBasic: i.massesBasic, massesUnsatisfied: i.massesUnsatisfied,
  massesOpinion: i.massesOpinion ?? null,
});

/** `at(index)` names a row's field as the request did: `body.items.N.` in a batch, `body.` for one member. */
async function save(ctx: ServiceContext, roundId: string, items: Item[], at: (index: number) => string, lang: Lang): Promise<void> {
  await write(ctx, async (w) => {
    const { round, org } = await visibleRound(ctx, w.tx, roundId, true);
    const post = appraisalPost(ctx, org);
    if (round.status !== 'open') throw conflict('appraisal.round_graded', { org: org.name, year: round.year });
    const entries = new Map((await entriesOf(w.tx, round)).map((e) => [e.personId, e]));
    const allowed = mutualVotesAllowed(entries.size);
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const entry = entries.get(item.personId);
      if (!entry) return problems.push({ path: `${at(index)}personId`, key: 'appraisal.not_in_round', params: { org: org.name, year: round.year } });
      if (seen.has(item.personId)) problems.push({ path: `${at(index)}personId`, key: 'appraisal.evaluated_twice', params: { name: entry.name } });
      seen.add(item.personId);
      const votes = mutualTotal(item);
      if (votes > allowed) problems.push({ path: `${at(index)}mutualExcellent`, key: 'appraisal.too_many_votes', params: { name: entry.name, votes, allowed } });
      return undefined;
    });
    refuseAll(lang, problems);
    const before = items.map((i) => {
      const { personId, category: _c, countyId: _county, roundId: _r, grade: _g, gradeNote: _n, name: _name, ...stored } = entries.get(i.personId)!;
      return { personId, ...stored };
    });
    for (const item of items) {
      await w.tx.update(appraisalEntries).set(columnsOf(item))
        .where(and(eq(appraisalEntries.countyId, round.countyId), eq(appraisalEntries.roundId, round.id), eq(appraisalEntries.personId, item.personId)));
    }
    w.audit({
      action: 'appraisal.evaluate', entityType: 'appraisal_round', entityId: round.id, entityLabel: `${orgLabel(org)} ${round.year}`, orgPath: org.path, postId: post.postId,
      before, after: items.map((i) => ({ personId: i.personId, ...columnsOf(i) })),
    });
  });
}

export async function saveEvaluation(ctx: ServiceContext, roundId: string, personId: string, input: EvaluationInput, lang: Lang): Promise<RoundView> {
  await save(ctx, roundId, [{ ...input, personId }], () => 'body.', lang);
  return getRound(ctx, roundId);
}

export async function saveEvaluations(ctx: ServiceContext, roundId: string, input: EvaluationsInput, lang: Lang): Promise<RoundView> {
  await save(ctx, roundId, input.items, (index) => `body.items.${index}.`, lang);
  return getRound(ctx, roundId);
}
