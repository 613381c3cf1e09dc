/**
 * The ledger on the to-do list: this period's progress report not yet filed (for those who report
 * from the village itself), plan items due within a week or past due (for whoever reports on or
 * manages the village: cases are few), and for the county the acceptances asked for and the watches
 * ended, ready to close.
 */
import { and, eq, inArray, isNull, lte } from 'drizzle-orm';
import { grantingPost, inScope, postsWith } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import { addDays } from '../../platform/dates.js';
import { t } from '../../platform/i18n/index.js';
import type { TodoItem, TodoProvider } from '../../platform/todo/todo.js';
import { rootOrg } from '../organizations/county.js';
import { organizations } from '../organizations/schema.js';
import { cadencePeriodOf } from './cases/rules.js';
import { rectificationCases, rectificationItems, rectificationReports } from './schema.js';
import { rectificationSetting } from './settings.js';

export const rectificationTodos: TodoProvider = async (ctx, lang) => {
  const reporters = postsWith(ctx.actor, 'rectification.report');
  if (reporters.length === 0) return [];
  const today = chinaDate(ctx.clock.now());
  const items: TodoItem[] = [];
  const cols = { county: rectificationCases.countyId, path: rectificationCases.orgPath };
  const link = (id: string) => `/rectification?case=${id}`;

  const active = await ctx.db.select({ c: rectificationCases, name: organizations.name }).from(rectificationCases)
    .innerJoin(organizations, and(eq(organizations.countyId, rectificationCases.countyId), eq(organizations.id, rectificationCases.orgId)))
    .where(and(inScope(ctx.actor, 'rectification.report', cols), inArray(rectificationCases.state, ['plan_approved', 'rectifying'])));

  // The report of this period, for the village's own report holders.
  const own = active.filter(({ c }) => reporters.some((p) => p.orgId === c.orgId));
  if (own.length > 0) {
    const { cadence } = await rectificationSetting.read(ctx.db, ctx.actor.countyId);
    const reports = await ctx.db.select({ caseId: rectificationReports.caseId, periodKey: rectificationReports.periodKey }).from(rectificationReports)
      .where(and(eq(rectificationReports.countyId, ctx.actor.countyId), inArray(rectificationReports.caseId, own.map(({ c }) => c.id))));
    for (const { c, name } of own) {
      const period = cadencePeriodOf(cadence, c.planApprovedOn ?? today, today);
      if (reports.some((r) => r.caseId === c.id && r.periodKey === period.key)) continue;
      items.push({ kind: 'rectification.report_due', title: t(lang, 'rectification.todo.report_due', { org: name, period: period.key }), link: link(c.id), due: period.end });
    }
  }

  // Plan items due within a week, or past due, while rectifying.
  if (active.length > 0) {
    const due = await ctx.db.select().from(rectificationItems)
      .where(and(eq(rectificationItems.countyId, ctx.actor.countyId), inArray(rectificationItems.caseId, active.map(({ c }) => c.id)),
        isNull(rectificationItems.doneOn), lte(rectificationItems.deadline, addDays(today, 7))));
    for (const i of due) {
      const name = active.find(({ c }) => c.id === i.caseId)!.name;
      items.push({ kind: 'rectification.item_due', title: t(lang, 'rectification.todo.item_due', { org: name, problem: i.problem, deadline: i.deadline }), link: link(i.caseId), due: i.deadline, overdue: i.deadline < today });
    }
  }

  // The county's decisions.
  const root = await rootOrg(ctx.db, ctx.actor.countyId);
  if (root && grantingPost(ctx.actor, 'rectification.manage', root.path)) {
    const waiting = await ctx.db.select({ c: rectificationCases, name: organizations.name }).from(rectificationCases)
      .innerJoin(organizations, and(eq(organizations.countyId, rectificationCases.countyId), eq(organizations.id, rectificationCases.orgId)))
      .where(and(eq(rectificationCases.countyId, ctx.actor.countyId), inArray(rectificationCases.state, ['acceptance_requested', 'under_watch'])));
    for (const { c, name } of waiting) {
      if (c.state === 'acceptance_requested') {
        items.push({ kind: 'rectification.acceptance_requested', title: t(lang, 'rectification.todo.acceptance_requested', { org: name }), link: link(c.id) });
      } else if (c.watchUntil !== null && c.watchUntil <= today) {
        items.push({ kind: 'rectification.watch_ended', title: t(lang, 'rectification.todo.watch_ended', { org: name, until: c.watchUntil }), link: link(c.id), due: c.watchUntil });
      }
    }
  }
  return items;
};
