/**
 * Recording meetings: planning one, recording what was held (attendance, minutes, votes), correcting
 * a record, cancelling a planned one. Each write is checked against the meeting rules (rules.ts) and
 * audited with the record as it was and as it became; compliance counts held meetings from the
 * table, so a correction needs nothing else.
 */
import { and, eq } from 'drizzle-orm';
import { chinaDate } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { conflict, invalid, type FieldProblem } from '../../platform/errors.js';
import { t, type Lang } from '../../platform/i18n/index.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { orgLabel, type OrgRow } from '../organizations/queries.js';
import type { MeetingDetail, MeetingInput, MeetingUpdate } from './contracts.js';
import { meetingKindLabels, type MeetingKind } from './kinds.js';
import { getMeeting, managedOrg, managingPost, readableNames, rosterOn, visibleMeeting, type MeetingRow } from './queries.js';
import { checkMeeting, meetingDay, type MeetingProblem } from './rules.js';
import { meetingAttendees, meetingResolutions, meetings } from './schema.js';

function fieldProblem(p: MeetingProblem, lang: Lang): FieldProblem {
  const params = p.params.kind === undefined ? p.params : { ...p.params, kind: meetingKindLabels[p.params.kind as MeetingKind][lang] };
  return { path: `body.${p.field}`, key: `meetings.rule.${p.rule}`, params };
}

/** Refuses a record that breaks a meeting rule, naming every field to correct. */
async function refuseBroken(ctx: ServiceContext, tx: Db, org: OrgRow, record: MeetingUpdate, today: string, lang: Lang): Promise<void> {
  const roster = new Map((await rosterOn(tx, org, meetingDay(record) ?? today)).map((e) => [e.id, e]));
  const mentioned = [record.hostId, record.recorderId, record.lecturerId, ...record.attendees.map((a) => a.personId)]
    .filter((id): id is string => id !== undefined && !roster.has(id));
  const names = await readableNames(ctx, tx, [...new Set(mentioned)]);
  const problems = checkMeeting(record, { today, org, roster, names });
  if (problems.length === 0) return;
  const fields = problems.map((p) => fieldProblem(p, lang));
  const detail = fields.map((f) => t(lang, f.key, f.params)).join(lang === 'zh' ? '；' : '; ');
  throw invalid('meetings.invalid', { detail }, fields);
}

/** The meeting's own columns as a record gives them. */
function columnsOf(r: MeetingUpdate) {
  return {
    kind: r.kind, status: r.status, plannedOn: r.plannedOn ?? null, heldOn: r.heldOn ?? null, startsAt: r.startsAt ?? null,
    place: r.place ?? null, topic: r.topic, agenda: r.agenda ?? null, hostId: r.hostId ?? null, recorderId: r.recorderId ?? null,
    lecturerId: r.lecturerId ?? null, lecturerName: r.lecturerName ?? null, minutes: r.minutes ?? null,
  };
}

type Attendee = { personId: string; status: string; reason: string | null; leftOut: string | null };
type Resolution = { title: string; shouldAttend: number; present: number; yes: number; no: number; abstain: number; passed: boolean };

/** The record as the audit trail keeps it, attendees by person id so that two versions compare line by line. */
function snapshot(columns: ReturnType<typeof columnsOf>, attendees: Attendee[], resolutions: Resolution[]) {
  return {
    ...columns,
    attendees: [...attendees].sort((a, b) => (a.personId < b.personId ? -1 : 1)),
    resolutions,
  };
}

function inputSnapshot(r: MeetingUpdate) {
  return snapshot(
    columnsOf(r),
    r.attendees.map((a) => ({ personId: a.personId, status: a.status, reason: a.reason ?? null, leftOut: a.leftOut ?? null })),
    r.resolutions.map(({ title, shouldAttend, present, yes, no, abstain, passed }) => ({ title, shouldAttend, present, yes, no, abstain, passed })),
  );
}

async function storedSnapshot(tx: Db, m: MeetingRow) {
  const attendees = await tx.select({ personId: meetingAttendees.personId, status: meetingAttendees.status, reason: meetingAttendees.reason, leftOut: meetingAttendees.leftOut })
    .from(meetingAttendees).where(and(eq(meetingAttendees.countyId, m.countyId), eq(meetingAttendees.meetingId, m.id)));
  const resolutions = await tx.select({
    title: meetingResolutions.title, shouldAttend: meetingResolutions.shouldAttend, present: meetingResolutions.present,
    yes: meetingResolutions.yes, no: meetingResolutions.no, abstain: meetingResolutions.abstain, passed: meetingResolutions.passed,
  }).from(meetingResolutions).where(and(eq(meetingResolutions.countyId, m.countyId), eq(meetingResolutions.meetingId, m.id))).orderBy(meetingResolutions.position);
  const { kind, status, plannedOn, heldOn, startsAt, place, topic, agenda, hostId, recorderId, lecturerId, lecturerName, minutes } = m;
  return snapshot({ kind: kind as MeetingKind, status: status as MeetingUpdate['status'], plannedOn, heldOn, startsAt, place, topic, agenda, hostId, recorderId, lecturerId, lecturerName, minutes }, attendees, resolutions);
}

async function insertParts(tx: Db, m: MeetingRow, r: MeetingUpdate): Promise<void> {
  if (r.attendees.length > 0) {
    await tx.insert(meetingAttendees).values(r.attendees.map((a) => ({
      countyId: m.countyId, meetingId: m.id, personId: a.personId, status: a.status, reason: a.reason ?? null, leftOut: a.leftOut ?? null,
    })));
  }
  if (r.resolutions.length > 0) {
    await tx.insert(meetingResolutions).values(r.resolutions.map((res, position) => ({ countyId: m.countyId, meetingId: m.id, position, ...res })));
  }
}

const label = (m: { kind: string; topic: string }) => `${meetingKindLabels[m.kind as MeetingKind].zh}“${m.topic}”`;

export async function createMeeting(ctx: ServiceContext, input: MeetingInput, lang: Lang): Promise<MeetingDetail> {
  const id = await write(ctx, async (w) => {
    const { org, post } = await managedOrg(ctx, input.orgCode, w.tx);
    const { orgCode: _code, ...record } = input;
    await refuseBroken(ctx, w.tx, org, record, chinaDate(w.now), lang);
    const [row] = await w.tx.insert(meetings).values({
      countyId: org.countyId, orgId: org.id, orgPath: org.path, ...columnsOf(record), createdBy: ctx.actor.userId,
    }).returning();
    await insertParts(w.tx, row!, record);
    w.audit({
      action: 'meeting.create', entityType: 'meeting', entityId: row!.id, entityLabel: label(record), orgPath: org.path, postId: post.postId,
      after: { org: orgLabel(org), ...inputSnapshot(record) },
    });
    return row!.id;
  });
  return getMeeting(ctx, id);
}

/** Replaces a planned or held meeting's record, its attendees and resolutions with it. */
export async function updateMeeting(ctx: ServiceContext, id: string, input: MeetingUpdate, lang: Lang): Promise<MeetingDetail> {
  await write(ctx, async (w) => {
    const { meeting, org } = await visibleMeeting(ctx, w.tx, id, true);
    const post = managingPost(ctx, org);
    if (meeting.status === 'cancelled') throw conflict('meetings.cancelled', { topic: meeting.topic });
    await refuseBroken(ctx, w.tx, org, input, chinaDate(w.now), lang);
    const before = await storedSnapshot(w.tx, meeting);
    await w.tx.update(meetings).set({ ...columnsOf(input), updatedAt: w.now }).where(and(eq(meetings.countyId, meeting.countyId), eq(meetings.id, meeting.id)));
    await w.tx.delete(meetingAttendees).where(and(eq(meetingAttendees.countyId, meeting.countyId), eq(meetingAttendees.meetingId, meeting.id)));
    await w.tx.delete(meetingResolutions).where(and(eq(meetingResolutions.countyId, meeting.countyId), eq(meetingResolutions.meetingId, meeting.id)));
    await insertParts(w.tx, meeting, input);
    w.audit({
      action: 'meeting.update', entityType: 'meeting', entityId: meeting.id, entityLabel: label(input), orgPath: org.path, postId: post.postId,
      before, after: inputSnapshot(input),
    });
  });
  return getMeeting(ctx, id);
}

/** A planned meeting that will not take place; it stays on record with the reason. */
export async function cancelMeeting(ctx: ServiceContext, id: string, reason: string): Promise<MeetingDetail> {
  await write(ctx, async (w) => {
    const { meeting, org } = await visibleMeeting(ctx, w.tx, id, true);
    const post = managingPost(ctx, org);
    if (meeting.status === 'held') throw conflict('meetings.cancel_held', { topic: meeting.topic });
    if (meeting.status === 'cancelled') throw conflict('meetings.already_cancelled', { topic: meeting.topic });
    await w.tx.update(meetings).set({ status: 'cancelled', cancelReason: reason, updatedAt: w.now })
      .where(and(eq(meetings.countyId, meeting.countyId), eq(meetings.id, meeting.id)));
    w.audit({
      action: 'meeting.cancel', entityType: 'meeting', entityId: meeting.id, entityLabel: label(meeting), orgPath: org.path, postId: post.postId,
      before: { status: meeting.status }, after: { status: 'cancelled', cancelReason: reason },
    });
  });
  return getMeeting(ctx, id);
}
