/**
 * Keeping commitments (践诺): progress updates with evidence on a leaf (a commitment without items, or an
 * item), completion, a delay with a new due date and its reason, abandonment with its reason. Each is
 * checked against the state under a row lock, so two people acting at once cannot both pass.
 */
import { and, eq } from 'drizzle-orm';
import { chinaDate } from '../../platform/clock.js';
import { conflict } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n/index.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { orgLabel } from '../organizations/queries.js';
import type { CommitmentView, UpdateInput } from './contracts.js';
import { refuseItem, refuseState, setOnTree } from './make.js';
import { fieldsOf, refusal, refuseAll } from './problems.js';
import { getCommitment, managePost, visibleCommitment } from './queries.js';
import { delayProblems, nextState, updateProblems, type CommitmentState } from './rules.js';
import { commitments, commitmentUpdates } from './schema.js';

export async function addUpdate(ctx: ServiceContext, id: string, input: UpdateInput, lang: Lang): Promise<CommitmentView> {
  const topId = await write(ctx, async (w) => {
    const { row, org } = await visibleCommitment(ctx, w.tx, id, true);
    const post = managePost(ctx, org);
    const top = row.parentId === null ? row : (await visibleCommitment(ctx, w.tx, row.parentId, true)).row;
    if (row.parentId === null) {
      const [item] = await w.tx.select({ id: commitments.id }).from(commitments)
        .where(and(eq(commitments.countyId, row.countyId), eq(commitments.parentId, row.id))).limit(1);
      // A parent's progress is its items' average: it is never typed.
      if (item) throw conflict('commitments.update_on_items', { title: row.title });
    }
    const to = nextState(top.state as CommitmentState, 'update');
    if (to === null) refuseState(top, 'update');
    const today = chinaDate(w.now);
    const value = row.targetValue === null ? null : input.value ?? null;
    const progressPermille = row.targetValue === null ? input.progressPermille ?? null : null;
    refuseAll(lang, fieldsOf('body.', updateProblems({ madeOn: input.madeOn, value, progressPermille }, row.targetValue, today, top.publishedOn)));
    const [update] = await w.tx.insert(commitmentUpdates).values({
      countyId: row.countyId, commitmentId: row.id, kind: 'progress', madeOn: input.madeOn, value, progressPermille, note: input.note, evidence: input.evidence ?? null,
      recordedBy: ctx.actor.userId,
    }).returning();
    if (to !== top.state) await setOnTree(w.tx, top, { state: to! }, w.now);
    w.audit({
      action: 'commitment.update', entityType: 'commitment', entityId: top.id, entityLabel: `${orgLabel(org)} ${top.title}`, orgPath: org.path, postId: post.postId,
      before: { state: top.state }, after: { state: to, updateId: update!.id, commitmentId: row.id, madeOn: input.madeOn, value, progressPermille, note: input.note, evidence: input.evidence ?? null },
    });
    return top.id;
  });
  return getCommitment(ctx, topId);
}

export async function completeCommitment(ctx: ServiceContext, id: string, input: { completedOn: string }, lang: Lang): Promise<CommitmentView> {
  await write(ctx, async (w) => {
    const { row, org } = await visibleCommitment(ctx, w.tx, id, true);
    const post = managePost(ctx, org);
    refuseItem(row);
    const to = nextState(row.state as CommitmentState, 'complete');
    if (to === null) refuseState(row, 'complete');
    const today = chinaDate(w.now);
    if (input.completedOn > today) throw refusal(lang, [{ path: 'body.completedOn', key: 'commitments.date_future', params: { date: input.completedOn, today } }]);
    if (row.publishedOn !== null && input.completedOn < row.publishedOn) {
      throw refusal(lang, [{ path: 'body.completedOn', key: 'commitments.update_before_publish', params: { date: row.publishedOn } }]);
    }
    await setOnTree(w.tx, row, { state: to!, completedOn: input.completedOn }, w.now);
    w.audit({
      action: 'commitment.complete', entityType: 'commitment', entityId: row.id, entityLabel: `${orgLabel(org)} ${row.title}`, orgPath: org.path, postId: post.postId,
      before: { state: row.state }, after: { state: to, completedOn: input.completedOn },
    });
  });
  return getCommitment(ctx, id);
}

/** A delay moves the due date (the items keep theirs) and is kept as an update of kind 'delay': the reason in its note and the date it replaced. */
export async function delayCommitment(ctx: ServiceContext, id: string, input: { dueOn: string; reason: string }, lang: Lang): Promise<CommitmentView> {
  await write(ctx, async (w) => {
    const { row, org } = await visibleCommitment(ctx, w.tx, id, true);
    const post = managePost(ctx, org);
    refuseItem(row);
    const to = nextState(row.state as CommitmentState, 'delay');
    if (to === null) refuseState(row, 'delay');
    const today = chinaDate(w.now);
    refuseAll(lang, fieldsOf('body.', delayProblems(input.dueOn, row.dueOn, today, row.year)));
    await w.tx.insert(commitmentUpdates).values({
      countyId: row.countyId, commitmentId: row.id, kind: 'delay', previousDueOn: row.dueOn, madeOn: today, value: null, progressPermille: null,
      note: input.reason, evidence: null, recordedBy: ctx.actor.userId,
    });
    await w.tx.update(commitments).set({ dueOn: input.dueOn, updatedAt: w.now }).where(and(eq(commitments.countyId, row.countyId), eq(commitments.id, row.id)));
    await setOnTree(w.tx, row, { state: to! }, w.now);
    w.audit({
      action: 'commitment.delay', entityType: 'commitment', entityId: row.id, entityLabel: `${orgLabel(org)} ${row.title}`, orgPath: org.path, postId: post.postId,
      before: { state: row.state, dueOn: row.dueOn }, after: { state: to, dueOn: input.dueOn, reason: input.reason },
    });
  });
  return getCommitment(ctx, id);
}

export async function abandonCommitment(ctx: ServiceContext, id: string, input: { reason: string }): Promise<CommitmentView> {
  await write(ctx, async (w) => {
    const { row, org } = await visibleCommitment(ctx, w.tx, id, true);
    const post = managePost(ctx, org);
    refuseItem(row);
    const to = nextState(row.state as CommitmentState, 'abandon');
    if (to === null) refuseState(row, 'abandon');
    await setOnTree(w.tx, row, { state: to!, abandonReason: input.reason }, w.now);
    w.audit({
      action: 'commitment.abandon', entityType: 'commitment', entityId: row.id, entityLabel: `${orgLabel(org)} ${row.title}`, orgPath: org.path, postId: post.postId,
      before: { state: row.state }, after: { state: to, reason: input.reason },
    });
  });
  return getCommitment(ctx, id);
}

