/**
 * Screening on the to-do list: proposals of the automatic indicators awaiting confirmation (for whoever
 * decides them: township or county), and, for the county, organizations of an open round with
 * confirmed findings and no definition yet.
 */
import { and, eq, sql } from 'drizzle-orm';
import { grantingPost, inScope, postsWith } from '../../../platform/access/actor.js';
import { t } from '../../../platform/i18n/index.js';
import type { TodoItem, TodoProvider } from '../../../platform/todo/todo.js';
import { rootOrg } from '../../organizations/county.js';
import { rectificationCases, screeningFindings, screeningRounds } from '../schema.js';

export const screeningTodos: TodoProvider = async (ctx, lang) => {
  if (postsWith(ctx.actor, 'rectification.manage').length === 0) return [];
  const proposed = await ctx.db.select({ id: screeningRounds.id, title: screeningRounds.title, n: sql<number>`count(*)::int` }).from(screeningFindings)
    .innerJoin(screeningRounds, and(eq(screeningRounds.countyId, screeningFindings.countyId), eq(screeningRounds.id, screeningFindings.roundId)))
    .where(and(inScope(ctx.actor, 'rectification.manage', { county: screeningFindings.countyId, path: screeningFindings.orgPath }),
      eq(screeningRounds.status, 'open'), eq(screeningFindings.status, 'proposed')))
    .groupBy(screeningRounds.id, screeningRounds.title);
  const items: TodoItem[] = proposed.map((r) => ({
    kind: 'screening.proposals', title: t(lang, 'screening.todo.proposals', { title: r.title, count: r.n }), link: `/screening?round=${r.id}`,
  }));
  const root = (await rootOrg(ctx.db, ctx.actor.countyId))!;
  if (!grantingPost(ctx.actor, 'rectification.manage', root.path)) return items;
  const undecided = await ctx.db.select({ id: screeningRounds.id, title: screeningRounds.title, n: sql<number>`count(distinct ${screeningFindings.orgId})::int` }).from(screeningFindings)
    .innerJoin(screeningRounds, and(eq(screeningRounds.countyId, screeningFindings.countyId), eq(screeningRounds.id, screeningFindings.roundId)))
    .where(and(eq(screeningFindings.countyId, ctx.actor.countyId), eq(screeningRounds.status, 'open'), eq(screeningFindings.status, 'confirmed'),
      sql`not exists (select 1 from ${rectificationCases} c where c.county_id = ${screeningFindings.countyId} and c.round_id = ${screeningFindings.roundId} and c.org_id = ${screeningFindings.orgId})`))
    .groupBy(screeningRounds.id, screeningRounds.title);
  for (const r of undecided) {
    items.push({ kind: 'screening.undecided', title: t(lang, 'screening.todo.undecided', { title: r.title, count: r.n }), link: `/screening?round=${r.id}` });
  }
  return items;
};
