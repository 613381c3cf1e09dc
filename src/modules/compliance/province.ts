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

/** Per county (with its own minimum) and period index: subjects that existed in the period, and those that met the rule. */
export function provinceSql(rule: Pick<CadenceRule, 'eventKind' | 'subjectType'>, minimums: Map<string, number>, periods: Period[]): SQL {
  const first = periods[0]!.start;
  const last = periods.at(-1)!.end;
  const spans = sql.join(periods.map((p, i) => sql`(${i}::int, ${p.start}::date, ${p.end}::date)`), sql`, `);
  const mins = sql.join([...minimums].map(([countyId, min]) => sql`(${countyId}::uuid, ${min}::int)`), sql`, `);
  return sql`
    with p(idx, start_on, end_on) as (values ${spans}),
    r(county_id, min) as (values ${mins}),
    counts as (
      select m.county_id, m.org_id, p.idx, count(*)::int as n from meetings m join p on m.held_on between p.start_on and p.end_on
      where m.kind = ${rule.eventKind} and m.status = 'held' and m.held_on between ${first}::date and ${last}::date
      group by 1, 2, 3
    )
    select o.county_id as "countyId", p.idx, count(*)::int as subjects, count(*) filter (where coalesce(k.n, 0) >= r.min)::int as done
    from organizations o
    join r on r.county_id = o.county_id
    join p on o.established_on <= p.end_on and (o.dissolved_on is null or o.dissolved_on > p.start_on)
    left join counts k on k.county_id = o.county_id and k.org_id = o.id and k.idx = p.idx
    where ${subjectCondition(rule.subjectType)}
    group by 1, 2`;
}

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
  const found = minimums.size === 0 ? [] : await rows<{ countyId: string; idx: number; subjects: number; done: number }>(db, provinceSql(reference, minimums, periods));
  const counted = new Map(found.map((f) => [`${f.countyId}|${f.idx}`, f]));
  return {
    periods,
    counties: countyRows.map((c) => {
      const rule = ruleOf.get(c.id);
      if (!comparable(rule)) return { code: c.code, name: c.name, inForce: false, cells: [] };
      return {
        code: c.code, name: c.name, inForce: true,
        cells: periods.map((p, i) => {
          const { subjects = 0, done = 0 } = counted.get(`${c.id}|${i}`) ?? {};
          const notDone = subjects - done;
          // Every subject short of the minimum is in the same state: it depends on the period and today only.
          const status = notDone === 0 ? null : cellStatus({ period: p, held: 0, min: rule.min, dueFrom: dueFrom(rule, p) }, today);
          return { period: p.key, subjects, done, notDone, status };
        }),
      };
    }),
  };
}
