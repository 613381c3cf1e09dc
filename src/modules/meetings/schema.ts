import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { bytes, countyKey, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';

/**
 * One organizational-life event of an organization: planned, then held (or cancelled). Compliance
 * counts the held ones by kind, organization and day; editing a past record changes it with them.
 */
export const meetings = pgTable(
  'meetings',
  {
    countyId: countyKey(),
    id: rowId(),
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    /** The day it is (or was) planned for, and the day it was held. */
    plannedOn: date('planned_on', { mode: 'string' }),
    heldOn: date('held_on', { mode: 'string' }),
    /** 'HH:MM', China time. */
    startsAt: text('starts_at'),
    place: text('place'),
    topic: text('topic').notNull(),
    agenda: text('agenda'),
    hostId: uuid('host_id'),
    recorderId: uuid('recorder_id'),
    lecturerId: uuid('lecturer_id'),
    /** A lecturer from outside the records (a county official, a teacher). */
    lecturerName: text('lecturer_name'),
    minutes: text('minutes'),
    cancelReason: text('cancel_reason'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.orgId], foreignColumns: [organizations.countyId, organizations.id] }),
    foreignKey({ columns: [t.countyId, t.hostId], foreignColumns: [people.countyId, people.id] }),
    foreignKey({ columns: [t.countyId, t.recorderId], foreignColumns: [people.countyId, people.id] }),
    foreignKey({ columns: [t.countyId, t.lecturerId], foreignColumns: [people.countyId, people.id] }),
    index('meetings_org_path').using('btree', t.orgPath.op('text_pattern_ops')),
    // Compliance: the held meetings of one organization and kind over a span of days.
    index('meetings_held').on(t.countyId, t.orgId, t.kind, t.heldOn).where(sql`${t.status} = 'held'`),
    // A province's compliance: one kind's held meetings in every county, counted per organization in
    // index order from the index alone.
    index('meetings_kind_held').on(t.kind, t.countyId, t.orgId, t.heldOn).where(sql`${t.status} = 'held'`),
    check('meetings_kind', sql`${t.kind} in ('members_meeting','committee_meeting','group_meeting','party_lecture','theme_day','life_meeting','democratic_life_meeting','monday_meeting','friday_study')`),
    check('meetings_status', sql`${t.status} in ('planned','held','cancelled')`),
    check('meetings_held_on', sql`(${t.status} = 'held') = (${t.heldOn} is not null)`),
    check('meetings_planned_on', sql`${t.status} = 'held' or ${t.plannedOn} is not null`),
  ],
);

/** Who was expected at a meeting, and whether they came. */
export const meetingAttendees = pgTable(
  'meeting_attendees',
  {
    countyId: countyKey(),
    meetingId: uuid('meeting_id').notNull(),
    personId: uuid('person_id').notNull(),
    status: text('status').notNull(),
    /** Why an excused member could not come. */
    reason: text('reason'),
    /** Left out of those who should attend a vote (rules.md §1.2), with the reason code. */
    leftOut: text('left_out'),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.meetingId, t.personId] }),
    foreignKey({ columns: [t.countyId, t.meetingId], foreignColumns: [meetings.countyId, meetings.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.countyId, t.personId], foreignColumns: [people.countyId, people.id] }),
    index('meeting_attendees_person').on(t.countyId, t.personId),
    check('meeting_attendees_status', sql`${t.status} in ('present','excused','absent')`),
  ],
);

/** A decision put to the vote at a meeting, with its count. */
export const meetingResolutions = pgTable(
  'meeting_resolutions',
  {
    countyId: countyKey(),
    id: rowId(),
    meetingId: uuid('meeting_id').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    shouldAttend: integer('should_attend').notNull(),
    present: integer('present').notNull(),
    yes: integer('yes').notNull(),
    no: integer('no').notNull().default(0),
    abstain: integer('abstain').notNull().default(0),
    passed: boolean('passed').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.meetingId], foreignColumns: [meetings.countyId, meetings.id] }).onDelete('cascade'),
    index('meeting_resolutions_meeting').on(t.countyId, t.meetingId),
    check('meeting_resolutions_votes', sql`${t.yes} + ${t.no} + ${t.abstain} <= ${t.present} and ${t.present} <= ${t.shouldAttend}`),
  ],
);

/**
 * A photo or scan kept with a meeting's record (the sign-in sheet, the minutes as written, the
 * venue). The bytes live in the database so that a record and its evidence are saved, backed up
 * and scoped together; types and sizes are limited in meetings/attachments.ts.
 */
export const meetingAttachments = pgTable(
  'meeting_attachments',
  {
    countyId: countyKey(),
    id: rowId(),
    meetingId: uuid('meeting_id').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    content: bytes('content').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.id] }),
    foreignKey({ columns: [t.countyId, t.meetingId], foreignColumns: [meetings.countyId, meetings.id] }).onDelete('cascade'),
    index('meeting_attachments_meeting').on(t.countyId, t.meetingId),
    check('meeting_attachments_size', sql`${t.sizeBytes} > 0 and ${t.sizeBytes} = octet_length(${t.content})`),
  ],
);
