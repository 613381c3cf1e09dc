/**
 * Commitments on the to-do list. For the branches a user holds a post in ('commitment.manage'): after the
 * county's publishing month, the branch or a secretary of the day with fewer published commitments than
 * the county's minimum; commitments due within 30 days and not complete; overdue ones. For the level
 * directly above a branch (its township's posts): in December and January, the branch's commitments of
 * the year still to appraise. The committees higher up see these on the board, not one to-do per village.
 */
import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { postsWith } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import { t } from '../../platform/i18n/index.js';
import type { TodoItem, TodoProvider } from '../../platform/todo/todo.js';
import { organizations } from '../organizations/schema.js';
import { commitmentAppraisals, commitments } from './schema.js';
import { isCommitting, secretariesOn, settingsOf, superiorPath } from './queries.js';
import { appraisalSeason, dueWithin, isOpen, isOverdue, pastPublishMonth, type CommitmentState } from './rules.js';

const DUE_SOON_DAYS = 30;

export const commitmentTodos: TodoProvider = async (ctx, lang) => {
  const posts = postsWith(ctx.actor, 'commitment.manage');
  if (posts.length === 0) return [];
  const today = chinaDate(ctx.clock.now());
  const year = Number(today.slice(0, 4));
  const items: TodoItem[] = [];
  const own = (await ctx.db.select().from(organizations)
    .where(and(eq(organizations.countyId, ctx.actor.countyId), inArray(organizations.id, posts.map((p) => p.orgId)), eq(organizations.status, 'active'))))
    .filter((o) => isCommitting(o.type));
  if (own.length > 0) {
    const settings = await settingsOf(ctx.db, ctx.actor.countyId);
    const rows = await ctx.db.select().from(commitments)
      .where(and(eq(commitments.countyId, ctx.actor.countyId), inArray(commitments.orgId, own.map((o) => o.id)), isNull(commitments.parentId),
        inArray(commitments.year, [year - 1, year])));
    for (const org of own) {
      const link = `/commitments?org=${org.code}&year=${year}`;
      const mine = rows.filter((r) => r.orgId === org.id);
      if (pastPublishMonth(today, year, settings.publishByMonth)) {
        const published = mine.filter((r) => r.year === year && r.state !== 'draft');
        const { branch, secretary } = settings.minimums;
        const short = (who: string, made: number, minimum: number) => items.push({
          kind: 'commitments.below_minimum', title: t(lang, 'commitments.todo.below_minimum', { org: org.name, who, year, made, minimum }), link, due: null,
        });
        if (branch !== null) {
          const made = published.filter((r) => r.maker === 'branch').length;
          if (made < branch) short('', made, branch);
        }
        if (secretary !== null) {
          for (const s of await secretariesOn(ctx.db, org, today)) {
            const made = published.filter((r) => r.maker === 'secretary' && r.personId === s.id).length;
            if (made < secretary) short(` ${s.name}`, made, secretary);
          }
        }
      }
      for (const c of mine.filter((r) => isOpen(r.state as CommitmentState)).sort((a, b) => a.dueOn.localeCompare(b.dueOn))) {
        const state = c.state as CommitmentState;
        if (isOverdue({ state, dueOn: c.dueOn }, today)) {
          items.push({ kind: 'commitments.overdue', title: t(lang, 'commitments.todo.overdue', { org: org.name, title: c.title, due: c.dueOn }), link: `/commitments?org=${org.code}&year=${c.year}`, due: c.dueOn, overdue: true });
        } else if (dueWithin(c.dueOn, today, DUE_SOON_DAYS)) {
          items.push({ kind: 'commitments.due_soon', title: t(lang, 'commitments.todo.due_soon', { org: org.name, title: c.title, due: c.dueOn }), link: `/commitments?org=${org.code}&year=${c.year}`, due: c.dueOn });
        }
      }
    }
  }
  const season = appraisalSeason(today);
  if (season !== null) {
    // Branches directly under the user's posts: their commitments of the season's year not yet appraised.
    const parents = new Set(posts.map((p) => p.orgPath));
    const waiting = await ctx.db.select({ orgPath: commitments.orgPath, code: organizations.code, name: organizations.name, count: sql<number>`count(*)::int` })
      .from(commitments)
      .innerJoin(organizations, and(eq(organizations.countyId, commitments.countyId), eq(organizations.id, commitments.orgId)))
      .leftJoin(commitmentAppraisals, and(eq(commitmentAppraisals.countyId, commitments.countyId), eq(commitmentAppraisals.commitmentId, commitments.id)))
      .where(and(eq(commitments.countyId, ctx.actor.countyId), eq(commitments.year, season), isNull(commitments.parentId), ne(commitments.state, 'draft'),
        isNull(commitmentAppraisals.commitmentId), sql`(${sql.join([...parents].map((p) => sql`${commitments.orgPath} like ${p + '%'}`), sql` or `)})`))
      .groupBy(commitments.orgPath, organizations.code, organizations.name)
      .orderBy(commitments.orgPath);
    for (const w of waiting.filter((r) => parents.has(superiorPath({ path: r.orgPath })))) {
      items.push({
        kind: 'commitments.appraisal_due', title: t(lang, 'commitments.todo.appraisal_due', { org: w.name, year: season, count: w.count }),
        link: `/commitments?org=${w.code}&year=${season}`, due: `${season + 1}-01-31`,
      });
    }
  }
  return items;
};
