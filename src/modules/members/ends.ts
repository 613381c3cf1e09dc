/**
 * Ends of membership other than transfers: death, withdrawal (退党), removal (除名) and expulsion
 * (开除党籍). The open row ends on the day with its reason and stays as history, with the note of
 * what happened (the decision's document number, the cause) shown beside it.
 */
import { and, eq } from 'drizzle-orm';
import { chinaDate } from '../../platform/clock.js';
import { conflict, invalid } from '../../platform/errors.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { organizations } from '../organizations/schema.js';
import { orgLabel } from '../organizations/queries.js';
import { memberships } from './schema.js';
import { effectiveDay, managedMembership, pendingTransfer } from './transfers/changes.js';
import type { EndInput } from './transfers/contracts.js';
import { endApplies, periodStart, type EndReason } from './transfers/rules.js';
import type { MemberCategory } from './rules/pipeline.js';

export async function endMembership(ctx: ServiceContext, personId: string, input: EndInput): Promise<{ membershipId: string; endedOn: string; reason: EndReason }> {
  return write(ctx, async (w) => {
    const { person, open, postId } = await managedMembership(ctx, w.tx, personId);
    // The sender answers for a member until the receiver takes them: withdraw the transfer first.
    if (await pendingTransfer(w.tx, person.countyId, person.id)) throw conflict('ends.transfer_pending', { name: person.name });
    if (!endApplies(input.reason, open.category as MemberCategory)) throw invalid('ends.not_a_member', {}, [{ path: 'reason', key: 'ends.not_a_member' }]);
    const endedOn = effectiveDay('endedOn', input.endedOn, chinaDate(w.now), { date: periodStart(open), key: 'transfers.date_before_start' });
    await w.tx.update(memberships).set({ endedOn, endReason: input.reason, endNote: input.note, updatedAt: w.now })
      .where(and(eq(memberships.countyId, open.countyId), eq(memberships.id, open.id)));
    const [org] = await w.tx.select().from(organizations).where(and(eq(organizations.countyId, open.countyId), eq(organizations.id, open.orgId)));
    w.audit({
      action: 'member.end', entityType: 'person', entityId: person.id, entityLabel: person.name, orgPath: open.orgPath, postId,
      before: { org: orgLabel(org!), category: open.category }, after: { reason: input.reason, endedOn, note: input.note },
    });
    return { membershipId: open.id, endedOn, reason: input.reason };
  });
}
