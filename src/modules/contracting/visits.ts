/**
 * Recording visits to villages: who went, which households they met, what they found and solved.
 * A visit is checked against the visit rules, counted for the village's team when one of its people
 * went, and audited as it was and as it became on a correction.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { grantingPost, type ActorPost } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { forbidden, invalid } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n/index.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { households } from '../households/schema.js';
import { orgLabel, visibleOrg, type OrgRow } from '../organizations/queries.js';
import { posts } from '../people/schema.js';
import type { VisitDetail, VisitInput, VisitPatch } from './contracts.js';
import { refuseProblems } from './problems.js';
import { holdingPost, isVillage, namesOf, readable, teamOfVillage, townshipOf, visitingPost } from './queries.js';
import { checkVisit, type VisitFacts } from './rules.js';
import { contractingTeamMembers, contractingTeams, contractingVillages, visitHouseholds, visitParticipants, visits } from './schema.js';
import { getVisit, visibleVisit } from './visit-queries.js';

/** The post under which the actor records visits to the village; refused naming the village otherwise. */
export function recordingPost(ctx: ServiceContext, village: OrgRow): ActorPost {
  const post = grantingPost(ctx.actor, 'visit.record', village.path);
  if (!post) throw forbidden('contracting.record_forbidden', { org: village.name });
  return post;
}

interface VisitRecord {
  teamId: string | null;
  visitedOn: string;
  purpose: string;
  participantIds: string[];
  householdIds: string[];
  problemsFound: string | null;
  problemsSolved: string | null;
}

/** The facts the visit rules decide on, gathered for one record. */
async function factsOf(ctx: ServiceContext, tx: Db, village: OrgRow, record: VisitRecord, teamNamed: boolean): Promise<VisitFacts> {
  const township = await townshipOf(tx, village);
  const day = record.visitedOn;
  const names = await namesOf(tx, village.countyId, record.participantIds);
  const eligible = township
    ? await holdingPost(tx, village.countyId, record.participantIds, visitingPost(township, village), day, day)
    : await holdingPost(tx, village.countyId, record.participantIds, sql`${posts.orgPath} like ${village.path + '%'}`, day, day);
  const participants = new Map([...names].filter(([id, p]) => eligible.has(id) || readable(ctx.actor, p.orgPath))
    .map(([id, p]) => [id, { name: p.name, eligible: eligible.has(id) }]));

  const found = record.householdIds.length === 0 ? [] : await tx.select({ id: households.id, headName: households.headName, orgId: households.orgId, orgPath: households.orgPath })
    .from(households).where(and(eq(households.countyId, village.countyId), inArray(households.id, record.householdIds)));
  const householdFacts = new Map(found.filter((h) => h.orgId === village.id || readable(ctx.actor, h.orgPath))
    .map((h) => [h.id, { headName: h.headName, inVillage: h.orgId === village.id }]));

  let team: VisitFacts['team'];
  if (teamNamed && record.teamId) {
    const [row] = await tx.select({ name: contractingTeams.name, orgPath: contractingTeams.orgPath, assigned: sql<boolean>`exists (select 1 from ${contractingVillages}
        where ${contractingVillages.countyId} = ${contractingTeams.countyId} and ${contractingVillages.teamId} = ${contractingTeams.id}
          and ${contractingVillages.orgId} = ${village.id} and ${contractingVillages.year} = ${Number(day.slice(0, 4))})` })
      .from(contractingTeams).where(and(eq(contractingTeams.countyId, village.countyId), eq(contractingTeams.id, record.teamId)));
    team = row && readable(ctx.actor, row.orgPath) ? { name: row.name, assigned: row.assigned } : null;
  }
  return {
    today: chinaDate(ctx.clock.now()),
    village: { name: village.name, isVillage: isVillage(village), township: township?.name ?? '' },
    participants, households: householdFacts, team,
  };
}

/** The village's team of the year, when one of the participants leads it or serves in it. */
async function teamServed(tx: Db, village: OrgRow, record: VisitRecord): Promise<string | null> {
  const team = await teamOfVillage(tx, village, Number(record.visitedOn.slice(0, 4)));
  if (!team) return null;
  if (record.participantIds.includes(team.leaderId)) return team.id;
  const [member] = record.participantIds.length === 0 ? [] : await tx.select({ id: contractingTeamMembers.personId }).from(contractingTeamMembers)
    .where(and(eq(contractingTeamMembers.countyId, team.countyId), eq(contractingTeamMembers.teamId, team.id), inArray(contractingTeamMembers.personId, record.participantIds)));
  return member ? team.id : null;
}

async function storeParts(tx: Db, countyId: string, visitId: string, record: VisitRecord): Promise<void> {
  await tx.delete(visitParticipants).where(and(eq(visitParticipants.countyId, countyId), eq(visitParticipants.visitId, visitId)));
  await tx.delete(visitHouseholds).where(and(eq(visitHouseholds.countyId, countyId), eq(visitHouseholds.visitId, visitId)));
  await tx.insert(visitParticipants).values(record.participantIds.map((personId) => ({ countyId, visitId, personId })));
  if (record.householdIds.length > 0) await tx.insert(visitHouseholds).values(record.householdIds.map((householdId) => ({ countyId, visitId, householdId })));
}

const columnsOf = (r: VisitRecord) => ({
  teamId: r.teamId, visitedOn: r.visitedOn, purpose: r.purpose, problemsFound: r.problemsFound, problemsSolved: r.problemsSolved,
});

/** As the audit trail keeps it: people and households sorted, so two versions compare line by line. */
const snapshot = (r: VisitRecord) => ({ ...columnsOf(r), participantIds: [...r.participantIds].sort(), householdIds: [...r.householdIds].sort() });

export async function createVisit(ctx: ServiceContext, input: VisitInput, lang: Lang): Promise<VisitDetail> {
  const participantIds = input.participantIds ?? (ctx.actor.personId ? [ctx.actor.personId] : []);
  if (participantIds.length === 0) {
    throw invalid('contracting.participants_required', {}, [{ path: 'body.participantIds', key: 'contracting.participants_required' }]);
  }
  const id = await write(ctx, async (w) => {
    const village = await visibleOrg(ctx, input.orgCode, w.tx);
    const post = recordingPost(ctx, village);
    const record: VisitRecord = {
      teamId: input.teamId ?? null, visitedOn: input.visitedOn, purpose: input.purpose, participantIds, householdIds: input.householdIds,
      problemsFound: input.problemsFound ?? null, problemsSolved: input.problemsSolved ?? null,
    };
    refuseProblems('visit', checkVisit(record, await factsOf(ctx, w.tx, village, record, input.teamId !== undefined)), lang);
    record.teamId ??= await teamServed(w.tx, village, record);
    const [row] = await w.tx.insert(visits).values({ countyId: village.countyId, orgId: village.id, orgPath: village.path, ...columnsOf(record), createdBy: ctx.actor.userId }).returning();
    await storeParts(w.tx, village.countyId, row!.id, record);
    w.audit({ action: 'visit.create', entityType: 'visit', entityId: row!.id, entityLabel: `${orgLabel(village)} ${record.visitedOn}`, orgPath: village.path, postId: post.postId, after: snapshot(record) });
    return row!.id;
  });
  return getVisit(ctx, id);
}

export async function updateVisit(ctx: ServiceContext, id: string, patch: VisitPatch, lang: Lang): Promise<VisitDetail> {
  await write(ctx, async (w) => {
    const { visit, village } = await visibleVisit(ctx, w.tx, id, true);
    const post = recordingPost(ctx, village);
    const people = await w.tx.select({ id: visitParticipants.personId }).from(visitParticipants)
      .where(and(eq(visitParticipants.countyId, visit.countyId), eq(visitParticipants.visitId, visit.id)));
    const met = await w.tx.select({ id: visitHouseholds.householdId }).from(visitHouseholds)
      .where(and(eq(visitHouseholds.countyId, visit.countyId), eq(visitHouseholds.visitId, visit.id)));
    const before: VisitRecord = {
      teamId: visit.teamId, visitedOn: visit.visitedOn, purpose: visit.purpose, participantIds: people.map((p) => p.id), householdIds: met.map((h) => h.id),
      problemsFound: visit.problemsFound, problemsSolved: visit.problemsSolved,
    };
    const record: VisitRecord = {
      teamId: patch.teamId === undefined ? before.teamId : patch.teamId,
      visitedOn: patch.visitedOn ?? before.visitedOn,
      purpose: patch.purpose ?? before.purpose,
      participantIds: patch.participantIds ?? before.participantIds,
      householdIds: patch.householdIds ?? before.householdIds,
      problemsFound: patch.problemsFound === undefined ? before.problemsFound : patch.problemsFound,
      problemsSolved: patch.problemsSolved === undefined ? before.problemsSolved : patch.problemsSolved,
    };
    refuseProblems('visit', checkVisit(record, await factsOf(ctx, w.tx, village, record, record.teamId !== null)), lang);
    await w.tx.update(visits).set({ ...columnsOf(record), updatedAt: w.now }).where(and(eq(visits.countyId, visit.countyId), eq(visits.id, visit.id)));
    await storeParts(w.tx, visit.countyId, visit.id, record);
    w.audit({ action: 'visit.update', entityType: 'visit', entityId: visit.id, entityLabel: `${orgLabel(village)} ${record.visitedOn}`, orgPath: village.path, postId: post.postId, before: snapshot(before), after: snapshot(record) });
  });
  return getVisit(ctx, id);
}
