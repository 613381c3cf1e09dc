import { z } from 'zod';

/** Shared pieces of the API contracts; imported by the web app too, so nothing here touches Node. */

export const isoDate = z.iso.date();

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

/** Whether an action is allowed and, when not, why: the web app explains a disabled button with it. */
export const permission = z.object({
  allowed: z.boolean(),
  /** Access reasons, then reasons a capability adds about the record itself. */
  reason: z.enum(['no_ability', 'out_of_scope', 'dissolved', 'root', 'holds_nothing', 'not_a_village']).optional(),
});
export type PermissionView = z.infer<typeof permission>;
