import { z } from 'zod';
import { abilities, roles } from '../../platform/access/abilities.js';

export const signInBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
});

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(128),
  newPassword: z.string().min(1).max(128),
});

export const me = z.object({
  username: z.string(),
  name: z.string(),
  countyCode: z.string(),
  countyName: z.string(),
  posts: z.array(z.object({ role: z.enum(roles), title: z.string(), orgCode: z.string(), orgName: z.string() })),
  abilities: z.array(z.enum(abilities)),
});
export type Me = z.infer<typeof me>;

export const meBody = z.object({ user: me });

export const userView = z.object({
  username: z.string(),
  name: z.string(),
  disabled: z.boolean(),
  initialPassword: z.boolean(),
  posts: z.array(z.object({ role: z.enum(roles), title: z.string(), orgCode: z.string(), orgName: z.string() })),
});
export type UserView = z.infer<typeof userView>;

export const userList = z.object({ items: z.array(userView) });

export const createUserBody = z.strictObject({
  username: z.string().trim().regex(/^[A-Za-z0-9_.-]{3,32}$/, '用户名为 3 至 32 位字母、数字、下划线、点或连字符'),
  password: z.string().min(8).max(128),
  name: z.string().trim().min(2).max(30),
  role: z.enum(roles),
  orgCode: z.string().trim().min(1).max(40),
  title: z.string().trim().min(1).max(30).optional(),
});

export const usernameParams = z.strictObject({ username: z.string().trim().min(1).max(64) });
export const resetPasswordBody = z.strictObject({ newPassword: z.string().min(1).max(128) });
