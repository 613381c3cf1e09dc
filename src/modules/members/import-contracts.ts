import { z } from 'zod';

/** What the member import answers: counts and every problem by row and column. */
export const memberImportReport = z.object({
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  transferred: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
  rowsWithErrors: z.number().int(),
  problems: z.array(z.object({
    rowNumber: z.number().int(),
    column: z.string(),
    value: z.string(),
    severity: z.enum(['error', 'warning']),
    message: z.string(),
  })),
  committed: z.boolean(),
});
export type MemberImportReportView = z.infer<typeof memberImportReport>;
