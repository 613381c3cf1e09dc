/**
 * Reading visits (for those who record them: visits name households and what troubles them), and
 * what the visit form offers: the user's contracted villages, a village's team and the people who
 * may go, and its households found by name, number or group.
 */
import { and, asc, count, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { inScope, permission } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { invalid, notFound } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/service.js';
import { households } from '../households/schema.js';
import { visibleOrg, type OrgRow } from '../organizations/queries.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';
import type { VisitDetail, VisitOptions, VisitPage, VisitsQuery } from './contracts.js';
import { isVillage, postHolders, teamOfVillage, townshipOf, visitingPost } from './queries.js';
import { contractingTeamMembers, contractingTeams, contractingVillages, visitHouseholds, visitParticipants, visits } from './schema.js';

type VisitRow = typeof visits.$inferSelect;

const recordScope = (ctx: ServiceContext) => inScope(ctx.actor, 'visit.record', { county: visits.countyId, path: visits.orgPath });

/** A visit the actor may read, with its village; `lock` holds it until the transaction ends. */
export async function visibleVisit(ctx: ServiceContext, db: Db, id: string, lock = false): Promise<{ visit: VisitRow; village: OrgRow }> {
  const query = db.select({ visit: visits, village: organizations }).from(visits)
    .innerJoin(organizations, and(eq(organizations.countyId, visits.countyId), eq(organizations.id, visits.orgId)))
    .where(and(eq(visits.id, id), recordScope(ctx)));
  const [found] = lock ? await query.for('update', { of: visits }) : await query;
  if (!found) throw notFound('contracting.visit_not_found');
  return found;
}

async function participantsOf(db: Db, countyId: string, visitIds: string[]) {
  if (visitIds.length === 0) return [];
  return db.select({ visitId: visitParticipants.visitId, id: people.id, name: people.name }).from(visitParticipants)
    .innerJoin(people, and(eq(people.countyId, visitParticipants.countyId), eq(people.id, visitParticipants.personId)))
    .where(and(eq(visitParticipants.countyId, countyId), inArray(visitParticipants.visitId, visitIds)))
    .orderBy(people.pinyin, people.name);
}

const householdCount = sql<number>`(select count(*) from ${visitHouseholds}
  where ${visitHouseholds.countyId} = ${visits.countyId} and ${visitHouseholds.visitId} = ${visits.id})`.mapWith(Number);

const summaryColumns = {
  id: visits.id, code: organizations.code, orgName: organizations.name, teamId: visits.teamId, teamName: contractingTeams.name,
  visitedOn: visits.visitedOn, purpose: visits.purpose, problemsFound: visits.problemsFound, problemsSolved: visits.problemsSolved, households: householdCount,
};

const fromVisits = (db: Db) => db.select(summaryColumns).from(visits)
  .innerJoin(organizations, and(eq(organizations.countyId, visits.countyId), eq(organizations.id, visits.orgId)))
  .leftJoin(contractingTeams, and(eq(contractingTeams.countyId, visits.countyId), eq(contractingTeams.id, visits.teamId)));

type SummaryRow = Awaited<ReturnType<typeof fromVisits>>[number];

async function summaries(db: Db, countyId: string, found: SummaryRow[]) {
  const participants = await participantsOf(db, countyId, found.map((f) => f.id));
  return found.map((f) => ({
    id: f.id, village: { code: f.code, name: f.orgName }, team: f.teamId ? { id: f.teamId, name: f.teamName! } : null,
    visitedOn: f.visitedOn, purpose: f.purpose, problemsFound: f.problemsFound, problemsSolved: f.problemsSolved, households: f.households,
    participants: participants.filter((p) => p.visitId === f.id).map(({ id, name }) => ({ id, name })),
  }));
}

/** Visits of a subtree (all of the user's reach without `org`), newest first. */
export async function listVisits(ctx: ServiceContext, query: VisitsQuery): Promise<VisitPage> {
  const org = query.org ? await visibleOrg(ctx, query.org) : undefined;
  if (query.from && query.to && query.from > query.to) {
    const params = { from: query.from, to: query.to };
    throw invalid('contracting.range_reversed', params, [{ path: 'querystring.to', key: 'contracting.range_reversed', params }]);
  }
  const where = and(
    recordScope(ctx),
    org ? sql`${visits.orgPath} like ${org.path + '%'}` : undefined,
    query.team ? eq(visits.teamId, query.team) : undefined,
    query.person ? sql`exists (select 1 from ${visitParticipants} where ${visitParticipants.countyId} = ${visits.countyId}
      and ${visitParticipants.visitId} = ${visits.id} and ${visitParticipants.personId} = ${query.person})` : undefined,
    query.from ? sql`${visits.visitedOn} >= ${query.from}::date` : undefined,
    query.to ? sql`${visits.visitedOn} <= ${query.to}::date` : undefined,
  );
  const [counted] = await ctx.db.select({ total: count() }).from(visits).where(where);
  const found = await fromVisits(ctx.db).where(where)
    .orderBy(desc(visits.visitedOn), desc(visits.createdAt), asc(visits.id))
    .limit(query.pageSize).offset((query.page - 1) * query.pageSize);
  return { items: await summaries(ctx.db, ctx.actor.countyId, found), total: counted!.total, page: query.page, pageSize: query.pageSize };
}

export async function getVisit(ctx: ServiceContext, id: string): Promise<VisitDetail> {
  const { village } = await visibleVisit(ctx, ctx.db, id);
  const [row] = await fromVisits(ctx.db).where(and(eq(visits.countyId, ctx.actor.countyId), eq(visits.id, id)));
  const [summary] = await summaries(ctx.db, ctx.actor.countyId, [row!]);
  const met = await ctx.db.select({ id: households.id, headName: households.headName, villagerGroup: households.villagerGroup }).from(visitHouseholds)
    .innerJoin(households, and(eq(households.countyId, visitHouseholds.countyId), eq(households.id, visitHouseholds.householdId)))
    .where(and(eq(visitHouseholds.countyId, ctx.actor.countyId), eq(visitHouseholds.visitId, id)))
    .orderBy(households.villagerGroup, households.number, households.headName);
  const [created] = await ctx.db.select({ at: visits.createdAt }).from(visits).where(and(eq(visits.countyId, ctx.actor.countyId), eq(visits.id, id)));
  return { ...summary!, households: met, createdAt: created!.at.toISOString(), can: { edit: permission(ctx.actor, 'visit.record', village.path) } };
}

/** The villages of the teams the user leads or serves in, in the year of `day`. */
async function contractedVillages(ctx: ServiceContext, day: string) {
  const personId = ctx.actor.personId;
  if (!personId) return [];
  return ctx.db.select({ code: organizations.code, name: organizations.name, teamId: contractingTeams.id, teamName: contractingTeams.name }).from(contractingVillages)
    .innerJoin(contractingTeams, and(eq(contractingTeams.countyId, contractingVillages.countyId), eq(contractingTeams.id, contractingVillages.teamId)))
    .innerJoin(organizations, and(eq(organizations.countyId, contractingVillages.countyId), eq(organizations.id, contractingVillages.orgId)))
    .where(and(eq(contractingVillages.countyId, ctx.actor.countyId), eq(contractingVillages.year, Number(day.slice(0, 4))),
      or(eq(contractingTeams.leaderId, personId), sql`exists (select 1 from ${contractingTeamMembers} where ${contractingTeamMembers.countyId} = ${contractingTeams.countyId}
        and ${contractingTeamMembers.teamId} = ${contractingTeams.id} and ${contractingTeamMembers.personId} = ${personId})`)))
    .orderBy(organizations.path);
}

export async function visitOptions(ctx: ServiceContext, query: { org?: string; on?: string }): Promise<VisitOptions> {
  const day = query.on ?? chinaDate(ctx.clock.now());
  const villages = (await contractedVillages(ctx, day)).map((v) => ({ code: v.code, name: v.name, team: { id: v.teamId, name: v.teamName } }));
  const [self] = ctx.actor.personId ? await ctx.db.select({ id: people.id, name: people.name }).from(people)
    .where(and(eq(people.countyId, ctx.actor.countyId), eq(people.id, ctx.actor.personId))) : [];
  const base = { villages, self: self ?? null };
  if (!query.org) return { ...base, village: null, team: null, participants: [], can: { record: { allowed: false, reason: 'not_a_village' } } };
  const village = await visibleOrg(ctx, query.org);
  const township = await townshipOf(ctx.db, village);
  const team = await teamOfVillage(ctx.db, village, Number(day.slice(0, 4)));
  const participants = township ? await postHolders(ctx.db, village.countyId, visitingPost(township, village), day, day) : [];
  const record = isVillage(village) ? permission(ctx.actor, 'visit.record', village.path) : { allowed: false, reason: 'not_a_village' as const };
  return { ...base, village: { code: village.code, name: village.name }, team: team ? { id: team.id, name: team.name } : null, participants, can: { record } };
}

/** A village's households matching the search (the head's name, the household number or the villager group), at most 30. */
