/**
 * Today's counts from the maintained breakdowns (member_breakdowns, drizzle/0007) instead of a scan
 * of every membership in the subtree: the organization's own row and each direct child's, one query,
 * however large the subtree. The result has the shape of countMembers's, so figuresOf serves both.
 *
 * Ages are the one breakdown that changes without a write: the breakdowns keep birth years, and a
 * member born in year y is D.year − y on day D, or one less before their birthday. That only
 * matters in the years where those two ages fall in different bands; the members born in those
 * years whose birthday is still to come are looked up by birth date (people_birth_date).
 */
import { sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../../../platform/db/database.js';
import type { Dimension, Group, Subtree } from './query.js';
import type { Stage } from './rules.js';

export interface TalliedSubtree extends Subtree {
  orgId: string;
}

interface Tally { seq: string; category: Stage; dimension: string; value: string; n: number }

/** Counts by child, stage and each breakdown of the memberships open today in a subtree. */
export async function tallyMembers(db: Db, subtree: TalliedSubtree, today: string, ageEdges: readonly number[]): Promise<Group[]> {
  const [found] = await rows<{ tallies: string | null }>(db, breakdownsSql(subtree));
  const tallies = (JSON.parse(found?.tallies ?? '[]') as [string, Stage, string, string, number][])
    .map(([seq, category, dimension, value, n]) => ({ seq, category, dimension, value, n }));
  const years = boundaryYears(today, ageEdges);
  const later = await rows<{ seq: string; category: Stage; year: number; n: number }>(db, birthdaysToComeSql(subtree, today, years));
  return groupsOf(withOwnRows(tallies), later, today, ageEdges);
}

/**
 * The organization's breakdowns (seq '*') and its direct children's (seq = the child's path
 * segment). One JSON text rather than rows: the embedded engine hands over a few thousand rows
 * several times slower than one value holding them.
 */
export function breakdownsSql(subtree: TalliedSubtree): SQL {
  return sql`
    select json_agg(json_build_array(case when o.id = ${subtree.orgId} then '*' else o.seq::text end,
             b.category, b.dimension, b.value, b.n))::text as tallies
    from organizations o
    join member_breakdowns b on b.county_id = o.county_id and b.subtree_path = o.path
    where o.county_id = ${subtree.countyId} and (o.id = ${subtree.orgId} or o.parent_id = ${subtree.orgId}) and b.n <> 0`;
}

/** Members born in the given years whose birthday is after today's month and day, by child and stage. */
export function birthdaysToComeSql(subtree: Subtree, today: string, years: number[]): SQL {
  const ranges = years.map((y) => sql`p.birth_date between ${`${y}-01-01`}::date and ${`${y}-12-31`}::date`);
  // A person has at most one open membership; "limit 1" makes the planner look it up by index for
  // the few people found by birth date instead of hashing every membership of the county.
  return sql`
    select split_part(substr(m.org_path, ${subtree.path.length + 1}), '.', 1) as seq, m.category,
           extract(year from p.birth_date)::int as year, count(*)::int as n
    from people p cross join lateral (
      select m.org_path, m.category from memberships m
      where m.county_id = p.county_id and m.person_id = p.id and m.ended_on is null limit 1) m
    where p.county_id = ${subtree.countyId} and (${sql.join(ranges, sql` or `)})
      and to_char(p.birth_date, 'MM-DD') > ${today.slice(5)} and m.org_path like ${subtree.path + '%'}
    group by 1, 2, 3`;
}

/** Birth years whose members fall in two bands (or on both sides of 35) depending on their birthday. */
export function boundaryYears(today: string, ageEdges: readonly number[]): number[] {
  const year = Number(today.slice(0, 4));
  return [...new Set([...ageEdges, YOUNG])].map((edge) => year - edge - 1).sort((a, b) => a - b);
}

const YOUNG = 35;

/** The organization's own members (seq ''): its subtree less its children's. */
function withOwnRows(tallies: Tally[]): Tally[] {
  const own = new Map<string, Tally>();
  const key = (t: Tally) => `${t.category}\u0000${t.dimension}\u0000${t.value}`;
  for (const t of tallies) if (t.seq === '*') own.set(key(t), { ...t, seq: '' });
  for (const t of tallies) {
    if (t.seq === '*') continue;
    const mine = own.get(key(t));
    if (mine) mine.n -= t.n;
  }
  return [...tallies.filter((t) => t.seq !== '*'), ...[...own.values()].filter((t) => t.n !== 0)];
}

const direct: Record<string, (value: string) => Group['value']> = {
  gender: (v) => v,
  ethnicity: (v) => v,
  education: (v) => v || null,
  occupation: (v) => v || null,
  mobile: (v) => v === 'true',
  period: (v) => (v === '' ? null : Number(v)),
};

function groupsOf(tallies: Tally[], later: { seq: string; category: Stage; year: number; n: number }[], today: string, ageEdges: readonly number[]): Group[] {
  const groups = new Map<string, Group>();
  const add = (seq: string, stage: Stage, dimension: Dimension | null, value: Group['value'], n: number) => {
    if (n === 0) return;
    const key = `${seq}\u0000${stage}\u0000${dimension}\u0000${String(value)}`;
    const group = groups.get(key);
    if (group) group.n += n;
    else groups.set(key, { seq, stage, dimension, value, n });
  };
  const year = Number(today.slice(0, 4));
  const band = (age: number) => ageEdges.filter((edge) => age > edge).length;
  const toCome = new Map(later.map((l) => [`${l.seq}\u0000${l.category}\u0000${l.year}`, l.n]));
  for (const t of tallies) {
    if (t.dimension === 'gender') add(t.seq, t.category, null, null, t.n);
    if (t.dimension in direct) add(t.seq, t.category, t.dimension as Dimension, direct[t.dimension]!(t.value), t.n);
    if (t.dimension !== 'birth_year') continue;
    if (t.value === '') {
      add(t.seq, t.category, 'band', null, t.n);
      add(t.seq, t.category, 'young', null, t.n);
      continue;
    }
    const age = year - Number(t.value);
    const younger = toCome.get(`${t.seq}\u0000${t.category}\u0000${t.value}`) ?? 0;
    for (const [n, a] of [[t.n - younger, age], [younger, age - 1]] as const) {
      add(t.seq, t.category, 'band', band(a), n);
      add(t.seq, t.category, 'young', a <= YOUNG, n);
    }
  }
  return [...groups.values()];
}
