/**
 * The year-end appraisal (评诺) of a commitment: the maker's own score, the masses' (from their satisfaction
 * vote when one was held) and the superior's, weighted as the county sets them on the day.
 *
 * Who records it: the superior — 'commitment.manage' over the level above the organization (the township
 * for a village branch, the county for a township's). The maker reports its self score and the masses vote
 * at the branch's meeting; the superior enters both with its own score, so a branch never grades itself.
 * Recording again replaces the appraisal (the audit trail keeps the earlier one).
 */
import { and, eq } from 'drizzle-orm';
import { chinaDate } from '../../platform/clock.js';
import type { FieldProblem } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n/index.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { orgLabel } from '../organizations/queries.js';
import type { AppraisalInput, CommitmentView } from './contracts.js';
import { refuseItem, refuseState } from './make.js';
import { refuseAll } from './problems.js';
import { getCommitment, settingsOf, superiorPost, visibleCommitment } from './queries.js';
import { allows, appraisalOpen, appraisalTotal, type CommitmentState } from './rules.js';
import { commitmentAppraisals } from './schema.js';

export async function appraiseCommitment(ctx: ServiceContext, id: string, input: AppraisalInput, lang: Lang): Promise<CommitmentView> {
  await write(ctx, async (w) => {
    const { row, org } = await visibleCommitment(ctx, w.tx, id, true);
    const post = superiorPost(ctx, org);
    refuseItem(row);
    const state = row.state as CommitmentState;
    if (!allows(state, 'appraise')) refuseState(row, 'appraise');
    const today = chinaDate(w.now);
    const problems: FieldProblem[] = [];
    if (input.appraisedOn > today) problems.push({ path: 'body.appraisedOn', key: 'commitments.date_future', params: { date: input.appraisedOn, today } });
    else if (!appraisalOpen({ state, year: row.year, completedOn: row.completedOn }, input.appraisedOn)) {
      problems.push({ path: 'body.appraisedOn', key: 'commitments.appraisal_not_open', params: { from: row.completedOn ?? `${row.year}-12-01` } });
    }
    const votes = input.votes ?? null;
    const satisfiedVotes = input.satisfiedVotes ?? null;
    if ((votes === null) !== (satisfiedVotes === null)) problems.push({ path: votes === null ? 'body.votes' : 'body.satisfiedVotes', key: 'commitments.votes_both' });
    else if (votes !== null && satisfiedVotes! > votes) problems.push({ path: 'body.satisfiedVotes', key: 'commitments.votes_more_than_cast', params: { satisfied: satisfiedVotes!, votes } });
    refuseAll(lang, problems);
    const { weights } = await settingsOf(w.tx, row.countyId);
    const scores = { selfScore: input.selfScore, massesScore: input.massesScore, superiorScore: input.superiorScore };
    const total = appraisalTotal({ self: input.selfScore, masses: input.massesScore, superior: input.superiorScore }, weights);
    const [before] = await w.tx.select().from(commitmentAppraisals)
      .where(and(eq(commitmentAppraisals.countyId, row.countyId), eq(commitmentAppraisals.commitmentId, row.id)));
    const values = { ...scores, weights, total, votes, satisfiedVotes, appraisedOn: input.appraisedOn, appraisedBy: ctx.actor.userId, updatedAt: w.now };
    await w.tx.insert(commitmentAppraisals).values({ countyId: row.countyId, commitmentId: row.id, ...values })
      .onConflictDoUpdate({ target: [commitmentAppraisals.countyId, commitmentAppraisals.commitmentId], set: values });
    w.audit({
      action: 'commitment.appraise', entityType: 'commitment', entityId: row.id, entityLabel: `${orgLabel(org)} ${row.title}`, orgPath: org.path, postId: post.postId,
      before: before ? { ...before, createdAt: undefined, updatedAt: undefined } : null, after: { ...values, updatedAt: undefined },
    });
  });
  return getCommitment(ctx, id);
}
