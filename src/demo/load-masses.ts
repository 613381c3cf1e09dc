/**
 * The demo county's contact with the masses, loaded once its organizations, people and accounts
 * are in: households, contracting teams and their visits, visit diaries, pairings with their
 * contacts, and a year of concerns with their history. Rows come keyed by organization code,
 * person key, household number and tracking code from the pure demo generators; here they get
 * their ids and paths.
 */
import { inArray } from 'drizzle-orm';
import { users } from '../modules/accounts/schema.js';
import { concernEvents, concerns } from '../modules/concerns/schema.js';
import { contractingTeamMembers, contractingTeams, contractingVillages, visitHouseholds, visitParticipants, visits } from '../modules/contracting/schema.js';
import { visitDiaries } from '../modules/diaries/schema.js';
import { householdMembers, households } from '../modules/households/schema.js';
import { pairingContacts, pairings } from '../modules/pairing/schema.js';
import type { WriteScope } from '../platform/service.js';
import { searchVector } from '../platform/text/search.js';
import { demoConcerns } from './concerns.js';
import { demoContracting } from './contracting.js';
import { demoDiaries, type DemoHouseholdRef } from './diaries.js';
import type { DemoCounty } from './generate.js';
import { demoHouseholds } from './households.js';
import { insertRows } from './insert.js';
import type { Loaded } from './load-life.js';
import { demoPairings } from './pairing.js';

export async function loadContactWithTheMasses(w: WriteScope, demo: DemoCounty, { countyId, orgRows, personIds }: Loaded): Promise<Record<string, number>> {
  const org = (code: string) => orgRows.get(code)!;
  const person = (key: string) => personIds.get(key)!;
  const inOrg = (code: string) => ({ orgId: org(code).id, orgPath: org(code).path });

  const householdList = demoHouseholds(demo, demo.asOf);
  const householdIds = new Map(householdList.map((h) => [`${h.orgCode}|${h.number}`, crypto.randomUUID()]));
  const household = (ref: DemoHouseholdRef) => householdIds.get(`${ref.orgCode}|${ref.number}`)!;
  await insertRows(w.tx, households, householdList.map(({ members: _members, orgCode, ...h }) => ({ countyId, id: household({ orgCode, number: h.number }), ...inOrg(orgCode), ...h })));
  await insertRows(w.tx, householdMembers, householdList.flatMap((h) => h.members.map(({ personKey, ...m }, position) => ({
    countyId, householdId: household(h), personId: personKey ? person(personKey) : null, position, ...m,
  }))));
  // Visits name households by their place in the village's list.
  const byVillage = new Map<string, string[]>();
  for (const h of householdList) byVillage.set(h.orgCode, [...(byVillage.get(h.orgCode) ?? []), household(h)]);

  const contracting = demoContracting(demo, demo.asOf);
  const teamIds = new Map(contracting.teams.map((t) => [t.key, crypto.randomUUID()]));
  await insertRows(w.tx, contractingTeams, contracting.teams.map((t) => ({
    countyId, id: teamIds.get(t.key)!, ...inOrg(t.townshipCode), year: t.year, name: t.name, leaderId: person(t.leaderKey),
  })));
  await insertRows(w.tx, contractingTeamMembers, contracting.teams.flatMap((t) => t.memberKeys.map((k) => ({ countyId, teamId: teamIds.get(t.key)!, personId: person(k) }))));
  await insertRows(w.tx, contractingVillages, contracting.teams.flatMap((t) => t.villageCodes.map((code) => ({ countyId, teamId: teamIds.get(t.key)!, year: t.year, ...inOrg(code) }))));
  const visitRows = contracting.visits.map((v) => ({
    countyId, id: crypto.randomUUID(), ...inOrg(v.orgCode), teamId: teamIds.get(v.teamKey)!, visitedOn: v.visitedOn, purpose: v.purpose,
    problemsFound: v.problemsFound, problemsSolved: v.problemsSolved,
  }));
  await insertRows(w.tx, visits, visitRows);
  await insertRows(w.tx, visitParticipants, contracting.visits.flatMap((v, i) => v.participantKeys.map((k) => ({ countyId, visitId: visitRows[i]!.id, personId: person(k) }))));
  await insertRows(w.tx, visitHouseholds, contracting.visits.flatMap((v, i) => {
    const list = byVillage.get(v.orgCode) ?? [];
    return v.households.filter((n) => n < list.length).map((n) => ({ countyId, visitId: visitRows[i]!.id, householdId: list[n]! }));
  }));

  const diaries = demoDiaries(demo, demo.asOf);
  await insertRows(w.tx, visitDiaries, diaries.map((d) => ({
    countyId, authorId: person(d.authorKey), ...inOrg(d.orgCode), householdId: d.household ? household(d.household) : null, writtenOn: d.writtenOn,
    situation: d.situation, problems: d.problems, demands: d.demands, plan: d.plan, result: d.result,
    search: searchVector(d.situation, d.problems, d.demands, d.plan, d.result),
  })));

  const pairingList = demoPairings(demo, demo.asOf);
  const pairingIds = pairingList.map(() => crypto.randomUUID());
  await insertRows(w.tx, pairings, pairingList.map((p, i) => ({
    countyId, id: pairingIds[i]!, cadreId: person(p.cadreKey), householdId: household(p.household), ...inOrg(p.household.orgCode),
    helpTypes: p.helpTypes, startedOn: p.startedOn, endedOn: p.endedOn, endReason: p.endReason,
  })));
  await insertRows(w.tx, pairingContacts, pairingList.flatMap((p, i) => p.contacts.map((c) => ({ countyId, pairingId: pairingIds[i]!, ...c }))));

  const concernList = demoConcerns(demo, demo.asOf);
  const usernames = [...new Set(concernList.flatMap((c) => (c.enteredByUsername ? [c.enteredByUsername] : [])))];
  const userIds = new Map(usernames.length === 0 ? [] : (await w.tx.select({ id: users.id, username: users.username }).from(users)
    .where(inArray(users.username, usernames))).map((u) => [u.username, u.id]));
  const concernIds = new Map(concernList.map((c) => [c.trackingCode, crypto.randomUUID()]));
  const at = (instant: string | null) => (instant ? new Date(instant) : null);
  await insertRows(w.tx, concerns, concernList.map(({ orgCode, handlerOrgCode, handlerPersonKey, ratedHandlerPersonKey, duplicateOfTrackingCode, enteredByUsername, events: _events, receivedAt, repliedAt, ratedAt, closedAt, ...c }) => ({
    countyId, id: concernIds.get(c.trackingCode)!, ...inOrg(orgCode), ...c,
    enteredBy: enteredByUsername ? userIds.get(enteredByUsername) ?? null : null,
    handlerOrgId: org(handlerOrgCode).id, handlerOrgPath: org(handlerOrgCode).path, handlerId: handlerPersonKey ? person(handlerPersonKey) : null,
    ratedHandlerId: ratedHandlerPersonKey ? person(ratedHandlerPersonKey) : null,
    duplicateOf: duplicateOfTrackingCode ? concernIds.get(duplicateOfTrackingCode)! : null,
    receivedAt: at(receivedAt)!, repliedAt: at(repliedAt), ratedAt: at(ratedAt), closedAt: at(closedAt), createdAt: at(receivedAt)!,
    search: searchVector(c.content),
  })));
  await insertRows(w.tx, concernEvents, concernList.flatMap((c) => c.events.map(({ at: when, handlerOrgCode, handlerPersonKey, ...e }) => ({
    countyId, concernId: concernIds.get(c.trackingCode)!, at: new Date(when), createdAt: new Date(when),
    handlerOrgId: org(handlerOrgCode).id, handlerId: handlerPersonKey ? person(handlerPersonKey) : null, ...e,
  }))));

  return { households: householdList.length, visits: visitRows.length, diaries: diaries.length, pairings: pairingList.length, concerns: concernList.length };
}
