import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { systemActor, type Actor } from '../../platform/access/actor.js';
import type { Clock } from '../../platform/clock.js';
import { counties } from '../../platform/db/counties.js';
import type { Db } from '../../platform/db/database.js';
import { AppError, conflict } from '../../platform/errors.js';
import { write } from '../../platform/service.js';
import { insertOrganization } from './service.js';
import { organizations } from './schema.js';

export type CountyRow = typeof counties.$inferSelect;

/**
 * Creates a county and its root organization, the county committee, whose organization code is
 * the county code (`grassroots init`).
 */
export async function initCounty(db: Db, clock: Clock, input: { code: string; name: string; establishedOn?: string; label?: string }): Promise<CountyRow> {
  if (!/^[0-9]{6}$/.test(input.code)) {
    throw new AppError(400, 'invalid', 'error.validation', { detail: 'county code: 6 digits (GB/T 2260)' }, [{ path: 'countyCode', key: 'validation.invalid_format' }]);
  }
  const [existing] = await db.select().from(counties).where(eq(counties.code, input.code));
  if (existing) throw conflict('county.code_taken', { code: input.code });
  // The operator acts as the county administrator; there is no root yet, so the scope is the whole county.
  const countyId = randomUUID();
  const actor: Actor = systemActor(countyId, { id: countyId, path: '', name: input.name }, input.label ?? 'cli:init');
  return write({ db, clock, actor }, async (w) => {
    const [county] = await w.tx.insert(counties).values({ id: countyId, code: input.code, name: input.name }).returning();
    const root = { code: input.code, name: `${input.name}委`, type: 'committee' as const, establishedOn: input.establishedOn ?? '1949-10-01' };
    await insertOrganization(w, null, root, countyId);
    return county!;
  });
}

export async function findCounty(db: Db, code: string): Promise<CountyRow | undefined> {
  const [county] = await db.select().from(counties).where(eq(counties.code, code));
  return county;
}

export async function rootOrg(db: Db, countyId: string) {
  const [root] = await db.select().from(organizations).where(and(eq(organizations.countyId, countyId), isNull(organizations.parentId)));
  return root;
}

/** The actor for an operator's command on a county: its administrator, with the command as label. */
export async function operatorFor(db: Db, county: CountyRow, command: string): Promise<Actor> {
  const root = await rootOrg(db, county.id);
  return systemActor(county.id, { id: root!.id, path: root!.path, name: root!.name }, `cli:${command}`);
}
