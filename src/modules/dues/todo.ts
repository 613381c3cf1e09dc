/**
 * Members six or more months behind on dues (rules.md §1.4: treated as leaving the Party, but only
 * after the branch looks into it, so the platform flags and never acts), on the list of whoever
 * collects their branch's dues. Only the organizations of the user's own posts: the level above
 * sees them on the dues pages, and a county's every member would cost each home page a scan.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { postsWith } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import { t } from '../../platform/i18n/index.js';
import type { TodoItem, TodoProvider } from '../../platform/todo/todo.js';
import { memberships } from '../members/schema.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';
import { BEHIND_FLAG } from './contracts.js';
import { duesRecords } from './queries.js';

export const duesTodos: TodoProvider = async (ctx, lang) => {
  const posts = postsWith(ctx.actor, 'dues.manage');
  if (posts.length === 0) return [];
  const month = chinaDate(ctx.clock.now()).slice(0, 7);
  const members = await ctx.db.select({ personId: memberships.personId, name: people.name, orgId: memberships.orgId, code: organizations.code, orgName: organizations.name })
    .from(memberships)
    .innerJoin(people, and(eq(people.countyId, memberships.countyId), eq(people.id, memberships.personId)))
    .innerJoin(organizations, and(eq(organizations.countyId, memberships.countyId), eq(organizations.id, memberships.orgId)))
    .where(and(eq(memberships.countyId, ctx.actor.countyId), isNull(memberships.endedOn), inArray(memberships.category, ['full', 'probationary']),
      inArray(memberships.orgId, posts.map((p) => p.orgId))))
    .orderBy(people.pinyin, people.name);
  if (members.length === 0) return [];
  const records = await duesRecords(ctx.db, ctx.actor.countyId, members.map((m) => m.personId), month);
  const behind = members.filter((m) => records.behind(m.personId) >= BEHIND_FLAG);
  const items: TodoItem[] = [];
  for (const code of [...new Set(behind.map((m) => m.code))]) {
    const ofOrg = behind.filter((m) => m.code === code);
    items.push({
      kind: 'dues.behind', title: t(lang, 'dues.todo.behind', { org: ofOrg[0]!.orgName, count: ofOrg.length, names: ofOrg.map((m) => m.name).join('、') }),
      link: `/dues?org=${code}&month=${month}`, overdue: true,
    });
  }
  return items;
};
