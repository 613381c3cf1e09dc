import { z } from 'zod';
import { orgType } from '../organizations/contracts.js';

export const homeQuery = z.strictObject({ org: z.string().trim().max(40).optional() });

export const memberFigures = z.object({
  total: z.number().int(),
  full: z.number().int(),
  probationary: z.number().int(),
  female: z.number().int(),
  minority: z.number().int(),
  applicants: z.number().int(),
  activists: z.number().int(),
  developmentTargets: z.number().int(),
});

export const homeBody = z.object({
  org: z.object({ code: z.string(), name: z.string(), type: orgType, unitType: z.string().nullable() }),
  /** Other subtrees the user may switch to (one per post). */
  scopes: z.array(z.object({ code: z.string(), name: z.string() })),
  orgsByType: z.record(orgType, z.number().int()),
  adminUnitsByKind: z.record(z.string(), z.number().int()),
  members: memberFigures,
  children: z.array(z.object({ code: z.string(), name: z.string(), type: orgType, organizations: z.number().int(), members: z.number().int() })),
});
export type HomeView = z.infer<typeof homeBody>;

/** The acting user's to-do list: their own, whichever subtree the home page shows. */
export const todosBody = z.object({
  items: z.array(z.object({
    kind: z.string(), title: z.string(), detail: z.string().optional(), link: z.string().optional(),
    due: z.string().nullable().optional(), overdue: z.boolean().optional(),
  })),
});
export type Todos = z.infer<typeof todosBody>;
