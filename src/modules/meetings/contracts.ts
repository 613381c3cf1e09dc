import { z } from 'zod';
import { isoDate, permission } from '../../platform/http/contracts.js';
import { orgCode } from '../organizations/contracts.js';
import { attendanceStatuses, leftOutReasons, meetingKinds, meetingStatuses } from './kinds.js';

/** Organizational-life meetings: planning, recording what was held, and reading them back. */

export const meetingKind = z.enum(meetingKinds);
export const meetingStatus = z.enum(meetingStatuses);
export const attendanceStatus = z.enum(attendanceStatuses);
export const leftOutReason = z.enum(leftOutReasons);

const text = (max: number) => z.string().trim().min(1).max(max);
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

export const attendeeInput = z.strictObject({
  personId: z.uuid(),
  status: attendanceStatus,
  /** Required when excused. */
  reason: text(200).optional(),
  /** Left out of those who should attend a vote, with the reason (rules.md §1.2). */
  leftOut: leftOutReason.optional(),
});

export const resolutionInput = z.strictObject({
  title: text(200),
  shouldAttend: z.number().int().min(1).max(100_000),
  present: z.number().int().min(0).max(100_000),
  yes: z.number().int().min(0).max(100_000),
  no: z.number().int().min(0).max(100_000).default(0),
  abstain: z.number().int().min(0).max(100_000).default(0),
  /** As the meeting declared it; refused when the votes say otherwise (rules.md §1). */
  passed: z.boolean(),
});

/**
 * A meeting as a form sends it. `status: 'held'` needs `heldOn` (not in the future) and takes
 * attendees, minutes and resolutions; 'planned' needs `plannedOn`.
 */
export const meetingBody = z.strictObject({
  orgCode,
  kind: meetingKind,
  status: meetingStatus.exclude(['cancelled']),
  plannedOn: isoDate.optional(),
  heldOn: isoDate.optional(),
  startsAt: time.optional(),
  place: text(200).optional(),
  topic: text(200),
  agenda: text(4000).optional(),
  hostId: z.uuid().optional(),
  recorderId: z.uuid().optional(),
  lecturerId: z.uuid().optional(),
  lecturerName: text(50).optional(),
  minutes: text(20_000).optional(),
  attendees: z.array(attendeeInput).max(2000).default([]),
  resolutions: z.array(resolutionInput).max(50).default([]),
});
export type MeetingInput = z.infer<typeof meetingBody>;

/** Editing replaces the record as a whole (the form sends everything); the organization stays. */
export const meetingUpdateBody = meetingBody.omit({ orgCode: true });
export type MeetingUpdate = z.infer<typeof meetingUpdateBody>;

export const cancelMeetingBody = z.strictObject({ reason: text(500) });

export const meetingParams = z.strictObject({ id: z.uuid() });

export const meetingListQuery = z.strictObject({
  /** The subtree (default: the widest the user may read). */
  org: z.string().trim().max(40).optional(),
  kind: meetingKind.optional(),
  status: meetingStatus.optional(),
  /** Held or planned on these days, inclusive. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type MeetingListQuery = z.infer<typeof meetingListQuery>;

const personRef = z.object({ id: z.string(), name: z.string() });

export const meetingSummary = z.object({
  id: z.string(),
  org: z.object({ code: z.string(), name: z.string() }),
  kind: meetingKind,
  status: meetingStatus,
  plannedOn: z.string().nullable(),
  heldOn: z.string().nullable(),
  startsAt: z.string().nullable(),
  place: z.string().nullable(),
  topic: z.string(),
  /** Present / expected (all attendees listed). */
  present: z.number().int(),
  expected: z.number().int(),
});
export type MeetingSummary = z.infer<typeof meetingSummary>;

export const meetingPage = z.object({
  items: z.array(meetingSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** A photo or scan kept with the record (never its bytes here); `uploadedBy` is the uploader's name. */
export const attachmentView = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
  uploadedBy: z.string().nullable(),
});
export type AttachmentView = z.infer<typeof attachmentView>;

export const meetingDetail = meetingSummary.extend({
  agenda: z.string().nullable(),
  host: personRef.nullable(),
  recorder: personRef.nullable(),
  lecturer: personRef.nullable(),
  lecturerName: z.string().nullable(),
  minutes: z.string().nullable(),
  cancelReason: z.string().nullable(),
  attendees: z.array(z.object({
    person: personRef,
    status: attendanceStatus,
    reason: z.string().nullable(),
    leftOut: leftOutReason.nullable(),
  })),
  resolutions: z.array(resolutionInput.extend({ id: z.string() })),
  attachments: z.array(attachmentView),
  can: z.object({ edit: permission }),
});
export type MeetingDetail = z.infer<typeof meetingDetail>;

/**
 * Who may be picked as attendees: the organization's roster of memberships (members first), and its
 * post holders, as they stood on the meeting's day (`on`, default today), so a meeting recorded late
 * or corrected later offers the people of its day.
 */
export const rosterQuery = z.strictObject({ org: z.string().trim().min(1).max(40), on: isoDate.optional() });
export const rosterBody = z.object({
  items: z.array(z.object({
    id: z.string(),
    name: z.string(),
    /** Full or probationary member, or an earlier stage, on that day; a post holder's from their membership wherever it is; null without one. */
    category: z.string().nullable(),
    /** Probationary members take part but do not vote. */
    votes: z.boolean(),
    /**
     * The title of a leading post the person holds in the organization that day (党支部书记, 支部委员（组织委员）),
     * absent for none: the form expects these people at a committee meeting rather than every member.
     */
    post: z.string().optional(),
  })),
});

export type RosterView = z.infer<typeof rosterBody>;

/** The next lecturer of a township's Friday study: the committee members in rotation, the longest without a turn first. */
export const lecturerSuggestionQuery = rosterQuery.pick({ org: true });
export const lecturerSuggestionBody = z.object({ person: personRef.nullable() });

// Attachments: photos and scans kept with a meeting's record (attachments.ts).

/** A file as the browser reads it: its name and its bytes in base64; the type is decided from the bytes. */
export const attachmentBody = z.strictObject({
  fileName: z.string().trim().min(1).max(200),
  content: z.base64(),
});

export const attachmentParams = z.strictObject({ id: z.uuid(), aid: z.uuid() });

// The meeting record book (record-book.ts).

/** The held meetings of an organization over a span, as the paper book a branch keeps. */
export const recordBookQuery = z.strictObject({
  org: z.string().trim().min(1).max(40),
  /** Also the meetings of the organizations below it (a branch's party groups, a township's branches). */
  subtree: z.enum(['true', 'false']).optional(),
  kind: meetingKind.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type RecordBookQuery = z.infer<typeof recordBookQuery>;
