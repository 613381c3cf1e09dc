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
