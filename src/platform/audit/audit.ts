import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import type { Db } from '../db/database.js';
import { counties } from '../db/counties.js';
import { auditEvents, auditHeads } from './schema.js';
import { asStoredJson, eventHash, GENESIS_HASH, type ChainedEvent } from './hash.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  entityLabel: string;
  orgPath?: string | null;
  before?: unknown;
  after?: unknown;
  /** The post under which the actor acted, when one granted the action. */
  postId?: string | null;
  onBehalfOf?: string | null;
}

/**
 * Appends events to the county's chain inside the caller's transaction. Locking the chain head
 * row serializes appenders per county, so every event links to exactly one predecessor.
 */
/** Events per insert: well under the parameter limit at ~15 columns each. */
const AUDIT_CHUNK = 1000;

export async function appendAudit(tx: Db, actor: Actor, at: Date, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx
    .insert(auditHeads)
    .values({ countyId: actor.countyId, seq: 0, hash: GENESIS_HASH })
    .onConflictDoNothing();
  const [head] = await tx
    .select()
    .from(auditHeads)
    .where(eq(auditHeads.countyId, actor.countyId))
    .for('update');
  let seq = head!.seq;
  let prevHash = head!.hash;
  const rows = entries.map((entry) => {
    seq += 1;
    const event: ChainedEvent = {
      countyId: actor.countyId,
      seq,
      id: randomUUID(),
      at,
      actorUserId: actor.userId,
      actorPostId: entry.postId ?? null,
      actorLabel: actor.label,
      onBehalfOf: entry.onBehalfOf ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      entityLabel: entry.entityLabel,
      orgPath: entry.orgPath ?? null,
      before: asStoredJson(entry.before),
      after: asStoredJson(entry.after),
      prevHash,
    };
    prevHash = eventHash(event);
    return { ...event, hash: prevHash };
  });
  // A statement takes at most 65,535 parameters: an import of thousands of records is many events.
  for (let i = 0; i < rows.length; i += AUDIT_CHUNK) await tx.insert(auditEvents).values(rows.slice(i, i + AUDIT_CHUNK));
  await tx.update(auditHeads).set({ seq, hash: prevHash }).where(eq(auditHeads.countyId, actor.countyId));
}

export type VerifyResult =
  | { ok: true; counties: number; events: number }
  | { ok: false; countyCode: string; seq: number; reason: string; events: number };

/** Recomputes every county's chain and names the first broken link. */
export async function verifyAuditChain(db: Db): Promise<VerifyResult> {
  const all = await db.select().from(counties).orderBy(asc(counties.code));
  let total = 0;
  for (const county of all) {
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    for (;;) {
      const batch = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.countyId, county.id), gt(auditEvents.seq, expectedSeq - 1)))
        .orderBy(asc(auditEvents.seq))
        .limit(5000);
      for (const row of batch) {
        const fail = (reason: string) => ({ ok: false as const, countyCode: county.code, seq: row.seq, reason, events: total });
        if (row.seq !== expectedSeq) return { ...fail(`missing event #${expectedSeq}`), seq: expectedSeq };
        if (row.prevHash !== prevHash) return fail('prev_hash does not match the previous event');
        if (eventHash(row as ChainedEvent) !== row.hash) return fail('content does not match its hash');
        prevHash = row.hash;
        expectedSeq += 1;
        total += 1;
      }
      if (batch.length < 5000) break;
    }
    const [head] = await db.select().from(auditHeads).where(eq(auditHeads.countyId, county.id));
    const headSeq = head?.seq ?? 0;
    if (headSeq !== expectedSeq - 1 || (head && head.hash !== prevHash)) {
      return { ok: false, countyCode: county.code, seq: expectedSeq, reason: `chain head says #${headSeq}: events were removed`, events: total };
    }
  }
  return { ok: true, counties: all.length, events: total };
}

