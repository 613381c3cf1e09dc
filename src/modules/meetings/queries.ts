/** Reading meetings: a page of a subtree, one meeting, an organization's roster on a day, the next lecturer. */
import { and, asc, count, desc, eq, gt, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { grantingPost, inScope, permission, type ActorPost } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { forbidden, invalid, notFound } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/service.js';
import { memberships } from '../members/schema.js';
import type { MemberCategory } from '../members/rules/pipeline.js';
import { visibleOrg, type OrgRow } from '../organizations/queries.js';
import { organizations } from '../organizations/schema.js';
import { people, posts } from '../people/schema.js';
import { listAttachments } from './attachments.js';
import type { MeetingDetail, MeetingListQuery, MeetingSummary, RosterView } from './contracts.js';
import type { AttendanceStatus, LeftOutReason, MeetingKind, MeetingStatus } from './kinds.js';
import { stageOn, type StageDates } from '../members/rules/pipeline.js';
import type { RosterEntry } from './rules.js';
import { meetingAttendees, meetingResolutions, meetings } from './schema.js';

export type MeetingRow = typeof meetings.$inferSelect;

/** A meeting the actor may read, with its organization; `lock` holds the meeting until the transaction ends. */
export async function visibleMeeting(ctx: ServiceContext, db: Db, id: string, lock = false): Promise<{ meeting: MeetingRow; org: OrgRow }> {
  const query = db.select({ meeting: meetings, org: organizations }).from(meetings)
    .innerJoin(organizations, and(eq(organizations.countyId, meetings.countyId), eq(organizations.id, meetings.orgId)))
    .where(and(eq(meetings.id, id), inScope(ctx.actor, 'org.read', { county: meetings.countyId, path: meetings.orgPath })));
  const [found] = lock ? await query.for('update', { of: meetings }) : await query;
  if (!found) throw notFound('meetings.not_found');
  return found;
}

/** The post under which the actor records meetings of `org`; refused naming the organization otherwise. */
export function managingPost(ctx: ServiceContext, org: OrgRow): ActorPost {
  const post = grantingPost(ctx.actor, 'meeting.manage', org.path);
  if (!post) throw forbidden('meetings.manage_forbidden', { org: org.name });
  return post;
}

/** An organization whose meetings the actor records: unseen ones answer 404, seen but not managed 403. */
export async function managedOrg(ctx: ServiceContext, code: string, db: Db = ctx.db): Promise<{ org: OrgRow; post: ActorPost }> {
  const org = await visibleOrg(ctx, code, db);
  return { org, post: managingPost(ctx, org) };
}

const day = sql<string>`coalesce(${meetings.heldOn}, ${meetings.plannedOn})`;
const attendeesOf = (filter: SQL) => sql<number>`(select count(*) from ${meetingAttendees}
  where ${meetingAttendees.countyId} = ${meetings.countyId} and ${meetingAttendees.meetingId} = ${meetings.id} and ${filter})`.mapWith(Number);

const summaryColumns = {
  id: meetings.id, orgCode: organizations.code, orgName: organizations.name, kind: meetings.kind, status: meetings.status,
  plannedOn: meetings.plannedOn, heldOn: meetings.heldOn, startsAt: meetings.startsAt, place: meetings.place, topic: meetings.topic,
  present: attendeesOf(sql`${meetingAttendees.status} = 'present'`),
  expected: attendeesOf(sql`true`),
};

function summaryOf({ orgCode, orgName, kind, status, ...rest }: { orgCode: string; orgName: string; kind: string; status: string } & Omit<MeetingSummary, 'org' | 'kind' | 'status'>): MeetingSummary {
  return { ...rest, org: { code: orgCode, name: orgName }, kind: kind as MeetingKind, status: status as MeetingStatus };
}

/** Meetings of a subtree the actor reads (all of their reach without `org`), newest first by the day held or planned. */
export async function listMeetings(ctx: ServiceContext, query: MeetingListQuery) {
  const org = query.org ? await visibleOrg(ctx, query.org) : undefined;
  if (query.from && query.to && query.from > query.to) {
    const params = { from: query.from, to: query.to };
    throw invalid('meetings.range_reversed', params, [{ path: 'query.to', key: 'meetings.range_reversed', params }]);
  }
  const where = and(
    inScope(ctx.actor, 'org.read', { county: meetings.countyId, path: meetings.orgPath }),
    org ? sql`${meetings.orgPath} like ${org.path + '%'}` : undefined,
    query.kind ? eq(meetings.kind, query.kind) : undefined,
    query.status ? eq(meetings.status, query.status) : undefined,
    query.from ? sql`${day} >= ${query.from}::date` : undefined,
    query.to ? sql`${day} <= ${query.to}::date` : undefined,
  );
  const [counted] = await ctx.db.select({ total: count() }).from(meetings).where(where);
  const found = await ctx.db.select(summaryColumns).from(meetings)
    .innerJoin(organizations, and(eq(organizations.countyId, meetings.countyId), eq(organizations.id, meetings.orgId)))
    .where(where)
    .orderBy(desc(day), sql`${meetings.startsAt} desc nulls last`, desc(meetings.createdAt), asc(meetings.id))
    .limit(query.pageSize).offset((query.page - 1) * query.pageSize);
  return { items: found.map(summaryOf), total: counted?.total ?? 0, page: query.page, pageSize: query.pageSize };
}

export async function getMeeting(ctx: ServiceContext, id: string): Promise<MeetingDetail> {
  const { meeting: m, org } = await visibleMeeting(ctx, ctx.db, id);
  const attendees = await ctx.db.select({ a: meetingAttendees, name: people.name }).from(meetingAttendees)
    .innerJoin(people, and(eq(people.countyId, meetingAttendees.countyId), eq(people.id, meetingAttendees.personId)))
    .where(and(eq(meetingAttendees.countyId, m.countyId), eq(meetingAttendees.meetingId, m.id))).orderBy(asc(people.pinyin), asc(people.name), asc(people.id));
  const resolutions = await ctx.db.select().from(meetingResolutions)
    .where(and(eq(meetingResolutions.countyId, m.countyId), eq(meetingResolutions.meetingId, m.id))).orderBy(asc(meetingResolutions.position));
  const roles = [m.hostId, m.recorderId, m.lecturerId].filter((p): p is string => p !== null);
  const named = roles.length === 0 ? [] : await ctx.db.select({ id: people.id, name: people.name }).from(people)
    .where(and(eq(people.countyId, m.countyId), inArray(people.id, roles)));
  const ref = (personId: string | null) => named.find((p) => p.id === personId) ?? null;
  return {
    ...summaryOf({
      id: m.id, orgCode: org.code, orgName: org.name, kind: m.kind, status: m.status, plannedOn: m.plannedOn, heldOn: m.heldOn,
      startsAt: m.startsAt, place: m.place, topic: m.topic,
      present: attendees.filter(({ a }) => a.status === 'present').length, expected: attendees.length,
    }),
    agenda: m.agenda, host: ref(m.hostId), recorder: ref(m.recorderId), lecturer: ref(m.lecturerId), lecturerName: m.lecturerName,
    minutes: m.minutes, cancelReason: m.cancelReason,
    attendees: attendees.map(({ a, name }) => ({
      person: { id: a.personId, name }, status: a.status as AttendanceStatus, reason: a.reason, leftOut: a.leftOut as LeftOutReason | null,
    })),
    resolutions: resolutions.map(({ id: rid, title, shouldAttend, present, yes, no, abstain, passed }) => ({ id: rid, title, shouldAttend, present, yes, no, abstain, passed })),
    attachments: await listAttachments(ctx, m),
    can: { edit: permission(ctx.actor, 'meeting.manage', org.path) },
  };
}

/** A membership relation held on `on`: begun by then (an unknown start counts as always) and not ended. */
const membershipOn = (on: string) => and(
  sql`coalesce(${memberships.startedOn}, date '0001-01-01') <= ${on}::date`,
  or(isNull(memberships.endedOn), gt(memberships.endedOn, on)),
);

/**
 * A post held on `on`. Its start is not asked: accounts record a post from the day they are made,
 * which is often after the meetings its holder chaired are recorded.
 */
const postOn = (on: string) => or(isNull(posts.endedOn), gt(posts.endedOn, on));

const stageColumns = {
  category: memberships.category, startedOn: memberships.startedOn, appliedOn: memberships.appliedOn, activistOn: memberships.activistOn,
  targetOn: memberships.targetOn, joinedOn: memberships.joinedOn, fullOn: memberships.fullOn,
};
/** The stage a membership row had reached on `on` (the table keeps its category as text). */
const stageOf = (m: Omit<StageDates, 'category'> & { category: string }, on: string) => stageOn({ ...m, category: m.category as MemberCategory }, on);

/**
 * Who belonged to `org` on `on`: its memberships (a party group's members are registered with its
 * branch, so a group takes the branch's), then its post holders, each with the stage reached that day
 * (a post holder's from their membership wherever it is: a township committee member votes in the
 * committee) and the titles of their leading posts there. Members first, then by name.
 */
export async function rosterOn(db: Db, org: OrgRow, on: string): Promise<RosterEntry[]> {
  const orgIds = org.type === 'party_group' && org.parentId ? [org.id, org.parentId] : [org.id];
  const members = await db.select({ id: people.id, name: people.name, pinyin: people.pinyin, ...stageColumns }).from(memberships)
    .innerJoin(people, and(eq(people.countyId, memberships.countyId), eq(people.id, memberships.personId)))
    .where(and(eq(memberships.countyId, org.countyId), inArray(memberships.orgId, orgIds), membershipOn(on)));
  const held = await db.select({ id: people.id, name: people.name, pinyin: people.pinyin, role: posts.role, title: posts.title }).from(posts)
    .innerJoin(people, and(eq(people.countyId, posts.countyId), eq(people.id, posts.personId)))
    .where(and(eq(posts.countyId, org.countyId), eq(posts.orgId, org.id), postOn(on)))
    .orderBy(asc(posts.startedOn), asc(posts.title));
  const entries = new Map<string, RosterEntry & { pinyin: string }>();
  const enter = (p: { id: string; name: string; pinyin: string }, category: MemberCategory | null) => {
    if (!entries.has(p.id)) entries.set(p.id, { id: p.id, name: p.name, pinyin: p.pinyin, category, votes: category === 'full' });
  };
  for (const m of members) {
    const category = stageOf(m, on);
    if (category) enter(m, category);
  }
  const outside = [...new Set(held.map((h) => h.id))].filter((id) => !entries.has(id));
  const elsewhere = outside.length === 0 ? [] : await db.select({ personId: memberships.personId, ...stageColumns }).from(memberships)
    .where(and(eq(memberships.countyId, org.countyId), inArray(memberships.personId, outside), membershipOn(on)));
  const titles = new Map<string, Set<string>>();
  for (const h of held) {
    enter(h, elsewhere.filter((m) => m.personId === h.id).map((m) => stageOf(m, on)).find((s) => s !== null) ?? null);
    // A member's account is a post too ('member'), but no office.
    if (h.role !== 'member') titles.set(h.id, (titles.get(h.id) ?? new Set()).add(h.title));
  }
  const rank = (e: RosterEntry) => (e.category === 'full' || e.category === 'probationary' ? 0 : 1);
  return [...entries.values()]
    .sort((a, b) => rank(a) - rank(b) || compare(a.pinyin, b.pinyin) || compare(a.name, b.name) || compare(a.id, b.id))
    .map(({ pinyin: _pinyin, ...entry }) => (titles.has(entry.id) ? { ...entry, post: [...titles.get(entry.id)!].join('、') } : entry));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Names of people the actor may read, by id; ids of anyone else are left out. */
export async function readableNames(ctx: ServiceContext, db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const found = await db.select({ id: people.id, name: people.name }).from(people)
    .where(and(inArray(people.id, ids), inScope(ctx.actor, 'person.read', { county: people.countyId, path: people.orgPath })));
  return new Map(found.map((p) => [p.id, p.name]));
}

/**
 * The next lecturer of an organization's Friday study (seed 000: the committee members lecture in
 * rotation): of those holding an office in it today, the one whose last lecture is oldest, those who never
 * lectured first, ties by name.
 */
export async function suggestLecturer(db: Db, org: OrgRow, today: string): Promise<{ id: string; name: string } | null> {
  const lastLecture = sql`max(${meetings.heldOn})`;
  const [next] = await db.select({ id: people.id, name: people.name }).from(posts)
    .innerJoin(people, and(eq(people.countyId, posts.countyId), eq(people.id, posts.personId)))
    .leftJoin(meetings, and(
      eq(meetings.countyId, posts.countyId), eq(meetings.orgId, posts.orgId), eq(meetings.lecturerId, posts.personId),
      eq(meetings.kind, 'friday_study'), eq(meetings.status, 'held'),
    ))
    .where(and(eq(posts.countyId, org.countyId), eq(posts.orgId, org.id), postOn(today), ne(posts.role, 'member')))
    .groupBy(people.id, people.name, people.pinyin)
    .orderBy(sql`${lastLecture} asc nulls first`, asc(people.pinyin), asc(people.name), asc(people.id))
    .limit(1);
  return next ?? null;
}

/** The attendee picker's people: for those who record the organization's meetings. */
export async function getRoster(ctx: ServiceContext, query: { org: string; on?: string }): Promise<RosterView> {
  const { org } = await managedOrg(ctx, query.org);
  return { items: await rosterOn(ctx.db, org, query.on ?? chinaDate(ctx.clock.now())) };
}

export async function getLecturerSuggestion(ctx: ServiceContext, code: string): Promise<{ person: { id: string; name: string } | null }> {
  const { org } = await managedOrg(ctx, code);
  return { person: await suggestLecturer(ctx.db, org, chinaDate(ctx.clock.now())) };
}
