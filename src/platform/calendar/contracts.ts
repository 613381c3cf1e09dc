import { z } from 'zod';
import { permission } from '../http/contracts.js';

/** The work calendar's API; imported by the web app too, so nothing here touches Node. */

export const calendarYearParams = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });

export const calendarKind = z.enum(['holiday', 'workday']);

export const calendarDayInput = z.strictObject({
  date: z.string().trim(),
  kind: calendarKind,
  name: z.string().max(40),
});

export const calendarYearBody = z.strictObject({ days: z.array(calendarDayInput).max(366) });
export type CalendarYearBody = z.infer<typeof calendarYearBody>;

/** Where a year's days come from: the national calendar in code, the county's file or its page; null: nowhere. */
export const calendarSource = z.enum(['national', 'imported', 'edited']);

export const calendarYearView = z.object({
  year: z.number().int(),
  source: calendarSource.nullable(),
  days: z.array(z.object({ date: z.string(), kind: calendarKind, name: z.string() })),
  /** Null when the year is not covered. */
  workingDays: z.number().int().nullable(),
  /** Why the year has no calendar and what to do, when it has none. */
  message: z.string().nullable(),
  can: z.object({ edit: permission }),
});
export type CalendarYearView = z.infer<typeof calendarYearView>;

export const calendarYearsView = z.object({
  items: z.array(z.object({ year: z.number().int(), source: calendarSource })),
  can: z.object({ edit: permission }),
});
export type CalendarYearsView = z.infer<typeof calendarYearsView>;

export const calendarImportBody = z.strictObject({
  fileName: z.string().trim().min(1).max(200).regex(/\.(xlsx|csv)$/i, '请上传 .xlsx 或 .csv 文件'),
  /** The file's bytes, base64-encoded. */
  content: z.string().min(1).max(4 * 1024 * 1024),
  commit: z.boolean().default(false),
});

export const calendarImportReport = z.object({
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  rows: z.number().int(),
  holidays: z.number().int(),
  workdays: z.number().int(),
  errors: z.number().int(),
  problems: z.array(z.object({ rowNumber: z.number().int(), column: z.string(), value: z.string(), message: z.string() })),
  committed: z.boolean(),
});
export type CalendarImportReport = z.infer<typeof calendarImportReport>;
