/**
 * Contact frequency per pairing and period (at least N contacts per period, the county's setting),
 * over the pairings the actor reads that were open at some point of the span.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { periodLabel, periodsBetween } from '../../platform/cadence/periods.js';
import { chinaDate } from '../../platform/clock.js';
import { addMonths } from '../../platform/dates.js';
import { invalid } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/service.js';
import { households } from '../households/schema.js';
import { visibleOrg } from '../organizations/queries.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';
import type { PairingCompliance } from './contracts.js';
import { pairingSettings, readable } from './queries.js';
import { contactCells } from './rules.js';
import { pairingContacts, pairings } from './schema.js';

/** A span of at most three years, so that weekly cells stay a table a page can show. */
const MAX_MONTHS = 36;

export async function getCompliance(ctx: ServiceContext, query: { org?: string; from?: string; to?: string }): Promise<PairingCompliance> {
  const org = query.org ? await visibleOrg(ctx, query.org) : undefined;
  const today = chinaDate(ctx.clock.now());
  const to = query.to ?? today;
  const from = query.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) throw invalid('pairing.range_reversed', { from, to }, [{ path: 'query.to', key: 'pairing.range_reversed', params: { from, to } }]);
  if (addMonths(from, MAX_MONTHS) <= to) throw invalid('pairing.range_too_long', { months: MAX_MONTHS }, [{ path: 'query.from', key: 'pairing.range_too_long', params: { months: MAX_MONTHS } }]);
  const settings = await pairingSettings(ctx.db, ctx.actor.countyId);
  const periods = periodsBetween(settings.frequency.unit, from, to);
  const rows = await ctx.db.select({
    id: pairings.id, startedOn: pairings.startedOn, endedOn: pairings.endedOn, orgCode: organizations.code, orgName: organizations.name,
    cadreId: pairings.cadreId, cadreName: people.name, householdId: households.id, headName: households.headName,
  }).from(pairings)
    .innerJoin(organizations, and(eq(organizations.countyId, pairings.countyId), eq(organizations.id, pairings.orgId)))
    .innerJoin(people, and(eq(people.countyId, pairings.countyId), eq(people.id, pairings.cadreId)))
    .innerJoin(households, and(eq(households.countyId, pairings.countyId), eq(households.id, pairings.householdId)))
    .where(and(
      readable(ctx),
      org ? sql`${pairings.orgPath} like ${org.path + '%'}` : undefined,
      sql`${pairings.startedOn} <= ${periods.at(-1)!.end}::date`,
      sql`(${pairings.endedOn} is null or ${pairings.endedOn} >= ${periods[0]!.start}::date)`,
    ))
    .orderBy(asc(organizations.code), asc(people.pinyin), asc(households.headName), asc(pairings.id));
  const contacts = rows.length === 0 ? [] : await ctx.db.select({ pairingId: pairingContacts.pairingId, on: pairingContacts.contactedOn }).from(pairingContacts)
    .where(and(eq(pairingContacts.countyId, ctx.actor.countyId), inArray(pairingContacts.pairingId, rows.map((r) => r.id)),
      sql`${pairingContacts.contactedOn} between ${periods[0]!.start}::date and ${periods.at(-1)!.end}::date`));
  const byPairing = new Map<string, string[]>();
  for (const c of contacts) byPairing.set(c.pairingId, [...(byPairing.get(c.pairingId) ?? []), c.on]);
  const totals = { done: 0, due: 0, overdue: 0, not_due: 0 };
  const items = rows.map((r) => {
    const cells = contactCells(r, byPairing.get(r.id) ?? [], periods, settings.frequency.min, today);
    for (const cell of cells) if (cell) totals[cell.status] += 1;
    return { id: r.id, org: { code: r.orgCode, name: r.orgName }, cadre: { id: r.cadreId, name: r.cadreName }, household: { id: r.householdId, headName: r.headName }, cells };
  });
  return {
    frequency: settings.frequency,
    periods: periods.map((p) => ({ key: p.key, label: periodLabel(p, 'zh'), start: p.start, end: p.end })),
    items, totals,
  };
}
