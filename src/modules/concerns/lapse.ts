/**
 * Replied concerns nobody acts on close by themselves: unrated after the rating window, rated
 * unsatisfied and not reopened after the reopen window (rules.lapse). Derived from the reply day,
 * so it runs when a concern is read and on each pass of the delivery loop, and running it again
 * changes nothing.
 */
import { and, asc, eq, lt } from 'drizzle-orm';
import { chinaDate, type Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { write } from '../../platform/service.js';
import { publicActor } from './intake.js';
import { transition } from './lifecycle.js';
import type { ConcernRow } from './queries.js';
import { lapse, type ConcernState, type Rating } from './rules.js';
import { concerns } from './schema.js';
import { concernSettings } from './settings.js';

/** Closes one concern if its window has passed; answers whether it did. */
export async function settleLapsed(db: Db, clock: Clock, c: ConcernRow): Promise<boolean> {
  if (c.state !== 'replied' || !c.repliedAt) return false;
  const settings = await concernSettings(db, c.countyId);
  const now = clock.now();
  const to = lapse({ state: c.state as ConcernState, repliedOn: chinaDate(c.repliedAt), rating: c.rating as Rating | null }, settings, chinaDate(now));
  if (!to) return false;
  const actor = { ...publicActor(c.countyId), label: 'system:concerns' };
  await write({ actor, db, clock }, (w) => transition(w, actor, c, { action: to === 'closed_unrated' ? 'close_unrated' : 'close', to, set: { closedAt: w.now } }, settings))
    // Closed meanwhile by another reader or the loop: already what this would have done.
    .catch((error: unknown) => { if ((error as { code?: string }).code !== 'conflict') throw error; });
  return true;
}

/** One sweep over every county: replied at least a day ago, in batches so a backlog drains over passes. */
export async function closeLapsed(db: Db, clock: Clock, batch = 200): Promise<number> {
  const dayAgo = new Date(clock.now().getTime() - 24 * 3600_000);
  const due = await db.select().from(concerns).where(and(eq(concerns.state, 'replied'), lt(concerns.repliedAt, dayAgo)))
    .orderBy(asc(concerns.repliedAt)).limit(batch);
  let closed = 0;
  for (const c of due) if (await settleLapsed(db, clock, c)) closed++;
  return closed;
}
