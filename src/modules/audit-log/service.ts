import { and, count, desc, eq, gte, inArray, lt, ne, or, type SQL } from 'drizzle-orm';
import { inScope, postsWith } from '../../platform/access/actor.js';
import { forbidden } from '../../platform/errors.js';
import { auditEvents } from '../../platform/audit/schema.js';
import type { ServiceContext } from '../../platform/service.js';
import type { AuditQuery } from './contracts.js';
import { visiblePetitionIds } from '../petitions/visibility.js';

/** China's calendar day boundaries (UTC+8) for the from/to filters. */
const dayStart = (date: string) => new Date(`${date}T00:00:00+08:00`);
const nextDay = (date: string) => new Date(dayStart(date).getTime() + 86_400_000);

/** The audit trail of the administrator's subtree, newest first. */
export async function readAuditTrail(ctx: ServiceContext, q: AuditQuery) {
  if (postsWith(ctx.actor, 'audit.read').length === 0) throw forbidden();
  const conditions: (SQL | undefined)[] = [
    inScope(ctx.actor, 'audit.read', { county: auditEvents.countyId, path: auditEvents.orgPath }),
    // A petition's events show only to readers who may see the petition: the accused learn nothing of it here.
    or(ne(auditEvents.entityType, 'petition'), inArray(auditEvents.entityId, visiblePetitionIds(ctx.db, ctx.actor))),
    q.entityType ? eq(auditEvents.entityType, q.entityType) : undefined,
    q.entityId ? eq(auditEvents.entityId, q.entityId) : undefined,
    q.action ? eq(auditEvents.action, q.action) : undefined,
    q.actor ? eq(auditEvents.actorLabel, q.actor) : undefined,
    q.from ? gte(auditEvents.at, dayStart(q.from)) : undefined,
    q.to ? lt(auditEvents.at, nextDay(q.to)) : undefined,
  ];
  const where = and(...conditions);
  const [total] = await ctx.db.select({ n: count() }).from(auditEvents).where(where);
  const items = await ctx.db
    .select()
    .from(auditEvents)
    .where(where)
    .orderBy(desc(auditEvents.at), desc(auditEvents.seq))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return {
    total: total?.n ?? 0,
    items: items.map((e) => ({
      seq: e.seq, at: e.at.toISOString(), actorLabel: e.actorLabel, onBehalfOf: e.onBehalfOf, action: e.action,
      entityType: e.entityType, entityId: e.entityId, entityLabel: e.entityLabel, before: e.before, after: e.after, hash: e.hash,
    })),
  };
}
