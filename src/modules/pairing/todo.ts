/**
 * A cadre's own open pairings without enough contacts yet in the current period (one a month by
 * default): on their list while the period is open, so the contact happens before it is overdue.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { periodLabel, periodOf } from '../../platform/cadence/periods.js';
import { chinaDate } from '../../platform/clock.js';
import { t } from '../../platform/i18n/index.js';
import type { TodoProvider } from '../../platform/todo/todo.js';
import { households } from '../households/schema.js';
import { pairingSettings } from './queries.js';
import { contactCells } from './rules.js';
import { pairingContacts, pairings } from './schema.js';

export const pairingTodos: TodoProvider = async (ctx, lang) => {
  if (!ctx.actor.personId) return [];
  const own = await ctx.db.select({ id: pairings.id, startedOn: pairings.startedOn, endedOn: pairings.endedOn, headName: households.headName }).from(pairings)
    .innerJoin(households, and(eq(households.countyId, pairings.countyId), eq(households.id, pairings.householdId)))
    .where(and(eq(pairings.countyId, ctx.actor.countyId), eq(pairings.cadreId, ctx.actor.personId), isNull(pairings.endedOn)))
    .orderBy(households.headName);
  if (own.length === 0) return [];
  const settings = await pairingSettings(ctx.db, ctx.actor.countyId);
  const today = chinaDate(ctx.clock.now());
  const period = periodOf(settings.frequency.unit, today);
  const contacts = await ctx.db.select({ pairingId: pairingContacts.pairingId, on: pairingContacts.contactedOn }).from(pairingContacts)
    .where(and(eq(pairingContacts.countyId, ctx.actor.countyId), inArray(pairingContacts.pairingId, own.map((p) => p.id)),
      sql`${pairingContacts.contactedOn} between ${period.start}::date and ${period.end}::date`));
  const behind = own.filter((p) => {
    const [cell] = contactCells(p, contacts.filter((c) => c.pairingId === p.id).map((c) => c.on), [period], settings.frequency.min, today);
    return cell !== null && cell !== undefined && cell.status !== 'done';
  });
  if (behind.length === 0) return [];
  return [{
    kind: 'pairing.contact_due',
    title: t(lang, 'pairing.todo.contact_due', { period: periodLabel(period, lang), count: behind.length, names: behind.map((p) => p.headName).join('、') }),
    link: '/pairing?mine=1',
    overdue: false,
  }];
};
