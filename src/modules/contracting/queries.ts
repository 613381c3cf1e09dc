/**
 * Reading contracting data: the county's settings, the township of a village, teams with their
 * people and villages, who may lead, serve or go on a visit, and the visits counted for each team
 * per period (one statement for all the teams asked about).
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { scopePrefixes, type Actor } from '../../platform/access/actor.js';
import { rows, type Db } from '../../platform/db/database.js';
import { keyedSetting } from '../organizations/county-setting.js';
import type { OrgRow } from '../organizations/queries.js';
import { organizations } from '../organizations/schema.js';
import { people, posts } from '../people/schema.js';
import { settingsBody, type ContractingSettings, type TeamView } from './contracts.js';
import { defaultSettings, SETTINGS_KEY } from './rules.js';
import { contractingTeamMembers, contractingTeams, contractingVillages } from './schema.js';

export type TeamRow = typeof contractingTeams.$inferSelect;

export const contractingSetting = keyedSetting<ContractingSettings>(SETTINGS_KEY, settingsBody, defaultSettings, { action: 'contracting.settings', forbidden: 'contracting.settings_forbidden' });
export const contractingSettings = contractingSetting.read;

export const isTownship = (org: Pick<OrgRow, 'type' | 'unitType'>) => org.type === 'committee' && (org.unitType === 'township' || org.unitType === 'street');
export const isVillage = (org: Pick<OrgRow, 'type' | 'unitType'>) => org.type !== 'party_group' && (org.unitType === 'village' || org.unitType === 'community');

/** Whether the actor may read the organization at `path` (names of what lies outside stay unsaid). */
export const readable = (actor: Actor, path: string) => scopePrefixes(actor, 'org.read').some((p) => path.startsWith(p));

/** The township (or street) committee above an organization, or null. */
export async function townshipOf(db: Db, org: OrgRow): Promise<OrgRow | null> {
  const [found] = await db.select().from(organizations)
    .where(and(eq(organizations.countyId, org.countyId), sql`${org.path} like ${organizations.path} || '%'`, eq(organizations.type, 'committee'),
      inArray(organizations.unitType, ['township', 'street'])))
    .orderBy(sql`${organizations.depth} desc`).limit(1);
  return found ?? null;
}

/** The villages and communities of a township, by path. */
export async function villagesOf(db: Db, township: OrgRow): Promise<OrgRow[]> {
  return db.select().from(organizations)
    .where(and(eq(organizations.countyId, township.countyId), sql`${organizations.path} like ${township.path + '%'}`, eq(organizations.status, 'active'),
      inArray(organizations.unitType, ['village', 'community']), sql`${organizations.type} <> 'party_group'`))
    .orderBy(organizations.path);
}

const heldDuring = (from: string, to: string) => sql`${posts.startedOn} <= ${to}::date and (${posts.endedOn} is null or ${posts.endedOn} > ${from}::date)`;

/** Posts that make a leader: the township committee's own administrators and cadres. */
export const leadingPost = (township: OrgRow) => and(eq(posts.orgId, township.id), inArray(posts.role, ['township_admin', 'cadre']));
/** Posts that make a team member: administrators and cadres anywhere in the township. */
export const servingPost = (township: OrgRow) => and(sql`${posts.orgPath} like ${township.path + '%'}`, inArray(posts.role, ['township_admin', 'cadre']));
/** Posts that let someone go on a visit: any on the township committee or in the village. */
export const visitingPost = (township: OrgRow, village: OrgRow) => sql`(${posts.orgId} = ${township.id} or ${posts.orgPath} like ${village.path + '%'})`;

export interface Candidate {
  id: string;
  name: string;
  titles: string[];
}

/** People holding a post of the kind during the days, with the posts' titles, by pinyin. */
export async function postHolders(db: Db, countyId: string, kind: ReturnType<typeof leadingPost>, from: string, to: string): Promise<Candidate[]> {
  const found = await db.select({ id: people.id, name: people.name, title: posts.title }).from(posts)
    .innerJoin(people, and(eq(people.countyId, posts.countyId), eq(people.id, posts.personId)))
    .where(and(eq(posts.countyId, countyId), kind, heldDuring(from, to)))
    .orderBy(people.pinyin, people.name, posts.title);
  const byId = new Map<string, Candidate>();
  for (const f of found) {
    const c = byId.get(f.id) ?? { id: f.id, name: f.name, titles: [] };
    if (!c.titles.includes(f.title)) c.titles.push(f.title);
    byId.set(f.id, c);
  }
  return [...byId.values()];
}

/** Of the given people, those who hold a post of the kind during the days. */
export async function holdingPost(db: Db, countyId: string, ids: string[], kind: ReturnType<typeof leadingPost>, from: string, to: string): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const found = await db.selectDistinct({ id: posts.personId }).from(posts)
    .where(and(eq(posts.countyId, countyId), inArray(posts.personId, ids), kind, heldDuring(from, to)));
  return new Set(found.map((f) => f.id));
}

export async function namesOf(db: Db, countyId: string, ids: string[]): Promise<Map<string, { name: string; orgPath: string }>> {
  if (ids.length === 0) return new Map();
  const found = await db.select({ id: people.id, name: people.name, orgPath: people.orgPath }).from(people)
    .where(and(eq(people.countyId, countyId), inArray(people.id, ids)));
  return new Map(found.map((f) => [f.id, f]));
}

/** Teams as the API shows them, in the order given. */
export async function teamViews(db: Db, countyId: string, teams: TeamRow[]): Promise<TeamView[]> {
  if (teams.length === 0) return [];
  const ids = teams.map((t) => t.id);
  const orgs = await db.select({ id: organizations.id, code: organizations.code, name: organizations.name }).from(organizations)
    .where(and(eq(organizations.countyId, countyId), inArray(organizations.id, [...new Set(teams.map((t) => t.orgId))])));
  const members = await db.select({ teamId: contractingTeamMembers.teamId, id: people.id, name: people.name }).from(contractingTeamMembers)
    .innerJoin(people, and(eq(people.countyId, contractingTeamMembers.countyId), eq(people.id, contractingTeamMembers.personId)))
    .where(and(eq(contractingTeamMembers.countyId, countyId), inArray(contractingTeamMembers.teamId, ids)))
    .orderBy(people.pinyin, people.name);
  const villages = await db.select({ teamId: contractingVillages.teamId, code: organizations.code, name: organizations.name }).from(contractingVillages)
    .innerJoin(organizations, and(eq(organizations.countyId, contractingVillages.countyId), eq(organizations.id, contractingVillages.orgId)))
    .where(and(eq(contractingVillages.countyId, countyId), inArray(contractingVillages.teamId, ids)))
    .orderBy(organizations.path);
  const leaders = await namesOf(db, countyId, teams.map((t) => t.leaderId));
  return teams.map((t) => {
    const org = orgs.find((o) => o.id === t.orgId)!;
    return {
      id: t.id, org: { code: org.code, name: org.name }, year: t.year, name: t.name,
      leader: { id: t.leaderId, name: leaders.get(t.leaderId)?.name ?? '' },
      members: members.filter((m) => m.teamId === t.id).map(({ id, name }) => ({ id, name })),
      villages: villages.filter((v) => v.teamId === t.id).map(({ code, name }) => ({ code, name })),
      note: t.note,
    };
  });
}

/** Teams of a subtree and year, by township and name. */
export function teamsUnder(db: Db, root: OrgRow, year: number): Promise<TeamRow[]> {
  return db.select().from(contractingTeams)
    .where(and(eq(contractingTeams.countyId, root.countyId), sql`${contractingTeams.orgPath} like ${root.path + '%'}`, eq(contractingTeams.year, year)))
    .orderBy(contractingTeams.orgPath, asc(contractingTeams.name));
}

/** The team that has a village in a year, if any. */
export async function teamOfVillage(db: Db, village: OrgRow, year: number): Promise<TeamRow | null> {
  const [found] = await db.select({ team: contractingTeams }).from(contractingVillages)
    .innerJoin(contractingTeams, and(eq(contractingTeams.countyId, contractingVillages.countyId), eq(contractingTeams.id, contractingVillages.teamId)))
    .where(and(eq(contractingVillages.countyId, village.countyId), eq(contractingVillages.orgId, village.id), eq(contractingVillages.year, year)));
  return found?.team ?? null;
}

export interface TeamCounts {
  /** Visits counted for the leader's quota, per period. */
  held: number[];
  /** All the team's visits, per period. */
  visits: number[];
}

/**
 * Per team and period: the visits the leader took part in (or, when the county counts them, any
 * member of the team), and all the team's visits. A team's visits are those made for it, and those
 * to its villages made for no team, within its year. One statement for all the teams.
 */
export async function visitCounts(db: Db, countyId: string, teams: TeamRow[], periods: { start: string; end: string }[], memberVisitsCount: boolean): Promise<Map<string, TeamCounts>> {
  const counts = new Map(teams.map((t) => [t.id, { held: periods.map(() => 0), visits: periods.map(() => 0) }]));
  if (teams.length === 0 || periods.length === 0) return counts;
  const first = periods.map((p) => p.start).sort()[0]!;
  const last = periods.map((p) => p.end).sort().at(-1)!;
  const spans = sql.join(periods.map((p, i) => sql`(${i}::int, ${p.start}::date, ${p.end}::date)`), sql`, `);
  const ids = sql.join(teams.map((t) => sql`${t.id}::uuid`), sql`, `);
  const found = await rows<{ team_id: string; idx: number; held: number; visits: number }>(db, sql`
    with p(idx, start_on, end_on) as (values ${spans}),
    tv as (
      select t.id as team_id, v.visited_on,
        exists (select 1 from visit_participants vp where vp.county_id = v.county_id and vp.visit_id = v.id
          and (vp.person_id = t.leader_id or (${memberVisitsCount} and exists (select 1 from contracting_team_members tm
            where tm.county_id = t.county_id and tm.team_id = t.id and tm.person_id = vp.person_id)))) as counted
      from contracting_teams t
      join visits v on v.county_id = t.county_id
        and v.visited_on between make_date(t.year, 1, 1) and make_date(t.year, 12, 31)
        and v.visited_on between ${first}::date and ${last}::date
        and (v.team_id = t.id or (v.team_id is null and exists (select 1 from contracting_villages cv
          where cv.county_id = t.county_id and cv.team_id = t.id and cv.org_id = v.org_id)))
      where t.county_id = ${countyId} and t.id in (${ids})
    )
    select tv.team_id, p.idx, (count(*) filter (where tv.counted))::int as held, count(*)::int as visits
    from tv join p on tv.visited_on between p.start_on and p.end_on
    group by 1, 2`);
  for (const f of found) {
    const c = counts.get(f.team_id)!;
    c.held[f.idx] = Number(f.held);
    c.visits[f.idx] = Number(f.visits);
  }
  return counts;
}

/** The last visit to each of the villages by `today`. */
export async function lastVisits(db: Db, countyId: string, villageIds: string[], today: string): Promise<Map<string, string>> {
  if (villageIds.length === 0) return new Map();
  const found = await rows<{ org_id: string; last: string }>(db, sql`
    select org_id, max(visited_on)::text as last from visits
    where county_id = ${countyId} and org_id in (${sql.join(villageIds.map((id) => sql`${id}::uuid`), sql`, `)}) and visited_on <= ${today}::date
    group by org_id`);
  return new Map(found.map((f) => [f.org_id, f.last]));
}
