/**
 * Sending, receiving, rejecting and withdrawing transfers. Within the county the member stays
 * with the sender, which stays responsible, until the receiver receives them (rules.md §1.4);
 * out of the county the relation ends on the day the letter is issued.
 */
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { grantingPost, type Actor } from '../../../platform/access/actor.js';
import { chinaDate } from '../../../platform/clock.js';
import { counties } from '../../../platform/db/counties.js';
import type { Db } from '../../../platform/db/database.js';
import { conflict, forbidden, invalid, type FieldProblem } from '../../../platform/errors.js';
import { write, type ServiceContext } from '../../../platform/service.js';
import { orgLabel, type OrgRow } from '../../organizations/queries.js';
import { organizations } from '../../organizations/schema.js';
import { people } from '../../people/schema.js';
import { memberships } from '../schema.js';
import { continueIn, effectiveDay, managedMembership, pendingTransfer, requireHolder, type TransferRow } from './changes.js';
import type { SendTransferInput, TransferView } from './contracts.js';
import { getTransfer, sidePermission } from './queries.js';
import { nextLetterNumber, periodStart, transferRoles, type TransferKind, type TransferState } from './rules.js';
import { memberTransfers } from './schema.js';

/** The receiver of a transfer within the county: any organization of it that may hold the member, but not their own. */
async function receivingOrg(tx: Db, countyId: string, code: string, currentOrgId: string): Promise<OrgRow> {
  const [org] = await tx.select().from(organizations).where(and(eq(organizations.countyId, countyId), eq(organizations.code, code)));
  const field = (key: 'org.not_found' | 'transfers.same_org'): FieldProblem[] => [{ path: 'toOrgCode', key, params: { code } }];
  if (!org) throw invalid('org.not_found', { code }, field('org.not_found'));
  if (org.id === currentOrgId) throw invalid('transfers.same_org', { code }, field('transfers.same_org'));
  await requireHolder(tx, org, 'toOrgCode');
  return org;
}

/**
 * The county's next letter number of the letter's year. The county row is locked so that two
 * letters sent at once cannot take the same number; numbers of letters that came in from
 * elsewhere are not ours and are skipped.
 */
async function issueLetterNumber(tx: Db, countyId: string, on: string): Promise<string> {
  await tx.select({ id: counties.id }).from(counties).where(eq(counties.id, countyId)).for('update');
  const year = Number(on.slice(0, 4));
  const issued = await tx.select({ letterNo: memberTransfers.letterNo }).from(memberTransfers)
    .where(and(eq(memberTransfers.countyId, countyId), ne(memberTransfers.kind, 'in'), sql`${memberTransfers.letterNo} like ${`〔${year}〕%`}`));
  return nextLetterNumber(year, issued.map((r) => r.letterNo!));
}

const orgById = async (tx: Db, countyId: string, id: string): Promise<OrgRow> => {
  const [org] = await tx.select().from(organizations).where(and(eq(organizations.countyId, countyId), eq(organizations.id, id)));
  return org!;
};

/** Sends a member's relation to another organization in the county, or out of it with a letter. */
export async function sendTransfer(ctx: ServiceContext, personId: string, input: SendTransferInput): Promise<TransferView> {
  const id = await write(ctx, async (w) => {
    const { person, open, postId } = await managedMembership(ctx, w.tx, personId);
    const pending = await pendingTransfer(w.tx, person.countyId, person.id);
    if (pending) throw conflict('transfers.pending', { name: person.name, sentOn: pending.sentOn });
    const sentOn = effectiveDay('sentOn', input.sentOn, chinaDate(w.now), { date: periodStart(open), key: 'transfers.date_before_start' });
    const to = input.kind === 'within' ? await receivingOrg(w.tx, person.countyId, input.toOrgCode, open.orgId) : null;
    const letterNo = input.letterNo ?? await issueLetterNumber(w.tx, person.countyId, sentOn);
    if (input.kind === 'out') {
      // Out of the county the member no longer counts here from the letter's day, receipt or not.
      await w.tx.update(memberships).set({ endedOn: sentOn, endReason: 'transferred', updatedAt: w.now })
        .where(and(eq(memberships.countyId, open.countyId), eq(memberships.id, open.id)));
    }
    const [row] = await w.tx.insert(memberTransfers).values({
      countyId: person.countyId, personId: person.id, kind: input.kind, orgId: open.orgId, orgPath: open.orgPath, membershipId: open.id,
      toOrgId: to?.id ?? null, externalOrg: input.kind === 'out' ? input.externalOrg : null, state: 'sent', sentOn, letterNo,
      note: input.note || null, sentBy: ctx.actor.userId,
    }).returning();
    const from = await orgById(w.tx, person.countyId, open.orgId);
    w.audit({
      action: 'member.transfer_send', entityType: 'person', entityId: person.id, entityLabel: person.name, orgPath: open.orgPath, postId,
      after: { transferId: row!.id, kind: input.kind, from: orgLabel(from), to: to ? orgLabel(to) : input.kind === 'out' ? input.externalOrg : null, sentOn, letterNo },
    });
    return row!.id;
  });
  return getTransfer(ctx, id);
}

interface Located {
  t: TransferRow;
  receiverOrg: OrgRow | null;
}

/** A transfer the actor may read, locked for the decision; anything else answers "not found". */
async function lockedTransfer(ctx: ServiceContext, tx: Db, id: string): Promise<Located> {
  await getTransfer(ctx, id, tx);
  const [t] = await tx.select().from(memberTransfers).where(and(eq(memberTransfers.countyId, ctx.actor.countyId), eq(memberTransfers.id, id))).for('update');
  return { t: t!, receiverOrg: t!.toOrgId ? await orgById(tx, t!.countyId, t!.toOrgId) : null };
}

const alreadyKeys = {
  received: 'transfers.already_received', rejected: 'transfers.already_rejected', cancelled: 'transfers.already_cancelled',
} as const;

/** The post that lets the actor take an action on a transfer, or the reason they may not. */
function actingPost(actor: Actor, action: 'receive' | 'reject' | 'cancel', { t, receiverOrg }: Located): string | null {
  const state = t.state as TransferState;
  const side = transferRoles(t.kind as TransferKind, state)[action];
  if (side === null) {
    if (state !== 'sent') throw conflict(alreadyKeys[state]);
    throw invalid('transfers.reject_within_only');
  }
  const receiverPath = receiverOrg?.path ?? null;
  const allowed = sidePermission(actor, side, t.orgPath, receiverPath);
  if (!allowed.allowed) {
    if (allowed.reason === 'receiver_only') throw forbidden('transfers.receiver_only');
    if (allowed.reason === 'sender_only') throw forbidden('transfers.sender_only');
    throw forbidden();
  }
  return grantingPost(actor, 'member.manage', side === 'sender' ? t.orgPath : receiverPath!)!.postId;
}

async function decide(w: { tx: Db; now: Date }, actor: Actor, t: TransferRow, set: Partial<typeof memberTransfers.$inferInsert>) {
  await w.tx.update(memberTransfers).set({ ...set, decidedBy: actor.userId, updatedAt: w.now })
    .where(and(eq(memberTransfers.countyId, t.countyId), eq(memberTransfers.id, t.id)));
}

/** How a decision on a transfer is recorded in the audit trail: as an event of the person it moves. */
async function auditSubject(tx: Db, t: TransferRow) {
  const [person] = await tx.select({ name: people.name }).from(people).where(and(eq(people.countyId, t.countyId), eq(people.id, t.personId)));
  return { entityType: 'person', entityId: t.personId, entityLabel: person!.name };
}

/**
 * Within the county: the receiver takes the member in on a day, and from that day the member
 * belongs there. Out of the county: the sender records the receipt that came back.
 */
export async function receiveTransfer(ctx: ServiceContext, id: string, input: { receivedOn?: string }): Promise<TransferView> {
  await write(ctx, async (w) => {
    const located = await lockedTransfer(ctx, w.tx, id);
    const postId = actingPost(ctx.actor, 'receive', located);
    const { t, receiverOrg } = located;
    const today = chinaDate(w.now);
    let on = effectiveDay('receivedOn', input.receivedOn, today, { date: t.sentOn, key: 'transfers.date_before_sent' });
    let moved = t.membershipId;
    if (t.kind === 'within') {
      await requireHolder(w.tx, receiverOrg!);
      // The open row, not the one sent: a merge of the sender meanwhile continued it in the survivor, which the transfer now names.
      const [row] = await w.tx.select().from(memberships)
        .where(and(eq(memberships.countyId, t.countyId), eq(memberships.personId, t.personId), isNull(memberships.endedOn))).for('update');
      if (!row || row.orgId !== t.orgId) throw conflict('transfers.membership_changed');
      on = effectiveDay('receivedOn', on, today, { date: periodStart(row), key: 'transfers.date_before_start' });
      await continueIn(w.tx, row, receiverOrg!, on, w.now);
      moved = row.id;
    }
    await decide(w, ctx.actor, t, { state: 'received', decidedOn: on, membershipId: moved });
    w.audit({
      action: t.kind === 'within' ? 'member.transfer_receive' : 'member.transfer_receipt', ...await auditSubject(w.tx, t),
      orgPath: receiverOrg?.path ?? t.orgPath, postId,
      after: { transferId: t.id, receivedOn: on, to: receiverOrg ? orgLabel(receiverOrg) : t.externalOrg },
    });
  });
  return getTransfer(ctx, id);
}

/** The receiver refuses a transfer within the county, saying why; the member stays with the sender. */
export async function rejectTransfer(ctx: ServiceContext, id: string, input: { rejectedOn?: string; reason: string }): Promise<TransferView> {
  await write(ctx, async (w) => {
    const located = await lockedTransfer(ctx, w.tx, id);
    const postId = actingPost(ctx.actor, 'reject', located);
    const { t, receiverOrg } = located;
    const on = effectiveDay('rejectedOn', input.rejectedOn, chinaDate(w.now), { date: t.sentOn, key: 'transfers.date_before_sent' });
    await decide(w, ctx.actor, t, { state: 'rejected', decidedOn: on, rejectReason: input.reason });
    w.audit({
      action: 'member.transfer_reject', ...await auditSubject(w.tx, t), orgPath: receiverOrg!.path, postId,
      after: { transferId: t.id, rejectedOn: on, reason: input.reason },
    });
  });
  return getTransfer(ctx, id);
}

/**
 * The sender withdraws a transfer still waiting. A letter out of the county that comes back
 * unused restores the relation it ended, unless the person has since been registered elsewhere.
 */
export async function cancelTransfer(ctx: ServiceContext, id: string): Promise<TransferView> {
  await write(ctx, async (w) => {
    const located = await lockedTransfer(ctx, w.tx, id);
    const postId = actingPost(ctx.actor, 'cancel', located);
    const { t } = located;
    if (t.kind === 'out') {
      const [open] = await w.tx.select({ id: memberships.id }).from(memberships)
        .where(and(eq(memberships.countyId, t.countyId), eq(memberships.personId, t.personId), isNull(memberships.endedOn)));
      if (open) throw conflict('transfers.cancel_has_membership');
      await requireHolder(w.tx, await orgById(w.tx, t.countyId, t.orgId));
      await w.tx.update(memberships).set({ endedOn: null, endReason: null, updatedAt: w.now })
        .where(and(eq(memberships.countyId, t.countyId), eq(memberships.id, t.membershipId!)));
    }
    await decide(w, ctx.actor, t, { state: 'cancelled', decidedOn: chinaDate(w.now) });
    w.audit({
      action: 'member.transfer_cancel', ...await auditSubject(w.tx, t), orgPath: t.orgPath, postId,
      after: { transferId: t.id, kind: t.kind, restored: t.kind === 'out' },
    });
  });
  return getTransfer(ctx, id);
}
