/**
 * Measuring the automatic indicators for every village in a scope: one statement per kind over all
 * the villages (a cadence rule's counts are one statement per rule in force, as compliance counts them),
 * never one per village. The window is the 12 months before the round opened; last year's assessment
 * is the round's year before.
 */
import { and, count, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../platform/access/actor.js';
import { periodsBetween } from '../../../platform/cadence/periods.js';
import { cellStatus } from '../../../platform/cadence/status.js';
import { rows, type Db } from '../../../platform/db/database.js';
import { addDays, addMonths, fullYears } from '../../../platform/dates.js';
import { dueFrom } from '../../compliance/service.js';
import { matrixSql, type SubjectCounts } from '../../compliance/query.js';
import { rulesInForce } from '../../compliance/rules.js';
import { rootOrg } from '../../organizations/county.js';
import { organizations } from '../../organizations/schema.js';
import { petitionVisible } from '../../petitions/visibility.js';
import { petitions } from '../../petitions/schema.js';
import type { IndicatorKind } from '../criteria.js';
import { noMeasurements, type Measurements } from './indicators.js';

export interface Village {
  id: string;
  code: string;
  name: string;
  path: string;
  establishedOn: string;
}

/** Whole months from one day to another (0 when `to` is not a month on). */
export function wholeMonths(from: string, to: string): number {
  let months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
  while (months > 0 && addMonths(from, months) > to) months--;
  return Math.max(0, months);
}

/** `o.id` among the villages, as a condition. */
const among = (villages: Village[], column: SQL | string = 'o.id'): SQL =>
  sql`${typeof column === 'string' ? sql.raw(column) : column} in (${sql.join(villages.map((v) => sql`${v.id}::uuid`), sql`, `)})`;

export interface MeasureInput {
  actor: Actor;
  countyId: string;
  villages: Village[];
  /** The day the round opened: the window is the 12 months before it. */
  asOf: string;
  year: number;
  kinds: Set<IndicatorKind>;
}

export async function measureVillages(db: Db, input: MeasureInput): Promise<Map<string, Measurements>> {
  const { villages, asOf, countyId, kinds } = input;
  const found = new Map(villages.map((v) => [v.id, { ...noMeasurements }]));
  if (villages.length === 0) return found;
  const from = addMonths(asOf, -12);
  const to = addDays(asOf, -1);
  const of = (id: string) => found.get(id)!;

  if (kinds.has('secretary_vacant_months')) {
    const vacant = await rows<{ id: string; since: string | null }>(db, sql`
      select o.id, coalesce((select max(p.ended_on) from posts p where p.county_id = o.county_id and p.org_id = o.id and p.role = 'branch_secretary'), o.established_on)::text as since
      from organizations o where o.county_id = ${countyId} and ${among(villages)}
        and not exists (select 1 from posts p where p.county_id = o.county_id and p.org_id = o.id and p.role = 'branch_secretary'
          and p.started_on <= ${asOf}::date and (p.ended_on is null or p.ended_on > ${asOf}::date))`);
    for (const v of vacant) of(v.id).secretaryVacantMonths = v.since ? wholeMonths(v.since, asOf) : null;
  }

  if (kinds.has('meetings_missed')) {
    const root = (await rootOrg(db, countyId))!;
    const byPath = [...villages].sort((a, b) => b.path.length - a.path.length);
    const paths = await rows<{ code: string; path: string }>(db, sql`select o.code, o.path from organizations o
      where o.county_id = ${countyId} and (${sql.join(villages.map((v) => sql`o.path like ${v.path + '%'}`), sql` or `)})`);
    const villageOfCode = new Map(paths.map((p) => [p.code, byPath.find((v) => p.path.startsWith(v.path))]));
    for (const rule of await rulesInForce(db, countyId)) {
      const periods = periodsBetween(rule.period, from, to).filter((p) => p.end >= from && p.end <= to);
      if (periods.length === 0) continue;
      const [matrix] = await rows<{ subjects: string }>(db, matrixSql({ countyId, id: root.id, path: root.path }, rule, periods));
      for (const s of JSON.parse(matrix!.subjects) as SubjectCounts[]) {
        const village = villageOfCode.get(s.code);
        if (!village) continue;
        const missed = periods.filter((p, i) => s.establishedOn <= p.end && (s.dissolvedOn === null || s.dissolvedOn > p.start)
          && cellStatus({ period: p, held: s.held[String(i)] ?? 0, min: rule.min, dueFrom: dueFrom(rule, p) }, asOf) === 'overdue').length;
        of(village.id).meetingsMissed += missed;
      }
    }
  }

  if (kinds.has('no_development_target_years')) {
    const targets = await rows<{ id: string; last: string | null; established: string }>(db, sql`
      select o.id, o.established_on::text as established,
        (select max(m.target_on) from memberships m where m.county_id = o.county_id and m.org_path like o.path || '%' and m.target_on <= ${to}::date)::text as last
      from organizations o where o.county_id = ${countyId} and ${among(villages)}`);
    for (const t of targets) of(t.id).yearsWithoutTarget = fullYears(t.last ?? t.established, asOf);
  }

  if (kinds.has('satisfaction_below')) {
    const rated = await rows<{ id: string; rated: number; satisfied: number }>(db, sql`
      select o.id, count(*)::int as rated, count(*) filter (where c.rating in ('satisfied', 'basically_satisfied'))::int as satisfied
      from organizations o join concerns c on c.county_id = o.county_id and c.org_path like o.path || '%'
      where o.county_id = ${countyId} and ${among(villages)} and c.rating is not null
        and (c.rated_at at time zone 'Asia/Shanghai')::date between ${from}::date and ${to}::date
      group by o.id`);
    for (const r of rated) Object.assign(of(r.id), { rated: r.rated, satisfied: r.satisfied });
  }

  if (kinds.has('petitions_above')) {
    // Only the petitions the acting user may see: the accused never learns of one, not even as a count.
    const counted = await db.select({ id: organizations.id, n: count() }).from(petitions)
      .innerJoin(organizations, and(eq(organizations.countyId, petitions.countyId), sql`${petitions.orgPath} like ${organizations.path} || '%'`))
      .where(and(eq(petitions.countyId, countyId), among(villages, sql`${organizations.id}`), gte(petitions.receivedOn, from), lte(petitions.receivedOn, to), petitionVisible(input.actor)))
      .groupBy(organizations.id);
    for (const c of counted) of(c.id).petitions = c.n;
  }

  if (kinds.has('assessment_low_grade')) {
    const low = await rows<{ id: string; grade: string; round: string }>(db, sql`
      select distinct on (o.id) o.id, g->>'label' as grade, ar.title as round
      from organizations o
      join assessment_results r on r.county_id = o.county_id and r.org_id = o.id
      join assessment_rounds ar on ar.county_id = r.county_id and ar.id = r.round_id and ar.year = ${input.year - 1}
      cross join lateral jsonb_array_elements(coalesce(ar.scheme -> 'grades', '[]'::jsonb)) g
      where o.county_id = ${countyId} and ${among(villages)} and g->>'key' = r.grade and coalesce((g->>'low')::boolean, false)
      order by o.id, ar.opened_on desc`);
    for (const l of low) of(l.id).lowGrade = { grade: l.grade, round: l.round };
  }
  return found;
}
