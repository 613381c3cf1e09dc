/**
 * Claims of manual point items: made by the member or by whoever manages their branch, with the
 * points the catalogue gives (never the request's), decided by the committee above the branch
 * ('member.approve'), never by the one who claimed or the member claimed for.
 */
import { and, desc, eq, gte, lte, sql } from 'drizzle-orm';
import { grantingPost, permission, type ActorPost } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.js';
import type { MessageKey, Params } from '../../platform/i18n/index.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { visibleOrg } from '../organizations/queries.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';
import type { EntryInput, EntryListQuery, EntryView, PointItem } from './contracts.js';
import { memberOrgOn, pointsSettings, readableEntries, yearSpan } from './queries.js';
import { signed } from './rules.js';
import { pointEntries } from './schema.js';

type EntryRow = typeof pointEntries.$inferSelect;

const refuse = (field: string, key: MessageKey, params: Params = {}) => invalid(key, params, [{ path: `body.${field}`, key, params }]);

/** Whether the actor claimed the entry or is the member it is about: then it is not theirs to decide. */
const isMine = (ctx: ServiceContext, e: Pick<EntryRow, 'personId' | 'submittedBy'>) =>
  e.personId === ctx.actor.personId || (ctx.actor.userId !== null && e.submittedBy === ctx.actor.userId);

function viewOf(ctx: ServiceContext, e: EntryRow, names: { person: string; orgCode: string; orgName: string }, items: PointItem[]): EntryView {
  const item = items.find((i) => i.id === e.itemId);
  const mine = isMine(ctx, e);
  return {
    id: e.id, person: { id: e.personId, name: names.person }, org: { code: names.orgCode, name: names.orgName },
    item: { id: e.itemId, name: item?.name ?? e.itemId, kind: item?.kind ?? (e.points < 0 ? 'deduction' : 'addition') },
    points: e.points, occurredOn: e.occurredOn, description: e.description, evidence: e.evidence, status: e.status as EntryView['status'],
    rejectReason: e.rejectReason, decidedAt: e.decidedAt?.toISOString() ?? null, mine,
    can: { decide: mine ? { allowed: false } : permission(ctx.actor, 'member.approve', e.orgPath) },
  };
}

const listColumns = { entry: pointEntries, person: people.name, orgCode: organizations.code, orgName: organizations.name };
const listFrom = (db: Db) => db.select(listColumns).from(pointEntries)
  .innerJoin(people, and(eq(people.countyId, pointEntries.countyId), eq(people.id, pointEntries.personId)))
  .innerJoin(organizations, and(eq(organizations.countyId, pointEntries.countyId), eq(organizations.id, pointEntries.orgId)));

/** Claims of a subtree (all the user may read without one), newest first; pending ones first when not filtered. */
export async function listEntries(ctx: ServiceContext, query: EntryListQuery): Promise<{ items: EntryView[] }> {
  const org = query.org ? await visibleOrg(ctx, query.org) : undefined;
  const span = query.year ? yearSpan(query.year) : undefined;
  const found = await listFrom(ctx.db).where(and(
    readableEntries(ctx),
    org ? sql`${pointEntries.orgPath} like ${org.path + '%'}` : undefined,
    query.status ? eq(pointEntries.status, query.status) : undefined,
    span ? and(gte(pointEntries.occurredOn, span[0]), lte(pointEntries.occurredOn, span[1])) : undefined,
  )).orderBy(sql`${pointEntries.status} = 'pending' desc`, desc(pointEntries.occurredOn), desc(pointEntries.createdAt)).limit(1000);
  const { items } = await pointsSettings(ctx.db, ctx.actor.countyId);
  return { items: found.map((f) => viewOf(ctx, f.entry, f, items)) };
}

async function entryView(ctx: ServiceContext, id: string): Promise<EntryView> {
  const [found] = await listFrom(ctx.db).where(and(eq(pointEntries.id, id), readableEntries(ctx)));
  if (!found) throw notFound('points.entry_not_found');
  const { items } = await pointsSettings(ctx.db, ctx.actor.countyId);
  return viewOf(ctx, found.entry, found, items);
}

export async function createEntry(ctx: ServiceContext, input: EntryInput): Promise<EntryView> {
  const id = await write(ctx, async (w) => {
    const countyId = ctx.actor.countyId;
    const [person] = await w.tx.select({ id: people.id, name: people.name }).from(people).where(and(eq(people.countyId, countyId), eq(people.id, input.personId)));
    const self = ctx.actor.personId === input.personId;
    const today = chinaDate(w.now);
    const org = person ? await memberOrgOn(w.tx, countyId, person.id, input.occurredOn) : null;
    let post: ActorPost | undefined;
    if (!self) {
      // Someone else's claim: a member the actor reads (in that day's branch or today's), managed by the actor.
      const reachable = org && grantingPost(ctx.actor, 'person.read', org.path) ? org : person ? await memberOrgOn(w.tx, countyId, person.id, today) : null;
      if (!reachable || !grantingPost(ctx.actor, 'person.read', reachable.path)) throw notFound('points.member_not_found');
      post = grantingPost(ctx.actor, 'member.manage', reachable.path);
      if (!post) throw forbidden('points.claim_forbidden', { org: reachable.name });
    }
    const { items } = await pointsSettings(w.tx, countyId);
    const item = items.find((i) => i.id === input.itemId);
    if (!item) throw refuse('itemId', 'points.unknown_item', { id: input.itemId });
    if (item.source !== 'manual') throw refuse('itemId', 'points.automatic_item', { name: item.name });
    if (item.evidenceRequired && !input.evidence) throw refuse('evidence', 'points.evidence_required', { name: item.name });
    if (input.occurredOn > today) throw refuse('occurredOn', 'points.future', { date: input.occurredOn, today });
    if (!person || !org || (post && !grantingPost(ctx.actor, 'member.manage', org.path))) {
      throw refuse('occurredOn', 'points.not_member_on', { name: person?.name ?? '', date: input.occurredOn });
    }
    const [row] = await w.tx.insert(pointEntries).values({
      countyId, personId: person.id, orgId: org.id, orgPath: org.path, itemId: item.id, points: signed(item, item.points),
      occurredOn: input.occurredOn, description: input.description, evidence: input.evidence ?? null, status: 'pending', submittedBy: ctx.actor.userId,
    }).returning();
    w.audit({
      action: 'points.claim', entityType: 'point_entry', entityId: row!.id, entityLabel: `${person.name} ${item.name}`, orgPath: org.path, postId: post?.postId ?? null,
      after: { personId: row!.personId, itemId: row!.itemId, points: row!.points, occurredOn: row!.occurredOn, description: row!.description, evidence: row!.evidence },
    });
    return row!.id;
  });
  return entryView(ctx, id);
}

/** Approves or rejects a pending claim the actor may decide, locked while deciding. */
async function decide(ctx: ServiceContext, id: string, outcome: 'approved' | 'rejected', reason: string | null): Promise<EntryView> {
  await write(ctx, async (w) => {
    const [found] = await w.tx.select({ entry: pointEntries, name: people.name }).from(pointEntries)
      .innerJoin(people, and(eq(people.countyId, pointEntries.countyId), eq(people.id, pointEntries.personId)))
      .where(and(eq(pointEntries.id, id), readableEntries(ctx))).for('update', { of: pointEntries });
    if (!found) throw notFound('points.entry_not_found');
    const { entry } = found;
    const post = grantingPost(ctx.actor, 'member.approve', entry.orgPath);
    if (!post) throw forbidden('points.decide_forbidden');
    if (isMine(ctx, entry)) throw forbidden('points.decide_own');
    if (entry.status !== 'pending') throw conflict('points.already_decided');
    await w.tx.update(pointEntries).set({ status: outcome, decidedBy: ctx.actor.userId, decidedAt: w.now, rejectReason: reason })
      .where(and(eq(pointEntries.countyId, entry.countyId), eq(pointEntries.id, entry.id)));
    w.audit({
      action: outcome === 'approved' ? 'points.approve' : 'points.reject', entityType: 'point_entry', entityId: entry.id,
      entityLabel: `${found.name} ${entry.itemId}`, orgPath: entry.orgPath, postId: post.postId,
      before: { status: entry.status }, after: { status: outcome, points: entry.points, rejectReason: reason },
    });
  });
  return entryView(ctx, id);
}

export const approveEntry = (ctx: ServiceContext, id: string) => decide(ctx, id, 'approved', null);
export const rejectEntry = (ctx: ServiceContext, id: string, reason: string) => decide(ctx, id, 'rejected', reason);
