import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../db/database.js';
import { countySettings } from './schema.js';

/**
 * The county's value of a setting, or the defaults when it has none. A stored value that no longer
 * parses (its schema grew stricter) falls back to the defaults rather than failing every read.
 */
export async function readSetting<T>(db: Db, countyId: string, key: string, schema: z.ZodType<T>, defaults: T): Promise<T> {
  const [row] = await db.select({ value: countySettings.value }).from(countySettings)
    .where(and(eq(countySettings.countyId, countyId), eq(countySettings.key, key)));
  if (!row) return defaults;
  const parsed = schema.safeParse(row.value);
  return parsed.success ? parsed.data : defaults;
}

/** Stores a value the caller has validated; call inside write() so the change and its audit event land together. */
export async function storeSetting(tx: Db, countyId: string, key: string, value: unknown, userId: string | null, now: Date): Promise<void> {
  await tx.insert(countySettings).values({ countyId, key, value, updatedBy: userId, updatedAt: now })
    .onConflictDoUpdate({ target: [countySettings.countyId, countySettings.key], set: { value, updatedBy: userId, updatedAt: now } });
}
