/**
 * Concerns on the to-do list: a handler's own open cases (overdue ones flagged), a dispatcher's new
 * submissions in their own organizations, and overdue cases on the list of the levels above the
 * handler organization as they escalate (one level from the first day late, one more per
 * escalationStepDays working days).
 */
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { postsWith } from '../../platform/access/actor.js';
import { CalendarMissing, type WorkCalendar } from '../../platform/calendar/calendar.js';
import { loadWorkCalendar } from '../../platform/calendar/store.js';
import { chinaDate } from '../../platform/clock.js';
import { t } from '../../platform/i18n/index.js';
import type { TodoItem, TodoProvider } from '../../platform/todo/todo.js';
import { escapeLike } from '../../platform/text/pinyin.js';
import { depthOf } from '../organizations/rules.js';
import { organizations } from '../organizations/schema.js';
import { escalationLevel, isOverdue, type StateType } from './rules.js';
import { concerns } from './schema.js';
import { concernSettings } from './settings.js';

/** Overdue cases listed above their handler organization, at most: the list names the oldest. */
const ESCALATED_LIMIT = 200;

function levelOf(calendar: WorkCalendar, c: { stateType: string; dueOn: string | null }, today: string, step: number): number {
  try {
    return escalationLevel(calendar, { stateType: c.stateType as StateType, dueOn: c.dueOn }, today, step);
  } catch (error) {
    if (error instanceof CalendarMissing) return 1;
    throw error;
  }
}

export const concernTodos: TodoProvider = async (ctx, lang) => {
  const items: TodoItem[] = [];
  const today = chinaDate(ctx.clock.now());
  const countyId = ctx.actor.countyId;
  if (ctx.actor.personId && postsWith(ctx.actor, 'concern.handle').length > 0) {
    const mine = await ctx.db.select({ stateType: concerns.stateType, dueOn: concerns.dueOn }).from(concerns)
      .where(and(eq(concerns.countyId, countyId), eq(concerns.handlerId, ctx.actor.personId), inArray(concerns.stateType, ['new', 'open', 'paused'])));
    if (mine.length > 0) {
      const late = mine.filter((c) => isOverdue({ stateType: c.stateType as StateType, dueOn: c.dueOn }, today)).length;
      const due = mine.map((c) => c.dueOn).filter((d): d is string => d !== null).sort()[0] ?? null;
      items.push({ kind: 'concerns.mine', title: t(lang, 'concerns.todo.mine', { count: mine.length, late }), link: '/concerns?mine=true', due, overdue: late > 0 });
    }
  }
  const dispatching = postsWith(ctx.actor, 'concern.dispatch');
  if (dispatching.length === 0) return items;
  const fresh = await ctx.db.select({ org: organizations.name, count: sql<number>`count(*)::int` }).from(concerns)
    .innerJoin(organizations, and(eq(organizations.countyId, concerns.countyId), eq(organizations.id, concerns.handlerOrgId)))
    .where(and(eq(concerns.countyId, countyId), eq(concerns.stateType, 'new'), inArray(concerns.handlerOrgId, dispatching.map((p) => p.orgId))))
    .groupBy(organizations.name);
  for (const f of fresh) items.push({ kind: 'concerns.new', title: t(lang, 'concerns.todo.new', { org: f.org, count: f.count }), link: '/concerns?state=new' });

  const settings = await concernSettings(ctx.db, countyId);
  const calendar = await loadWorkCalendar(ctx.db, countyId, [Number(today.slice(0, 4)) - 1, Number(today.slice(0, 4))]);
  const late = new Map<string, { name: string; count: number }>();
  for (const post of dispatching) {
    const below = await ctx.db.select({ handlerOrgPath: concerns.handlerOrgPath, stateType: concerns.stateType, dueOn: concerns.dueOn, orgName: organizations.name })
      .from(concerns)
      .innerJoin(organizations, and(eq(organizations.countyId, concerns.countyId), eq(organizations.id, concerns.handlerOrgId)))
      .where(and(eq(concerns.countyId, countyId), sql`${concerns.handlerOrgPath} like ${escapeLike(post.orgPath) + '%'}`,
        sql`${concerns.handlerOrgPath} <> ${post.orgPath}`, eq(concerns.stateType, 'open'), lt(concerns.dueOn, today)))
      .orderBy(concerns.dueOn).limit(ESCALATED_LIMIT);
    for (const c of below) {
      const levelsUp = depthOf(c.handlerOrgPath) - depthOf(post.orgPath);
      if (levelsUp > levelOf(calendar, c, today, settings.escalationStepDays)) continue;
      const entry = late.get(c.handlerOrgPath) ?? { name: c.orgName, count: 0 };
      entry.count++;
      late.set(c.handlerOrgPath, entry);
    }
  }
  for (const { name, count } of late.values()) {
    items.push({ kind: 'concerns.escalated', title: t(lang, 'concerns.todo.escalated', { org: name, count }), link: '/concerns?overdue=true', overdue: true });
  }
  return items;
};
