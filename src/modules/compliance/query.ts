/**
 * Counting a rule's events per subject and period in one statement: the subjects of a subtree
 * (organizations of the rule's types) with, per period, the held meetings of the rule's kind,
 * read through the meetings_held index for each subject (no condition on the meetings' paths: the
 * subjects already bound them, and where its statistics misjudged a path's share the planner chose
 * the path index instead and read the county's every meeting once per subject, 40 s in a province
 * of a hundred counties). The answer is one JSON text: the embedded engine hands
 * over one value far faster than thousands of rows.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Period } from '../../platform/cadence/periods.js';
import { subjectOrgTypes, type SubjectType } from './catalogue.js';

export interface SubjectCounts {
  code: string;
  name: string;
  /** The direct child of the subtree's root the subject lies under (null: the root itself). */
  underCode: string | null;
  underName: string | null;
  establishedOn: string;
  dissolvedOn: string | null;
  /** Held events per period index (absent: none). */
  held: Record<string, number>;
}

/** The organizations a subject type names, as a condition on `o`. */
export function subjectCondition(subjectType: SubjectType): SQL {
  const { types, unitType } = subjectOrgTypes[subjectType];
  return sql`o.type in (${sql.join(types.map((t) => sql`${t}`), sql`, `)})${unitType ? sql` and o.unit_type = ${unitType}` : sql``}`;
}

export function matrixSql(root: { countyId: string; id: string; path: string }, rule: { eventKind: string; subjectType: SubjectType }, periods: Period[]): SQL {
  const first = periods[0]!.start;
  const last = periods.at(-1)!.end;
  const spans = sql.join(periods.map((p, i) => sql`(${i}::int, ${p.start}::date, ${p.end}::date)`), sql`, `);
  return sql`
    with p(idx, start_on, end_on) as (values ${spans}),
    counts as (
      select m.org_id, p.idx, count(*)::int as n from meetings m join p on m.held_on between p.start_on and p.end_on
      where m.county_id = ${root.countyId} and m.kind = ${rule.eventKind} and m.status = 'held'
        and m.held_on between ${first}::date and ${last}::date
      group by 1, 2
    )
    select coalesce(json_agg(json_build_object(
      'code', o.code, 'name', o.name, 'underCode', u.code, 'underName', u.name,
      'establishedOn', o.established_on, 'dissolvedOn', o.dissolved_on,
      'held', (select coalesce(json_object_agg(c.idx, c.n), '{}'::json) from counts c where c.org_id = o.id)
    ) order by o.path), '[]'::json)::text as subjects
    from organizations o
    left join organizations u on u.county_id = o.county_id and u.parent_id = ${root.id}
      and u.seq::text = split_part(substr(o.path, ${root.path.length + 1}), '.', 1)
    where o.county_id = ${root.countyId} and o.path like ${root.path + '%'} and ${subjectCondition(rule.subjectType)}
      and o.established_on <= ${last}::date and (o.dissolved_on is null or o.dissolved_on > ${first}::date)`;
}
