import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { countyKey, createdAt, rowId, tsvector, updatedAt } from '../../platform/db/columns.js';
import { visits } from '../contracting/schema.js';
import { households } from '../households/schema.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';

/**
 * A villager's concern (民情诉求), from intake to closure. `state` is the county's state (labels are
 * data); `state_type` is its fixed type, the only thing statistics and deadlines read. `due_on` is
 * derived from the category's time limit, the work calendar and the paused spans of the history
 * (concern_events), and written again on every transition so the inbox can sort by it; overdue
 * and escalation are derived from it, never stored.
 */
export const concerns = pgTable(
  'concerns',
  {
    countyId: countyKey(),
    id: rowId(),
    /** What the submitter follows it by on the public page: unique across the database. */
    trackingCode: text('tracking_code').notNull(),
    /** The village or community it was raised in. */
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    householdId: uuid('household_id'),
    /** 'public' (the page, no account), 'on_behalf' (a cadre entering it for a villager), 'visit'. */
    channel: text('channel').notNull(),
    visitId: uuid('visit_id'),
    /** The user who entered it (on behalf, from a visit); null from the public page. */
    enteredBy: uuid('entered_by'),
    submitterName: text('submitter_name'),
    /** Masked to all but its handlers; every read of it audited. */
    submitterPhone: text('submitter_phone'),
    anonymous: boolean('anonymous').notNull().default(false),
    /** How the submitter wants the reply besides the tracking page: 'none' or 'sms' (needs a phone). */
    replyChannel: text('reply_channel').notNull().default('none'),
    content: text('content').notNull(),
    /** An id from the county's category list; null until someone classifies a public submission. */
    category: text('category'),
    priority: text('priority').notNull().default('normal'),
    state: text('state').notNull(),
    stateType: text('state_type').notNull(),
    /** The organization answering for it now, and the person handling it there. */
    handlerOrgId: uuid('handler_org_id').notNull(),
    handlerOrgPath: text('handler_org_path').notNull(),
    handlerId: uuid('handler_id'),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    /** The handler's draft, reviewed before it is published as the reply. */
    answerDraft: text('answer_draft'),
    reply: text('reply'),
    repliedAt: timestamp('replied_at', { withTimezone: true, mode: 'date' }),
    rating: text('rating'),
    ratingComment: text('rating_comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true, mode: 'date' }),
    /** The handler the rating counts for: whoever handled it when it was rated. */
    ratedHandlerId: uuid('rated_handler_id'),
    duplicateOf: uuid('duplicate_of'),
    rejectReason: text('reject_reason'),
    reopenCount: integer('reopen_count').notNull().default(0),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    search: tsvector('search').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    uniqueIndex('concerns_tracking_code').on(t.trackingCode),
    foreignKey({ columns: [t.countyId, t.orgId], foreignColumns: [organizations.countyId, organizations.id] }),
    foreignKey({ columns: [t.countyId, t.handlerOrgId], foreignColumns: [organizations.countyId, organizations.id] }),
    foreignKey({ columns: [t.countyId, t.handlerId], foreignColumns: [people.countyId, people.id] }),
    foreignKey({ columns: [t.countyId, t.householdId], foreignColumns: [households.countyId, households.id] }),
    foreignKey({ columns: [t.countyId, t.visitId], foreignColumns: [visits.countyId, visits.id] }),
    foreignKey({ columns: [t.countyId, t.duplicateOf], foreignColumns: [t.countyId, t.id] }),
    index('concerns_org_path').using('btree', t.orgPath.op('text_pattern_ops')),
    index('concerns_handler_org_path').using('btree', t.handlerOrgPath.op('text_pattern_ops')),
    // A handler's inbox: their open cases, soonest due first.
    index('concerns_handler').on(t.countyId, t.handlerId, t.dueOn).where(sql`${t.stateType} in ('new','open','paused')`),
    // Statistics over a span of intake.
    index('concerns_received').on(t.countyId, t.receivedAt),
    index('concerns_search').using('gin', t.search),
    // The inbox's order (open cases first, soonest due, newest): without it "all cases" of a township
    // sorted its hundred thousand rows for every page (bench, a million concerns).
    index('concerns_inbox_order').on(sql`(case when ${t.stateType} in ('new','open','paused') then 0 else 1 end)`, t.dueOn.asc().nullsLast(), t.receivedAt.desc().nullsFirst()),
    check('concerns_channel', sql`${t.channel} in ('public','on_behalf','visit')`),
    check('concerns_state_type', sql`${t.stateType} in ('new','open','paused','resolved','closed')`),
    check('concerns_priority', sql`${t.priority} in ('normal','urgent')`),
    check('concerns_reply_channel', sql`${t.replyChannel} = 'none' or ${t.submitterPhone} is not null`),
    check('concerns_rating', sql`${t.rating} is null or ${t.rating} in ('satisfied','basically_satisfied','unsatisfied')`),
    check('concerns_anonymous', sql`not ${t.anonymous} or (${t.submitterName} is null and ${t.submitterPhone} is null)`),
  ],
);

/**
 * The history of a concern, one row per transition or note: the deadline's paused spans are
 * derived from it, and the public page shows its public part.
 */
export const concernEvents = pgTable(
  'concern_events',
  {
    countyId: countyKey(),
    id: rowId(),
    concernId: uuid('concern_id').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Null for the submitter (public page) and the system (closing unrated, escalating). */
    actorUserId: uuid('actor_user_id'),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    /** The type of the state entered: the clock stops while it is 'paused'. */
    toStateType: text('to_state_type'),
    handlerOrgId: uuid('handler_org_id'),
    handlerId: uuid('handler_id'),
    note: text('note'),
    data: jsonb('data'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.concernId], foreignColumns: [concerns.countyId, concerns.id] }).onDelete('cascade'),
    index('concern_events_concern').on(t.countyId, t.concernId, t.at),
  ],
);
