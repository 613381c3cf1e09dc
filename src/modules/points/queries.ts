/**
 * Reading what points are counted from: the county's settings, a person's membership on a day, and
 * for a set of members and a year the counts the records give and their approved claims, in two
 * statements whatever the number of members (a branch's ranking reads them all at once).
 */
import { and, eq, gt, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { grantingPost, inScope } from '../../platform/access/actor.js';
import { rows, type Db } from '../../platform/db/database.js';
import { notFound } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/service.js';
import { memberships } from '../members/schema.js';
import { stageOn, type MemberCategory } from '../members/rules/pipeline.js';
import { keyedSetting } from '../organizations/county-setting.js';
import type { OrgRow } from '../organizations/queries.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';
import { defaultPointsSettings, SETTINGS_KEY } from './catalogue.js';
import { settingsBody, type PointsSettings } from './contracts.js';
import type { ApprovedEntry, RecordCounts } from './rules.js';
import { pointEntries } from './schema.js';

export const pointsSetting = keyedSetting<PointsSettings>(SETTINGS_KEY, settingsBody, defaultPointsSettings, { action: 'points.settings', forbidden: 'points.settings_forbidden' });
export const pointsSettings = pointsSetting.read;

export const yearSpan = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

/**
 * The organization a person was a member of (full or probationary) on `day`, or null: a membership
 * begun by then and not ended, at that stage that day.
 */
export async function memberOrgOn(db: Db, countyId: string, personId: string, day: string): Promise<OrgRow | null> {
  const found = await db.select({ m: memberships, org: organizations }).from(memberships)
    .innerJoin(organizations, and(eq(organizations.countyId, memberships.countyId), eq(organizations.id, memberships.orgId)))
    .where(and(eq(memberships.countyId, countyId), eq(memberships.personId, personId),
      sql`coalesce(${memberships.startedOn}, date '0001-01-01') <= ${day}::date`, or(isNull(memberships.endedOn), gt(memberships.endedOn, day))));
  const member = found.find(({ m }) => ['full', 'probationary'].includes(stageOn({ ...m, category: m.category as MemberCategory }, day) ?? ''));
  return member?.org ?? null;
}

/** The organizations of a person's memberships during a year, latest first. */
async function memberOrgsIn(db: Db, countyId: string, personId: string, year: number): Promise<OrgRow[]> {
  const [from, to] = yearSpan(year);
  const found = await db.select({ org: organizations }).from(memberships)
    .innerJoin(organizations, and(eq(organizations.countyId, memberships.countyId), eq(organizations.id, memberships.orgId)))
    .where(and(eq(memberships.countyId, countyId), eq(memberships.personId, personId), inArray(memberships.category, ['full', 'probationary']),
      sql`coalesce(${memberships.startedOn}, date '0001-01-01') <= ${to}::date`, or(isNull(memberships.endedOn), gte(memberships.endedOn, from))))
    .orderBy(sql`${memberships.endedOn} desc nulls first`);
  return found.map((f) => f.org);
}

/**
 * A member whose points of a year the actor may read: themselves, or with 'person.read' over a branch
 * they belonged to that year; anyone else, or someone who was no member that year, is not found. With their latest branch of the year.
 */
export async function readableMember(ctx: ServiceContext, personId: string, year: number): Promise<{ person: { id: string; name: string }; org: OrgRow }> {
  const [person] = await ctx.db.select({ id: people.id, name: people.name }).from(people)
    .where(and(eq(people.countyId, ctx.actor.countyId), eq(people.id, personId)));
  const orgs = person ? await memberOrgsIn(ctx.db, ctx.actor.countyId, personId, year) : [];
  const self = ctx.actor.personId === personId;
  if (!person || orgs.length === 0 || (!self && !orgs.some((o) => grantingPost(ctx.actor, 'person.read', o.path)))) throw notFound('points.member_not_found');
  return { person, org: orgs[0]! };
}

/** What the records give each member in a year. One statement. */
export async function recordCounts(db: Db, countyId: string, personIds: string[], year: number): Promise<Map<string, RecordCounts>> {
  if (personIds.length === 0) return new Map();
  const [from, to] = yearSpan(year);
  // Held meetings of the year of one of the member's organizations, or of a party group inside one.
  const attendance = (condition: SQL) => sql`(select count(*)::int from meeting_attendees a
    join meetings m on m.county_id = a.county_id and m.id = a.meeting_id
    join organizations o on o.county_id = m.county_id and o.id = m.org_id
    where a.county_id = p.county_id and a.person_id = p.id and m.status = 'held' and m.held_on between ${from}::date and ${to}::date and ${condition}
      and exists (select 1 from memberships ms where ms.county_id = a.county_id and ms.person_id = a.person_id
        and (ms.org_id = o.id or (o.type = 'party_group' and ms.org_id = o.parent_id))))`;
  const found = await rows<{ id: string } & RecordCounts>(db, sql`
    select p.id,
      exists (select 1 from memberships ms where ms.county_id = p.county_id and ms.person_id = p.id and ms.category = 'full'
        and coalesce(ms.full_on, ms.started_on, date '0001-01-01') <= ${to}::date and (ms.ended_on is null or ms.ended_on >= ${from}::date)) as "full",
      ${attendance(sql`a.status = 'present'`)} as attended,
      ${attendance(sql`a.status = 'absent' and m.kind = 'members_meeting'`)} as absent,
      -- Paid by the end of the month it is for: paid in that month or earlier.
      (select count(*)::int from dues_payments d where d.county_id = p.county_id and d.person_id = p.id
        and d.month between ${`${year}-01`} and ${`${year}-12`} and to_char(d.paid_on, 'YYYY-MM') <= d.month) as "duesOnTime"
    from people p where p.county_id = ${countyId} and p.id in (${sql.join(personIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
  return new Map(found.map(({ id, ...counts }) => [id, counts]));
}

/** Approved claims of each member in a year, by day. One statement. */
export async function approvedEntries(db: Db, countyId: string, personIds: string[], year: number): Promise<Map<string, ApprovedEntry[]>> {
  const byPerson = new Map<string, ApprovedEntry[]>();
  if (personIds.length === 0) return byPerson;
  const [from, to] = yearSpan(year);
  const rows = await db.select({
    personId: pointEntries.personId, id: pointEntries.id, itemId: pointEntries.itemId, occurredOn: pointEntries.occurredOn,
    description: pointEntries.description, points: pointEntries.points,
  }).from(pointEntries)
    .where(and(eq(pointEntries.countyId, countyId), inArray(pointEntries.personId, personIds), eq(pointEntries.status, 'approved'),
      gte(pointEntries.occurredOn, from), lte(pointEntries.occurredOn, to)))
    .orderBy(pointEntries.occurredOn, pointEntries.createdAt);
  for (const { personId, ...entry } of rows) byPerson.set(personId, [...(byPerson.get(personId) ?? []), entry]);
  return byPerson;
}

/** Claims the actor may read: of members in subtrees where they read people, and their own. */
export const readableEntries = (ctx: ServiceContext) => or(
  inScope(ctx.actor, 'person.read', { county: pointEntries.countyId, path: pointEntries.orgPath }),
  ctx.actor.personId ? and(eq(pointEntries.countyId, ctx.actor.countyId), eq(pointEntries.personId, ctx.actor.personId)) : undefined,
)!;
