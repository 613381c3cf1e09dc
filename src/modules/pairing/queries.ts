/** Reading pairings: the county's settings, one pairing, a page of a subtree with each one's last contact and current period. */
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { inScope, permission, type Permission } from '../../platform/access/actor.js';
import { periodLabel, periodOf } from '../../platform/cadence/periods.js';
import { chinaDate } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { notFound } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/service.js';
import { visits } from '../contracting/schema.js';
import { households } from '../households/schema.js';
import { keyedSetting } from '../organizations/county-setting.js';
import { visibleOrg, type OrgRow } from '../organizations/queries.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';
import { pairingSettingsBody, type PairingDetail, type PairingListQuery, type PairingPage, type PairingSettings, type PairingView } from './contracts.js';
import { defaultPairingSettings, SETTINGS_KEY } from './defaults.js';
import { contactCells } from './rules.js';
import { pairingContacts, pairings } from './schema.js';

export type PairingRow = typeof pairings.$inferSelect;

export const pairingSetting = keyedSetting<PairingSettings>(SETTINGS_KEY, pairingSettingsBody, defaultPairingSettings, { action: 'pairing.settings', forbidden: 'pairing.settings_forbidden' });
export const pairingSettings = pairingSetting.read;

/** Who reads pairings: those who read people there (the households helped are named). */
export const readable = (ctx: ServiceContext) => inScope(ctx.actor, 'person.read', { county: pairings.countyId, path: pairings.orgPath });

/**
 * A pairing the actor may see: in their reach, or their own as the cadre (a county cadre helping a
 * household records contacts there without reading the village). `lock` holds it for a write.
 */
export async function visiblePairing(ctx: ServiceContext, db: Db, id: string, lock = false): Promise<{ pairing: PairingRow; org: OrgRow }> {
  const own = ctx.actor.personId ? eq(pairings.cadreId, ctx.actor.personId) : undefined;
  const query = db.select({ pairing: pairings, org: organizations }).from(pairings)
    .innerJoin(organizations, and(eq(organizations.countyId, pairings.countyId), eq(organizations.id, pairings.orgId)))
    .where(and(eq(pairings.id, id), own ? or(readable(ctx), and(eq(pairings.countyId, ctx.actor.countyId), own)) : readable(ctx)));
  const [found] = lock ? await query.for('update', { of: pairings }) : await query;
  if (!found) throw notFound('pairing.not_found');
  return found;
}

/** The cadre of the pairing records its contacts, and so does whoever manages contracting over the village. */
export function contactPermission(ctx: ServiceContext, pairing: PairingRow): Permission {
  if (pairing.endedOn !== null) return { allowed: false, reason: 'out_of_scope' };
  if (ctx.actor.personId === pairing.cadreId) return { allowed: true };
  return permission(ctx.actor, 'contracting.manage', pairing.orgPath);
}

const lastContact = sql<string | null>`(select max(${pairingContacts.contactedOn}) from ${pairingContacts}
  where ${pairingContacts.countyId} = ${pairings.countyId} and ${pairingContacts.pairingId} = ${pairings.id})`;

const viewColumns = {
  pairing: pairings, orgCode: organizations.code, orgName: organizations.name, cadreName: people.name,
  headName: households.headName, number: households.number, householdStatus: households.status, lastContactOn: lastContact,
};

type ViewRow = { pairing: PairingRow; orgCode: string; orgName: string; cadreName: string; headName: string; number: string | null; householdStatus: string; lastContactOn: string | null };

const joined = (db: Db) => db.select(viewColumns).from(pairings)
  .innerJoin(organizations, and(eq(organizations.countyId, pairings.countyId), eq(organizations.id, pairings.orgId)))
  .innerJoin(people, and(eq(people.countyId, pairings.countyId), eq(people.id, pairings.cadreId)))
  .innerJoin(households, and(eq(households.countyId, pairings.countyId), eq(households.id, pairings.householdId)));

/** Contacts of the pairings in the current period of the frequency, by pairing. */
async function currentContacts(db: Db, countyId: string, ids: string[], start: string, end: string): Promise<Map<string, string[]>> {
  const byPairing = new Map<string, string[]>();
  if (ids.length === 0) return byPairing;
  const found = await db.select({ pairingId: pairingContacts.pairingId, on: pairingContacts.contactedOn }).from(pairingContacts)
    .where(and(eq(pairingContacts.countyId, countyId), inArray(pairingContacts.pairingId, ids),
      sql`${pairingContacts.contactedOn} between ${start}::date and ${end}::date`));
  for (const c of found) byPairing.set(c.pairingId, [...(byPairing.get(c.pairingId) ?? []), c.on]);
  return byPairing;
}

async function viewsOf(ctx: ServiceContext, rows: ViewRow[]): Promise<PairingView[]> {
  const settings = await pairingSettings(ctx.db, ctx.actor.countyId);
  const today = chinaDate(ctx.clock.now());
  const period = periodOf(settings.frequency.unit, today);
  const contacts = await currentContacts(ctx.db, ctx.actor.countyId, rows.map((r) => r.pairing.id), period.start, period.end);
  const helpNames = new Map(settings.helpTypes.map((h) => [h.id, h.name]));
  return rows.map((r) => {
    const p = r.pairing;
    const [cell] = p.endedOn === null ? contactCells(p, contacts.get(p.id) ?? [], [period], settings.frequency.min, today) : [null];
    return {
      id: p.id, org: { code: r.orgCode, name: r.orgName }, cadre: { id: p.cadreId, name: r.cadreName },
      household: { id: p.householdId, headName: r.headName, number: r.number, status: r.householdStatus },
      helpTypes: p.helpTypes.map((id) => ({ id, name: helpNames.get(id) ?? id })),
      startedOn: p.startedOn, endedOn: p.endedOn, endReason: p.endReason, note: p.note, lastContactOn: r.lastContactOn,
      current: cell ? { period: periodLabel(period, 'zh'), held: cell.held, min: settings.frequency.min, status: cell.status } : null,
      can: {
        end: p.endedOn === null ? permission(ctx.actor, 'contracting.manage', p.orgPath) : { allowed: false, reason: 'out_of_scope' },
        contact: contactPermission(ctx, p),
      },
    };
  });
}

export async function listPairings(ctx: ServiceContext, query: PairingListQuery): Promise<PairingPage> {
  const org = query.org ? await visibleOrg(ctx, query.org) : undefined;
  const where = and(
    readable(ctx),
    org ? sql`${pairings.orgPath} like ${org.path + '%'}` : undefined,
    query.cadre ? eq(pairings.cadreId, query.cadre) : undefined,
    query.mine ? (ctx.actor.personId ? eq(pairings.cadreId, ctx.actor.personId) : sql`false`) : undefined,
    query.household ? eq(pairings.householdId, query.household) : undefined,
    query.active === true ? isNull(pairings.endedOn) : query.active === false ? isNotNull(pairings.endedOn) : undefined,
  );
  const [counted] = await ctx.db.select({ total: count() }).from(pairings).where(where);
  const rows = await joined(ctx.db).where(where)
    .orderBy(asc(organizations.code), asc(people.pinyin), asc(households.headName), desc(pairings.startedOn), asc(pairings.id))
    .limit(query.pageSize).offset((query.page - 1) * query.pageSize);
  return { items: await viewsOf(ctx, rows), total: counted!.total, page: query.page, pageSize: query.pageSize };
}

export async function getPairing(ctx: ServiceContext, id: string): Promise<PairingDetail> {
  const { pairing } = await visiblePairing(ctx, ctx.db, id);
  const [row] = await joined(ctx.db).where(and(eq(pairings.countyId, pairing.countyId), eq(pairings.id, pairing.id)));
  const [view] = await viewsOf(ctx, [row!]);
  const contacts = await ctx.db.select({
    id: pairingContacts.id, contactedOn: pairingContacts.contactedOn, mode: pairingContacts.mode, note: pairingContacts.note,
    visitId: visits.id, visitedOn: visits.visitedOn, purpose: visits.purpose,
  }).from(pairingContacts)
    .leftJoin(visits, and(eq(visits.countyId, pairingContacts.countyId), eq(visits.id, pairingContacts.visitId)))
    .where(and(eq(pairingContacts.countyId, pairing.countyId), eq(pairingContacts.pairingId, pairing.id)))
    .orderBy(desc(pairingContacts.contactedOn), desc(pairingContacts.createdAt));
  return {
    ...view!,
    contacts: contacts.map((c) => ({
      id: c.id, contactedOn: c.contactedOn, mode: c.mode as PairingDetail['contacts'][number]['mode'], note: c.note,
      visit: c.visitId ? { id: c.visitId, visitedOn: c.visitedOn!, purpose: c.purpose! } : null,
    })),
  };
}
