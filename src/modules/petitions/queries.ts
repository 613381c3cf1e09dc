/** Reading petitions: one the reader may see, its history as rules.ts takes it, and the register's rows. */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { notFound } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/service.js';
import { organizations } from '../organizations/schema.js';
import type { PetitionSummary } from './contracts.js';
import { factsOf, maskName, type Category, type Channel, type HistoryStep, type PetitionState } from './rules.js';
import { petitionEvents, petitionPetitioners, petitions } from './schema.js';
import { petitionVisible } from './visibility.js';

export type PetitionRow = typeof petitions.$inferSelect;
export type PetitionEventRow = typeof petitionEvents.$inferSelect;

/** A petition the reader may see; anything else, the accused's own included, answers as if it did not exist. */
export async function visiblePetition(ctx: ServiceContext, id: string, db: Db = ctx.db, lock = false): Promise<PetitionRow> {
  const query = db.select().from(petitions).where(and(eq(petitions.id, id), petitionVisible(ctx.actor)));
  const [row] = lock ? await query.for('update', { of: petitions }) : await query;
  if (!row) throw notFound('petitions.not_found');
  return row;
}

/** The steps in order of their days; for steps of the same day, in the order they were entered. */
export function eventsOf(db: Db, countyId: string, petitionId: string): Promise<PetitionEventRow[]> {
  return db.select().from(petitionEvents)
    .where(and(eq(petitionEvents.countyId, countyId), eq(petitionEvents.petitionId, petitionId)))
    .orderBy(asc(petitionEvents.on), asc(petitionEvents.createdAt), asc(petitionEvents.at));
}

export const historyOf = (events: readonly PetitionEventRow[]): HistoryStep[] =>
  events.map((e) => ({ action: e.action as HistoryStep['action'], on: e.on, extensionDays: (e.data as { days?: number } | null)?.days }));

/** The register's rows with their organization and masked petitioners; the caller adds order and limits. */
export function registerRows(db: Db, where: SQL | undefined) {
  return db.select({
    petition: petitions,
    orgCode: organizations.code,
    orgName: organizations.name,
    petitioners: sql<string[]>`coalesce((select array_agg(${petitionPetitioners.name} order by ${petitionPetitioners.position}) from ${petitionPetitioners}
      where ${petitionPetitioners.countyId} = ${petitions.countyId} and ${petitionPetitioners.petitionId} = ${petitions.id}), '{}')`,
  }).from(petitions)
    .innerJoin(organizations, and(eq(organizations.countyId, petitions.countyId), eq(organizations.id, petitions.orgId)))
    .where(where);
}

export type RegisterRow = Awaited<ReturnType<typeof registerRows>>[number];

/** Whether a stored petition is overdue today: its stored due day is derived from its history on every step. */
export const overdueOn = (p: { state: string; dueOn: string | null }, today: string): boolean => p.dueOn !== null && today > p.dueOn;

export function summaryOf(r: RegisterRow, today: string): PetitionSummary {
  const p = r.petition;
  return {
    id: p.id, number: p.number, org: { code: r.orgCode, name: r.orgName }, receivedOn: p.receivedOn, channel: p.channel as Channel,
    category: p.category as Category, petitioners: r.petitioners.map(maskName).join('、'), content: p.content, state: p.state as PetitionState,
    dueOn: p.dueOn, overdue: overdueOn(p, today),
  };
}

/** Facts of several petitions at once (the to-dos' feedback owed). */
export async function factsById(db: Db, countyId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, ReturnType<typeof factsOf>>();
  const events = await db.select().from(petitionEvents)
    .where(and(eq(petitionEvents.countyId, countyId), inArray(petitionEvents.petitionId, ids)))
    .orderBy(asc(petitionEvents.on), asc(petitionEvents.createdAt), asc(petitionEvents.at));
  const grouped = new Map<string, PetitionEventRow[]>();
  for (const e of events) grouped.set(e.petitionId, [...(grouped.get(e.petitionId) ?? []), e]);
  return new Map([...grouped].map(([id, list]) => [id, factsOf(historyOf(list))]));
}
