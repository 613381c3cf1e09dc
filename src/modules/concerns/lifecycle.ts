/**
 * Moving a concern from one state to the next: the event row, the concern's new state with its due
 * day recomputed from the history, and the audit event, all inside the caller's write().
 */
import { and, eq } from 'drizzle-orm';
import { CalendarMissing } from '../../platform/calendar/calendar.js';
import { loadWorkCalendar } from '../../platform/calendar/store.js';
import { conflict } from '../../platform/errors.js';
import type { WriteScope } from '../../platform/service.js';
import type { Actor } from '../../platform/access/actor.js';
import type { ConcernSettings } from './contracts.js';
import { eventsOf, historyOf, type ConcernRow } from './queries.js';
import { calendarYears, dueOn, stateTypeOf, type ConcernState } from './rules.js';
import { concernEvents, concerns } from './schema.js';
import { categoryOf } from './settings.js';

export interface Step {
  action: string;
  to: ConcernState;
  /** Columns that change with the step (handler, reply, rating…). */
  set?: Partial<Omit<ConcernRow, 'countyId' | 'id' | 'state' | 'stateType' | 'dueOn'>>;
  note?: string | null;
  data?: Record<string, unknown>;
  postId?: string | null;
  onBehalfOf?: string | null;
}

/**
 * Applies a step. The due day is derived again for a case being worked on (open or paused); a new
 * case has none yet, and a resolved or closed one keeps the day it was due by, which is what
 * statistics measure "on time" against.
 */
export async function transition(w: WriteScope, actor: Actor, c: ConcernRow, step: Step, settings: ConcernSettings): Promise<ConcernRow> {
  const next = { ...c, ...step.set };
  const stateType = stateTypeOf[step.to];
  await w.tx.insert(concernEvents).values({
    countyId: c.countyId, concernId: c.id, at: w.now, actorUserId: actor.userId, action: step.action,
    fromState: c.state, toState: step.to, toStateType: stateType, handlerOrgId: next.handlerOrgId, handlerId: next.handlerId,
    note: step.note ?? null, data: step.data ?? null,
  });
  let due = c.dueOn;
  if (stateType === 'new') due = null;
  else if (stateType === 'open' || stateType === 'paused') {
    const history = historyOf(await eventsOf(w.tx, c.countyId, c.id));
    const calendar = await loadWorkCalendar(w.tx, c.countyId, calendarYears(history));
    try {
      due = dueOn(calendar, history, categoryOf(settings, next.category)?.limitDays ?? null);
    } catch (error) {
      if (error instanceof CalendarMissing) throw conflict('concerns.calendar_missing', { year: error.year });
      throw error;
    }
  }
  const [updated] = await w.tx.update(concerns).set({ ...step.set, state: step.to, stateType, dueOn: due, updatedAt: w.now })
    .where(and(eq(concerns.countyId, c.countyId), eq(concerns.id, c.id), eq(concerns.state, c.state))).returning();
  // Someone else moved it first: the check the caller made no longer holds.
  if (!updated) throw conflict('concerns.changed');
  w.audit({
    action: `concern.${step.action}`, entityType: 'concern', entityId: c.id, entityLabel: c.trackingCode, orgPath: next.handlerOrgPath,
    postId: step.postId ?? null, onBehalfOf: step.onBehalfOf ?? null,
    before: { state: c.state, handlerOrgId: c.handlerOrgId, handlerId: c.handlerId, dueOn: c.dueOn },
    after: { state: step.to, handlerOrgId: next.handlerOrgId, handlerId: next.handlerId, dueOn: due, ...(step.data ?? {}) },
  });
  return updated;
}
