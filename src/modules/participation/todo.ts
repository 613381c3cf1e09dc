/**
 * Members idle for six months or more (rules.md §1.4), on the list of their branch's secretary: the
 * branch looks into the reason; nothing is decided here. Only the organizations of the user's own
 * posts, as for dues: the level above sees them on the participation page, and tracing every member
 * of a county would cost each home page some 200 ms.
 */
import { inArray } from 'drizzle-orm';
import { postsWith } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import { t } from '../../platform/i18n/index.js';
import type { TodoItem, TodoProvider } from '../../platform/todo/todo.js';
import { memberships } from '../members/schema.js';
import { flaggedMembers } from './queries.js';

export const participationTodos: TodoProvider = async (ctx, lang) => {
  const posts = postsWith(ctx.actor, 'member.manage');
  if (posts.length === 0) return [];
  const scope = inArray(memberships.orgId, posts.map((p) => p.orgId));
  const { flagged } = await flaggedMembers(ctx.db, ctx.actor.countyId, scope, chinaDate(ctx.clock.now()));
  const items: TodoItem[] = [];
  for (const code of [...new Set(flagged.map((f) => f.org.code))]) {
    const ofOrg = flagged.filter((f) => f.org.code === code);
    items.push({
      kind: 'participation.idle',
      title: t(lang, 'participation.todo.idle', { org: ofOrg[0]!.org.name, count: ofOrg.length, names: ofOrg.map((f) => f.person.name).join('、') }),
      link: `/participation?org=${code}`,
    });
  }
  return items;
};
