/**
 * One concern as its handlers see it: the case, its timeline with handler changes and pauses, the
 * delivery of its reply apart from its state, and what the reader may do with the reason when not.
 * The submitter's phone is shown whole only to the handler and the dispatchers, and that read is audited.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { chinaDate } from '../../platform/clock.js';
import { CalendarMissing } from '../../platform/calendar/calendar.js';
import { loadWorkCalendar } from '../../platform/calendar/store.js';
import { outboxMessages } from '../../platform/outbox/schema.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { users } from '../accounts/schema.js';
import { households } from '../households/schema.js';
import { maskPhone } from '../members/privacy.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';
import type { ConcernDetail } from './contracts.js';
import { settleLapsed } from './lapse.js';
import { eventsOf, handlersOf, standing, summaries, summaryOf, visibleConcern } from './queries.js';
import { escalationLevel, handlerActions, verdict, type ConcernState, type StateType } from './rules.js';
import { concerns } from './schema.js';
import { concernSettings } from './settings.js';

export async function getConcern(ctx: ServiceContext, id: string): Promise<ConcernDetail> {
  await settleLapsed(ctx.db, ctx.clock, await visibleConcern(ctx, id));
  const [row] = await summaries(ctx.db).where(and(eq(concerns.countyId, ctx.actor.countyId), eq(concerns.id, id)));
  const c = row!.concern;
  const settings = await concernSettings(ctx.db, c.countyId);
  const today = chinaDate(ctx.clock.now());
  const who = standing(ctx.actor, c);
  const events = await eventsOf(ctx.db, c.countyId, c.id);
  const orgIds = [...new Set(events.map((e) => e.handlerOrgId).filter((x): x is string => x !== null))];
  const personIds = [...new Set(events.map((e) => e.handlerId).filter((x): x is string => x !== null))];
  const userIds = [...new Set(events.map((e) => e.actorUserId).filter((x): x is string => x !== null))];
  const [orgs, handlers, actors, household, deliveries] = await Promise.all([
    orgIds.length ? ctx.db.select({ id: organizations.id, code: organizations.code, name: organizations.name }).from(organizations)
      .where(and(eq(organizations.countyId, c.countyId), inArray(organizations.id, orgIds))) : [],
    personIds.length ? ctx.db.select({ id: people.id, name: people.name }).from(people).where(and(eq(people.countyId, c.countyId), inArray(people.id, personIds))) : [],
    userIds.length ? ctx.db.select({ id: users.id, name: people.name }).from(users)
      .innerJoin(people, and(eq(people.countyId, users.countyId), eq(people.id, users.personId)))
      .where(and(eq(users.countyId, c.countyId), inArray(users.id, userIds))) : [],
    c.householdId ? ctx.db.select({ id: households.id, name: households.headName }).from(households)
      .where(and(eq(households.countyId, c.countyId), eq(households.id, c.householdId))) : [],
    ctx.db.select().from(outboxMessages)
      .where(and(eq(outboxMessages.countyId, c.countyId), eq(outboxMessages.entityType, 'concern'), eq(outboxMessages.entityId, c.id)))
      .orderBy(asc(outboxMessages.createdAt)),
  ]);
  const nameOf = <T extends { id: string }>(list: T[], id: string | null) => (id ? list.find((x) => x.id === id) : undefined);
  const fullPhone = c.submitterPhone !== null && (who.dispatch || (c.handlerId !== null && c.handlerId === ctx.actor.personId));
  if (fullPhone) {
    await write(ctx, async (w) => w.audit({ action: 'concern.read_phone', entityType: 'concern', entityId: c.id, entityLabel: c.trackingCode, orgPath: c.handlerOrgPath }));
  }
  let escalation = 0;
  try {
    const calendar = await loadWorkCalendar(ctx.db, c.countyId, [Number((c.dueOn ?? today).slice(0, 4)), Number(today.slice(0, 4))]);
    escalation = escalationLevel(calendar, { stateType: c.stateType as StateType, dueOn: c.dueOn }, today, settings.escalationStepDays);
  } catch (error) {
    // Without the calendar of a year the lateness cannot be counted in working days: one level, the least it is.
    if (!(error instanceof CalendarMissing)) throw error;
    escalation = 1;
  }
  return {
    ...summaryOf(row!, settings, today),
    household: household[0] ?? null,
    visitId: c.visitId,
    enteredBy: nameOf(actors, c.enteredBy)?.name ?? null,
    submitterName: c.submitterName,
    submitterPhone: fullPhone ? c.submitterPhone : maskPhone(c.submitterPhone),
    anonymous: c.anonymous,
    replyChannel: c.replyChannel as 'none' | 'sms',
    answerDraft: c.answerDraft,
    reply: c.reply,
    repliedAt: c.repliedAt?.toISOString() ?? null,
    rating: c.rating as ConcernDetail['rating'],
    ratingComment: c.ratingComment,
    duplicateOf: c.duplicateOf,
    rejectReason: c.rejectReason,
    escalationLevel: escalation,
    timeline: events.map((e) => {
      const org = nameOf(orgs, e.handlerOrgId);
      const handler = nameOf(handlers, e.handlerId);
      return {
        at: e.at.toISOString(), action: e.action, fromState: e.fromState as ConcernState | null, toState: e.toState as ConcernState | null,
        toStateLabel: e.toState ? settings.stateLabels[e.toState as ConcernState] : null, actor: nameOf(actors, e.actorUserId)?.name ?? null,
        handlerOrg: org ? { code: org.code, name: org.name } : null, handler: handler ? { id: handler.id, name: handler.name } : null, note: e.note,
      };
    }),
    deliveries: deliveries.map((d) => ({
      channel: d.channel, status: d.status as 'pending' | 'sent' | 'failed', attempts: d.attempts, lastError: d.lastError,
      sentAt: d.sentAt?.toISOString() ?? null, createdAt: d.createdAt.toISOString(),
    })),
    handlers: who.dispatch ? await handlersOf(ctx.db, c) : [],
    can: Object.fromEntries(handlerActions.map((a) => {
      const v = verdict(a, { state: c.state as ConcernState, handlerId: c.handlerId }, who);
      return [a, v.allowed ? { allowed: true } : { allowed: false, reason: v.reason }];
    })) as ConcernDetail['can'],
  };
}
