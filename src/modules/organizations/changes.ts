/** What every change to the tree checks and records. */
import { and, eq, isNull } from 'drizzle-orm';
import { grantingPost, type Actor } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import { conflict, forbidden, invalid } from '../../platform/errors.js';
import type { WriteScope } from '../../platform/service.js';
import { posts } from '../people/schema.js';
import { mayContain, orgTypeLabels, type OrgType } from './rules.js';
import { orgEvents } from './schema.js';
import type { OrgRow } from './queries.js';

type EventKind = (typeof orgEvents.$inferInsert)['kind'];

export function requireManage(actor: Actor, org: OrgRow): string | null {
  const post = grantingPost(actor, 'org.manage', org.path);
  if (!post) throw forbidden();
  return post.postId;
}

export function requireActive(org: OrgRow): void {
  if (org.status !== 'active') throw conflict('org.dissolved', { code: org.code });
}

export function requireNotRoot(org: OrgRow): void {
  if (org.parentId === null) throw invalid('org.root_immutable');
}

/** The date a change takes effect: today unless given, never in the future nor before the org existed. */
export function effectiveDate(org: OrgRow, now: Date, given?: string): string {
  const today = chinaDate(now);
  const date = given ?? today;
  if (date > today) throw invalid('org.date_in_future', { date }, [{ path: 'effectiveOn', key: 'org.date_in_future', params: { date } }]);
  if (date < org.establishedOn) {
    const params = { date, established: org.establishedOn };
    throw invalid('org.date_before_established', params, [{ path: 'effectiveOn', key: 'org.date_before_established', params }]);
  }
  return date;
}

export async function recordEvent(w: WriteScope, org: OrgRow, kind: EventKind, effectiveOn: string, details: Record<string, unknown>, note?: string) {
  await w.tx.insert(orgEvents).values({ countyId: org.countyId, orgId: org.id, kind, effectiveOn, details, note: note ?? null });
}

export function checkPlacement(parentType: OrgType, type: OrgType, field: string): void {
  if (!mayContain(parentType, type)) {
    const params = { type: orgTypeZh(type), parentType: orgTypeZh(parentType) };
    throw invalid('org.type_not_allowed_under', params, [{ path: field, key: 'org.type_not_allowed_under', params }]);
  }
}

const orgTypeZh = (t: OrgType) => orgTypeLabels[t].zh;

/** Posts in an organization that ceases end on that day; the people keep their records. */
export async function endPosts(w: WriteScope, org: OrgRow, on: string): Promise<void> {
  await w.tx
    .update(posts)
    .set({ endedOn: on })
    .where(and(eq(posts.countyId, org.countyId), eq(posts.orgId, org.id), isNull(posts.endedOn)));
}
