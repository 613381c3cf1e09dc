/**
 * A township's contracting teams of a year: listed with who may lead or serve and the villages to
 * assign; created and corrected with their members and villages in one write, checked against the
 * team rules and audited as they were and as they became.
 */
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { grantingPost, inScope, permission, type ActorPost } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { forbidden, notFound } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n/index.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { orgLabel, visibleOrg, type OrgRow } from '../organizations/queries.js';
import { organizations } from '../organizations/schema.js';
import type { TeamInput, TeamPatch, TeamsView, TeamView } from './contracts.js';
import { refuseProblems } from './problems.js';
import {
  holdingPost, isTownship, isVillage, leadingPost, namesOf, postHolders, readable, servingPost, teamsUnder, teamViews, villagesOf, type TeamRow,
} from './queries.js';
import { checkTeam, yearSpan } from './rules.js';
import { contractingTeamMembers, contractingTeams, contractingVillages } from './schema.js';

export async function listTeams(ctx: ServiceContext, query: { org: string; year: number }): Promise<TeamsView> {
  const org = await visibleOrg(ctx, query.org);
  const teams = await teamViews(ctx.db, ctx.actor.countyId, await teamsUnder(ctx.db, org, query.year));
  const span = yearSpan(query.year);
  const candidates = isTownship(org)
    ? {
      leaders: await postHolders(ctx.db, org.countyId, leadingPost(org), span.start, span.end),
      members: await postHolders(ctx.db, org.countyId, servingPost(org), span.start, span.end),
      villages: (await villagesOf(ctx.db, org)).map((v) => ({ code: v.code, name: v.name })),
    }
    : { leaders: [], members: [], villages: [] };
  return { org: { code: org.code, name: org.name }, year: query.year, teams, candidates, can: { manage: permission(ctx.actor, 'contracting.manage', org.path) } };
}

/** A team the actor may read, held until the transaction ends. */
async function visibleTeam(ctx: ServiceContext, tx: Db, id: string): Promise<{ team: TeamRow; township: OrgRow }> {
  const [found] = await tx.select({ team: contractingTeams, township: organizations }).from(contractingTeams)
    .innerJoin(organizations, and(eq(organizations.countyId, contractingTeams.countyId), eq(organizations.id, contractingTeams.orgId)))
    .where(and(eq(contractingTeams.id, id), inScope(ctx.actor, 'org.read', { county: contractingTeams.countyId, path: contractingTeams.orgPath })))
    .for('update', { of: contractingTeams });
  if (!found) throw notFound('contracting.team_not_found');
  return found;
}

function managingPost(ctx: ServiceContext, township: OrgRow): ActorPost {
  const post = grantingPost(ctx.actor, 'contracting.manage', township.path);
  if (!post) throw forbidden('contracting.manage_forbidden', { org: township.name });
  return post;
}

type TeamRecord = Omit<TeamInput, 'orgCode' | 'note'> & { note: string | null };

/** Refuses a team that breaks a team rule; answers the villages to assign. */
async function checked(ctx: ServiceContext, tx: Db, township: OrgRow, team: TeamRecord, selfId: string | null, lang: Lang): Promise<OrgRow[]> {
  const span = yearSpan(team.year);
  const ids = [...new Set([team.leaderId, ...team.memberIds])];
  const names = await namesOf(tx, township.countyId, ids);
  const leads = await holdingPost(tx, township.countyId, ids, leadingPost(township), span.start, span.end);
  const serves = await holdingPost(tx, township.countyId, ids, servingPost(township), span.start, span.end);
  // Someone with no tie to the township is unknown here: their name is not the township's to see.
  const people = new Map([...names].filter(([id, p]) => leads.has(id) || serves.has(id) || readable(ctx.actor, p.orgPath))
    .map(([id, p]) => [id, { name: p.name, leads: leads.has(id), serves: serves.has(id) }]));

  const orgs = team.villageCodes.length === 0 ? [] : await tx.select().from(organizations)
    .where(and(eq(organizations.countyId, township.countyId), inArray(organizations.code, team.villageCodes)));
  const taken = orgs.length === 0 ? [] : await tx.select({ orgId: contractingVillages.orgId, name: contractingTeams.name }).from(contractingVillages)
    .innerJoin(contractingTeams, and(eq(contractingTeams.countyId, contractingVillages.countyId), eq(contractingTeams.id, contractingVillages.teamId)))
    .where(and(eq(contractingVillages.countyId, township.countyId), eq(contractingVillages.year, team.year), inArray(contractingVillages.orgId, orgs.map((o) => o.id)),
      selfId ? ne(contractingVillages.teamId, selfId) : undefined));
  const villages = new Map(orgs.filter((o) => readable(ctx.actor, o.path)).map((o) => [o.code, {
    name: o.name, inTownship: o.path.startsWith(township.path), isVillage: isVillage(o),
    otherTeam: taken.find((t) => t.orgId === o.id)?.name ?? null,
  }]));

  const [sameName] = await tx.select({ id: contractingTeams.id }).from(contractingTeams)
    .where(and(eq(contractingTeams.countyId, township.countyId), eq(contractingTeams.orgId, township.id), eq(contractingTeams.year, team.year),
      eq(contractingTeams.name, team.name), selfId ? ne(contractingTeams.id, selfId) : undefined));

  refuseProblems('team', checkTeam(team, {
    today: chinaDate(ctx.clock.now()),
    township: { name: township.name, establishedOn: township.establishedOn, isTownship: isTownship(township) },
    people, villages, nameTaken: sameName !== undefined,
  }), lang);
  return team.villageCodes.map((code) => orgs.find((o) => o.code === code)!);
}

async function storeParts(tx: Db, team: TeamRow, memberIds: string[], villages: OrgRow[]): Promise<void> {
  await tx.delete(contractingTeamMembers).where(and(eq(contractingTeamMembers.countyId, team.countyId), eq(contractingTeamMembers.teamId, team.id)));
  await tx.delete(contractingVillages).where(and(eq(contractingVillages.countyId, team.countyId), eq(contractingVillages.teamId, team.id)));
  if (memberIds.length > 0) await tx.insert(contractingTeamMembers).values(memberIds.map((personId) => ({ countyId: team.countyId, teamId: team.id, personId })));
  if (villages.length > 0) {
    await tx.insert(contractingVillages).values(villages.map((v) => ({ countyId: team.countyId, teamId: team.id, year: team.year, orgId: v.id, orgPath: v.path })));
  }
}

/** The team as the audit trail keeps it: names beside ids, so the trail reads without lookups. */
const snapshot = (v: TeamView) => ({
  name: v.name, year: v.year, leader: v.leader, members: v.members, villages: v.villages.map((o) => `${o.name}（${o.code}）`), note: v.note,
});

async function viewOf(db: Db, team: TeamRow): Promise<TeamView> {
  return (await teamViews(db, team.countyId, [team]))[0]!;
}

/** Writes to one township's teams queue behind each other, so two cannot take the same village. */
const lockTownship = (tx: Db, township: OrgRow) => tx.execute(sql`select 1 from organizations where county_id = ${township.countyId} and id = ${township.id} for update`);

export async function createTeam(ctx: ServiceContext, input: TeamInput, lang: Lang): Promise<TeamView> {
  return write(ctx, async (w) => {
    const township = await visibleOrg(ctx, input.orgCode, w.tx);
    const post = managingPost(ctx, township);
    await lockTownship(w.tx, township);
    const { orgCode: _code, note, ...rest } = input;
    const record = { ...rest, note: note ?? null };
    const villages = await checked(ctx, w.tx, township, record, null, lang);
    const [team] = await w.tx.insert(contractingTeams).values({
      countyId: township.countyId, orgId: township.id, orgPath: township.path, year: record.year, name: record.name, leaderId: record.leaderId, note: record.note,
    }).returning();
    await storeParts(w.tx, team!, record.memberIds, villages);
    const view = await viewOf(w.tx, team!);
    w.audit({ action: 'contracting.team.create', entityType: 'contracting_team', entityId: team!.id, entityLabel: `${orgLabel(township)} ${record.year} ${record.name}`, orgPath: township.path, postId: post.postId, after: snapshot(view) });
    return view;
  });
}

export async function updateTeam(ctx: ServiceContext, id: string, patch: TeamPatch, lang: Lang): Promise<TeamView> {
  return write(ctx, async (w) => {
    const { team, township } = await visibleTeam(ctx, w.tx, id);
    const post = managingPost(ctx, township);
    await lockTownship(w.tx, township);
    const before = await viewOf(w.tx, team);
    const record = {
      year: team.year,
      name: patch.name ?? team.name,
      leaderId: patch.leaderId ?? team.leaderId,
      memberIds: patch.memberIds ?? before.members.map((m) => m.id),
      villageCodes: patch.villageCodes ?? before.villages.map((v) => v.code),
      note: patch.note === undefined ? team.note : patch.note,
    };
    const villages = await checked(ctx, w.tx, township, record, team.id, lang);
    const [updated] = await w.tx.update(contractingTeams).set({ name: record.name, leaderId: record.leaderId, note: record.note, updatedAt: w.now })
      .where(and(eq(contractingTeams.countyId, team.countyId), eq(contractingTeams.id, team.id))).returning();
    await storeParts(w.tx, updated!, record.memberIds, villages);
    const view = await viewOf(w.tx, updated!);
    w.audit({ action: 'contracting.team.update', entityType: 'contracting_team', entityId: team.id, entityLabel: `${orgLabel(township)} ${team.year} ${record.name}`, orgPath: township.path, postId: post.postId, before: snapshot(before), after: snapshot(view) });
    return view;
  });
}
