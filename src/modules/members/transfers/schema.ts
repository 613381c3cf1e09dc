import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { countyKey, createdAt, rowId, updatedAt } from '../../../platform/db/columns.js';
import { organizations } from '../../organizations/schema.js';
import { people } from '../../people/schema.js';
import { memberships } from '../schema.js';

/**
 * A transfer of a member's organizational relation (组织关系转接). Within the county it is sent by
 * one organization and received or rejected by another; until it is received the member stays
 * with the sender, which stays responsible. Out of the county it leaves with a letter; into the
 * county it arrives with one. `org_id` is the organization in the county that holds the record:
 * the sender, or the receiver of a transfer into the county.
 */
export const memberTransfers = pgTable(
  'member_transfers',
  {
    countyId: countyKey(),
    id: rowId(),
    personId: uuid('person_id').notNull(),
    kind: text('kind').notNull(),
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    /** The membership row the transfer moves (the sender's); for a transfer in, the row it created. */
    membershipId: uuid('membership_id'),
    /** The receiving organization in the county (within the county only). */
    toOrgId: uuid('to_org_id'),
    /** The organization outside the county a transfer goes to or comes from, as the letter names it. */
    externalOrg: text('external_org'),
    state: text('state').notNull(),
    sentOn: date('sent_on', { mode: 'string' }).notNull(),
    /** Received or rejected on. */
    decidedOn: date('decided_on', { mode: 'string' }),
    rejectReason: text('reject_reason'),
    /** The transfer letter's number (介绍信编号). */
    letterNo: text('letter_no'),
    note: text('note'),
    sentBy: uuid('sent_by'),
    decidedBy: uuid('decided_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.personId], foreignColumns: [people.countyId, people.id] }),
    foreignKey({ columns: [t.countyId, t.orgId], foreignColumns: [organizations.countyId, organizations.id] }),
    foreignKey({ columns: [t.countyId, t.toOrgId], foreignColumns: [organizations.countyId, organizations.id] }),
    foreignKey({ columns: [t.countyId, t.membershipId], foreignColumns: [memberships.countyId, memberships.id] }),
    index('member_transfers_org_path').using('btree', t.orgPath.op('text_pattern_ops')),
    index('member_transfers_to_org').on(t.countyId, t.toOrgId),
    uniqueIndex('member_transfers_one_pending').on(t.countyId, t.personId).where(sql`${t.state} = 'sent'`),
    check('member_transfers_kind', sql`${t.kind} in ('within','out','in')`),
    check('member_transfers_state', sql`${t.state} in ('sent','received','rejected','cancelled')`),
    check('member_transfers_within', sql`(${t.kind} = 'within') = (${t.toOrgId} is not null)`),
    check('member_transfers_rejected', sql`(${t.state} = 'rejected') = (${t.rejectReason} is not null)`),
  ],
);
