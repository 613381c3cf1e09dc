import { and, eq, sql } from 'drizzle-orm';
import { scopePrefixes } from '../../platform/access/actor.js';
import { rows } from '../../platform/db/database.js';
import { notFound } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/service.js';
import { todoList, type TodoProvider } from '../../platform/todo/todo.js';
import { memberships } from '../members/schema.js';
import { adminUnits, organizations } from '../organizations/schema.js';
import { visibleOrg } from '../organizations/queries.js';
import { orgTypes } from '../organizations/rules.js';
import { people } from '../people/schema.js';
import type { HomeView } from './contracts.js';

/**
 * The home page of a county, a township or a village: live figures of the subtree the user
 * looks at (by default the widest one they hold) and their to-do list.
 */
export async function homeView(ctx: ServiceContext, lang: 'zh' | 'en', todoProviders: TodoProvider[], orgCode?: string): Promise<HomeView> {
  const scopes = await scopeRoots(ctx);
  if (scopes.length === 0) throw notFound();
  const org = orgCode ? await visibleOrg(ctx, orgCode) : scopes[0]!;
  const prefix = org.path + '%';
  const county = ctx.actor.countyId;

  const byType = await rows<{ type: string; n: number }>(ctx.db, sql`
    select type, count(*)::int as n from ${organizations}
    where county_id = ${county} and path like ${prefix} and status = 'active' group by type`);
  const byKind = await rows<{ kind: string; n: number }>(ctx.db, sql`
    select kind, count(*)::int as n from ${adminUnits}
    where county_id = ${county} and org_path like ${prefix} group by kind`);
  const [members] = await rows<HomeView['members']>(ctx.db, sql`
    select count(*) filter (where m.category in ('full','probationary'))::int as "total",
           count(*) filter (where m.category = 'full')::int as "full",
           count(*) filter (where m.category = 'probationary')::int as "probationary",
           count(*) filter (where m.category in ('full','probationary') and p.gender = '2')::int as "female",
           count(*) filter (where m.category in ('full','probationary') and p.ethnicity <> '01')::int as "minority",
           count(*) filter (where m.category = 'applicant')::int as "applicants",
           count(*) filter (where m.category = 'activist')::int as "activists",
           count(*) filter (where m.category = 'development_target')::int as "developmentTargets"
    from ${memberships} m join ${people} p on p.county_id = m.county_id and p.id = m.person_id
    where m.county_id = ${county} and m.org_path like ${prefix} and m.ended_on is null`);
  // One pass over the subtree, grouped by the path segment naming the direct child: a LIKE whose
  // pattern is built per child row cannot use the path index and took seconds at province scale.
  const childSeq = (column: string) => sql`split_part(substr(${sql.raw(column)}, ${org.path.length + 1}), '.', 1)`;
  const children = await rows<HomeView['children'][number]>(ctx.db, sql`
    with orgs as (
      select ${childSeq('o.path')} as seq, count(*)::int as n from ${organizations} o
      where o.county_id = ${county} and o.path like ${prefix} and o.path <> ${org.path} and o.status = 'active' group by 1
    ), members as (
      select ${childSeq('m.org_path')} as seq, count(*)::int as n from ${memberships} m
      where m.county_id = ${county} and m.org_path like ${prefix} and m.org_path <> ${org.path}
        and m.ended_on is null and m.category in ('full','probationary') group by 1
    )
    select c.code, c.name, c.type, coalesce(orgs.n, 0) as "organizations", coalesce(members.n, 0) as "members"
    from ${organizations} c
    left join orgs on orgs.seq = c.seq::text
    left join members on members.seq = c.seq::text
    where c.county_id = ${county} and c.parent_id = ${org.id} and c.status = 'active'
    order by c.code`);

  return {
    org: { code: org.code, name: org.name, type: org.type as HomeView['org']['type'], unitType: org.unitType },
    scopes: scopes.map((s) => ({ code: s.code, name: s.name })),
    orgsByType: Object.fromEntries(orgTypes.map((t) => [t, byType.find((r) => r.type === t)?.n ?? 0])) as HomeView['orgsByType'],
    adminUnitsByKind: Object.fromEntries(byKind.map((r) => [r.kind, r.n])),
    members: members!,
    children,
    todos: await todoList(ctx, lang, todoProviders),
  };
}

/** The top organization of each subtree the user can read, widest first. */
async function scopeRoots(ctx: ServiceContext) {
  const prefixes = scopePrefixes(ctx.actor, 'org.read');
  const found = [];
  for (const path of prefixes) {
    const [org] = await ctx.db.select().from(organizations).where(and(eq(organizations.countyId, ctx.actor.countyId), eq(organizations.path, path)));
    if (org) found.push(org);
  }
  return found.sort((a, b) => a.depth - b.depth);
}
