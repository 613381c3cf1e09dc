/**
 * Assessments on the to-do list of the organization that runs them (the posts held in the township or
 * the county itself, not every level above): an open round with results still missing, letters it
 * issued that are signed but unscored after their year ended, and its letters of this year not signed.
 */
import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { postsWith } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import { t } from '../../platform/i18n/index.js';
import type { TodoItem, TodoProvider } from '../../platform/todo/todo.js';
import { organizations } from '../organizations/schema.js';
import { assessmentResults, assessmentRounds, responsibilityLetters } from './schema.js';

export const assessmentTodos: TodoProvider = async (ctx, lang) => {
  const orgIds = [...new Set(postsWith(ctx.actor, 'assessment.manage').map((p) => p.orgId))];
  if (orgIds.length === 0) return [];
  const today = chinaDate(ctx.clock.now());
  const year = Number(today.slice(0, 4));
  const county = ctx.actor.countyId;
  const items: TodoItem[] = [];
  const open = await ctx.db.select({ id: assessmentRounds.id, title: assessmentRounds.title, year: assessmentRounds.year, missing: sql<number>`count(*)::int` })
    .from(assessmentRounds)
    .innerJoin(assessmentResults, and(eq(assessmentResults.countyId, assessmentRounds.countyId), eq(assessmentResults.roundId, assessmentRounds.id)))
    .where(and(eq(assessmentRounds.countyId, county), inArray(assessmentRounds.orgId, orgIds), eq(assessmentRounds.status, 'open'), isNull(assessmentResults.total)))
    .groupBy(assessmentRounds.id, assessmentRounds.title, assessmentRounds.year);
  for (const r of open) {
    items.push({ kind: 'assessments.results_missing', title: t(lang, 'assessments.todo.results_missing', { title: r.title, count: r.missing }), link: `/assessments?year=${r.year}&round=${r.id}` });
  }
  const letters = await ctx.db.select({ id: responsibilityLetters.id, title: responsibilityLetters.title, year: responsibilityLetters.year, status: responsibilityLetters.status, org: organizations.name })
    .from(responsibilityLetters)
    .innerJoin(organizations, and(eq(organizations.countyId, responsibilityLetters.countyId), eq(organizations.id, responsibilityLetters.orgId)))
    .where(and(eq(responsibilityLetters.countyId, county), inArray(responsibilityLetters.issuerOrgId, orgIds),
      sql`((${responsibilityLetters.status} = 'signed' and ${lt(responsibilityLetters.year, year)}) or (${responsibilityLetters.status} = 'draft' and ${responsibilityLetters.year} = ${year}))`))
    .orderBy(responsibilityLetters.year, organizations.code);
  for (const l of letters) {
    const unscored = l.status === 'signed';
    items.push({
      kind: unscored ? 'assessments.letter_unscored' : 'assessments.letter_unsigned',
      title: t(lang, unscored ? 'assessments.todo.letter_unscored' : 'assessments.todo.letter_unsigned', { org: l.org, title: l.title, year: l.year }),
      link: `/assessments?tab=letters&year=${l.year}&letter=${l.id}`,
      due: unscored ? null : `${l.year}-12-31`, overdue: unscored,
    });
  }
  return items;
};
