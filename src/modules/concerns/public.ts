/**
 * The submitter's tracking page: where the concern stands, the public part of its history (no notes,
 * no person's name, only the organization handling it), the reply, and rating or reopening within
 * their windows. A code that is not found answers the same whatever exists elsewhere.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { chinaDate, type Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { conflict, notFound } from '../../platform/errors.js';
import { write } from '../../platform/service.js';
import { organizations } from '../organizations/schema.js';
import type { TrackingView } from './contracts.js';
import { publicActor } from './intake.js';
import { settleLapsed } from './lapse.js';
import { transition } from './lifecycle.js';
import { eventsOf, type ConcernRow } from './queries.js';
import { rateVerdict, ratedState, ratingUntil, reopenUntil, reopenVerdict, type ConcernState, type Rating, type Refusal, type Replied, type StateType } from './rules.js';
import { concerns } from './schema.js';
import { categoryOf, concernSettings } from './settings.js';

/** The steps the submitter sees; drafting, notes and who handles it stay inside. */
const PUBLIC_ACTIONS = new Set(['submit', 'accept', 'refer', 'duplicate', 'reject', 'assign', 'start', 'pause', 'resume', 'reply', 'rate', 'reopen', 'close', 'close_unrated']);

async function byCode(db: Db, code: string): Promise<ConcernRow> {
  const [row] = await db.select().from(concerns).where(eq(concerns.trackingCode, code.trim().toUpperCase()));
  if (!row) throw notFound('concerns.tracking_not_found');
  return row;
}

const repliedOf = (c: ConcernRow): Replied => ({
  state: c.state as ConcernState, repliedOn: c.repliedAt ? chinaDate(c.repliedAt) : null, rating: c.rating as Rating | null,
});

export async function tracking(db: Db, clock: Clock, code: string): Promise<TrackingView> {
  let c = await byCode(db, code);
  if (await settleLapsed(db, clock, c)) c = await byCode(db, code);
  const settings = await concernSettings(db, c.countyId);
  const events = (await eventsOf(db, c.countyId, c.id)).filter((e) => PUBLIC_ACTIONS.has(e.action));
  const orgIds = [...new Set([c.orgId, ...events.map((e) => e.handlerOrgId).filter((x): x is string => x !== null)])];
  const orgs = await db.select({ id: organizations.id, name: organizations.name }).from(organizations)
    .where(and(eq(organizations.countyId, c.countyId), inArray(organizations.id, orgIds)));
  const orgName = (id: string | null) => orgs.find((o) => o.id === id)?.name ?? null;
  const today = chinaDate(clock.now());
  const replied = repliedOf(c);
  const rate = rateVerdict(replied, settings, today);
  const reopen = reopenVerdict(replied, settings, today);
  const state = c.state as ConcernState;
  return {
    trackingCode: c.trackingCode,
    org: orgName(c.orgId)!,
    content: c.content,
    category: categoryOf(settings, c.category)?.name ?? null,
    state,
    stateLabel: settings.stateLabels[state],
    stateType: c.stateType as StateType,
    receivedOn: chinaDate(c.receivedAt),
    timeline: events.map((e) => ({
      at: e.at.toISOString(), action: e.action, stateLabel: e.toState ? settings.stateLabels[e.toState as ConcernState] : null, org: orgName(e.handlerOrgId),
    })),
    reply: c.reply,
    repliedOn: replied.repliedOn,
    rating: replied.rating,
    canRate: rate.allowed,
    rateUntil: rate.allowed ? ratingUntil(replied, settings) : null,
    canReopen: reopen.allowed,
    reopenUntil: reopen.allowed ? reopenUntil(replied, settings) : null,
  };
}

const refusal = (reason: Refusal) =>
  conflict(reason === 'window_closed' || reason === 'already_rated' ? `concerns.public.${reason}` : 'concerns.public.wrong_state');

/** The submitter's rating counts for whoever handles the case at that moment. */
export async function rate(db: Db, clock: Clock, code: string, input: { rating: Rating; comment?: string }): Promise<TrackingView> {
  const c = await byCode(db, code);
  const settings = await concernSettings(db, c.countyId);
  const v = rateVerdict(repliedOf(c), settings, chinaDate(clock.now()));
  if (!v.allowed) throw refusal(v.reason);
  const actor = publicActor(c.countyId);
  await write({ actor, db, clock }, (w) => transition(w, actor, c, {
    action: 'rate', to: ratedState(input.rating), onBehalfOf: c.anonymous ? 'anonymous' : c.submitterName ?? 'anonymous',
    set: { rating: input.rating, ratingComment: input.comment ?? null, ratedAt: w.now, ratedHandlerId: c.handlerId, ...(input.rating === 'unsatisfied' ? {} : { closedAt: w.now }) },
    note: input.comment ?? null, data: { rating: input.rating, ratedHandlerId: c.handlerId },
  }, settings));
  return tracking(db, clock, code);
}

/** Back to the handler of the moment, with the time limit counted again from today; an earlier rating stays in the history. */
export async function reopen(db: Db, clock: Clock, code: string, input: { reason: string }): Promise<TrackingView> {
  const c = await byCode(db, code);
  const settings = await concernSettings(db, c.countyId);
  const v = reopenVerdict(repliedOf(c), settings, chinaDate(clock.now()));
  if (!v.allowed) throw refusal(v.reason);
  const actor = publicActor(c.countyId);
  await write({ actor, db, clock }, (w) => transition(w, actor, c, {
    action: 'reopen', to: 'reopened', note: input.reason, onBehalfOf: c.anonymous ? 'anonymous' : c.submitterName ?? 'anonymous',
    set: { reopenCount: c.reopenCount + 1, rating: null, ratingComment: null, ratedAt: null, ratedHandlerId: null, closedAt: null },
    data: { previousRating: c.rating, previousRatedHandlerId: c.ratedHandlerId },
  }, settings));
  return tracking(db, clock, code);
}
