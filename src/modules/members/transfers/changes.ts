/** What every change of a membership relation (a transfer, an end) checks and how it moves the rows. */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { grantingPost, inScope } from '../../../platform/access/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { conflict, forbidden, invalid, notFound } from '../../../platform/errors.js';
import type { ServiceContext } from '../../../platform/service.js';
import type { OrgRow } from '../../organizations/queries.js';
import type { OrgType } from '../../organizations/rules.js';
import { organizations } from '../../organizations/schema.js';
import { people } from '../../people/schema.js';
import { memberships } from '../schema.js';
import { checkDay, holdsMembers } from './rules.js';
import { memberTransfers } from './schema.js';

export type MembershipRow = typeof memberships.$inferSelect;
export type PersonRow = typeof people.$inferSelect;
export type TransferRow = typeof memberTransfers.$inferSelect;

/**
 * The person a change is about, as the actor may see them, with their open membership locked for
 * the transaction and the post that manages it. Someone out of sight is "not found"; a relation
 * already ended answers when and that it did.
 */
export async function managedMembership(ctx: ServiceContext, tx: Db, personId: string): Promise<{ person: PersonRow; open: MembershipRow; postId: string | null }> {
  const [person] = await tx.select().from(people)
    .where(and(eq(people.id, personId), inScope(ctx.actor, 'person.read', { county: people.countyId, path: people.orgPath })));
  if (!person) throw notFound('members.not_found');
  const [open] = await tx.select().from(memberships)
    .where(and(eq(memberships.countyId, person.countyId), eq(memberships.personId, person.id), isNull(memberships.endedOn)))
    .for('update');
  const post = grantingPost(ctx.actor, 'member.manage', open?.orgPath ?? person.orgPath);
  if (!post) throw forbidden();
  if (!open) {
    const [last] = await tx.select({ endedOn: memberships.endedOn }).from(memberships)
      .where(and(eq(memberships.countyId, person.countyId), eq(memberships.personId, person.id)))
      .orderBy(desc(memberships.endedOn)).limit(1);
    throw last ? conflict('transfers.membership_ended', { name: person.name, date: last.endedOn! }) : conflict('transfers.no_membership', { name: person.name });
  }
  return { person, open, postId: post.postId };
}

/**
 * Checks that an organization may hold the member's relation now: active and one that holds
 * members (not a party group, not a committee whose members belong to its branches).
 */
export async function requireHolder(tx: Db, org: OrgRow, field?: string): Promise<void> {
  const fail = (key: 'org.dissolved' | 'member_import.org_is_group' | 'transfers.target_has_branches') => {
    const params = { code: org.code, value: org.name, name: org.name };
    return invalid(key, params, field ? [{ path: field, key, params }] : []);
  };
  if (org.status !== 'active') throw fail('org.dissolved');
  const children = await tx.select({ type: organizations.type }).from(organizations)
    .where(and(eq(organizations.countyId, org.countyId), eq(organizations.parentId, org.id), eq(organizations.status, 'active')));
  const holds = holdsMembers(org.type as OrgType, children.map((c) => c.type as OrgType));
  if (holds === 'party_group') throw fail('member_import.org_is_group');
  if (holds === 'has_branches') throw fail('transfers.target_has_branches');
}

/** The person's transfer still waiting for a decision, if any (at most one: a unique index). */
export async function pendingTransfer(tx: Db, countyId: string, personId: string): Promise<TransferRow | undefined> {
  const [found] = await tx.select().from(memberTransfers)
    .where(and(eq(memberTransfers.countyId, countyId), eq(memberTransfers.personId, personId), eq(memberTransfers.state, 'sent')));
  return found;
}

/** The day a change takes effect: today unless given, never in the future nor before `earliest`. */
export function effectiveDay(field: string, given: string | undefined, today: string, earliest: { date: string | null; key: 'transfers.date_before_start' | 'transfers.date_before_sent' }): string {
  const date = given ?? today;
  const problem = checkDay(date, today, earliest.date);
  if (problem === 'future') throw invalid('org.date_in_future', { date }, [{ path: field, key: 'org.date_in_future', params: { date } }]);
  if (problem === 'too_early') {
    const params = { date, earliest: earliest.date! };
    throw invalid(earliest.key, params, [{ path: field, key: earliest.key, params }]);
  }
  return date;
}

/**
 * Ends a membership row on a day and continues it in another organization from that day: every
 * column travels (stage dates, flags, anything added later) except the row's identity and period,
 * as `repoint` (organizations/tree.ts) does for a merge, so that any past day finds the member
 * where they were. The person's own organization follows.
 */
export async function continueIn(tx: Db, row: MembershipRow, to: { id: string; path: string }, on: string, now: Date): Promise<MembershipRow> {
  // End first: a person may hold only one open row at a time.
  await tx.update(memberships).set({ endedOn: on, endReason: 'transferred', updatedAt: now })
    .where(and(eq(memberships.countyId, row.countyId), eq(memberships.id, row.id)));
  const { id: _id, createdAt: _created, updatedAt: _updated, ...kept } = row;
  const [next] = await tx.insert(memberships)
    .values({ ...kept, orgId: to.id, orgPath: to.path, startedOn: on, endedOn: null, endReason: null })
    .returning();
  await tx.update(people).set({ orgId: to.id, orgPath: to.path, updatedAt: now })
    .where(and(eq(people.countyId, row.countyId), eq(people.id, row.personId)));
  return next!;
}
