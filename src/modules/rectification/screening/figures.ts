/**
 * A screening's figures over a subtree and one or more rounds: how many village and community
 * organizations were screened, how many have confirmed findings, how many were defined, split by
 * criterion, category and township. One statement gathers each organization concerned (screened, or
 * with confirmed findings or a case in the rounds) with its township and what it was found for; the
 * counting is done here, so the round's page and the yearly summary count alike.
 */
import { sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../../../platform/db/database.js';

export interface ScreeningFigures {
  screened: number;
  withFindings: number;
  defined: number;
  byCriterion: { code: string; title: string; category: string; organizations: number }[];
  byCategory: { category: string; organizations: number }[];
  byTownship: { code: string; name: string; screened: number; withFindings: number; defined: number }[];
}

/** The organizations screened: villages and communities, not their party groups, still active. */
export const screenedCondition = (o: string): SQL =>
  sql.raw(`${o}.status = 'active' and ${o}.unit_type in ('village', 'community') and ${o}.type <> 'party_group'`);

/** The township (or street) an organization lies in, as a lateral subquery on `o` yielding code and name. */
export const townshipOf = (o: string): SQL => sql.raw(`(select t.code, t.name from organizations t
  where t.county_id = ${o}.county_id and t.unit_type in ('township', 'street') and t.type <> 'party_group'
    and ${o}.path like t.path || '%' and t.id <> ${o}.id order by t.depth desc limit 1)`);

export const categories = ['soft', 'lax', 'poor', 'chaotic'] as const;

interface OrgFacts {
  screened: boolean;
  townshipCode: string | null;
  townshipName: string | null;
  criteria: { code: string; title: string; category: string }[] | null;
  defined: boolean;
}

/** Over the subtrees of `paths` (a user's posts may cover several), each organization counted once. */
export async function screeningFigures(db: Db, scope: { countyId: string; paths: string[] }, roundIds: string[]): Promise<ScreeningFigures> {
  const rounds = roundIds.length === 0 ? sql`false` : sql`round_id in (${sql.join(roundIds.map((id) => sql`${id}::uuid`), sql`, `)})`;
  const under = (column: string) => sql`(${sql.join(scope.paths.map((p) => sql`${sql.raw(column)} like ${p + '%'}`), sql` or `)})`;
  const [found] = await rows<{ orgs: string }>(db, sql`
    with f as (
      select org_id, jsonb_build_object('code', criterion_code, 'title', criterion_title, 'category', category) as criterion
      from screening_findings where county_id = ${scope.countyId} and status = 'confirmed' and ${under('org_path')} and ${rounds}
    ),
    c as (select distinct org_id from rectification_cases where county_id = ${scope.countyId} and ${under('org_path')} and ${rounds})
    select coalesce(json_agg(json_build_object(
      'screened', ${screenedCondition('o')}, 'townshipCode', tw.code, 'townshipName', tw.name,
      'criteria', (select json_agg(distinct f.criterion) from f where f.org_id = o.id),
      'defined', exists (select 1 from c where c.org_id = o.id)
    ) order by o.path), '[]'::json)::text as orgs
    from organizations o
    left join lateral ${townshipOf('o')} tw on true
    where o.county_id = ${scope.countyId} and ${under('o.path')}
      and ((${screenedCondition('o')}) or exists (select 1 from f where f.org_id = o.id) or exists (select 1 from c where c.org_id = o.id))`);
  const orgs = JSON.parse(found!.orgs) as OrgFacts[];
  return countFigures(orgs);
}

/** Counting the organizations' facts; each organization counts once per criterion, category and township. */
export function countFigures(orgs: OrgFacts[]): ScreeningFigures {
  const byCriterion = new Map<string, { code: string; title: string; category: string; organizations: number }>();
  const byCategory = new Map<string, number>();
  const byTownship = new Map<string, { code: string; name: string; screened: number; withFindings: number; defined: number }>();
  let screened = 0;
  let withFindings = 0;
  let defined = 0;
  for (const o of orgs) {
    const found = o.criteria ?? [];
    const township = byTownship.get(o.townshipCode ?? '') ?? { code: o.townshipCode ?? '', name: o.townshipName ?? '', screened: 0, withFindings: 0, defined: 0 };
    byTownship.set(township.code, township);
    if (o.screened) { screened++; township.screened++; }
    if (found.length > 0) { withFindings++; township.withFindings++; }
    if (o.defined) { defined++; township.defined++; }
    for (const code of new Set(found.map((c) => c.code))) {
      const c = found.find((x) => x.code === code)!;
      const entry = byCriterion.get(code) ?? { ...c, organizations: 0 };
      entry.organizations++;
      byCriterion.set(code, entry);
    }
    for (const category of new Set(found.map((c) => c.category))) byCategory.set(category, (byCategory.get(category) ?? 0) + 1);
  }
  return {
    screened, withFindings, defined,
    byCriterion: [...byCriterion.values()].sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true })),
    byCategory: categories.filter((c) => byCategory.has(c)).map((category) => ({ category, organizations: byCategory.get(category)! })),
    byTownship: [...byTownship.values()].sort((a, b) => a.code.localeCompare(b.code)),
  };
}
