/**
 * What checking a household needs from the database, and writing one: a household number unique
 * in its village, an ID number in one household of the county, and a member linked to the people
 * register by ID number. Shared by the forms and the import, so both refuse the same things.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { can, type Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';
import type { CheckedHousehold, HouseholdProblem } from './rules.js';
import { householdMembers, households } from './schema.js';

export interface Placed {
  /** The household the values replace, if any. */
  id?: string;
  value: CheckedHousehold;
}

/** Per household (in the order given), what clashes with other households of the county. */
export async function recordConflicts(actor: Actor, db: Db, orgId: string, placed: readonly Placed[]): Promise<HouseholdProblem[][]> {
  const numbers = [...new Set(placed.flatMap((p) => (p.value.number === null ? [] : [p.value.number])))];
  const ids = [...new Set(placed.flatMap((p) => p.value.members.flatMap((m) => (m.idNumber === null ? [] : [m.idNumber]))))];
  const sameNumber = numbers.length === 0 ? [] : await db.select({ id: households.id, number: households.number, head: households.headName }).from(households)
    .where(and(eq(households.countyId, actor.countyId), eq(households.orgId, orgId), inArray(households.number, numbers)));
  const sameId = ids.length === 0 ? [] : await db.select({
    idNumber: householdMembers.idNumber, householdId: households.id, head: households.headName, orgPath: households.orgPath, org: organizations.name,
  }).from(householdMembers)
    .innerJoin(households, and(eq(households.countyId, householdMembers.countyId), eq(households.id, householdMembers.householdId)))
    .innerJoin(organizations, and(eq(organizations.countyId, households.countyId), eq(organizations.id, households.orgId)))
    .where(and(eq(householdMembers.countyId, actor.countyId), inArray(householdMembers.idNumber, ids)));
  // Households of this batch replace their own rows, so a number or an ID found there is no clash.
  const replaced = new Set(placed.flatMap((p) => (p.id ? [p.id] : [])));
  return placed.map((p) => {
    const problems: HouseholdProblem[] = [];
    const taken = sameNumber.find((h) => h.number === p.value.number && h.id !== p.id && !replaced.has(h.id));
    if (taken) problems.push({ field: 'number', key: 'households.number_taken', params: { number: taken.number!, head: taken.head } });
    p.value.members.forEach((m, i) => {
      const other = sameId.find((r) => r.idNumber === m.idNumber && r.householdId !== p.id && !replaced.has(r.householdId));
      if (!other) return;
      if (can(actor, 'person.read', other.orgPath)) problems.push({ field: `members.${i}.idNumber`, key: 'households.id_taken', params: { org: other.org, head: other.head } });
      else problems.push({ field: `members.${i}.idNumber`, key: 'households.id_taken_elsewhere' });
    });
    return problems;
  });
}

/** People on the register by ID number, to link household members to. */
export async function peopleByIdNumber(db: Db, countyId: string, values: readonly CheckedHousehold[]): Promise<Map<string, string>> {
  const ids = [...new Set(values.flatMap((v) => v.members.flatMap((m) => (m.idNumber === null ? [] : [m.idNumber]))))];
  if (ids.length === 0) return new Map();
  const found = await db.select({ id: people.id, idNumber: people.idNumber }).from(people).where(and(eq(people.countyId, countyId), inArray(people.idNumber, ids)));
  return new Map(found.map((p) => [p.idNumber!, p.id]));
}

/** Inserts or replaces a household and its whole member list; members keep the ids given. */
export async function storeHousehold(tx: Db, org: { id: string; path: string; countyId: string }, id: string | undefined, value: CheckedHousehold,
  memberIds: readonly (string | undefined)[], linked: ReadonlyMap<string, string>, now: Date): Promise<string> {
  const { members, ...fields } = value;
  let householdId = id;
  if (householdId) {
    await tx.update(households).set({ ...fields, updatedAt: now }).where(and(eq(households.countyId, org.countyId), eq(households.id, householdId)));
    await tx.delete(householdMembers).where(and(eq(householdMembers.countyId, org.countyId), eq(householdMembers.householdId, householdId)));
  } else {
    const [row] = await tx.insert(households).values({ countyId: org.countyId, orgId: org.id, orgPath: org.path, ...fields }).returning({ id: households.id });
    householdId = row!.id;
  }
  await tx.insert(householdMembers).values(members.map((m, position) => ({
    countyId: org.countyId, householdId: householdId!, position, ...m, ...(memberIds[position] ? { id: memberIds[position] } : {}),
    personId: m.idNumber === null ? null : linked.get(m.idNumber) ?? null,
  })));
  return householdId;
}

/** Household numbers in use in a village, for the import to tell new households from updated ones. */
export async function householdsByNumber(db: Db, countyId: string, orgId: string, numbers: readonly string[]) {
  if (numbers.length === 0) return [];
  return db.select({ id: households.id, number: households.number, status: households.status }).from(households)
    .where(and(eq(households.countyId, countyId), eq(households.orgId, orgId), inArray(households.number, [...numbers])));
}
