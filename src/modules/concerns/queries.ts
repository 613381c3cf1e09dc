/** Reading concerns: the actor's scope, one concern, its history, and the summary columns shared by lists. */
import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { roleAbilities, roles } from '../../platform/access/abilities.js';
import { can, inScope, postsWith, type Actor } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { notFound } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/service.js';
import { organizations } from '../organizations/schema.js';
import { people, posts } from '../people/schema.js';
import type { ConcernSettings, ConcernSummary } from './contracts.js';
import { isOverdue, type ConcernState, type HistoryStep, type Standing, type StateType } from './rules.js';
import { concernEvents, concerns } from './schema.js';
import { categoryOf } from './settings.js';

export type ConcernRow = typeof concerns.$inferSelect;
export type EventRow = typeof concernEvents.$inferSelect;

/**
 * Concerns the actor may see: raised in, or handled by, an organization where they handle concerns
 * (a village keeps sight of what it referred upward; the unit it went to sees it too).
 */
export function concernScope(actor: Actor): SQL {
  return or(
    inScope(actor, 'concern.handle', { county: concerns.countyId, path: concerns.handlerOrgPath }),
    inScope(actor, 'concern.handle', { county: concerns.countyId, path: concerns.orgPath }),
  )!;
}

/** A concern in the actor's scope; anything else answers as if it did not exist. */
export async function visibleConcern(ctx: ServiceContext, id: string, db: Db = ctx.db): Promise<ConcernRow> {
  const [row] = await db.select().from(concerns).where(and(eq(concerns.id, id), concernScope(ctx.actor)));
  if (!row) throw notFound('concerns.not_found');
  return row;
}

export function standing(actor: Actor, c: { handlerOrgPath: string }): Standing {
  return {
    dispatch: can(actor, 'concern.dispatch', c.handlerOrgPath),
    handle: can(actor, 'concern.handle', c.handlerOrgPath),
    dispatchAnywhere: postsWith(actor, 'concern.dispatch').length > 0,
    handleAnywhere: postsWith(actor, 'concern.handle').length > 0,
    personId: actor.personId,
  };
}

/** The concern's events in order: created_at breaks ties of events at the same instant, as it grows with each transaction. */
export function eventsOf(db: Db, countyId: string, concernId: string): Promise<EventRow[]> {
  return db.select().from(concernEvents)
    .where(and(eq(concernEvents.countyId, countyId), eq(concernEvents.concernId, concernId)))
    .orderBy(asc(concernEvents.at), asc(concernEvents.createdAt));
}

export const historyOf = (events: readonly EventRow[]): HistoryStep[] =>
  events.map((e) => ({ on: chinaDate(e.at), action: e.action, toStateType: e.toStateType as StateType | null }));

const place = alias(organizations, 'place');
const handlerOrg = alias(organizations, 'handler_org');

/** The columns of a summary, joined from the concern's organizations and handler. */
export const summaryColumns = {
  concern: concerns,
  orgCode: place.code,
  orgName: place.name,
  handlerOrgCode: handlerOrg.code,
  handlerOrgName: handlerOrg.name,
  handlerName: people.name,
};

/** The concerns with their organizations and handler; the caller adds conditions, order and limit. */
export function summaries(db: Db) {
  return db.select(summaryColumns).from(concerns)
    .innerJoin(place, and(eq(place.countyId, concerns.countyId), eq(place.id, concerns.orgId)))
    .innerJoin(handlerOrg, and(eq(handlerOrg.countyId, concerns.countyId), eq(handlerOrg.id, concerns.handlerOrgId)))
    .leftJoin(people, and(eq(people.countyId, concerns.countyId), eq(people.id, concerns.handlerId)));
}

export type SummaryRow = { concern: ConcernRow; orgCode: string; orgName: string; handlerOrgCode: string; handlerOrgName: string; handlerName: string | null };

export function summaryOf(r: SummaryRow, settings: ConcernSettings, today: string): ConcernSummary {
  const c = r.concern;
  const category = categoryOf(settings, c.category);
  const state = c.state as ConcernState;
  return {
    id: c.id,
    trackingCode: c.trackingCode,
    org: { code: r.orgCode, name: r.orgName },
    handlerOrg: { code: r.handlerOrgCode, name: r.handlerOrgName },
    handler: c.handlerId ? { id: c.handlerId, name: r.handlerName ?? '' } : null,
    channel: c.channel,
    category: category ? { id: category.id, name: category.name } : null,
    priority: c.priority,
    state,
    stateLabel: settings.stateLabels[state],
    stateType: c.stateType as StateType,
    content: c.content,
    receivedAt: c.receivedAt.toISOString(),
    dueOn: c.dueOn,
    overdue: isOverdue({ stateType: c.stateType as StateType, dueOn: c.dueOn }, today),
    reopenCount: c.reopenCount,
  };
}

/** Open cases first, soonest due first, then the newest. */
export const inboxOrder = [
  sql`case when ${concerns.stateType} in ('new','open','paused') then 0 else 1 end`,
  sql`${concerns.dueOn} asc nulls last`,
  sql`${concerns.receivedAt} desc`,
];

const handlingRoles = roles.filter((r) => roleAbilities[r].includes('concern.handle'));

/** Who may handle a concern: holders of an open post that handles concerns at the handler organization or above it. */
export async function handlersOf(db: Db, c: { countyId: string; handlerOrgPath: string }) {
  const rows = await db.select({ id: people.id, name: people.name, title: posts.title, org: organizations.name, pinyin: people.pinyin }).from(posts)
    .innerJoin(people, and(eq(people.countyId, posts.countyId), eq(people.id, posts.personId)))
    .innerJoin(organizations, and(eq(organizations.countyId, posts.countyId), eq(organizations.id, posts.orgId)))
    .where(and(eq(posts.countyId, c.countyId), isNull(posts.endedOn), inArray(posts.role, handlingRoles), sql`${c.handlerOrgPath} like ${posts.orgPath} || '%'`))
    .orderBy(sql`length(${posts.orgPath}) desc`, people.pinyin);
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.id) && seen.add(r.id)).map(({ id, name, title, org }) => ({ id, name, title, org }));
}
