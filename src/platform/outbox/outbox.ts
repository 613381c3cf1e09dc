/**
 * Messages to people outside the platform, written in the transaction that causes them and
 * delivered afterwards by pluggable channels, so a reply is published whether or not its message
 * has gone yet and a failing gateway never rolls a decision back (REFERENCES.md: delivery is not status).
 */
import { and, asc, eq, lte } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { outboxMessages } from './schema.js';

export type OutboxMessage = typeof outboxMessages.$inferSelect;

/** A way of delivering messages; send throws when the message did not go. */
export interface OutboxChannel {
  name: string;
  send(message: OutboxMessage): Promise<void>;
}

/** The default channel: writes the message as a line of the log, for a county without an SMS gateway. */
export function logChannel(log: (line: object, text: string) => void): OutboxChannel {
  return {
    name: 'log',
    async send(m) {
      log({ outbox: m.id, entity: `${m.entityType}:${m.entityId}`, recipient: m.recipient }, m.body);
    },
  };
}

export interface NewMessage {
  countyId: string;
  entityType: string;
  entityId: string;
  channel: string;
  recipient: string;
  body: string;
}

/** Queues a message inside the caller's transaction. */
export async function enqueue(tx: Db, message: NewMessage, now: Date): Promise<void> {
  await tx.insert(outboxMessages).values({ ...message, nextAttemptAt: now, createdAt: now });
}

export const MAX_ATTEMPTS = 5;
/** Waits between attempts: one minute, doubling, so five attempts span about a quarter of an hour. */
export const backoffMs = (attempts: number): number => 60_000 * 2 ** (attempts - 1);

export interface DeliveryPass {
  sent: number;
  retried: number;
  failed: number;
}

/**
 * One pass over the messages due: each goes through its channel; a failure is retried later with
 * backoff and after MAX_ATTEMPTS marked failed. A message for a channel nobody registered fails the
 * same way, so a misconfiguration shows up as failed deliveries instead of a silent queue.
 */
export async function deliverDue(db: Db, channels: readonly OutboxChannel[], now: Date, batch = 100): Promise<DeliveryPass> {
  const due = await db.select().from(outboxMessages)
    .where(and(eq(outboxMessages.status, 'pending'), lte(outboxMessages.nextAttemptAt, now)))
    .orderBy(asc(outboxMessages.nextAttemptAt)).limit(batch);
  const pass: DeliveryPass = { sent: 0, retried: 0, failed: 0 };
  for (const message of due) {
    const attempts = message.attempts + 1;
    const key = and(eq(outboxMessages.countyId, message.countyId), eq(outboxMessages.id, message.id));
    try {
      const channel = channels.find((c) => c.name === message.channel);
      if (!channel) throw new Error(`no channel "${message.channel}"`);
      await channel.send(message);
      await db.update(outboxMessages).set({ status: 'sent', attempts, sentAt: now, lastError: null }).where(key);
      pass.sent++;
    } catch (error) {
      const failed = attempts >= MAX_ATTEMPTS;
      await db.update(outboxMessages).set({
        attempts, lastError: String((error as Error).message ?? error).slice(0, 500),
        status: failed ? 'failed' : 'pending', nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
      }).where(key);
      if (failed) pass.failed++;
      else pass.retried++;
    }
  }
  return pass;
}

/** Runs a task every `intervalMs` until stopped, skipping a tick while the last run is busy; errors go to `onError`. */
export function startLoop(task: () => Promise<unknown>, intervalMs: number, onError: (error: unknown) => void): { stop(): Promise<void> } {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = task().catch(onError).finally(() => { running = null; });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
