/**
 * Concern statistics of an organization's subtree over a span of intake (issue §6): received,
 * answered, on time, overdue, satisfaction, by category, village, township and month. A concern
 * counts where it was raised (its village), in the span it was received, as it stands now. One
 * statement groups the concerns by the facts the figures rest on, per village, category and month
 * (GROUPING SETS); rules.ts's figuresOf turns each group into figures, so the SQL holds no rule.
 */
import { sql } from 'drizzle-orm';
import { can } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import { rows } from '../../platform/db/database.js';
import { addDays, daysBetween } from '../../platform/dates.js';
import { forbidden, invalid } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/service.js';
import { escapeLike } from '../../platform/text/pinyin.js';
import { visibleOrg } from '../organizations/queries.js';
import type { ConcernFigures, StatisticsQuery, StatisticsView } from './contracts.js';
import { concernScope } from './queries.js';
import { figuresOf, shareOf, type CountedFacts } from './rules.js';
import { concerns } from './schema.js';
import { categoryOf, concernSettings } from './settings.js';

/** Long enough for any report people ask for (a term of office), short enough to stay one quick statement. */
export const MAX_SPAN_DAYS = 5 * 366;

/** The instant a China calendar day starts. */
export const chinaDayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

/** A China-local timestamp of a timestamptz column, whatever the session's time zone. */
export const chinaLocal = (column: unknown) => sql`((${column} at time zone 'UTC') + interval '8 hours')`;

interface Group extends CountedFacts {
  set: 'village' | 'category' | 'month';
  villageCode: string | null; villageName: string | null; townshipCode: string | null; townshipName: string | null;
  category: string | null; month: string | null; n: number;
}

type Tally = Omit<ConcernFigures, 'satisfactionRate' | 'onTimeRate'>;
const empty = (): Tally => ({ received: 0, answered: 0, onTime: 0, overdue: 0, satisfied: 0, rated: 0 });

function add(t: Tally, g: Group): void {
  const f = figuresOf(g);
  t.received += g.n;
  t.answered += f.answered * g.n;
  t.onTime += f.onTime * g.n;
  t.overdue += f.overdue * g.n;
  t.satisfied += f.satisfied * g.n;
  t.rated += f.rated * g.n;
}

/** The rates as the county counts them: satisfaction is (satisfied + basically satisfied) ÷ rated. */
export const withRates = (t: Tally): ConcernFigures => ({ ...t, satisfactionRate: shareOf(t.satisfied, t.rated), onTimeRate: shareOf(t.onTime, t.answered) });

function tallyBy<K>(groups: Group[], key: (g: Group) => K): Map<K, Tally> {
  const out = new Map<K, Tally>();
  for (const g of groups) {
    const k = key(g);
    const t = out.get(k) ?? out.set(k, empty()).get(k)!;
    add(t, g);
  }
  return out;
}

export async function concernStatistics(ctx: ServiceContext, query: StatisticsQuery): Promise<StatisticsView> {
  if (query.from > query.to) throw invalid('concerns.invalid', {}, [{ path: 'querystring.to', key: 'concerns.range_reversed' }]);
  if (daysBetween(query.from, query.to) > MAX_SPAN_DAYS) throw invalid('concerns.invalid', {}, [{ path: 'querystring.from', key: 'concerns.range_too_long', params: { years: 5 } }]);
  const org = await visibleOrg(ctx, query.org);
  if (!can(ctx.actor, 'concern.handle', org.path)) throw forbidden('concerns.statistics_forbidden');
  const today = chinaDate(ctx.clock.now());
  const asOf = query.to < today ? query.to : today;
  const groups = await countedGroups(ctx, org.path, query.from, query.to, asOf);
  const settings = await concernSettings(ctx.db, ctx.actor.countyId);

  const byMonth = tallyBy(groups.filter((g) => g.set === 'month'), (g) => g.month!);
  const total = empty();
  for (const t of byMonth.values()) for (const k of Object.keys(t) as (keyof Tally)[]) total[k] += t[k];
  const categoryGroups = groups.filter((g) => g.set === 'category');
  const byCategory = [...tallyBy(categoryGroups, (g) => g.category)].map(([id, t]) => ({ id, name: categoryOf(settings, id)?.name ?? (id ?? '未分类'), ...withRates(t) }));
  const order = (id: string | null) => { const i = settings.categories.findIndex((c) => c.id === id); return i < 0 ? Number.MAX_SAFE_INTEGER : i; };
  byCategory.sort((a, b) => order(a.id) - order(b.id));
  const villageGroups = groups.filter((g) => g.set === 'village');
  const villages = new Map(villageGroups.map((g) => [g.villageCode!, g]));
  const byVillage = [...tallyBy(villageGroups, (g) => g.villageCode!)]
    .map(([code, t]) => ({ code, name: villages.get(code)!.villageName!, township: villages.get(code)!.townshipName ?? '', ...withRates(t) }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const townshipGroups = villageGroups.filter((g) => g.townshipCode !== null);
  const byTownship = [...tallyBy(townshipGroups, (g) => g.townshipCode!)]
    .map(([code, t]) => ({ code, name: townshipGroups.find((g) => g.townshipCode === code)!.townshipName!, ...withRates(t) }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const trend = monthsBetween(query.from, query.to).map((month) => ({ month, ...withRates(byMonth.get(month) ?? empty()) }));
  return { org: { code: org.code, name: org.name }, from: query.from, to: query.to, asOf, ...withRates(total), byCategory, byVillage, byTownship, trend };
}

/** Every month from the one holding `from` to the one holding `to`, as 'YYYY-MM'. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let y = Number(from.slice(0, 4)), m = Number(from.slice(5, 7)); `${y}-${String(m).padStart(2, '0')}` <= to.slice(0, 7); m === 12 ? (y++, m = 1) : m++) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return months;
}

/**
 * The concerns raised under `path` and received from `from` to `to`, counted per village (with its
 * township: the village's ancestor directly under the county), per category and per month, each
 * split by the facts figuresOf reads, judged as of `asOf`.
 */
async function countedGroups(ctx: ServiceContext, path: string, from: string, to: string, asOf: string): Promise<Group[]> {
  const replied = sql`${concerns.repliedAt} is not null`;
  const late = sql`coalesce(${chinaLocal(concerns.repliedAt)}::date > ${concerns.dueOn}, false)`;
  const pastDue = sql`coalesce(${concerns.dueOn} < ${asOf}::date, false)`;
  const [row] = await rows<{ groups: string }>(ctx.db, sql`
    with counted as (
      select v.code as village_code, v.name as village_name, tw.code as township_code, tw.name as township_name,
        ${concerns.category} as category, to_char(${chinaLocal(concerns.receivedAt)}, 'YYYY-MM') as month,
        ${concerns.stateType} as state_type, ${replied} as replied, ${late} as replied_late, ${pastDue} as past_due, ${concerns.rating} as rating
      from ${concerns}
      join organizations v on v.county_id = ${concerns.countyId} and v.id = ${concerns.orgId}
      left join organizations tw on tw.county_id = ${concerns.countyId}
        and tw.path = split_part(${concerns.orgPath}, '.', 1) || '.' || split_part(${concerns.orgPath}, '.', 2) || '.'
        and tw.path <> ${concerns.orgPath}
      where ${concerns.countyId} = ${ctx.actor.countyId} and ${concerns.orgPath} like ${escapeLike(path) + '%'}
        and ${concerns.receivedAt} >= ${chinaDayStart(from).toISOString()}::timestamptz
        and ${concerns.receivedAt} < ${chinaDayStart(addDays(to, 1)).toISOString()}::timestamptz
        and ${concernScope(ctx.actor)}
    )
    select coalesce(json_agg(g), '[]')::text as groups from (
      select case when grouping(village_code) = 0 then 'village' when grouping(category) = 0 then 'category' else 'month' end as set,
        village_code as "villageCode", village_name as "villageName", township_code as "townshipCode", township_name as "townshipName",
        category, month, state_type as "stateType", replied, replied_late as "repliedLate", past_due as "pastDue", rating, count(*)::int as n
      from counted
      group by state_type, replied, replied_late, past_due, rating,
        grouping sets ((village_code, village_name, township_code, township_name), (category), (month))
    ) g`);
  return JSON.parse(row!.groups) as Group[];
}
