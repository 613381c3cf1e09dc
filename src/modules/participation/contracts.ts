import { z } from 'zod';

/** Participation in organizational life per member and month, and the members a branch should look into. */

export const participationQuery = z.strictObject({
  person: z.uuid(),
  /** How many months, ending with the current one. */
  months: z.coerce.number().int().min(1).max(36).default(12),
});

const run = z.object({ from: z.string(), months: z.number().int() });

export const participationView = z.object({
  person: z.object({ id: z.string(), name: z.string() }),
  months: z.array(z.object({
    month: z.string(),
    /** The current month is still running: it never counts towards a flag. */
    complete: z.boolean(),
    /** A member on its first and last day; other months are not asked about. */
    member: z.boolean(),
    attended: z.boolean(),
    paid: z.boolean(),
    duty: z.boolean(),
  })),
  /** The months in a row with no meeting, no dues and no duty, ending with the last complete month (traced back at most 24 months). */
  idle: run.nullable(),
  flagged: z.boolean(),
});
export type ParticipationView = z.infer<typeof participationView>;

export const flaggedQuery = z.strictObject({ org: z.string().trim().min(1).max(40) });

export const flaggedView = z.object({
  org: z.object({ code: z.string(), name: z.string() }),
  /** The last complete month: every run ends with it. */
  lastMonth: z.string(),
  items: z.array(z.object({ person: z.object({ id: z.string(), name: z.string() }), idle: run })),
});
export type FlaggedView = z.infer<typeof flaggedView>;
