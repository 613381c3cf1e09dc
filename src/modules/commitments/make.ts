/**
 * Making commitments (承诺): by a branch, its secretary or one of its members — the person must hold the
 * secretary's post or be a full or probationary member of that organization on the day — with items,
 * edited while a draft, then published. An item is a row under its commitment sharing its maker, level,
 * year and state; only its title, target and due date are its own.
 */
import { and, eq } from 'drizzle-orm';
import { chinaDate } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { conflict, type FieldProblem } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n/index.js';
import { write, type ServiceContext, type WriteScope } from '../../platform/service.js';
import { orgLabel, type OrgRow } from '../organizations/queries.js';
import type { CommitmentInput, CommitmentView, EditInput, ItemInput } from './contracts.js';
import { fieldsOf, refusal, refuseAll } from './problems.js';
import { getCommitment, isCommitting, managePost, membersOn, readableOrg, secretariesOn, settingsOf, visibleCommitment, type CommitmentRow } from './queries.js';
import { allows, dueProblems, nextState, targetProblems, type CommitmentState } from './rules.js';
import { commitments } from './schema.js';

const STATE_LABELS: Record<CommitmentState, string> = {
  draft: '草稿', published: '已公开承诺', in_progress: '践诺中', completed: '已完成', delayed: '已延期', abandoned: '已放弃',
};
export const stateLabel = (state: string) => STATE_LABELS[state as CommitmentState] ?? state;

/** Refuses an action the commitment's state does not allow, naming the state. */
export function refuseState(row: CommitmentRow, action: 'edit' | 'publish' | 'update' | 'complete' | 'delay' | 'abandon' | 'appraise'): never {
  throw conflict(`commitments.cannot_${action}`, { title: row.title, state: stateLabel(row.state), stateKey: row.state });
}

/** Transitions act on a commitment, never on one of its items. */
export function refuseItem(row: CommitmentRow): void {
  if (row.parentId !== null) throw conflict('commitments.act_on_commitment', { title: row.title });
}

const targetOf = (i: ItemInput) => ({ title: i.title, target: i.target, targetValue: i.targetValue ?? null, unit: i.unit?.trim() || null, dueOn: i.dueOn });

/** Everything wrong with the commitment's fields and its items at once. */
async function contentProblems(db: Db, org: OrgRow, year: number, input: EditInput): Promise<FieldProblem[]> {
  const settings = await settingsOf(db, org.countyId);
  const problems: FieldProblem[] = [];
  if (!settings.levels.some((l) => l.key === input.level)) {
    problems.push({ path: 'body.level', key: 'commitments.unknown_level', params: { level: input.level, levels: settings.levels.map((l) => l.label).join('、') } });
  }
  const top = targetOf(input);
  problems.push(...fieldsOf('body.', [...targetProblems(top), ...dueProblems(top.dueOn, year)]));
  input.items.forEach((item, index) => {
    const t = targetOf(item);
    problems.push(...fieldsOf(`body.items.${index}.`, [...targetProblems(t), ...dueProblems(t.dueOn, year, top.dueOn)]));
  });
  return problems;
}

async function insertItems(w: WriteScope, parent: CommitmentRow, items: ItemInput[]): Promise<void> {
  if (items.length === 0) return;
  await w.tx.insert(commitments).values(items.map((item, position) => ({
    countyId: parent.countyId, orgId: parent.orgId, orgPath: parent.orgPath, year: parent.year, maker: parent.maker, personId: parent.personId,
    level: parent.level, parentId: parent.id, position, ...targetOf(item), public: parent.public, state: parent.state, publishedOn: parent.publishedOn,
    createdBy: parent.createdBy,
  })));
}

export async function makeCommitment(ctx: ServiceContext, input: CommitmentInput, lang: Lang): Promise<CommitmentView> {
  const id = await write(ctx, async (w) => {
    const org = await readableOrg(ctx, input.orgCode, w.tx);
    const post = managePost(ctx, org);
    if (!isCommitting(org.type)) throw refusal(lang, [{ path: 'body.orgCode', key: 'commitments.not_a_branch', params: { org: org.name } }]);
    const today = chinaDate(w.now);
    const thisYear = Number(today.slice(0, 4));
    const problems: FieldProblem[] = [];
    // A year's commitments are made in it, planned in the one before, or entered late early in the next.
    if (input.year < thisYear - 1 || input.year > thisYear + 1) problems.push({ path: 'body.year', key: 'commitments.year_out_of_range', params: { year: input.year } });
    const personId = input.personId ?? null;
    if (input.maker === 'branch' && personId !== null) problems.push({ path: 'body.personId', key: 'commitments.branch_no_person' });
    if (input.maker !== 'branch') {
      const eligible = input.maker === 'secretary' ? await secretariesOn(w.tx, org, today) : await membersOn(w.tx, org, today);
      if (personId === null) problems.push({ path: 'body.personId', key: 'commitments.person_missing' });
      else if (!eligible.some((p) => p.id === personId)) {
        problems.push({ path: 'body.personId', key: input.maker === 'secretary' ? 'commitments.not_secretary' : 'commitments.not_member', params: { org: org.name, date: today } });
      }
    }
    problems.push(...await contentProblems(w.tx, org, input.year, input));
    refuseAll(lang, problems);
    const [row] = await w.tx.insert(commitments).values({
      countyId: org.countyId, orgId: org.id, orgPath: org.path, year: input.year, maker: input.maker, personId, level: input.level,
      ...targetOf(input), public: input.public, state: 'draft', createdBy: ctx.actor.userId,
    }).returning();
    await insertItems(w, row!, input.items);
    w.audit({
      action: 'commitment.make', entityType: 'commitment', entityId: row!.id, entityLabel: `${orgLabel(org)} ${input.title}`, orgPath: org.path, postId: post.postId,
      after: { ...input, personId },
    });
    return row!.id;
  });
  return getCommitment(ctx, id);
}

/** Edits a draft: its fields, and its items replaced by those sent. */
export async function editCommitment(ctx: ServiceContext, id: string, input: EditInput, lang: Lang): Promise<CommitmentView> {
  await write(ctx, async (w) => {
    const { row, org } = await visibleCommitment(ctx, w.tx, id, true);
    const post = managePost(ctx, org);
    refuseItem(row);
    if (!allows(row.state as CommitmentState, 'edit')) refuseState(row, 'edit');
    refuseAll(lang, await contentProblems(w.tx, org, row.year, input));
    const before = await w.tx.select().from(commitments).where(and(eq(commitments.countyId, row.countyId), eq(commitments.parentId, row.id)));
    await w.tx.delete(commitments).where(and(eq(commitments.countyId, row.countyId), eq(commitments.parentId, row.id)));
    const [updated] = await w.tx.update(commitments).set({ level: input.level, ...targetOf(input), public: input.public, updatedAt: w.now })
      .where(and(eq(commitments.countyId, row.countyId), eq(commitments.id, row.id))).returning();
    await insertItems(w, updated!, input.items);
    w.audit({
      action: 'commitment.edit', entityType: 'commitment', entityId: row.id, entityLabel: `${orgLabel(org)} ${row.title}`, orgPath: org.path, postId: post.postId,
      before: { level: row.level, title: row.title, target: row.target, targetValue: row.targetValue, unit: row.unit, dueOn: row.dueOn, public: row.public, items: before.map(({ title, target, targetValue, unit, dueOn }) => ({ title, target, targetValue, unit, dueOn })) },
      after: input,
    });
  });
  return getCommitment(ctx, id);
}

/** Sets fields on a commitment and all its items (they share its state). */
export async function setOnTree(tx: Db, row: CommitmentRow, set: Partial<typeof commitments.$inferInsert>, now: Date): Promise<void> {
  await tx.update(commitments).set({ ...set, updatedAt: now }).where(and(eq(commitments.countyId, row.countyId), eq(commitments.id, row.id)));
  await tx.update(commitments).set({ ...set, updatedAt: now }).where(and(eq(commitments.countyId, row.countyId), eq(commitments.parentId, row.id)));
}

export async function publishCommitment(ctx: ServiceContext, id: string, input: { publishedOn: string }, lang: Lang): Promise<CommitmentView> {
  await write(ctx, async (w) => {
    const { row, org } = await visibleCommitment(ctx, w.tx, id, true);
    const post = managePost(ctx, org);
    refuseItem(row);
    const to = nextState(row.state as CommitmentState, 'publish');
    if (to === null) refuseState(row, 'publish');
    const today = chinaDate(w.now);
    if (input.publishedOn > today) throw refusal(lang, [{ path: 'body.publishedOn', key: 'commitments.date_future', params: { date: input.publishedOn, today } }]);
    if (input.publishedOn > row.dueOn) throw refusal(lang, [{ path: 'body.publishedOn', key: 'commitments.publish_after_due', params: { due: row.dueOn } }]);
    await setOnTree(w.tx, row, { state: to!, publishedOn: input.publishedOn }, w.now);
    w.audit({
      action: 'commitment.publish', entityType: 'commitment', entityId: row.id, entityLabel: `${orgLabel(org)} ${row.title}`, orgPath: org.path, postId: post.postId,
      before: { state: row.state }, after: { state: to, publishedOn: input.publishedOn },
    });
  });
  return getCommitment(ctx, id);
}
