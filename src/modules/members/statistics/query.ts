import { sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../../../platform/db/database.js';
import { joinPeriods, stageColumns, stages, type Stage } from './rules.js';

/** The breakdowns counted in one pass; each is grouped with the direct child and the stage. */
export const dimensions = ['gender', 'ethnicity', 'education', 'occupation', 'band', 'young', 'period', 'mobile'] as const;
export type Dimension = (typeof dimensions)[number];

/** One count of the grouping-sets query: by child and stage, and by at most one dimension. */
export interface Group {
  /** The path segment naming the direct child; '' for the organization's own rows. */
  seq: string;
  stage: Stage;
  /** The dimension this count breaks down by, or null for the count by stage alone. */
  dimension: Dimension | null;
  value: string | number | boolean | null;
  n: number;
}

export interface Subtree {
  countyId: string;
  path: string;
}

/**
 * The stage a membership had reached on a day, as SQL: the highest stage, up to the row's present
 * category, whose date (or, when missing, the date of the next later stage that has one) is on or
 * before the day. Imports often lack activist and target dates; this never counts anyone as a
 * development target before they applied.
 */
function stageOnDay(day: string): SQL {
  const cases = [...stages].reverse().map((stage) => {
    const atOrAbove = stages.slice(stages.indexOf(stage));
    const dates = atOrAbove.map((s) => `m.${stageColumns[s]}`).join(', ');
    const categories = atOrAbove.map((s) => `'${s}'`).join(', ');
    return sql`when m.category in (${sql.raw(categories)}) and coalesce(${sql.raw(dates)}, m.started_on, date '0001-01-01') <= ${day}::date then ${stage}`;
  });
  return sql`case ${sql.join(cases, sql` `)} end`;
}

/** Counts by child, stage and each dimension of the memberships open on a day in a subtree. */
export async function countMembers(db: Db, subtree: Subtree, day: string, ageEdges: readonly number[]): Promise<Group[]> {
  const [found] = await rows<{ groups: string | null }>(db, memberCountsSql(subtree, day, ageEdges));
  const counted = JSON.parse(found?.groups ?? '[]') as [seq: string, stage: Stage, g: number, n: number, ...values: unknown[]][];
  // grouping() sets a bit for each dimension left out of the row's set, the first dimension highest.
  const all = (1 << dimensions.length) - 1;
  return counted.map(([seq, stage, g, n, ...values]) => {
    const index = dimensions.findIndex((_, i) => (g & (1 << (dimensions.length - 1 - i))) === 0);
    const dimension = g === all ? null : dimensions[index]!;
    return { seq, stage, dimension, value: dimension ? (values[index] as Group['value']) : null, n };
  });
}

/** The statement behind countMembers (the benchmark runs it raw): one JSON text, see breakdownsSql. */
export function memberCountsSql(subtree: Subtree, day: string, ageEdges: readonly number[]): SQL {
  const cut = subtree.path.length + 1;
  const band = ageEdges.length === 0 ? sql`0` : sql.join(ageEdges.map((e) => sql`(age > ${e})::int`), sql` + `);
  const period = sql`case ${sql.join(joinPeriods.map((p, i) => (p.before === null ? sql`else ${sql.raw(String(i))}` : sql`when joined_on < ${p.before}::date then ${sql.raw(String(i))}`)), sql` `)} end`;
  return sql`
    with m as (
      select split_part(substr(m.org_path, ${cut}), '.', 1) as seq, ${stageOnDay(day)} as stage,
             coalesce(p.gender, '0') as gender, p.ethnicity, p.education, p.occupation,
             extract(year from age(${day}::date, p.birth_date))::int as age, m.joined_on,
             m.mobile and coalesce(m.mobile_since, date '0001-01-01') <= ${day}::date as mobile
      from memberships m join people p on p.county_id = m.county_id and p.id = m.person_id
      where m.county_id = ${subtree.countyId} and m.org_path like ${subtree.path + '%'}
        and coalesce(m.started_on, date '0001-01-01') <= ${day}::date and (m.ended_on is null or m.ended_on > ${day}::date)
    ), x as (
      select seq, stage, gender, ethnicity, education, occupation, mobile,
             case when age is null then null else ${band} end as band,
             case when age is null then null else age <= 35 end as young,
             case when joined_on is null then null else ${period} end as period
      from m where stage is not null
    )
    select json_agg(json_build_array(seq, stage, g, n, ${sql.raw(dimensions.join(', '))}))::text as groups from (
      select seq, stage, ${sql.raw(dimensions.join(', '))},
             grouping(${sql.raw(dimensions.join(', '))})::int as g, count(*)::int as n
      from x
      group by grouping sets ((seq, stage), ${sql.raw(dimensions.map((d) => `(seq, stage, ${d})`).join(', '))})) counted`;
}

/** Organizations existing on a day in a subtree, by child (the child itself included) and type. */
export async function countOrganizations(db: Db, subtree: Subtree, day: string): Promise<{ seq: string; type: string; n: number }[]> {
  return rows(db, orgCountsSql(subtree, day));
}

export function orgCountsSql(subtree: Subtree, day: string): SQL {
  return sql`
    select split_part(substr(o.path, ${subtree.path.length + 1}), '.', 1) as seq, o.type, count(*)::int as n
    from organizations o
    where o.county_id = ${subtree.countyId} and o.path like ${subtree.path + '%'} and o.path <> ${subtree.path}
      and o.established_on <= ${day}::date and (o.dissolved_on is null or o.dissolved_on > ${day}::date)
    group by 1, 2`;
}

/** The direct children of an organization that existed on a day, with the path segment naming each. */
export async function childrenOn(db: Db, countyId: string, parentId: string, day: string) {
  return rows<{ seq: string; code: string; name: string; type: string }>(db, childrenSql(countyId, parentId, day));
}

export function childrenSql(countyId: string, parentId: string, day: string): SQL {
  return sql`
    select seq::text as seq, code, name, type from organizations
    where county_id = ${countyId} and parent_id = ${parentId}
      and established_on <= ${day}::date and (dissolved_on is null or dissolved_on > ${day}::date)
    order by code`;
}
