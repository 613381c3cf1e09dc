import { sql, type SQL } from 'drizzle-orm';
import { rows } from '../../platform/db/database.js';
import { notFound } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/service.js';
import { HAN } from '../members/rules/ethnicity.js';
import { memberBreakdowns } from '../members/schema.js';
import { adminUnits, organizations } from '../organizations/schema.js';
import { scopeRoots, visibleOrg } from '../organizations/queries.js';
import { orgTypes } from '../organizations/rules.js';
import { memberFigures, type HomeView } from './contracts.js';

/**
 * The home page of a county, a township or a village: live figures of the subtree the user
 * looks at (by default the widest one they hold). The to-do list is its own resource (the web
 * asks for both at once), so that neither waits for the other.
 */
export async function homeView(ctx: ServiceContext, orgCode?: string): Promise<HomeView> {
  const scopes = await scopeRoots(ctx, 'org.read');
  if (scopes.length === 0) throw notFound();
  const org = orgCode ? await visibleOrg(ctx, orgCode) : scopes[0]!;
  const county = ctx.actor.countyId;

  const byKind = await rows<{ kind: string; n: number }>(ctx.db, unitsByKindSql(county, org.path));
  const figures = await rows<HomeView['members'] & { seq: string }>(ctx.db, memberFiguresSql(county, org.id));
  const { seq: _subtree, ...members } = figures.find((r) => r.seq === '*') ?? { seq: '*', ...noMembers };
  const orgCounts = await rows<{ seq: string; type: string; n: number }>(ctx.db, orgsByChildSql(county, org.path));
  const direct = await rows<{ seq: string; code: string; name: string; type: string }>(ctx.db, directChildrenSql(county, org.id));
  const children = direct.map((c) => ({
    code: c.code, name: c.name, type: c.type as HomeView['children'][number]['type'],
    organizations: sumOf(orgCounts.filter((r) => r.seq === c.seq)),
    members: figures.find((r) => r.seq === c.seq)?.total ?? 0,
  }));

  return {
    org: { code: org.code, name: org.name, type: org.type as HomeView['org']['type'], unitType: org.unitType },
    scopes: scopes.map((s) => ({ code: s.code, name: s.name })),
    orgsByType: Object.fromEntries(orgTypes.map((t) => [t, sumOf(orgCounts.filter((r) => r.type === t))])) as HomeView['orgsByType'],
    adminUnitsByKind: Object.fromEntries(byKind.map((r) => [r.kind, r.n])),
    members,
    children,
  };
}

const noMembers: HomeView['members'] = Object.fromEntries(Object.keys(memberFigures.shape).map((k) => [k, 0])) as HomeView['members'];

export function unitsByKindSql(countyId: string, path: string): SQL {
  return sql`select kind, count(*)::int as n from ${adminUnits} where county_id = ${countyId} and org_path like ${path + '%'} group by kind`;
}

/**
 * The member figures of an organization's subtree (seq '*') and of each direct child's (seq = the
 * child's path segment), from the maintained subtree breakdowns (see memberBreakdowns): a handful
 * of rows however large the subtree. Summed per organization (lateral) so that each reads its own
 * rows through the key; joined as a whole, the planner preferred to scan every county's breakdowns.
 */
export function memberFiguresSql(countyId: string, orgId: string): SQL {
  const members = sql.raw(`b.category in ('full','probationary')`);
  return sql`
    select case when o.id = ${orgId} then '*' else o.seq::text end as seq, f.*
    from ${organizations} o cross join lateral (
      select coalesce(sum(b.n) filter (where b.dimension = 'gender' and ${members}), 0)::int as "total",
             coalesce(sum(b.n) filter (where b.dimension = 'gender' and b.category = 'full'), 0)::int as "full",
             coalesce(sum(b.n) filter (where b.dimension = 'gender' and b.category = 'probationary'), 0)::int as "probationary",
             coalesce(sum(b.n) filter (where b.dimension = 'gender' and b.value = '2' and ${members}), 0)::int as "female",
             coalesce(sum(b.n) filter (where b.dimension = 'ethnicity' and b.value <> ${HAN} and ${members}), 0)::int as "minority",
             coalesce(sum(b.n) filter (where b.dimension = 'gender' and b.category = 'applicant'), 0)::int as "applicants",
             coalesce(sum(b.n) filter (where b.dimension = 'gender' and b.category = 'activist'), 0)::int as "activists",
             coalesce(sum(b.n) filter (where b.dimension = 'gender' and b.category = 'development_target'), 0)::int as "developmentTargets"
      from ${memberBreakdowns} b
      where b.county_id = o.county_id and b.subtree_path = o.path and b.dimension in ('gender', 'ethnicity')
    ) f
    where o.county_id = ${countyId} and (o.id = ${orgId} or o.parent_id = ${orgId})`;
}

/** Organizations by type and by direct child in one pass (the organization itself: seq ''). */
export function orgsByChildSql(countyId: string, path: string): SQL {
  return sql`
    select split_part(substr(o.path, ${path.length + 1}), '.', 1) as seq, o.type, count(*)::int as n from ${organizations} o
    where o.county_id = ${countyId} and o.path like ${path + '%'} and o.status = 'active' group by 1, 2`;
}

export function directChildrenSql(countyId: string, orgId: string): SQL {
  return sql`
    select seq::text as seq, code, name, type from ${organizations}
    where county_id = ${countyId} and parent_id = ${orgId} and status = 'active' order by code`;
}

const sumOf = (counts: { n: number }[]) => counts.reduce((sum, c) => sum + c.n, 0);
