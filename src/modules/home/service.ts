import { and, eq, sql } from 'drizzle-orm';
import { rows } from '../../platform/db/database.js';
import { notFound } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/service.js';
import { todoList, type TodoProvider } from '../../platform/todo/todo.js';
import { memberTallies } from '../members/schema.js';
import { adminUnits, organizations } from '../organizations/schema.js';
import { scopeRoots, visibleOrg } from '../organizations/queries.js';
import { orgTypes } from '../organizations/rules.js';
import { memberFigures, type HomeView } from './contracts.js';

/**
 * The home page of a county, a township or a village: live figures of the subtree the user
 * looks at (by default the widest one they hold) and their to-do list.
 */
export async function homeView(ctx: ServiceContext, lang: 'zh' | 'en', todoProviders: TodoProvider[], orgCode?: string): Promise<HomeView> {
  const scopes = await scopeRoots(ctx, 'org.read');
  if (scopes.length === 0) throw notFound();
  const org = orgCode ? await visibleOrg(ctx, orgCode) : scopes[0]!;
  const prefix = org.path + '%';
  const county = ctx.actor.countyId;

  const byKind = await rows<{ kind: string; n: number }>(ctx.db, sql`
    select kind, count(*)::int as n from ${adminUnits}
    where county_id = ${county} and org_path like ${prefix} group by kind`);
  // Figures are grouped by the path segment naming the direct child: the organization's own rows
  // have an empty one. Members come from the maintained tallies (see memberTallies).
  const childSeq = sql`split_part(substr(o.path, ${org.path.length + 1}), '.', 1)`;
  const tallies = await rows<HomeView['members'] & { seq: string }>(ctx.db, sql`
    select ${childSeq} as seq,
           coalesce(sum(t.n) filter (where t.category in ('full','probationary')), 0)::int as "total",
           coalesce(sum(t.n) filter (where t.category = 'full'), 0)::int as "full",
           coalesce(sum(t.n) filter (where t.category = 'probationary'), 0)::int as "probationary",
           coalesce(sum(t.n) filter (where t.category in ('full','probationary') and t.gender = '2'), 0)::int as "female",
           coalesce(sum(t.n) filter (where t.category in ('full','probationary') and t.ethnicity <> '01'), 0)::int as "minority",
           coalesce(sum(t.n) filter (where t.category = 'applicant'), 0)::int as "applicants",
           coalesce(sum(t.n) filter (where t.category = 'activist'), 0)::int as "activists",
           coalesce(sum(t.n) filter (where t.category = 'development_target'), 0)::int as "developmentTargets"
    from ${memberTallies} t join ${organizations} o on o.county_id = t.county_id and o.id = t.org_id
    where t.county_id = ${county} and o.path like ${prefix} and t.n <> 0
    group by 1`);
  const members = sumFigures(tallies);
  // Organizations by type and by direct child in one pass (the organization itself: seq '').
  const orgCounts = await rows<{ seq: string; type: string; n: number }>(ctx.db, sql`
    select ${childSeq} as seq, o.type, count(*)::int as n from ${organizations} o
    where o.county_id = ${county} and o.path like ${prefix} and o.status = 'active' group by 1, 2`);
  const direct = await ctx.db.select({ seq: organizations.seq, code: organizations.code, name: organizations.name, type: organizations.type })
    .from(organizations)
    .where(and(eq(organizations.countyId, county), eq(organizations.parentId, org.id), eq(organizations.status, 'active')))
    .orderBy(organizations.code);
  const children = direct.map((c) => ({
    code: c.code, name: c.name, type: c.type as HomeView['children'][number]['type'],
    organizations: sumOf(orgCounts.filter((r) => r.seq === String(c.seq))),
    members: tallies.find((r) => r.seq === String(c.seq))?.total ?? 0,
  }));

  return {
    org: { code: org.code, name: org.name, type: org.type as HomeView['org']['type'], unitType: org.unitType },
    scopes: scopes.map((s) => ({ code: s.code, name: s.name })),
    orgsByType: Object.fromEntries(orgTypes.map((t) => [t, sumOf(orgCounts.filter((r) => r.type === t))])) as HomeView['orgsByType'],
    adminUnitsByKind: Object.fromEntries(byKind.map((r) => [r.kind, r.n])),
    members,
    children,
    todos: await todoList(ctx, lang, todoProviders),
  };
}

function sumFigures(groups: HomeView['members'][]): HomeView['members'] {
  return Object.fromEntries(Object.keys(memberFigures.shape).map((k) => [k, groups.reduce((sum, g) => sum + g[k as keyof HomeView['members']], 0)])) as HomeView['members'];
}

const sumOf = (counts: { n: number }[]) => counts.reduce((sum, c) => sum + c.n, 0);
