/**
 * Petitions on the to-do list, only ever those the reader may see: for handlers, matters awaiting a
 * decision that are overdue or due within a week; for whoever records the double feedback, decided
 * matters whose petitioner or assigning body has not been told yet.
 */
import { and, inArray, lte } from 'drizzle-orm';
import { postsWith } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import { addDays } from '../../platform/dates.js';
import { t } from '../../platform/i18n/index.js';
import type { TodoItem, TodoProvider } from '../../platform/todo/todo.js';
import { factsById } from './queries.js';
import { feedbackOwed, openStates } from './rules.js';
import { petitions } from './schema.js';
import { petitionVisible } from './visibility.js';

const SOON_DAYS = 7;
const decidedStates = ['replied', 'reviewed', 're_reviewed'];

export const petitionTodos: TodoProvider = async (ctx, lang) => {
  const items: TodoItem[] = [];
  const today = chinaDate(ctx.clock.now());
  if (postsWith(ctx.actor, 'petition.handle').length > 0) {
    const due = await ctx.db.select({ dueOn: petitions.dueOn }).from(petitions)
      .where(and(petitionVisible(ctx.actor), inArray(petitions.state, [...openStates]), lte(petitions.dueOn, addDays(today, SOON_DAYS))));
    if (due.length > 0) {
      const late = due.filter((d) => d.dueOn! < today).length;
      const first = due.map((d) => d.dueOn!).sort()[0]!;
      items.push({ kind: 'petitions.due', title: t(lang, 'petitions.todo.due', { count: due.length, late }), link: '/petitions?state=open', due: first, overdue: late > 0 });
    }
  }
  if (postsWith(ctx.actor, 'petition.register').length > 0) {
    const decided = await ctx.db.select({ id: petitions.id, countyId: petitions.countyId, referredBy: petitions.referredBy }).from(petitions)
      .where(and(petitionVisible(ctx.actor), inArray(petitions.state, decidedStates)));
    const facts = await factsById(ctx.db, ctx.actor.countyId, decided.map((d) => d.id));
    const owed = decided.filter((d) => {
      const o = feedbackOwed(facts.get(d.id)!, d.referredBy !== null);
      return o.petitioner || o.body;
    }).length;
    if (owed > 0) items.push({ kind: 'petitions.feedback', title: t(lang, 'petitions.todo.feedback', { count: owed }), link: '/petitions' });
  }
  return items;
};
