/**
 * The handler's inbox, a concern's timeline and diary search over a million concerns and half a
 * million diaries (issue 5 §13: ≤ 100 ms on PostgreSQL). Each request is timed through the API as
 * the demo's township administrator, village secretary or county administrator, and as the very
 * statements the application sent for it (captured through openDatabase's onQuery), sent raw. A
 * request over its target gets the EXPLAIN (ANALYZE, BUFFERS) of its slowest statement in the report.
 */
import type { App } from '../src/platform/http/app-types.js';
import { searchQuery } from '../src/platform/text/search.js';
import { ADMIN } from './demo-data.js';
import type { Raw } from './engines.js';
import { RARE_TERM, type Filled } from './masses-fill.js';
import { apiCall, runStatements, signIn, timeInterleaved, type Plan, type Statement } from './queries.js';
import { ms, seconds, table, type Summary } from './stats.js';

export const MASSES_TARGET_MS = 100;

/** What the bench's opened store offers: the app, a raw client, and the statements behind a GET. */
export interface Probe {
  app: App;
  raw: Raw;
  capture(url: string, cookie?: string): Promise<Statement[]>;
}

export interface MassesRow {
  query: string;
  who: string;
  url: string;
  statements: number;
  api: Summary;
  raw: Summary;
  /** Rows the search term matches in the whole table, for a search. */
  matches?: number;
  plan?: string[];
}

const TERMS = [
  ['two-character term', '医保'],
  ['four-character phrase', '饮水管道'],
  ['rare term', RARE_TERM],
] as const;

async function personOrgPath(raw: Raw, username: string): Promise<{ countyId: string; path: string }> {
  const [row] = await raw.query<{ county_id: string; path: string }>(`select o.county_id, o.path from users u
    join posts p on p.county_id = u.county_id and p.person_id = u.person_id and p.ended_on is null
    join organizations o on o.county_id = p.county_id and o.id = p.org_id where u.username = $1 order by o.depth limit 1`, [username]);
  if (!row) throw new Error(`demo account ${username} holds no post`);
  return { countyId: row.county_id, path: row.path };
}

/** An open case in the township, without a phone (whose full read is an audited write), with the longest history. */
async function timelineConcern(raw: Raw, township: { countyId: string; path: string }): Promise<string> {
  const [row] = await raw.query<{ id: string }>(`select c.id from concerns c where c.county_id = $1 and c.handler_org_path like $2 || '%'
      and c.state_type in ('open', 'paused') and c.submitter_phone is null
    order by (select count(*) from concern_events e where e.county_id = c.county_id and e.concern_id = c.id) desc, c.id limit 1`,
  [township.countyId, township.path]);
  if (!row) throw new Error('no open concern at the township to show the timeline of');
  return row.id;
}

/** The plan of the slowest of a request's statements, run once more with EXPLAIN ANALYZE. */
async function explainSlowest(raw: Raw, statements: Statement[]): Promise<string[]> {
  let slowest: { st: Statement; ms: number } | undefined;
  for (const st of statements) {
    const t0 = performance.now();
    await raw.query(st.text, st.params);
    const took = performance.now() - t0;
    if (!slowest || took > slowest.ms) slowest = { st, ms: took };
  }
  if (!slowest) return [];
  const plan = await raw.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${slowest.st.text}`, slowest.st.params);
  return [slowest.st.text.replace(/\s+/g, ' '), '', ...plan.map((r) => r['QUERY PLAN'])];
}

export async function measureMasses(p: Probe, plan: Plan, log: (line: string) => void): Promise<MassesRow[]> {
  const cookies = {
    township: await signIn(p.app, 'township', ADMIN.password),
    secretary: await signIn(p.app, 'secretary', ADMIN.password),
    county: await signIn(p.app, ADMIN.username, ADMIN.password),
  };
  const township = await personOrgPath(p.raw, 'township');
  const concern = await timelineConcern(p.raw, township);
  const requests: { query: string; who: keyof typeof cookies; url: string; term?: string }[] = [
    { query: 'inbox, open cases (the default tab)', who: 'township', url: '/api/concerns?state=open' },
    { query: 'inbox, my open cases', who: 'township', url: '/api/concerns?mine=true' },
    { query: 'inbox, all cases', who: 'township', url: '/api/concerns' },
    { query: 'inbox, open cases (the default tab)', who: 'secretary', url: '/api/concerns?state=open' },
    { query: 'inbox, my open cases', who: 'secretary', url: '/api/concerns?mine=true' },
    { query: 'inbox, all cases', who: 'secretary', url: '/api/concerns' },
    { query: 'inbox, all cases searched for 路灯', who: 'township', url: `/api/concerns?q=${encodeURIComponent('路灯')}` },
    { query: 'concern timeline (detail)', who: 'township', url: `/api/concerns/${concern}` },
    ...TERMS.flatMap(([what, term]) => (['township', 'county'] as const).map((who) => ({
      query: `diary search, ${what} ${term}`, who, url: `/api/diaries?q=${encodeURIComponent(term)}`, term,
    }))),
  ];
  const tasks: Record<string, () => Promise<unknown>> = {};
  const captured: Statement[][] = [];
  for (const [i, r] of requests.entries()) {
    const statements = await p.capture(r.url, cookies[r.who]);
    const writes = statements.filter((s) => /^\s*(insert|update|delete)\b/i.test(s.text));
    if (writes.length > 0) throw new Error(`GET ${r.url} wrote to the database; its statements cannot be replayed raw`);
    captured.push(statements);
    tasks[`api ${i}`] = apiCall(p.app, cookies[r.who], r.url);
    tasks[`raw ${i}`] = () => runStatements(p.raw, statements);
  }
  log(`    timing ${requests.length} requests through the API and raw…`);
  const s = await timeInterleaved(tasks, plan);
  const rows: MassesRow[] = [];
  for (const [i, r] of requests.entries()) {
    const row: MassesRow = { query: r.query, who: r.who, url: r.url, statements: captured[i]!.length, api: s[`api ${i}`]!, raw: s[`raw ${i}`]! };
    if (r.term) {
      const [{ n } = { n: 0 }] = await p.raw.query<{ n: number }>(`select count(*)::int as n from visit_diaries where search @@ to_tsquery('simple', $1)`, [searchQuery(r.term)]);
      row.matches = n;
    }
    if (row.api.median > MASSES_TARGET_MS) row.plan = await explainSlowest(p.raw, captured[i]!);
    rows.push(row);
  }
  return rows;
}

export function massesLines(filled: Filled | undefined, rows: MassesRow[], load: string): string[] {
  if (!filled && rows.length === 0) return [];
  const out = ['## 5. Contact with the masses at scale (PostgreSQL): inbox, timeline, diary search', ''];
  if (filled) {
    out.push(`Data: ${filled.concerns.toLocaleString('en')} concerns (${filled.active.toLocaleString('en')} new, open or paused), ` +
      `${filled.events.toLocaleString('en')} concern events, ${filled.diaries.toLocaleString('en')} visit diaries in one county, ` +
      `copied from the demo county's own in ${seconds(filled.ms)} (of which rebuilding the indexes ${seconds(filled.indexMs)}), then ANALYZE. ${load}`, '');
  }
  out.push('API = `app.inject` as the demo account; raw = the statements the application sent for the request (captured), sent straight to PostgreSQL.', '');
  out.push(table(
    ['Request', 'As', 'API p50', 'API p95', 'Raw p50', 'Raw p95', 'statements', 'matches', `≤ ${MASSES_TARGET_MS} ms`],
    rows.map((r) => [r.query, r.who, ms(r.api.median), ms(r.api.p95), ms(r.raw.median), ms(r.raw.p95), String(r.statements),
      r.matches === undefined ? '' : r.matches.toLocaleString('en'), r.api.median <= MASSES_TARGET_MS ? 'PASS' : '**MISS**']),
  ));
  out.push('');
  for (const r of rows.filter((x) => x.plan)) {
    out.push(`### MISS: ${r.query} as ${r.who} (\`GET ${r.url}\`): the slowest statement and its plan`, '', '```', ...r.plan!, '```', '');
  }
  return out;
}

export function massesVerdicts(rows: MassesRow[], filled: Filled | undefined): string[] {
  const over = filled ? `${filled.concerns.toLocaleString('en')} concerns and ${filled.diaries.toLocaleString('en')} diaries` : 'the concerns';
  return rows.map((r) => `- ${r.api.median <= MASSES_TARGET_MS ? 'PASS' : '**MISS**'}: PostgreSQL ${r.query} as ${r.who} over ${over}, p50 ≤ ${MASSES_TARGET_MS} ms: ` +
    `${ms(r.api.median)} ms (p95 ${ms(r.api.p95)}, raw ${ms(r.raw.median)})`);
}
