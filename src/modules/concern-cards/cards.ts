/**
 * Printing a village's concern cards: its active households (or one of them), each with its contact
 * cadres — active pairings, this year's contracting team, the branch secretary — and the QR code to
 * the village's public concern page. One audit event per batch; the cadres' phones are printed in
 * full on purpose, the household's own never.
 */
import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { grantingPost } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { forbidden, invalid, notFound } from '../../platform/errors.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { teamOfVillage, townshipOf } from '../contracting/queries.js';
import { contractingTeamMembers } from '../contracting/schema.js';
import { keepsHouseholds } from '../households/queries.js';
import { households } from '../households/schema.js';
import { rootOrg } from '../organizations/county.js';
import { orgLabel, visibleOrg, type OrgRow } from '../organizations/queries.js';
import { adminUnits } from '../organizations/schema.js';
import { pairings } from '../pairing/schema.js';
import { people, posts } from '../people/schema.js';
import type { CardsQuery } from './contracts.js';
import { findCjkFont } from './font.js';
import { renderCards } from './pdf.js';
import { cardModel, compareHouseholds, contactCadres, fileName, placeName, publicConcernUrl, type CadreCandidate, type CadreRole, type CardModel } from './rules.js';
import { cardSetting } from './settings.js';

const heldOn = (today: string) => and(lte(posts.startedOn, today), or(isNull(posts.endedOn), sql`${posts.endedOn} > ${today}::date`));

/** People by id with their phone and the title of their highest post held today. */
async function cadresById(db: Db, countyId: string, ids: string[], today: string): Promise<Map<string, Omit<CadreCandidate, 'role'>>> {
  if (ids.length === 0) return new Map();
  // Spelled out: drizzle leaves the outer columns unqualified in a one-table select, and they would bind to posts.
  const title = sql<string | null>`(select p.title from posts p where p.county_id = people.county_id and p.person_id = people.id
    and p.started_on <= ${today}::date and (p.ended_on is null or p.ended_on > ${today}::date) order by length(p.org_path), p.started_on limit 1)`;
  const found = await db.select({ personId: people.id, name: people.name, phone: people.phone, title }).from(people)
    .where(and(eq(people.countyId, countyId), inArray(people.id, [...new Set(ids)])));
  return new Map(found.map((f) => [f.personId, f]));
}

/** The name villagers know a place by: its admin unit, else the organization's name without the Party suffix. */
async function placeOf(db: Db, org: OrgRow): Promise<string> {
  const [unit] = await db.select({ name: adminUnits.name }).from(adminUnits)
    .where(and(eq(adminUnits.countyId, org.countyId), eq(adminUnits.orgId, org.id), inArray(adminUnits.kind, ['township', 'street', 'village', 'community'])));
  return placeName(org.name, unit?.name ?? null);
}

export interface Batch {
  place: string;
  cards: CardModel[];
  headName?: string;
}

/** The cards of a village's active households, or of one of them; refuses a village with none. */
export async function gatherCards(db: Db, village: OrgRow, householdId: string | undefined, url: string, today: string): Promise<Batch> {
  const countyId = village.countyId;
  const found = await db.select({ id: households.id, headName: households.headName, villagerGroup: households.villagerGroup, number: households.number, address: households.address })
    .from(households)
    .where(and(eq(households.countyId, countyId), eq(households.orgId, village.id), eq(households.status, 'active'), householdId ? eq(households.id, householdId) : undefined))
    .orderBy(asc(households.id))
    .then((rows) => rows.sort(compareHouseholds));
  const place = await placeOf(db, village);
  if (householdId && found.length === 0) throw notFound('households.not_found');
  if (found.length === 0) throw invalid('cards.no_households', { org: place });

  const paired = await db.select({ householdId: pairings.householdId, personId: pairings.cadreId }).from(pairings)
    .where(and(eq(pairings.countyId, countyId), eq(pairings.orgId, village.id), isNull(pairings.endedOn), lte(pairings.startedOn, today),
      inArray(pairings.householdId, found.map((h) => h.id))))
    .orderBy(asc(pairings.startedOn), asc(pairings.id));
  const team = await teamOfVillage(db, village, Number(today.slice(0, 4)));
  const members = team ? await db.select({ personId: contractingTeamMembers.personId }).from(contractingTeamMembers)
    .innerJoin(people, and(eq(people.countyId, contractingTeamMembers.countyId), eq(people.id, contractingTeamMembers.personId)))
    .where(and(eq(contractingTeamMembers.countyId, countyId), eq(contractingTeamMembers.teamId, team.id)))
    .orderBy(asc(people.pinyin), asc(people.id)) : [];
  const secretaries = await db.select({ personId: posts.personId }).from(posts)
    .where(and(eq(posts.countyId, countyId), eq(posts.orgId, village.id), eq(posts.role, 'branch_secretary'), heldOn(today)))
    .orderBy(asc(posts.startedOn), asc(posts.id));

  const known = await cadresById(db, countyId, [...paired, ...members, ...secretaries].map((p) => p.personId).concat(team ? [team.leaderId] : []), today);
  const as = (role: CadreRole) => (p: { personId: string }): CadreCandidate[] => {
    const person = known.get(p.personId);
    return person ? [{ ...person, role }] : [];
  };
  const pairedWith = new Map<string, CadreCandidate[]>();
  for (const p of paired) pairedWith.set(p.householdId, [...(pairedWith.get(p.householdId) ?? []), ...as('pairing')(p)]);
  const teamCadres = [...(team ? as('team_leader')({ personId: team.leaderId }) : []), ...members.flatMap(as('team_member'))];
  const secretaryCadres = secretaries.flatMap(as('secretary'));

  const township = await townshipOf(db, village);
  const root = (await rootOrg(db, countyId))!;
  const common = { place, township: township ? await placeOf(db, township) : null, issuer: `中共${root.name}组织部 监制`, url };
  const cards = found.map((h) => cardModel({
    ...common,
    household: h,
    cadres: contactCadres(pairedWith.get(h.id) ?? [], teamCadres, secretaryCadres),
  }));
  return { place, cards, headName: householdId ? found[0]!.headName : undefined };
}

/**
 * The PDF of a village's cards (or one household's), for a 'household.manage' holder over the
 * village. The QR codes lead to `address.given` (an operator's choice), else the county's public
 * address, else `address.fallback` (where the request came to).
 */
export async function printCards(ctx: ServiceContext, query: CardsQuery, address: { given?: string; fallback?: string }): Promise<{ fileName: string; cards: number; pdf: Buffer }> {
  const village = await visibleOrg(ctx, query.village);
  const post = grantingPost(ctx.actor, 'household.manage', village.path);
  if (!post) throw forbidden('cards.forbidden', { org: village.name });
  if (!keepsHouseholds(village) || village.status !== 'active') throw invalid('cards.not_a_village', { org: village.name });
  const font = findCjkFont();
  const base = address.given ?? (await cardSetting.read(ctx.db, ctx.actor.countyId)).publicAddress ?? address.fallback;
  if (!base) throw invalid('cards.address_missing');
  const url = publicConcernUrl(base, village.code);

  const batch = await write(ctx, async (w) => {
    const gathered = await gatherCards(w.tx, village, query.household, url, chinaDate(w.now));
    w.audit({
      action: 'concern_cards.print', entityType: 'organization', entityId: village.id, entityLabel: orgLabel(village), orgPath: village.path, postId: post.postId,
      after: { layout: query.layout, cards: gathered.cards.length, ...(query.household ? { household: query.household } : {}), url },
    });
    return gathered;
  });
  const name = fileName(batch.place, batch.headName);
  return { fileName: name, cards: batch.cards.length, pdf: await renderCards(batch.cards, query.layout, font, name.replace(/\.pdf$/, '')) };
}
