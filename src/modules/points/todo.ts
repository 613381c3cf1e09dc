/**
 * Claims waiting for a decision, on the list of whoever decides them: the committee above the branch
 * ('member.approve'), one item per branch, leaving out claims the user made or that are about them.
 */
import { and, count, eq, ne, or, isNull, sql } from 'drizzle-orm';
import { inScope, postsWith } from '../../platform/access/actor.js';
import { t } from '../../platform/i18n/index.js';
import type { TodoProvider } from '../../platform/todo/todo.js';
import { organizations } from '../organizations/schema.js';
import { pointEntries } from './schema.js';

export const pointsTodos: TodoProvider = async (ctx, lang) => {
  if (postsWith(ctx.actor, 'member.approve').length === 0) return [];
  const { userId, personId } = ctx.actor;
  const pending = await ctx.db.select({ code: organizations.code, name: organizations.name, n: count() }).from(pointEntries)
    .innerJoin(organizations, and(eq(organizations.countyId, pointEntries.countyId), eq(organizations.id, pointEntries.orgId)))
    .where(and(
      inScope(ctx.actor, 'member.approve', { county: pointEntries.countyId, path: pointEntries.orgPath }),
      eq(pointEntries.status, 'pending'),
      userId ? or(isNull(pointEntries.submittedBy), ne(pointEntries.submittedBy, userId)) : undefined,
      personId ? ne(pointEntries.personId, personId) : undefined,
    ))
    .groupBy(organizations.code, organizations.name)
    .orderBy(sql`min(${pointEntries.createdAt})`);
  return pending.map((p) => ({
    kind: 'points.pending', title: t(lang, 'points.todo.pending', { org: p.name, count: p.n }), link: `/points?tab=claims&org=${p.code}`,
  }));
};
