import type { Actor } from './access/actor.js';
import { appendAudit, type AuditEntry } from './audit/audit.js';
import type { Clock } from './clock.js';
import type { Db } from './db/database.js';

/** What every service function receives first: who acts, on which database, at what time. */
export interface ServiceContext {
  actor: Actor;
  db: Db;
  clock: Clock;
}

export interface WriteScope {
  tx: Db;
  now: Date;
  audit(entry: AuditEntry): void;
}

/**
 * Runs a use case's writes in one transaction and appends its audit events to the county's chain
 * before the commit: either both the change and its record land, or neither.
 */
export async function write<T>(ctx: ServiceContext, work: (w: WriteScope) => Promise<T>): Promise<T> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const entries: AuditEntry[] = [];
    const result = await work({ tx: tx as unknown as Db, now, audit: (e) => entries.push(e) });
    await appendAudit(tx as unknown as Db, ctx.actor, now, entries);
    return result;
  });
}
