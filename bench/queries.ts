/**
 * The home page, the statistics, the to-do list and the subtree list, through the API (app.inject
 * as the county administrator) and as the same SQL sent straight to the engine's own client. The
 * home page's and the statistics' statements are rendered from the modules' own SQL builders; the
 * to-do list's are captured from the application as it answers (each module builds its own from the
 * user's posts); the others are copied from src/modules/organizations/queries.ts (listOrganizations)
 * and src/modules/accounts (the session): keep those in step. The raw side of a request runs every
 * statement the API runs for it, so their ratio is the cost of routing, ORM, scope checks and JSON alone.
 */
import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { nationalRules } from '../src/modules/compliance/catalogue.js';
import { PROVINCE_SETTINGS, provinceSql } from '../src/modules/compliance/province.js';
import { directChildrenSql, memberFiguresSql, orgsByChildSql, unitsByKindSql } from '../src/modules/home/service.js';
import { childrenSql, memberCountsSql, orgCountsSql } from '../src/modules/members/statistics/query.js';
import { defaultAgeEdges } from '../src/modules/members/statistics/rules.js';
import { birthdaysToComeSql, boundaryYears, breakdownsSql } from '../src/modules/members/statistics/tallied.js';
import { periodsBetween } from '../src/platform/cadence/periods.js';
import { chinaDate } from '../src/platform/clock.js';
import type { App } from '../src/platform/http/app-types.js';
import type { Raw } from './engines.js';
import { summarize, type Summary } from './stats.js';

export interface Scope {
  countyId: string;
  rootId: string;
  rootPath: string;
}

/** The root organization of a county: what the county administrator's home page shows. */
export async function countyScope(raw: Raw, countyCode: string): Promise<Scope> {
  const [row] = await raw.query<{ county_id: string; id: string; path: string }>(
    `select o.county_id, o.id, o.path from organizations o join counties c on c.id = o.county_id
     where c.code = $1 and o.parent_id is null`,
    [countyCode],
  );
  if (!row) throw new Error(`county ${countyCode} not found`);
  return { countyId: row.county_id, rootId: row.id, rootPath: row.path };
}

export interface Statement {
  name: string;
  text: string;
  params: unknown[];
}

/** What every request runs first: its session with the user's current posts (actorFromSession). */
export function sessionStatement(cookie: string): Statement {
  const token = decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1));
  return {
    name: 'session and posts',
    text: `select u.*, p.id, o.id, o.path, o.name, p.role from "sessions" s
      join "users" u on u.county_id = s.county_id and u.id = s.user_id
      left join "posts" p on p.county_id = u.county_id and p.person_id = u.person_id
        and p.started_on <= $3 and (p.ended_on is null or p.ended_on > $3)
      left join "organizations" o on o.county_id = p.county_id and o.id = p.org_id and o.status = 'active'
      where s.token_hash = $1 and s.expires_at > $2 and u.disabled = false`,
    params: [createHash('sha256').update(token).digest('hex'), new Date().toISOString(), chinaDate(new Date())],
  };
}

/** What /api/home and the statistics run besides their figures: the user's scope roots. */
export function scopeRootsStatement(s: Scope): Statement {
  return {
    name: 'scope roots',
    text: `select * from "organizations" where county_id = $1 and path in ($2) order by depth, code`,
    params: [s.countyId, s.rootPath],
  };
}

/** The four statements behind the figures of /api/home (homeView), rendered from its own SQL, in its order. */
export function homeStatements(s: Scope): Statement[] {
  return [
    render('units by kind', unitsByKindSql(s.countyId, s.rootPath)),
    render('member figures', memberFiguresSql(s.countyId, s.rootId)),
    render('orgs by type and child', orgsByChildSql(s.countyId, s.rootPath)),
    render('direct children', directChildrenSql(s.countyId, s.rootId)),
  ];
}

const dialect = new PgDialect();
function render(name: string, query: SQL): Statement {
  const { sql, params } = dialect.sqlToQuery(query);
  return { name, text: sql, params };
}

/** listOrganizations for a county administrator: the whole active subtree with parent codes. */
export function subtreeStatement(s: Scope): Statement {
  return {
    name: 'subtree list',
    text: `select o.code, o.name, o.type, o.unit_type, o.division_code, parent.code as parent_code, o.status, o.depth, o.pinyin
      from "organizations" o
      left join "organizations" parent on parent.county_id = o.county_id and parent.id = o.parent_id
      where (o.county_id = $1 and (o.path like $2)) and o.status = 'active'
      order by o.depth asc, o.code asc`,
    params: [s.countyId, s.rootPath + '%'],
  };
}

/** The member figures over the whole database (every county), counted from the rows: no API has it. */
export function wholeDatabaseStatement(): Statement {
  return {
    name: 'member figures, whole database',
    text: `select count(*) filter (where m.category in ('full','probationary'))::int as "total",
        count(*) filter (where m.category in ('full','probationary') and p.gender = '2')::int as "female"
      from "memberships" m join "people" p on p.county_id = m.county_id and p.id = m.person_id
      where m.ended_on is null`,
    params: [],
  };
}

/**
 * Every breakdown of the whole database (every county) from the maintained breakdowns of each
 * county's root: what a province's statistics would read instead of scanning its members.
 */
export function wholeDatabaseBreakdownsStatement(): Statement {
  return {
    name: 'member breakdowns, whole database',
    // Each county's root rows through the key (lateral): a join let the planner scan every subtree's rows.
    text: `select b.category, b.dimension, b.value, sum(b.n)::int as n
      from "organizations" o cross join lateral (
        select category, dimension, value, n from "member_breakdowns" where county_id = o.county_id and subtree_path = o.path
      ) b
      where o.parent_id is null group by 1, 2, 3`,
    params: [],
  };
}

/** The province's view of a national rule for a year: every county's counts per month in one statement (as `grassroots compliance province`). */
export async function provinceComplianceStatements(raw: Raw, year: string): Promise<Statement[]> {
  const rule = nationalRules.find((r) => r.id === 'committee_meeting_monthly')!;
  const periods = periodsBetween(rule.period, `${year}-01-01`, `${year}-12-31`);
  const countyIds = await raw.query<{ id: string }>('select id from counties order by code');
  // Set, timed and reset on the bench's own connection: as the application does for this statement.
  const settings = (verb: 'set' | 'reset') => PROVINCE_SETTINGS.map((s) => ({ name: `${verb} ${s}`, text: verb === 'set' ? `set ${s}` : `reset ${s.split(' ')[0]}`, params: [] }));
  return [...settings('set'), render('province compliance', provinceSql(rule, new Map(countyIds.map((c) => [c.id, rule.min])), periods)), ...settings('reset')];
}

export async function runStatements(raw: Raw, statements: Statement[]): Promise<void> {
  for (const s of statements) await raw.query(s.text, s.params);
}

export async function signIn(app: App, username: string, password: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies[0];
  if (!cookie) throw new Error('sign-in set no cookie');
  return `${cookie.name}=${cookie.value}`;
}

export function apiCall(app: App, cookie: string, url: string): () => Promise<void> {
  return async () => {
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  };
}

export interface Plan {
  warmup: number;
  runs: number;
  /** Stop adding samples after this long, once at least `minRuns` are in (province-scale runs can be slow). */
  budgetMs: number;
  minRuns: number;
}

/**
 * Times several tasks, interleaved run by run so that drift (caches, GC, the machine) hits all of
 * them alike. Warm-up runs are not counted.
 */
export async function timeInterleaved(tasks: Record<string, () => Promise<unknown>>, plan: Plan): Promise<Record<string, Summary>> {
  const names = Object.keys(tasks);
  // Fewer warm-up runs when a single run takes seconds (province scale on a slow plan).
  const warming = performance.now();
  for (let i = 0; i < plan.warmup; i++) {
    if (i >= 1 && performance.now() - warming > plan.budgetMs / 10) break;
    for (const name of names) await tasks[name]!();
  }
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const started = performance.now();
  for (let i = 0; i < plan.runs; i++) {
    if (i >= plan.minRuns && performance.now() - started > plan.budgetMs) break;
    for (const name of names) {
      const t0 = performance.now();
      await tasks[name]!();
      samples[name]!.push(performance.now() - t0);
    }
  }
  return Object.fromEntries(names.map((n) => [n, summarize(samples[n]!)]));
}

/**
 * The statements of /api/statistics/members for a county, rendered from the module's own SQL:
 * today from the maintained breakdowns, or another day (`asOf`) from the memberships open then.
 */
export function statisticsStatements(s: Scope, asOf?: string): Statement[] {
  const day = asOf ?? chinaDate(new Date());
  const subtree = { countyId: s.countyId, path: s.rootPath };
  const members = asOf
    ? [render('member counts', memberCountsSql(subtree, day, defaultAgeEdges))]
    : [
      render('member breakdowns', breakdownsSql({ ...subtree, orgId: s.rootId })),
      render('birthdays to come', birthdaysToComeSql(subtree, day, boundaryYears(day, defaultAgeEdges))),
    ];
  return [
    ...members,
    render('organization counts', orgCountsSql(subtree, day)),
    render('children', childrenSql(s.countyId, s.rootId, day)),
  ];
}
