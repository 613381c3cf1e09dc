/**
 * Reading commitments. They are the organization's public promises, so anyone who reads the organization
 * ('org.read') reads them; making and keeping them needs 'commitment.manage' over it, and appraising
 * needs it over the level above (the superior appraises: see appraise.ts). Outside the scope: not found.
 */
import { and, asc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { grantingPost, inScope, permission, type ActorPost, type Permission } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { forbidden, notFound } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/service.js';
import { stageOn, type MemberCategory } from '../members/rules/pipeline.js';
import { memberships } from '../members/schema.js';
import { keyedSetting } from '../organizations/county-setting.js';
import { visibleOrg, type OrgRow } from '../organizations/queries.js';
import { organizations } from '../organizations/schema.js';
import { people, posts } from '../people/schema.js';
import { settingsBody, type CommitmentListView, type CommitmentPermission, type CommitmentSettings, type CommitmentView } from './contracts.js';
import {
  appraisalOpen, DEFAULT_WEIGHTS, isOverdue, leafProgress, makers, originalDueOn, parentProgress, stateRefusal,
  type CommitmentAction, type CommitmentState, type Maker, type UpdateKind,
} from './rules.js';
import { commitmentAppraisals, commitments, commitmentUpdates } from './schema.js';

export const SETTINGS_KEY = 'commitments';
export const defaultSettings: CommitmentSettings = {
  levels: [
    { key: 'common', label: '共性承诺' },
    { key: 'post', label: '岗位承诺' },
    { key: 'practical', label: '实事承诺（为民办实事）' },
    { key: 'self_discipline', label: '自律承诺' },
  ],
  weights: DEFAULT_WEIGHTS,
  minimums: { branch: null, secretary: null, member: null },
  publishByMonth: 3,
};
export const commitmentSetting = keyedSetting<CommitmentSettings>(SETTINGS_KEY, settingsBody as z.ZodType<CommitmentSettings>, defaultSettings, {
  action: 'commitments.settings', forbidden: 'commitments.settings_forbidden',
});
export const settingsOf = commitmentSetting.read;

/** Organizations that make commitments: branches of every kind. */
export const committingTypes = ['general_branch', 'branch', 'joint_branch'] as const;
export const isCommitting = (type: string) => (committingTypes as readonly string[]).includes(type);

export type CommitmentRow = typeof commitments.$inferSelect;
export type UpdateRow = typeof commitmentUpdates.$inferSelect;
export type AppraisalRow = typeof commitmentAppraisals.$inferSelect;

/** An organization whose commitments the actor reads; anyone else is told it does not exist. */
export async function readableOrg(ctx: ServiceContext, code: string, db: Db = ctx.db): Promise<OrgRow> {
  const org = await visibleOrg(ctx, code, db);
  if (!grantingPost(ctx.actor, 'org.read', org.path)) throw notFound('org.not_found', { code });
  return org;
}

/** The post under which the actor manages the commitments of `org`. */
export function managePost(ctx: ServiceContext, org: { name: string; path: string }): ActorPost {
  const post = grantingPost(ctx.actor, 'commitment.manage', org.path);
  if (!post) throw forbidden('commitments.manage_forbidden', { org: org.name });
  return post;
}

/** The level above an organization: its parent's path (the township of a village). */
export const superiorPath = (org: { path: string }) => org.path.replace(/[^.]+\.$/, '');

/** The post under which the actor appraises as the superior: 'commitment.manage' over the level above. */
export function superiorPost(ctx: ServiceContext, org: { name: string; path: string }): ActorPost {
  const above = superiorPath(org);
  const post = above === '' ? undefined : grantingPost(ctx.actor, 'commitment.manage', above);
  if (!post) throw forbidden('commitments.appraise_forbidden', { org: org.name });
  return post;
}

/** A commitment (or item) the actor reads, with its organization; `lock` holds the row until the transaction ends. */
export async function visibleCommitment(ctx: ServiceContext, db: Db, id: string, lock = false): Promise<{ row: CommitmentRow; org: OrgRow }> {
  const query = db.select({ row: commitments, org: organizations }).from(commitments)
    .innerJoin(organizations, and(eq(organizations.countyId, commitments.countyId), eq(organizations.id, commitments.orgId)))
    .where(and(eq(commitments.id, id), inScope(ctx.actor, 'org.read', { county: commitments.countyId, path: commitments.orgPath })));
  const [found] = lock ? await query.for('update', { of: commitments }) : await query;
  if (!found) throw notFound('commitments.not_found');
  return found;
}

/** The secretaries of an organization on a day (posts of role branch_secretary held then). */
export async function secretariesOn(db: Db, org: OrgRow, on: string): Promise<{ id: string; name: string }[]> {
  return db.selectDistinct({ id: people.id, name: people.name }).from(posts)
    .innerJoin(people, and(eq(people.countyId, posts.countyId), eq(people.id, posts.personId)))
    .where(and(eq(posts.countyId, org.countyId), eq(posts.orgId, org.id), eq(posts.role, 'branch_secretary'),
      sql`${posts.startedOn} <= ${on}::date`, or(isNull(posts.endedOn), gt(posts.endedOn, on))))
    .orderBy(asc(people.name));
}

/** Full and probationary members of an organization on a day. */
export async function membersOn(db: Db, org: OrgRow, on: string): Promise<{ id: string; name: string }[]> {
  const rows = await db.select({
    id: people.id, name: people.name, pinyin: people.pinyin, category: memberships.category, startedOn: memberships.startedOn, appliedOn: memberships.appliedOn,
    activistOn: memberships.activistOn, targetOn: memberships.targetOn, joinedOn: memberships.joinedOn, fullOn: memberships.fullOn,
  }).from(memberships)
    .innerJoin(people, and(eq(people.countyId, memberships.countyId), eq(people.id, memberships.personId)))
    .where(and(eq(memberships.countyId, org.countyId), eq(memberships.orgId, org.id),
      sql`coalesce(${memberships.startedOn}, date '0001-01-01') <= ${on}::date`, or(isNull(memberships.endedOn), gt(memberships.endedOn, on))))
    .orderBy(asc(people.pinyin), asc(people.name));
  const found = new Map<string, string>();
  for (const m of rows) {
    const stage = stageOn({ ...m, category: m.category as MemberCategory }, on);
    if (stage === 'full' || stage === 'probationary') found.set(m.id, m.name);
  }
  return [...found].map(([id, name]) => ({ id, name }));
}

/** A commitment tree as stored: the top rows, their items, every leaf's updates and the appraisals. */
export interface Loaded {
  tops: CommitmentRow[];
  items: Map<string, CommitmentRow[]>;
  updates: Map<string, UpdateRow[]>;
  appraisals: Map<string, AppraisalRow>;
  names: Map<string, string>;
}

export async function loadTrees(db: Db, countyId: string, tops: CommitmentRow[]): Promise<Loaded> {
  const topIds = tops.map((c) => c.id);
  const items = topIds.length === 0 ? [] : await db.select().from(commitments)
    .where(and(eq(commitments.countyId, countyId), inArray(commitments.parentId, topIds)))
    .orderBy(asc(commitments.position), asc(commitments.createdAt));
  const ids = [...topIds, ...items.map((i) => i.id)];
  const updates = ids.length === 0 ? [] : await db.select().from(commitmentUpdates)
    .where(and(eq(commitmentUpdates.countyId, countyId), inArray(commitmentUpdates.commitmentId, ids)))
    .orderBy(asc(commitmentUpdates.madeOn), asc(commitmentUpdates.createdAt));
  const appraisals = topIds.length === 0 ? [] : await db.select().from(commitmentAppraisals)
    .where(and(eq(commitmentAppraisals.countyId, countyId), inArray(commitmentAppraisals.commitmentId, topIds)));
  const personIds = [...new Set(tops.map((c) => c.personId).filter((p): p is string => p !== null))];
  const names = personIds.length === 0 ? [] : await db.select({ id: people.id, name: people.name }).from(people)
    .where(and(eq(people.countyId, countyId), inArray(people.id, personIds)));
  const group = <T>(rows: T[], key: (r: T) => string) => {
    const map = new Map<string, T[]>();
    for (const r of rows) map.set(key(r), [...(map.get(key(r)) ?? []), r]);
    return map;
  };
  return {
    tops,
    items: group(items, (i) => i.parentId!),
    updates: group(updates, (u) => u.commitmentId),
    appraisals: new Map(appraisals.map((a) => [a.commitmentId, a])),
    names: new Map(names.map((n) => [n.id, n.name])),
  };
}

/** A commitment's progress: a leaf from its latest update, a commitment with items as their average. */
export function progressOf(loaded: Loaded, top: CommitmentRow): number {
  const items = loaded.items.get(top.id) ?? [];
  if (items.length === 0) return leafProgress(top.targetValue, loaded.updates.get(top.id) ?? []);
  return parentProgress(items.map((i) => leafProgress(i.targetValue, loaded.updates.get(i.id) ?? [])));
}

/** A commitment's delays, in the order they were made. */
export const delaysOf = (loaded: Loaded, top: CommitmentRow) => (loaded.updates.get(top.id) ?? []).filter((u) => u.kind === 'delay');

/** An update as shown; a delay with the due date it set: the date the next delay replaced, or today's due date. */
function updatesViewOf(updates: UpdateRow[], dueOn: string) {
  const delays = updates.filter((u) => u.kind === 'delay');
  return updates.map((u) => {
    const next = u.kind === 'delay' ? delays[delays.indexOf(u) + 1] : undefined;
    return {
      id: u.id, kind: u.kind as UpdateKind, madeOn: u.madeOn, value: u.value, progressPermille: u.progressPermille, note: u.note, evidence: u.evidence,
      previousDueOn: u.previousDueOn, newDueOn: u.kind === 'delay' ? next?.previousDueOn ?? dueOn : null,
    };
  });
}

const refuse = (reason: NonNullable<CommitmentPermission['reason']>): CommitmentPermission => ({ allowed: false, reason });

/** Actions on a commitment: the actor's ability first, then what its state allows. */
function canOf(ctx: ServiceContext, row: CommitmentRow, orgPath: string, today: string): CommitmentView['can'] {
  const manage = permission(ctx.actor, 'commitment.manage', orgPath);
  const above = superiorPath({ path: orgPath });
  const superior: Permission = above === '' ? { allowed: false, reason: 'out_of_scope' } : permission(ctx.actor, 'commitment.manage', above);
  const state = row.state as CommitmentState;
  const by = (action: CommitmentAction, access: Permission = manage): CommitmentPermission => {
    if (!access.allowed) return access;
    const refusal = stateRefusal(state, action);
    return refusal === null ? access : refuse(refusal);
  };
  const appraise = by('appraise', superior);
  return {
    edit: by('edit'), publish: by('publish'), update: by('update'), complete: by('complete'), delay: by('delay'), abandon: by('abandon'),
    appraise: appraise.allowed && !appraisalOpen({ state, year: row.year, completedOn: row.completedOn }, today) ? refuse('appraisal_not_open') : appraise,
  };
}

export function viewOf(ctx: ServiceContext, loaded: Loaded, top: CommitmentRow, org: { code: string; name: string; path: string }, levels: Map<string, string>, today: string): CommitmentView {
  const state = top.state as CommitmentState;
  const a = loaded.appraisals.get(top.id);
  return {
    id: top.id,
    org: { code: org.code, name: org.name },
    year: top.year,
    maker: top.maker as Maker,
    person: top.personId === null ? null : { id: top.personId, name: loaded.names.get(top.personId) ?? '' },
    level: top.level,
    levelLabel: levels.get(top.level) ?? top.level,
    title: top.title,
    target: top.target,
    targetValue: top.targetValue,
    unit: top.unit,
    dueOn: top.dueOn,
    originalDueOn: originalDueOn(top.dueOn, delaysOf(loaded, top)),
    public: top.public,
    state,
    publishedOn: top.publishedOn,
    completedOn: top.completedOn,
    abandonReason: top.abandonReason,
    progressPermille: progressOf(loaded, top),
    overdue: isOverdue({ state, dueOn: top.dueOn }, today),
    updates: updatesViewOf(loaded.updates.get(top.id) ?? [], top.dueOn),
    items: (loaded.items.get(top.id) ?? []).map((i) => ({
      id: i.id, title: i.title, target: i.target, targetValue: i.targetValue, unit: i.unit, dueOn: i.dueOn,
      progressPermille: leafProgress(i.targetValue, loaded.updates.get(i.id) ?? []),
      overdue: isOverdue({ state, dueOn: i.dueOn }, today),
      updates: updatesViewOf(loaded.updates.get(i.id) ?? [], i.dueOn),
    })),
    appraisal: a ? {
      selfScore: a.selfScore, massesScore: a.massesScore, superiorScore: a.superiorScore, weights: a.weights, total: a.total,
      satisfiedVotes: a.satisfiedVotes, votes: a.votes, appraisedOn: a.appraisedOn,
    } : null,
    can: canOf(ctx, top, org.path, today),
  };
}

export const levelsOf = (settings: CommitmentSettings) => new Map(settings.levels.map((l) => [l.key, l.label]));

export async function getCommitment(ctx: ServiceContext, id: string): Promise<CommitmentView> {
  const { row, org } = await visibleCommitment(ctx, ctx.db, id);
  const top = row.parentId === null ? row : (await visibleCommitment(ctx, ctx.db, row.parentId)).row;
  const loaded = await loadTrees(ctx.db, org.countyId, [top]);
  const settings = await settingsOf(ctx.db, org.countyId);
  return viewOf(ctx, loaded, top, org, levelsOf(settings), chinaDate(ctx.clock.now()));
}

/** A branch's commitments of a year, grouped by maker: the branch, then each person, with the county's minimum. */
export async function listCommitments(ctx: ServiceContext, query: { org: string; year: number }): Promise<CommitmentListView> {
  const org = await readableOrg(ctx, query.org);
  const today = chinaDate(ctx.clock.now());
  const settings = await settingsOf(ctx.db, org.countyId);
  const tops = await ctx.db.select().from(commitments)
    .where(and(eq(commitments.countyId, org.countyId), eq(commitments.orgId, org.id), eq(commitments.year, query.year), isNull(commitments.parentId)))
    .orderBy(asc(commitments.position), asc(commitments.createdAt));
  const loaded = await loadTrees(ctx.db, org.countyId, tops);
  const levels = levelsOf(settings);
  const groups = new Map<string, CommitmentListView['groups'][number]>();
  const makerRank = (m: string) => makers.indexOf(m as Maker);
  const sorted = [...tops].sort((a, b) => makerRank(a.maker) - makerRank(b.maker)
    || (loaded.names.get(a.personId ?? '') ?? '').localeCompare(loaded.names.get(b.personId ?? '') ?? '', 'zh'));
  for (const top of sorted) {
    const key = `${top.maker}:${top.personId ?? ''}`;
    const group = groups.get(key) ?? {
      maker: top.maker as Maker, person: top.personId === null ? null : { id: top.personId, name: loaded.names.get(top.personId) ?? '' },
      minimum: settings.minimums[top.maker as Maker], made: 0, commitments: [],
    };
    group.made += 1;
    group.commitments.push(viewOf(ctx, loaded, top, org, levels, today));
    groups.set(key, group);
  }
  // Secretaries of the day and the branch itself are listed even before they make anything, so a minimum shows.
  const secretaries = await secretariesOn(ctx.db, org, today);
  if (isCommitting(org.type)) {
    if (!groups.has('branch:')) groups.set('branch:', { maker: 'branch', person: null, minimum: settings.minimums.branch, made: 0, commitments: [] });
    for (const s of secretaries) {
      if (!groups.has(`secretary:${s.id}`)) groups.set(`secretary:${s.id}`, { maker: 'secretary', person: s, minimum: settings.minimums.secretary, made: 0, commitments: [] });
    }
  }
  const ordered = [...groups.values()].sort((a, b) => makerRank(a.maker) - makerRank(b.maker) || (a.person?.name ?? '').localeCompare(b.person?.name ?? '', 'zh'));
  // The choice of makers names the branch's members: only for those who make commitments here.
  const make = isCommitting(org.type) ? permission(ctx.actor, 'commitment.manage', org.path) : refuse('not_a_branch');
  return {
    org: { code: org.code, name: org.name },
    year: query.year,
    groups: ordered,
    makers: make.allowed ? { secretaries, members: await membersOn(ctx.db, org, today) } : { secretaries: [], members: [] },
    levels: settings.levels,
    can: { make },
  };
}
