/** The meeting form's values, what it starts from, and the body it sends. */
import dayjs, { type Dayjs } from 'dayjs';
import type { AttendanceStatus, LeftOutReason, MeetingKind } from '../../../../src/modules/meetings/kinds.js';
import type { MeetingBody, MeetingDetail, MeetingUpdateBody, RosterPerson } from '../../contracts.js';
import { isoDay, noteOf, today } from '../../forms.js';
import { isVoting, lecturedKinds } from './labels.js';

export interface AttendeeValue {
  personId: string;
  name: string;
  /** Whether the person votes (a full member); only voters count for resolutions. */
  votes: boolean;
  status: AttendanceStatus;
  reason?: string;
  leftOut?: LeftOutReason;
}

export interface ResolutionValue {
  title?: string;
  shouldAttend?: number | null;
  present?: number | null;
  yes?: number | null;
  no?: number | null;
  abstain?: number | null;
  passed?: boolean;
}

export interface MeetingValues {
  orgCode?: string;
  kind: MeetingKind;
  status: 'held' | 'planned';
  heldOn?: Dayjs;
  plannedOn?: Dayjs;
  startsAt?: Dayjs | null;
  place?: string;
  topic?: string;
  agenda?: string;
  hostId?: string;
  recorderId?: string;
  lecturerId?: string;
  lecturerName?: string;
  minutes?: string;
  attendees: AttendeeValue[];
  resolutions: ResolutionValue[];
}

/** The form's top-level fields, where the server's problems may land. */
export const meetingFields = [
  'orgCode', 'kind', 'status', 'heldOn', 'plannedOn', 'startsAt', 'place', 'topic', 'agenda', 'hostId', 'recorderId',
  'lecturerId', 'lecturerName', 'minutes', 'attendees', 'resolutions',
] as const;

/**
 * Who is expected when a meeting is recorded, all present until marked otherwise: the post holders
 * at a committee meeting (when the roster names them), else the members and post holders.
 */
export function preselected(roster: readonly RosterPerson[], kind: MeetingKind): AttendeeValue[] {
  const committee = kind === 'committee_meeting' && roster.some((p) => p.post) ? roster.filter((p) => p.post) : undefined;
  return (committee ?? roster.filter((p) => p.category === null || p.category === 'full' || p.category === 'probationary'))
    .map((p) => ({ personId: p.id, name: p.name, votes: p.votes, status: 'present' }));
}

/** The counts a resolution starts from: voters not left out should attend; those of them present are present. */
export function voteCounts(attendees: readonly AttendeeValue[]): { shouldAttend: number; present: number } {
  const voters = attendees.filter((a) => a.votes && !a.leftOut);
  return { shouldAttend: voters.length, present: voters.filter((a) => a.status === 'present').length };
}

const time = (text: string | null): Dayjs | null => {
  if (!text) return null;
  const [h, m] = text.split(':').map(Number);
  return today().hour(h ?? 0).minute(m ?? 0).second(0);
};

/** A recorded meeting as the form edits it; voting comes from the roster (a person no longer on it does not vote). */
export function valuesOf(detail: MeetingDetail, roster: readonly RosterPerson[]): MeetingValues {
  const votes = new Set(roster.filter((p) => p.votes).map((p) => p.id));
  const planned = detail.plannedOn ? dayjs(detail.plannedOn) : undefined;
  // Recording a planned meeting as held starts from its planned day, unless that is still ahead.
  const heldOn = detail.heldOn ? dayjs(detail.heldOn) : planned && !planned.isAfter(today(), 'day') ? planned : today();
  return {
    orgCode: detail.org.code,
    kind: detail.kind,
    status: detail.status === 'planned' ? 'planned' : 'held',
    heldOn,
    plannedOn: planned ?? heldOn,
    startsAt: time(detail.startsAt),
    place: detail.place ?? undefined,
    topic: detail.topic,
    agenda: detail.agenda ?? undefined,
    hostId: detail.host?.id,
    recorderId: detail.recorder?.id,
    lecturerId: detail.lecturer?.id,
    lecturerName: detail.lecturerName ?? undefined,
    minutes: detail.minutes ?? undefined,
    attendees: detail.attendees.map((a) => ({
      personId: a.person.id, name: a.person.name, votes: votes.has(a.person.id), status: a.status,
      reason: a.reason ?? undefined, leftOut: a.leftOut ?? undefined,
    })),
    resolutions: detail.resolutions.map(({ id: _id, ...r }) => r),
  };
}

const count = (n: number | null | undefined): number => n ?? 0;

/**
 * The body of a save. What only a held meeting has (attendance, minutes, resolutions) is left out of
 * a planned one, and resolutions out of kinds that do not vote, so that hidden fields send nothing.
 * A held meeting keeps the day it had been planned for (`plannedBefore`), never the form's default.
 */
export function bodyOf(v: MeetingValues, plannedBefore?: string | null): MeetingUpdateBody {
  const held = v.status === 'held';
  const lectured = lecturedKinds.has(v.kind);
  return {
    kind: v.kind,
    status: v.status,
    heldOn: held ? isoDay(v.heldOn) : undefined,
    plannedOn: held ? plannedBefore ?? undefined : isoDay(v.plannedOn),
    startsAt: v.startsAt ? v.startsAt.format('HH:mm') : undefined,
    place: noteOf(v.place),
    topic: v.topic?.trim() ?? '',
    agenda: noteOf(v.agenda),
    hostId: v.hostId,
    recorderId: v.recorderId,
    lecturerId: lectured ? v.lecturerId : undefined,
    lecturerName: lectured ? noteOf(v.lecturerName) : undefined,
    minutes: held ? noteOf(v.minutes) : undefined,
    attendees: held
      ? v.attendees.map((a) => ({
        personId: a.personId, status: a.status,
        reason: a.status === 'excused' ? noteOf(a.reason) : undefined,
        leftOut: isVoting(v.kind) ? a.leftOut : undefined,
      }))
      : [],
    resolutions: held && isVoting(v.kind)
      ? v.resolutions.map((r) => ({
        title: r.title?.trim() ?? '', shouldAttend: count(r.shouldAttend), present: count(r.present),
        yes: count(r.yes), no: count(r.no), abstain: count(r.abstain), passed: r.passed ?? false,
      }))
      : [],
  };
}

export const createBodyOf = (v: MeetingValues): MeetingBody => ({ orgCode: v.orgCode ?? '', ...bodyOf(v) });
