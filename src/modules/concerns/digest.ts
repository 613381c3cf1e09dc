/**
 * The monthly digest per village (seed 003: opinions "collected and fed back once a month"): for a
 * month, the concerns a village collected, those answered in it, and those still open, with
 * category, a short summary, state and the published reply; counts per category. A township (or
 * the county) sees every village under it at once. The digest is meant to be posted, so it carries
 * no names, phones or tracking codes; states are read as of now.
 *
 * No "posted" mark and no to-do to post it: the notice goes on a board in the village, which the
 * platform cannot see, and a mark nobody can check would only be a box to tick.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { can } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { addMonths } from '../../platform/dates.js';
import { forbidden } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/service.js';
import { escapeLike } from '../../platform/text/pinyin.js';
import { visibleOrg, type OrgRow } from '../organizations/queries.js';
import { organizations } from '../organizations/schema.js';
import type { ConcernSettings, DigestQuery, DigestView, PublicMonthCounts, VillageDigest } from './contracts.js';
import { concernScope, type ConcernRow } from './queries.js';
import { activeTypes, figuresOf, type ConcernState, type Rating, type StateType } from './rules.js';
import { concerns } from './schema.js';
import { categoryOf, concernSettings } from './settings.js';
import { chinaDayStart } from './statistics.js';

const SUMMARY_LENGTH = 40;

/** The content cut to a line, with runs of digits (phone numbers, ID numbers) hidden. */
export function summaryOf(content: string): string {
  const plain = content.replace(/\s+/g, ' ').trim().replace(/\d{7,}[Xx]?/g, (d) => `${d.slice(0, 3)}****`);
  return plain.length > SUMMARY_LENGTH ? `${plain.slice(0, SUMMARY_LENGTH)}…` : plain;
}

/** The first and the day after the last day of a month 'YYYY-MM'. */
const monthSpan = (month: string) => ({ first: `${month}-01`, next: addMonths(`${month}-01`, 1) });

/**
 * The concerns raised under `path` that belong in the month's digest: collected in it, answered
 * in it, or collected by its end and still open. `extra` narrows them (the actor's scope).
 */
async function digestRows(db: Db, countyId: string, path: string, month: string, extra: SQL | undefined): Promise<ConcernRow[]> {
  const { first, next } = monthSpan(month);
  const [start, end] = [chinaDayStart(first).toISOString(), chinaDayStart(next).toISOString()];
  return db.select().from(concerns).where(and(
    eq(concerns.countyId, countyId), sql`${concerns.orgPath} like ${escapeLike(path) + '%'}`, extra,
    sql`${concerns.receivedAt} < ${end}::timestamptz`,
    sql`(${concerns.receivedAt} >= ${start}::timestamptz
      or (${concerns.repliedAt} >= ${start}::timestamptz and ${concerns.repliedAt} < ${end}::timestamptz)
      or ${inArray(concerns.stateType, [...activeTypes])})`,
  )).orderBy(asc(concerns.receivedAt));
}

/** One village's digest from its rows. */
export function villageDigest(org: { code: string; name: string }, rows: ConcernRow[], month: string, settings: ConcernSettings): VillageDigest {
  const items = rows.map((c) => {
    const repliedOn = c.repliedAt ? chinaDate(c.repliedAt) : null;
    const stateType = c.stateType as StateType;
    const f = figuresOf({ stateType, replied: repliedOn !== null, repliedLate: repliedOn !== null && c.dueOn !== null && repliedOn > c.dueOn, pastDue: false, rating: c.rating as Rating | null });
    return {
      receivedOn: chinaDate(c.receivedAt),
      category: categoryOf(settings, c.category)?.name ?? null,
      summary: summaryOf(c.content),
      stateLabel: settings.stateLabels[c.state as ConcernState],
      stateType,
      reply: f.answered ? c.reply : null,
      repliedOn: f.answered ? repliedOn : null,
      collected: chinaDate(c.receivedAt).slice(0, 7) === month,
      answered: f.answered === 1 && repliedOn!.slice(0, 7) === month,
      onTime: f.onTime === 1,
      open: activeTypes.includes(stateType),
    };
  });
  const categories = new Map<string, { name: string; collected: number; answered: number }>();
  for (const i of items) {
    const name = i.category ?? '未分类';
    const entry = categories.get(name) ?? categories.set(name, { name, collected: 0, answered: 0 }).get(name)!;
    if (i.collected) entry.collected++;
    if (i.answered) entry.answered++;
  }
  return {
    org: { code: org.code, name: org.name },
    collected: items.filter((i) => i.collected).length,
    answered: items.filter((i) => i.answered).length,
    onTime: items.filter((i) => i.answered && i.onTime).length,
    open: items.filter((i) => i.open).length,
    byCategory: [...categories.values()].filter((c) => c.collected + c.answered > 0),
    items: items.map(({ onTime: _onTime, ...item }) => item),
  };
}

/** The village branches at or under an organization, by code. */
function villagesUnder(db: Db, org: OrgRow) {
  return db.select({ id: organizations.id, code: organizations.code, name: organizations.name, path: organizations.path }).from(organizations)
    .where(and(eq(organizations.countyId, org.countyId), sql`${organizations.path} like ${escapeLike(org.path) + '%'}`, eq(organizations.status, 'active'),
      inArray(organizations.type, ['branch', 'joint_branch', 'general_branch']), inArray(organizations.unitType, ['village', 'community'])))
    .orderBy(organizations.code);
}

export async function concernDigest(ctx: ServiceContext, query: DigestQuery): Promise<DigestView> {
  const org = await visibleOrg(ctx, query.org);
  if (!can(ctx.actor, 'concern.handle', org.path)) throw forbidden('concerns.statistics_forbidden');
  const settings = await concernSettings(ctx.db, ctx.actor.countyId);
  const [villages, rows] = await Promise.all([
    villagesUnder(ctx.db, org),
    digestRows(ctx.db, ctx.actor.countyId, org.path, query.month, concernScope(ctx.actor)),
  ]);
  return {
    month: query.month,
    org: { code: org.code, name: org.name },
    villages: villages.map((v) => villageDigest(v, rows.filter((r) => r.orgId === v.id), query.month, settings)),
  };
}

/** Last month's counts of a village for its public page: figures only. */
export async function lastMonthCounts(db: Db, village: OrgRow, today: string): Promise<PublicMonthCounts> {
  const month = addMonths(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
  const settings = await concernSettings(db, village.countyId);
  const { collected, answered, onTime } = villageDigest(village, await digestRows(db, village.countyId, village.path, month, eq(concerns.orgId, village.id)), month, settings);
  return { month, collected, answered, onTime };
}
