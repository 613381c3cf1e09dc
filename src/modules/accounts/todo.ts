import { and, eq, isNull } from 'drizzle-orm';
import type { TodoProvider } from '../../platform/todo/todo.js';
import { users } from './schema.js';

/** A user still signing in with the password someone else set for them. */
export const initialPassword: TodoProvider = async (ctx, lang) => {
  if (!ctx.actor.userId) return [];
  const [user] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.countyId, ctx.actor.countyId), eq(users.id, ctx.actor.userId), isNull(users.passwordChangedAt)));
  if (!user) return [];
  return [{
    kind: 'accounts.initial_password',
    title: lang === 'zh' ? '请修改初始密码' : 'Change your initial password',
    detail: lang === 'zh' ? '初始密码由管理员设置，请改为只有您知道的密码' : 'An administrator set it; choose one only you know',
    link: '/account',
  }];
};
