import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** The fields of an event that the chain protects. */
export interface ChainedEvent {
  countyId: string;
  seq: number;
  id: string;
  at: Date;
  actorUserId: string | null;
  actorPostId: string | null;
  actorLabel: string;
  onBehalfOf: string | null;
  action: string;
  entityType: string;
  entityId: string;
  entityLabel: string;
  orgPath: string | null;
  before: unknown;
  after: unknown;
  prevHash: string;
}

export function eventHash(e: ChainedEvent): string {
  const body = canonicalJson([
    e.countyId, e.seq, e.id, e.at.toISOString(), e.actorUserId, e.actorPostId, e.actorLabel,
    e.onBehalfOf, e.action, e.entityType, e.entityId, e.entityLabel, e.orgPath, e.before ?? null, e.after ?? null, e.prevHash,
  ]);
  return createHash('sha256').update(body).digest('hex');
}

/** A value as it will read back from jsonb: plain JSON, dates as ISO strings. */
export function asStoredJson(value: unknown): unknown {
  return value === undefined || value === null ? null : JSON.parse(canonicalJson(value));
}
