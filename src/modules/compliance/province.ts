/**
 * A province's view of one rule (one database holding many counties, read by its operator): per
 * county and period, how many subjects the rule applied to and how many met it. One set-based
 * statement over every county: computing each county's matrix in turn took 9–10 s for a hundred
 * counties (bench), and a province needs the counts, not every branch's cells.
 */
import { inArray, sql, type SQL } from 'drizzle-orm';
import { periodsBetween, type Period } from '../../platform/cadence/periods.js';
import { cellStatus, type CellStatus } from '../../platform/cadence/status.js';
import { counties } from '../../platform/db/counties.js';
import { rows, type Db } from '../../platform/db/database.js';
import { invalid, notFound } from '../../platform/errors.js';
import type { CadenceRule } from './catalogue.js';
import { subjectCondition } from './query.js';
import { cadenceRules } from './schema.js';
import { mergeRules } from './rules.js';
import { dueFrom, MAX_PERIODS } from './service.js';

export interface ProvinceCell { period: string; subjects: number; done: number; status: CellStatus | null; notDone: number }
export interface ProvinceCounty { code: string; name: string; inForce: boolean; cells: ProvinceCell[] }

/**
 * Per county (with its own minimum): for each period, the subjects that existed in it and those that
 * met the rule, as two arrays. Shaped for a hundred counties: each organization's meetings are counted
 * per period in one pass down the (kind, county, organization) index, with no sort and no join on
 * periods (a range join of meetings and subjects to periods threw away millions of rows and spilled to
 * disk), then met by its organization in a single join.
 */
export function provinceSql(rule: Pick<CadenceRule, 'eventKind' | 'subjectType'>, minimums: Map<string, number>, periods: Period[]): SQL {
  const mins = sql.join([...minimums].map(([countyId, min]) => sql`(${countyId}::uuid, ${min}::int)`), sql`, `);
  const each = (f: (p: Period, i: number) => SQL) => sql.join(periods.map(f), sql`, `);
  const existed = (p: Period) => sql`o.established_on <= ${p.end}::date and (o.dissolved_on is null or o.dissolved_on > ${p.start}::date)`;
  return sql`
    with r(county_id, min) as (values ${mins}),
    held as (
      select county_id, org_id, ${each((p, i) => sql`count(*) filter (where held_on between ${p.start}::date and ${p.end}::date) as ${sql.raw(`n${i}`)}`)}
      from meetings
      where kind = ${rule.eventKind} and status = 'held' and held_on between ${periods[0]!.start}::date and ${periods.at(-1)!.end}::date
      group by county_id, org_id
    )
    select o.county_id as "countyId",
      array[${each((p) => sql`count(*) filter (where ${existed(p)})::int`)}] as subjects,
      array[${each((p, i) => sql`count(*) filter (where ${existed(p)} and h.${sql.raw(`n${i}`)} >= r.min)::int`)}] as done
    from organizations o
    join r on r.county_id = o.county_id
    left join held h on h.county_id = o.county_id and h.org_id = o.id
    where ${subjectCondition(rule.subjectType)}
    group by o.county_id`;
}

/**
 * For this statement only (PostgreSQL 15, 42 counties): compiling it (JIT) took 0.3 s of its 1.4, and
 * parallel workers each scanned every meeting again for the merge join; without both, 0.7-0.8 s.
 * PGlite has neither and accepts the settings.
 */
export const PROVINCE_SETTINGS = ['jit = off', 'max_parallel_workers_per_gather = 0'];

/**
 * Every county's compliance with a rule between two days. A county that switched the rule off, or
 * changed what it counts or how often, is listed as not in force rather than compared unlike with like.
 */
export async function provinceCompliance(db: Db, ruleId: string, from: string, to: string, today: string): Promise<{ periods: Period[]; counties: ProvinceCounty[] }> {
  const countyRows = await db.select({ id: counties.id, code: counties.code, name: counties.name }).from(counties).orderBy(counties.code);
  const changes = countyRows.length === 0 ? [] : await db.select().from(cadenceRules).where(inArray(cadenceRules.countyId, countyRows.map((c) => c.id)));
  const ruleOf = new Map(countyRows.map((c) => [c.id, mergeRules(changes.filter((r) => r.countyId === c.id)).find((r) => r.id === ruleId)]));
  const reference = [...ruleOf.values()].find((r) => r?.source === 'national') ?? [...ruleOf.values()].find((r) => r !== undefined);
  if (!reference) throw notFound('compliance.rule_not_found', { id: ruleId });
  if (from > to) throw invalid('compliance.span_reversed', { from, to });
  const periods = periodsBetween(reference.period, from, to);
  if (periods.length > MAX_PERIODS) throw invalid('compliance.span_too_long', { max: MAX_PERIODS });

  const comparable = (r: CadenceRule | undefined): r is CadenceRule =>
    r !== undefined && r.eventKind === reference.eventKind && r.subjectType === reference.subjectType && r.period === reference.period;
  const minimums = new Map(countyRows.flatMap((c) => {
    const rule = ruleOf.get(c.id);
    return comparable(rule) ? [[c.id, rule.min] as const] : [];
  }));
  const found = minimums.size === 0 ? [] : await db.transaction(async (tx) => {
    for (const setting of PROVINCE_SETTINGS) await tx.execute(sql.raw(`set local ${setting}`));
    return rows<{ countyId: string; subjects: number[]; done: number[] }>(tx, provinceSql(reference, minimums, periods));
  });
  const counted = new Map(found.map((f) => [f.countyId, f]));
  return {
    periods,
    counties: countyRows.map((c) => {
      const rule = ruleOf.get(c.id);
      if (!comparable(rule)) return { code: c.code, name: c.name, inForce: false, cells: [] };
      return {
        code: c.code, name: c.name, inForce: true,
        cells: periods.map((p, i) => {
          const subjects = counted.get(c.id)?.subjects[i] ?? 0;
          const done = counted.get(c.id)?.done[i] ?? 0;
          const notDone = subjects - done;
          // Every subject short of the minimum is in the same state: it depends on the period and today only.
          const status = notDone === 0 ? null : cellStatus({ period: p, held: 0, min: rule.min, dueFrom: dueFrom(rule, p) }, today);
          return { period: p.key, subjects, done, notDone, status };
        }),
      };
    }),
  };
}
