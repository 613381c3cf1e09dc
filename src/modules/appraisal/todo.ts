/**
 * The appraisal on the to-do list: a deadline to correct that passed without an outcome (for whoever
 * runs the branch's appraisal, the committees above included: such cases are few), and, from the
 * county's month on, a branch of the user's own posts without this year's round.
 */
import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import { inScope, postsWith } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import { t } from '../../platform/i18n/index.js';
import type { TodoItem, TodoProvider } from '../../platform/todo/todo.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';
import { isAppraising, settingsOf } from './queries.js';
import { roundDue } from './rules.js';
import { appraisalFollowups, appraisalRounds } from './schema.js';

export const appraisalTodos: TodoProvider = async (ctx, lang) => {
  const posts = postsWith(ctx.actor, 'member.manage');
  if (posts.length === 0) return [];
  const today = chinaDate(ctx.clock.now());
  const overdue = await ctx.db.select({ name: people.name, deadline: appraisalFollowups.deadline, year: appraisalRounds.year, code: organizations.code, org: organizations.name })
    .from(appraisalFollowups)
    .innerJoin(appraisalRounds, and(eq(appraisalRounds.countyId, appraisalFollowups.countyId), eq(appraisalRounds.id, appraisalFollowups.roundId)))
    .innerJoin(organizations, and(eq(organizations.countyId, appraisalRounds.countyId), eq(organizations.id, appraisalRounds.orgId)))
    .innerJoin(people, and(eq(people.countyId, appraisalFollowups.countyId), eq(people.id, appraisalFollowups.personId)))
    .where(and(inScope(ctx.actor, 'member.manage', { county: appraisalRounds.countyId, path: appraisalRounds.orgPath }),
      eq(appraisalFollowups.action, 'correct'), isNull(appraisalFollowups.outcome), lt(appraisalFollowups.deadline, today)))
    .orderBy(appraisalFollowups.deadline);
  const items: TodoItem[] = overdue.map((f) => ({
    kind: 'appraisal.correction_overdue', title: t(lang, 'appraisal.todo.correction_overdue', { org: f.org, name: f.name, deadline: f.deadline! }),
    link: `/appraisal?org=${f.code}&year=${f.year}`, due: f.deadline, overdue: true,
  }));
  const year = Number(today.slice(0, 4));
  const { remindFromMonth } = await settingsOf(ctx.db, ctx.actor.countyId);
  if (!roundDue(today, remindFromMonth)) return items;
  const branches = await ctx.db.select({ id: organizations.id, code: organizations.code, name: organizations.name, type: organizations.type }).from(organizations)
    .where(and(eq(organizations.countyId, ctx.actor.countyId), inArray(organizations.id, posts.map((p) => p.orgId)), eq(organizations.status, 'active')));
  const appraising = branches.filter((b) => isAppraising(b.type));
  if (appraising.length === 0) return items;
  const started = new Set((await ctx.db.select({ orgId: appraisalRounds.orgId }).from(appraisalRounds)
    .where(and(eq(appraisalRounds.countyId, ctx.actor.countyId), eq(appraisalRounds.year, year), inArray(appraisalRounds.orgId, appraising.map((b) => b.id)))))
    .map((r) => r.orgId));
  for (const b of appraising.filter((o) => !started.has(o.id))) {
    items.push({ kind: 'appraisal.round_due', title: t(lang, 'appraisal.todo.round_due', { org: b.name, year }), link: `/appraisal?org=${b.code}&year=${year}`, due: `${year}-12-31` });
  }
  return items;
};
