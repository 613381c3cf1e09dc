/**
 * Reading participation: each member's months from their records (one statement for any number of
 * members), a member's last months, and the members of a branch to look into.
 */
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { inScope } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { notFound } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/service.js';
import { readableOrg } from '../dues/queries.js';
import { addMonthsTo } from '../dues/rules.js';
import { duesPayments } from '../dues/schema.js';
import { meetingAttendees, meetings } from '../meetings/schema.js';
import { memberships } from '../members/schema.js';
import { organizations } from '../organizations/schema.js';
import { people, posts } from '../people/schema.js';
import { pointEntries } from '../points/schema.js';
import type { FlaggedView, ParticipationView } from './contracts.js';
import {
  flaggedRun, idleRun, IDLE_FLAG_MONTHS, lastCompleteMonth, memberThroughout, monthDays, monthsEnding, spanTouches, type MemberStay, type ParticipationMonth,
} from './rules.js';

/** How far back a run of idle months is traced: the records a county keeps on the platform. */
const LOOKBACK_MONTHS = 24;

interface Records {
  id: string;
  name: string;
  stays: MemberStay[];
  attended: string[];
  paid: string[];
  posts: { from: string; to: string | null }[];
  points: string[];
}

const json = <T>(fragment: SQL) => sql<T>`(${fragment})::text`.mapWith((text: string) => JSON.parse(text) as T);

/**
 * What the records say of each person from `from` to `to` (months): their stays as members (from
 * admission or arrival, whichever is later), the months they were present at a held meeting (the
 * roster admits only an organization's members, its party groups' members and its office holders, so
 * every such meeting was their organization's or one they held a post in), the months paid for, their
 * posts other than a member's account, and the months of their approved point entries.
 */
function recordColumns(from: string, to: string) {
  const first = monthDays(from).first;
  const last = monthDays(to).last;
  return {
    id: people.id,
    name: people.name,
    stays: json<MemberStay[]>(sql`select coalesce(json_agg(json_build_object(
        'from', greatest(${memberships.startedOn}, coalesce(${memberships.joinedOn}, ${memberships.fullOn})), 'to', ${memberships.endedOn})), '[]')
      from ${memberships} where ${memberships.countyId} = ${people.countyId} and ${memberships.personId} = ${people.id}
        and ${memberships.category} in ('full', 'probationary')`),
    attended: json<string[]>(sql`select coalesce(json_agg(distinct to_char(${meetings.heldOn}, 'YYYY-MM')), '[]')
      from ${meetingAttendees} join ${meetings} on ${meetings.countyId} = ${meetingAttendees.countyId} and ${meetings.id} = ${meetingAttendees.meetingId}
      where ${meetingAttendees.countyId} = ${people.countyId} and ${meetingAttendees.personId} = ${people.id} and ${meetingAttendees.status} = 'present'
        and ${meetings.status} = 'held' and ${meetings.heldOn} between ${first}::date and ${last}::date`),
    paid: json<string[]>(sql`select coalesce(json_agg(${duesPayments.month}), '[]') from ${duesPayments}
      where ${duesPayments.countyId} = ${people.countyId} and ${duesPayments.personId} = ${people.id} and ${duesPayments.month} between ${from} and ${to}`),
    posts: json<{ from: string; to: string | null }[]>(sql`select coalesce(json_agg(json_build_object('from', ${posts.startedOn}, 'to', ${posts.endedOn})), '[]')
      from ${posts} where ${posts.countyId} = ${people.countyId} and ${posts.personId} = ${people.id} and ${posts.role} <> 'member'
        and ${posts.startedOn} <= ${last}::date and (${posts.endedOn} is null or ${posts.endedOn} > ${first}::date)`),
    points: json<string[]>(sql`select coalesce(json_agg(distinct to_char(${pointEntries.occurredOn}, 'YYYY-MM')), '[]') from ${pointEntries}
      where ${pointEntries.countyId} = ${people.countyId} and ${pointEntries.personId} = ${people.id} and ${pointEntries.status} = 'approved'
        and ${pointEntries.occurredOn} between ${first}::date and ${last}::date`),
  };
}

/** The months of `records`, oldest first. */
export function monthsOf(r: Records, months: string[]): ParticipationMonth[] {
  const attended = new Set(r.attended);
  const paid = new Set(r.paid);
  const points = new Set(r.points);
  return months.map((month) => ({
    month,
    member: memberThroughout(r.stays, month),
    attended: attended.has(month),
    paid: paid.has(month),
    duty: points.has(month) || r.posts.some((p) => spanTouches(p.from, p.to, month)),
  }));
}

/** A member's last months, ending with the current one, and their idle run up to the last complete month. */
export async function getParticipation(ctx: ServiceContext, query: { person: string; months: number }): Promise<ParticipationView> {
  const current = chinaDate(ctx.clock.now()).slice(0, 7);
  const traced = monthsEnding(current, Math.max(query.months, LOOKBACK_MONTHS + 1));
  const [found] = await ctx.db.select(recordColumns(traced[0]!, current)).from(people)
    .where(and(eq(people.id, query.person), inScope(ctx.actor, 'person.read', { county: people.countyId, path: people.orgPath })));
  if (!found) throw notFound('participation.person_not_found');
  const months = monthsOf(found, traced);
  const complete = months.slice(0, -1);
  return {
    person: { id: found.id, name: found.name },
    months: months.slice(-query.months).map((m) => ({ ...m, complete: m.month !== current })),
    idle: idleRun(complete),
    flagged: flaggedRun(complete) !== null,
  };
}

/**
 * The current members of the organizations matched by `where` (on memberships) idle for six months
 * or more, in one statement: those with any record in the last six complete months are left out there,
 * so that the whole records are read only for the few that may be flagged.
 */
export async function flaggedMembers(db: Db, countyId: string, where: SQL, today: string) {
  const lastMonth = lastCompleteMonth(today);
  const window = monthsEnding(lastMonth, LOOKBACK_MONTHS);
  const recent = { from: monthDays(addMonthsTo(lastMonth, 1 - IDLE_FLAG_MONTHS)).first, to: monthDays(lastMonth).last };
  const recentMonth = recent.from.slice(0, 7);
  const found = await db.select({ ...recordColumns(window[0]!, lastMonth), orgCode: organizations.code, orgName: organizations.name })
    .from(memberships)
    .innerJoin(people, and(eq(people.countyId, memberships.countyId), eq(people.id, memberships.personId)))
    .innerJoin(organizations, and(eq(organizations.countyId, memberships.countyId), eq(organizations.id, memberships.orgId)))
    .where(and(
      eq(memberships.countyId, countyId), isNull(memberships.endedOn), inArray(memberships.category, ['full', 'probationary']), where,
      sql`not exists (select 1 from ${duesPayments} where ${duesPayments.countyId} = ${memberships.countyId} and ${duesPayments.personId} = ${memberships.personId}
        and ${duesPayments.month} between ${recentMonth} and ${lastMonth})`,
      sql`not exists (select 1 from ${meetingAttendees} join ${meetings} on ${meetings.countyId} = ${meetingAttendees.countyId} and ${meetings.id} = ${meetingAttendees.meetingId}
        where ${meetingAttendees.countyId} = ${memberships.countyId} and ${meetingAttendees.personId} = ${memberships.personId} and ${meetingAttendees.status} = 'present'
          and ${meetings.status} = 'held' and ${meetings.heldOn} between ${recent.from}::date and ${recent.to}::date)`,
      sql`not exists (select 1 from ${posts} where ${posts.countyId} = ${memberships.countyId} and ${posts.personId} = ${memberships.personId} and ${posts.role} <> 'member'
        and ${posts.startedOn} <= ${recent.to}::date and (${posts.endedOn} is null or ${posts.endedOn} > ${recent.from}::date))`,
      sql`not exists (select 1 from ${pointEntries} where ${pointEntries.countyId} = ${memberships.countyId} and ${pointEntries.personId} = ${memberships.personId}
        and ${pointEntries.status} = 'approved' and ${pointEntries.occurredOn} between ${recent.from}::date and ${recent.to}::date)`,
    ))
    .orderBy(organizations.code, people.pinyin, people.name, people.id);
  const flagged = found.flatMap((r) => {
    const run = flaggedRun(monthsOf(r, window));
    return run ? [{ person: { id: r.id, name: r.name }, org: { code: r.orgCode, name: r.orgName }, idle: run }] : [];
  });
  return { lastMonth, flagged };
}

/** The members of a branch to look into: 'person.read' over it, or it does not exist. */
export async function getFlagged(ctx: ServiceContext, code: string): Promise<FlaggedView> {
  const org = await readableOrg(ctx, code);
  const { lastMonth, flagged } = await flaggedMembers(ctx.db, org.countyId, eq(memberships.orgId, org.id), chinaDate(ctx.clock.now()));
  return { org: { code: org.code, name: org.name }, lastMonth, items: flagged.map(({ person, idle }) => ({ person, idle })) };
}
