/**
 * Performance benchmark of Grassroots on its two engines: PGlite (embedded, data directory) and a
 * throwaway PostgreSQL 15 server. Prints a markdown report on stdout (progress goes to stderr).
 *
 *   npm run bench -- [--engines pglite,postgres] [--province-counties N] [--skip-province]
 *                    [--runs 30] [--warmup 5] [--load-seconds 8] [--connections 10] [--start-runs 3] [--skip-import]
 *
 * Measures: 1. start-up of `grassroots serve` (new empty store, and a store holding the demo county);
 * 2. event-loop stalls of the in-process server under HTTP load; 3. /api/home and /api/organizations
 * through the API versus the same SQL sent straight to the engine, at county and province scale;
 * 4. importing 100,000 members with `grassroots import members --commit` (bench/import.ts).
 * With `--sections`, also (issue 5 §13): 5. `masses`: a county grown to a million concerns and half a
 * million diaries on PostgreSQL (bench/masses-fill.ts), its inbox, timeline and diary search timed
 * (bench/masses.ts); 6. `intake`: the public intake under load on both engines (bench/intake.ts).
 */
import { parseArgs } from 'node:util';
import { createApp } from '../src/app.js';
import { demoCountyCodes } from '../src/demo/generate.js';
import type { Database } from '../src/platform/db/database.js';
import type { App } from '../src/platform/http/app-types.js';
import { cleanupAll, onCleanup } from './cleanup.js';
import { ADMIN, DEMO_AS_OF, DEMO_SEED, loadDemo, loadProvince, provinceCacheKey, type Loaded } from './demo-data.js';
import { pgliteHost, postgresHost, type EngineHost, type Raw, type Store } from './engines.js';
import { benchImport, importLines, type ImportResult } from './import.js';
import { intakeLines, intakeLoad, intakeVerdicts, machineLoad, type IntakeResult } from './intake.js';
import { loadTest, LOAD_PATHS, type LoadResult } from './load.js';
import { loadLines, machineLines, sampleLoad } from './machine.js';
import { fillMasses, type Filled, type MassesSize } from './masses-fill.js';
import { massesLines, massesVerdicts, measureMasses, type MassesRow } from './masses.js';
import {
  apiCall, countyScope, homeStatements, provinceComplianceStatements, runStatements, scopeRootsStatement, sessionStatement, signIn, statisticsStatements, subtreeStatement, timeInterleaved,
  wholeDatabaseBreakdownsStatement, wholeDatabaseStatement, type Plan, type Scope, type Statement,
} from './queries.js';
import { startTimes, type StartResult } from './startup.js';
import { median, ms, ratio, seconds, table, type Summary } from './stats.js';

const { values: args } = parseArgs({
  args: process.argv.slice(2),
  options: {
    engines: { type: 'string', default: 'pglite,postgres' },
    'province-counties': { type: 'string', default: '10' },
    'skip-province': { type: 'boolean', default: false },
    runs: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '5' },
    'load-seconds': { type: 'string', default: '8' },
    connections: { type: 'string', default: '10' },
    'start-runs': { type: 'string', default: '3' },
    'skip-import': { type: 'boolean', default: false },
    sections: { type: 'string', default: 'core' },
    'masses-concerns': { type: 'string', default: '1000000' },
    'masses-diaries': { type: 'string', default: '500000' },
    'intake-seconds': { type: 'string', default: '10' },
    'intake-connections': { type: 'string', default: '32' },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});

if (args.help) {
  console.log('npm run bench -- [--engines pglite,postgres] [--province-counties N (default 10, max 100)] [--skip-province] [--runs 30] [--warmup 5] [--load-seconds 8] [--connections 10] [--start-runs 3] [--skip-import]');
  console.log('  [--sections core,masses,intake (default core: sections 1–4; masses: a million concerns on PostgreSQL, its inbox and diary search; intake: the public intake under load)]');
  console.log('  [--masses-concerns 1000000] [--masses-diaries 500000] [--intake-seconds 10] [--intake-connections 32]');
  process.exit(0);
}

function intArg(name: keyof typeof args, min: number, max: number): number {
  const n = Number(args[name]);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be an integer in ${min}..${max}`);
  return n;
}

const engines = String(args.engines).split(',').map((e) => e.trim()).filter(Boolean);
for (const e of engines) if (e !== 'pglite' && e !== 'postgres') throw new Error(`unknown engine ${e}: use pglite, postgres`);
const provinceCounties = intArg('province-counties', 1, 100);
const skipProvince = args['skip-province'] === true;
const plan: Plan = { warmup: intArg('warmup', 0, 100), runs: intArg('runs', 1, 1000), budgetMs: 120_000, minRuns: 10 };
const loadSeconds = intArg('load-seconds', 1, 120);
const connections = intArg('connections', 1, 200);
const startRuns = intArg('start-runs', 1, 20);
const skipImport = args['skip-import'] === true;
const sections = new Set(String(args.sections).split(',').map((x) => x.trim()).filter(Boolean));
for (const x of sections) if (!['core', 'masses', 'intake'].includes(x)) throw new Error(`unknown section ${x}: use core, masses, intake`);
const massesSize: MassesSize = { concerns: intArg('masses-concerns', 1, 10_000_000), diaries: intArg('masses-diaries', 0, 10_000_000) };
const intakeSeconds = intArg('intake-seconds', 1, 60);
const intakeConnections = intArg('intake-connections', 1, 500);

const log = (line: string) => console.error(line);

// ---------------------------------------------------------------------------------------------
// Results

interface QueryRow { engine: string; scale: string; query: string; api: Summary | null; raw: Summary }
interface LoadRow { engine: string; scale: string; result: LoadResult }
interface StartRow { engine: string; fresh: StartResult[]; existing: StartResult[] }
interface BreakdownRow { engine: string; scale: string; statements: Record<string, Summary> }
interface DataRow { engine: string; scale: string; loaded: Loaded | null; reused: boolean; note?: string }

const results = {
  versions: {} as Record<string, string>,
  starts: [] as StartRow[],
  loads: [] as LoadRow[],
  queries: [] as QueryRow[],
  breakdown: [] as BreakdownRow[],
  data: [] as DataRow[],
  notes: [] as string[],
  imports: [] as ImportResult[],
  filled: undefined as Filled | undefined,
  masses: [] as MassesRow[],
  massesLoad: '',
  intakes: [] as IntakeResult[],
};

// ---------------------------------------------------------------------------------------------
// One store: open it in-process, sign in as the county administrator, measure

interface Opened {
  database: Database; app: App; raw: Raw; cookie: string; scope: Scope;
  /** The statements the application sends to answer GET `url`, in order (session lookup included); as the county administrator unless `as` is another session's cookie. */
  capture(url: string, as?: string): Promise<Statement[]>;
  close(): Promise<void>;
}

async function openStore(store: Store, countyCode: string): Promise<Opened> {
  let captured: Statement[] | null = null;
  const database = await store.open((text, params) => captured?.push({ name: `statement ${captured.length + 1}`, text, params }));
  const closeDb = onCleanup(`database ${store.where}`, () => database.close());
  const raw = await store.raw(database);
  const closeRaw = onCleanup(`raw client ${store.where}`, () => raw.close());
  const app = await createApp(database, { web: false, logger: false });
  const closeApp = onCleanup('app', () => app.close());
  const cookie = await signIn(app, ADMIN.username, ADMIN.password);
  const scope = await countyScope(raw, countyCode);
  return {
    database, app, raw, cookie, scope,
    async capture(url, as = cookie) {
      captured = [];
      try {
        await apiCall(app, as, url)();
        return captured;
      } finally {
        captured = null;
      }
    },
    async close() {
      await closeApp();
      await closeRaw();
      await closeDb();
    },
  };
}

/** API and raw SQL must produce the same figures, or the comparison means nothing. */
async function checkSameAnswers(o: Opened): Promise<void> {
  const home = await o.app.inject({ method: 'GET', url: '/api/home', headers: { cookie: o.cookie } });
  const body = home.json() as { members: Record<string, number>; children: { code: string; members: number }[] };
  const statement = (name: string) => homeStatements(o.scope).find((st) => st.name === name)!;
  const run = (name: string) => o.raw.query<Record<string, number | string>>(statement(name).text, statement(name).params);
  const groups = await run('member figures');
  const direct = await run('direct children');
  const subtree = groups.find((g) => g.seq === '*');
  const rawMembers = Object.fromEntries(Object.keys(body.members).map((k) => [k, Number(subtree?.[k] ?? 0)]));
  const rawChildren = direct.map((c) => `${c.code}:${groups.find((g) => g.seq === String(c.seq))?.total ?? 0}`).join();
  const differs = Object.keys(body.members).some((k) => rawMembers[k] !== body.members[k]);
  if (differs || rawChildren !== body.children.map((c) => `${c.code}:${c.members}`).join()) {
    throw new Error(`API and raw SQL disagree (update bench/queries.ts to the SQL of src/modules/home/service.ts): ` +
      `${JSON.stringify(body.members)} vs ${JSON.stringify(rawMembers)}; children ${body.children.length} vs ${direct.length}`);
  }
  const list = await o.app.inject({ method: 'GET', url: '/api/organizations', headers: { cookie: o.cookie } });
  const sub = subtreeStatement(o.scope);
  const rawList = await o.raw.query(sub.text, sub.params);
  const apiList = (list.json() as { items: unknown[] }).items;
  if (apiList?.length !== rawList.length) throw new Error(`subtree: API ${apiList?.length} rows, raw ${rawList.length}`);
}

async function measureQueries(engine: string, scale: string, o: Opened, options: { subtree: boolean; breakdown: boolean }): Promise<void> {
  const session = sessionStatement(o.cookie);
  const roots = scopeRootsStatement(o.scope);
  const home = [session, roots, ...homeStatements(o.scope)];
  const todos = await o.capture('/api/todos');
  const complianceUrl = `/api/compliance?rule=committee_meeting_monthly&from=${DEMO_AS_OF.slice(0, 4)}-01-01&to=${DEMO_AS_OF.slice(0, 4)}-12-31`;
  const matrix = await o.capture(complianceUrl);
  const sub = [session, subtreeStatement(o.scope)];
  const tasks: Record<string, () => Promise<unknown>> = {
    apiHome: apiCall(o.app, o.cookie, '/api/home'),
    rawHome: () => runStatements(o.raw, home),
    apiTodos: apiCall(o.app, o.cookie, '/api/todos'),
    rawTodos: () => runStatements(o.raw, todos),
    apiCompliance: apiCall(o.app, o.cookie, complianceUrl),
    rawCompliance: () => runStatements(o.raw, matrix),
  };
  const stats = [session, roots, ...statisticsStatements(o.scope)];
  tasks.apiStats = apiCall(o.app, o.cookie, '/api/statistics/members');
  tasks.rawStats = () => runStatements(o.raw, stats);
  const past = [session, roots, ...statisticsStatements(o.scope, DEMO_AS_OF)];
  tasks.apiPastStats = apiCall(o.app, o.cookie, `/api/statistics/members?asOf=${DEMO_AS_OF}`);
  tasks.rawPastStats = () => runStatements(o.raw, past);
  if (options.subtree) {
    tasks.apiOrgs = apiCall(o.app, o.cookie, '/api/organizations');
    tasks.rawOrgs = () => runStatements(o.raw, sub);
  }
  const s = await timeInterleaved(tasks, plan);
  results.queries.push({ engine, scale, query: 'home page (GET /api/home)', api: s.apiHome!, raw: s.rawHome! });
  results.queries.push({ engine, scale, query: `to-do list (GET /api/todos, ${todos.length} statements)`, api: s.apiTodos!, raw: s.rawTodos! });
  results.queries.push({ engine, scale, query: 'compliance matrix of the county for a year (GET /api/compliance, committee meetings by month)', api: s.apiCompliance!, raw: s.rawCompliance! });
  results.queries.push({ engine, scale, query: 'member statistics (GET /api/statistics/members)', api: s.apiStats!, raw: s.rawStats! });
  results.queries.push({ engine, scale, query: `member statistics as of a past day (GET /api/statistics/members?asOf=${DEMO_AS_OF})`, api: s.apiPastStats!, raw: s.rawPastStats! });
  if (options.subtree) results.queries.push({ engine, scale, query: 'subtree list (GET /api/organizations)', api: s.apiOrgs!, raw: s.rawOrgs! });
  if (options.breakdown) {
    // The to-do statements after the session lookup, named by their place (their SQL is in the modules' todo.ts).
    const statements = [...home, ...todos.slice(1).map((st, i) => ({ ...st, name: `to-do ${i + 1}` }))];
    const b = await timeInterleaved(Object.fromEntries(statements.map((st) => [st.name, () => o.raw.query(st.text, st.params)])), plan);
    results.breakdown.push({ engine, scale, statements: b });
  }
}

async function analyze(raw: Raw): Promise<void> {
  await raw.query('analyze');
}

// ---------------------------------------------------------------------------------------------
// One engine

async function benchEngine(host: EngineHost): Promise<void> {
  const engine = host.kind === 'pglite' ? 'PGlite' : 'PostgreSQL 15';
  log(`\n== ${host.title}`);

  // The demo county, as `serve --demo-if-empty` would build it (but with a fixed date).
  sampleLoad(`${engine} county load`);
  log('  loading the demo county…');
  const county = await host.newStore('county');
  const dropCounty = onCleanup(`store ${county.where}`, () => county.drop());
  {
    const database = await county.open();
    const raw = await county.raw(database);
    const loaded = await loadDemo(database, 'county', 1, log);
    const [v] = await raw.query<{ version: string }>('select version()');
    results.versions[engine] = v!.version;
    await raw.close();
    await database.close();
    results.data.push({ engine, scale: 'county', loaded, reused: false });
  }

  // 1. Start-up.
  sampleLoad(`${engine} start-up`);
  log(`  start-up: new empty store × ${startRuns} (+1 warm-up)…`);
  const fresh = await startTimes(async (i) => {
    const store = await host.newStore(`start_${i}`);
    return { store, release: onCleanup(`store ${store.where}`, () => store.drop()) };
  }, startRuns, 1);
  log(`  start-up: store with the demo county × ${startRuns} (+1 warm-up)…`);
  const existing = await startTimes(async () => ({ store: county, release: async () => {} }), startRuns, 1);
  results.starts.push({ engine, fresh, existing });

  // 2–3 at county scale.
  sampleLoad(`${engine} county queries`);
  log('  county scale: API vs raw SQL, as loaded (no ANALYZE)…');
  const o = await openStore(county, results.data.at(-1)!.loaded!.firstCountyCode);
  await checkSameAnswers(o);
  if (host.kind === 'postgres') {
    const analyzed = await o.raw.query<{ relname: string }>(
      `select relname from pg_stat_user_tables where relname in ('memberships','people','organizations') and last_autoanalyze is not null`,
    );
    if (analyzed.length > 0) results.notes.push(`PostgreSQL's autovacuum had already analyzed ${analyzed.map((r) => r.relname).join(', ')} before the "as loaded" county run, so that row is not a no-statistics figure.`);
  }
  await measureQueries(engine, 'county, as loaded (no ANALYZE)', o, { subtree: false, breakdown: true });
  await analyze(o.raw);
  log('  county scale: API vs raw SQL, after ANALYZE…');
  await measureQueries(engine, 'county', o, { subtree: true, breakdown: true });
  sampleLoad(`${engine} county load test`);
  log(`  county scale: load test, ${connections} connections × ${loadSeconds} s…`);
  results.loads.push({ engine, scale: 'county', result: await loadTest(o.app, o.cookie, { connections, seconds: loadSeconds }) });
  await o.close();
  await dropCounty();

  if (skipProvince) return;

  // 3 at province scale: the first N counties of the province demo.
  const scale = `province (${provinceCounties} counties)`;
  const key = provinceCacheKey(provinceCounties);
  const cached = await host.cachedStore(key);
  const province = cached?.store ?? (await host.newStore('province'));
  const dropProvince = onCleanup(`store ${province.where}`, () => province.drop());
  if (cached?.reused) {
    log(`  province: reusing cached data directory ${province.where}`);
    results.data.push({ engine, scale, loaded: null, reused: true, note: province.where });
  } else {
    log(`  province: loading ${provinceCounties} counties…`);
    const database = await province.open();
    const closeDb = onCleanup(`database ${province.where}`, () => database.close());
    const raw = await province.raw(database);
    const loaded = await loadProvince(database, raw, provinceCounties, log);
    const t0 = performance.now();
    await analyze(raw);
    loaded.ms += performance.now() - t0;
    await raw.close();
    await closeDb();
    cached?.markComplete();
    results.data.push({ engine, scale, loaded, reused: false, note: cached ? province.where : undefined });
  }
  const p = await openStore(province, demoCountyCodes('province')[0]!);
  // Whatever the cache holds, measure with fresh statistics, like the county.
  await analyze(p.raw);
  await checkSameAnswers(p);
  sampleLoad(`${engine} province queries`);
  log('  province: API vs raw SQL…');
  await measureQueries(engine, scale, p, { subtree: true, breakdown: true });
  const whole = wholeDatabaseStatement();
  const w = await timeInterleaved({ [whole.name]: () => p.raw.query(whole.text) }, { ...plan, runs: Math.min(plan.runs, 10), warmup: 1 });
  results.queries.push({ engine, scale, query: 'member figures of the whole database, scanning memberships (raw SQL only: no API has it)', api: null, raw: w[whole.name]! });
  const tallied = wholeDatabaseBreakdownsStatement();
  const b = await timeInterleaved({ [tallied.name]: () => p.raw.query(tallied.text) }, plan);
  results.queries.push({ engine, scale, query: 'every breakdown of the whole database from the maintained breakdowns (raw SQL only)', api: null, raw: b[tallied.name]! });
  const matrices = await provinceComplianceStatements(p.raw, DEMO_AS_OF.slice(0, 4));
  const c = await timeInterleaved({ province: () => runStatements(p.raw, matrices) }, { ...plan, runs: Math.min(plan.runs, 10), warmup: 1 });
  results.queries.push({ engine, scale, query: `compliance of every county for a year (committee meetings by month: subjects and subjects done per county and month, one statement without JIT or parallel workers, raw SQL only)`, api: null, raw: c.province! });
  sampleLoad(`${engine} province load test`);
  log(`  province: load test, ${connections} connections × ${loadSeconds} s…`);
  results.loads.push({ engine, scale, result: await loadTest(p.app, p.cookie, { connections, seconds: loadSeconds }) });
  await p.close();
  await dropProvince();
}

// ---------------------------------------------------------------------------------------------
// Contact with the masses (issue 5 §13): the inbox and diary search at scale, the public intake under load

async function benchContact(host: EngineHost): Promise<void> {
  const engine = host.kind === 'pglite' ? 'PGlite' : 'PostgreSQL 15';
  const masses = sections.has('masses') && host.kind === 'postgres';
  if (!masses && !sections.has('intake')) return;
  log(`\n== ${host.title}: contact with the masses`);
  const store = await host.newStore('masses');
  const dropStore = onCleanup(`store ${store.where}`, () => store.drop());
  {
    const database = await store.open();
    const closeDb = onCleanup(`database ${store.where}`, () => database.close());
    const raw = await store.raw(database);
    const closeRaw = onCleanup(`raw client ${store.where}`, () => raw.close());
    // Closed here even on a failure: main() stops the PostgreSQL server before the pending cleanups run.
    try {
      log('  loading the demo county…');
      const loaded = await loadDemo(database, 'county', 1, log);
      results.data.push({ engine, scale: masses ? 'county, grown to a million concerns (section 5)' : 'county (section 6)', loaded, reused: false });
      if (masses) {
        const [county] = await raw.query<{ id: string }>('select id from counties where code = $1', [loaded.firstCountyCode]);
        sampleLoad(`${engine} masses fill`);
        log(`  growing it to ${massesSize.concerns.toLocaleString('en')} concerns and ${massesSize.diaries.toLocaleString('en')} diaries…`);
        results.filled = await fillMasses(raw, county!.id, massesSize, log);
      } else {
        await analyze(raw);
      }
    } finally {
      await closeRaw();
      await closeDb();
    }
  }
  const o = await openStore(store, results.data.at(-1)!.loaded!.firstCountyCode);
  // Closed here even on a failure: main() stops the PostgreSQL server before the pending cleanups run.
  try {
    if (masses) {
      sampleLoad(`${engine} masses queries`);
      results.massesLoad = machineLoad();
      log(`  inbox, timeline and diary search (${results.massesLoad})…`);
      results.masses = await measureMasses(o, plan, log);
    }
    if (sections.has('intake')) {
      sampleLoad(`${engine} intake`);
      log(`  public intake: ${intakeConnections} connections × ${intakeSeconds} s…`);
      results.intakes.push(await intakeLoad(o.app, o.raw, o.scope.countyId, engine, host.kind, { connections: intakeConnections, seconds: intakeSeconds }));
    }
  } finally {
    await o.close();
  }
  await dropStore();
}

// ---------------------------------------------------------------------------------------------
// Report

function report(): string {
  const out: string[] = [];
  const started = (rs: StartResult[]) => median(rs.map((r) => r.ms));
  out.push('# Grassroots benchmark', '');
  out.push(...machineLines(results.versions), ...loadLines());
  out.push(
    `- Data: the project's demo generator, seed ${DEMO_SEED}, as of ${DEMO_AS_OF}, loaded with loadDemoCounty into each engine (identical rows; only the random UUIDs differ).`,
    `  County scale = the demo county. Province scale = ${provinceCounties} counties of ~50,000 members each: the first county of \`generateCounties({scale:'province'})\`, ` +
      `loaded, and copies of its rows for the others (bench/clone-county.ts; default 10 counties ≈ 500k members; the full province is 100 counties ≈ 5M: \`--province-counties 100\`).`,
    '- Both engines run with fsync off (PGlite\'s default; the throwaway PostgreSQL is started with fsync=off, synchronous_commit=off).',
    '',
  );

  out.push('## Data loaded', '');
  out.push(table(['Engine', 'Scale', 'Counties', 'Organizations', 'Members (full + probationary)', 'People', 'Load time'], results.data.map((d) => d.loaded
    ? [d.engine, d.scale, String(d.loaded.counties), d.loaded.organizations.toLocaleString('en'), d.loaded.members.toLocaleString('en'), d.loaded.people.toLocaleString('en'),
      seconds(d.loaded.ms) + (d.scale === 'county' ? '' : ' (incl. ANALYZE)') + (d.note ? `; cached in ${d.note}` : '')]
    : [d.engine, d.scale, '', '', '', '', `reused cached directory ${d.note}`])));
  out.push('');

  out.push(`## 1. Start-up: spawn \`node --import tsx src/cli/main.ts serve\` → first 200 from /api/health (median of ${startRuns}, after 1 discarded warm-up)`, '');
  out.push(table(
    ['Engine', 'New empty store (migrations only)', 'Store holding the demo county', 'of which the server reports (open + migrate + app)', 'all runs, existing'],
    results.starts.map((s) => [
      s.engine + (s.engine === 'PGlite' ? ' (`--data DIR`)' : ' (`DATABASE_URL`, new database per run)'),
      seconds(started(s.fresh)),
      seconds(started(s.existing)),
      seconds(median(s.existing.map((r) => r.reportedMs ?? NaN))),
      s.existing.map((r) => seconds(r.ms)).join(', '),
    ]),
  ));
  out.push('');

  out.push(`## 2. Event-loop stalls under load: ${connections} connections, ${loadSeconds} s, ${LOAD_PATHS.join(' + ')} (1:1) as the county administrator`, '');
  out.push('Server in this process (createApp + listen on 127.0.0.1); autocannon in a separate process; `monitorEventLoopDelay` (10 ms resolution) while it runs.', '');
  out.push(table(
    ['Engine', 'Scale', 'req/s', 'latency p50', 'latency p99', 'latency max', 'loop delay p99', 'loop delay max', 'stall > 100 ms?', 'errors / non-2xx'],
    results.loads.map((l) => [
      l.engine, l.scale, l.result.reqPerSec.toFixed(0), `${ms(l.result.p50)} ms`, `${ms(l.result.p99)} ms`, `${ms(l.result.max)} ms`,
      `${ms(l.result.loopP99)} ms`, `${ms(l.result.loopMax)} ms`, l.result.loopMax > 100 ? '**yes**' : 'no',
      `${l.result.errors + l.result.timeouts} / ${l.result.non2xx}`,
    ]),
  ));
  out.push('');

  out.push(`## 3. API vs raw SQL (ms; median and p95 of up to ${plan.runs} runs after ${plan.warmup} warm-up runs, interleaved; fewer when one run takes seconds, see "runs")`, '');
  out.push('API = `app.inject` with the session cookie (routing, session lookup, scope, every query of the handler, JSON). Raw = every SQL statement the API runs for the request (session, scope, figures, to-dos) sent straight through `pglite.query` or a `pg` client.', '');
  out.push(table(
    ['Engine', 'Scale', 'Query', 'API p50', 'API p95', 'Raw p50', 'Raw p95', 'API/raw (p50)', 'runs'],
    results.queries.map((q) => [
      q.engine, q.scale, q.query, q.api ? ms(q.api.median) : '–', q.api ? ms(q.api.p95) : '–', ms(q.raw.median), ms(q.raw.p95),
      q.api ? ratio(q.api.median, q.raw.median) : '–', String(q.api?.n ?? q.raw.n),
    ]),
  ));
  out.push('');
  if (results.breakdown.length > 0) {
    const names = Object.keys(results.breakdown[0]!.statements);
    out.push('### 3b. Each statement behind /api/home, raw (median / p95 ms)', '');
    out.push(table(['Engine', 'Scale', ...names], results.breakdown.map((b) => [
      b.engine, b.scale, ...names.map((n) => `${ms(b.statements[n]!.median)} / ${ms(b.statements[n]!.p95)}`),
    ])));
    out.push('');
  }
  out.push(...importLines(results.imports));
  out.push(...massesLines(results.filled, results.masses, results.massesLoad));
  out.push(...intakeLines(results.intakes));
  for (const note of results.notes) out.push(`Note: ${note}`, '');

  out.push('## Verdicts', '');
  const verdict = (ok: boolean, text: string) => out.push(`- ${ok ? 'MET' : '**NOT MET**'}: ${text}`);
  for (const s of results.starts) {
    const v = started(s.existing);
    verdict(v <= 2000, `${s.engine} start-up on an existing store ≤ 2 s: ${seconds(v)} (new empty store: ${seconds(started(s.fresh))})`);
  }
  for (const l of results.loads.filter((x) => x.scale === 'county')) {
    const v = l.result.loopMax;
    verdict(v <= 100, `${l.engine} max event-loop stall ≤ 100 ms at county scale under load: ${ms(v)} ms (p99 ${ms(l.result.loopP99)} ms)` +
      (l.engine === 'PGlite' && v > 100 ? ' → per the issue, the embedded database must move off the main thread' : ''));
  }
  for (const l of results.loads.filter((x) => x.scale !== 'county')) {
    out.push(`- (info) ${l.engine} max event-loop stall at ${l.scale}: ${ms(l.result.loopMax)} ms`);
  }
  const homeRows = results.queries.filter((q) => q.query.startsWith('home page') && q.api);
  const pgliteHome = homeRows.find((q) => q.engine === 'PGlite' && q.scale === 'county');
  if (pgliteHome) {
    const asLoaded = homeRows.find((q) => q.engine === 'PGlite' && q.scale.startsWith('county, as loaded'));
    verdict(pgliteHome.api!.median <= 30, `PGlite home-page API on the demo county p50 ≤ 30 ms: ${ms(pgliteHome.api!.median)} ms` +
      (asLoaded ? ` (${ms(asLoaded.api!.median)} ms as the demo load leaves it, without ANALYZE)` : ''));
  }
  for (const q of homeRows.filter((x) => x.scale === 'county')) {
    verdict(q.api!.median <= 2 * q.raw.median, `${q.engine} home-page API ≤ 2× raw SQL on the demo county: ${ratio(q.api!.median, q.raw.median)} (${ms(q.api!.median)} vs ${ms(q.raw.median)} ms)`);
  }
  // The home page asks for its figures and the to-do list at once; the list has no target of its own.
  for (const q of results.queries.filter((x) => x.query.startsWith('to-do list') && x.scale === 'county')) {
    out.push(`- (info) ${q.engine} to-do list of the county administrator, asked beside the home page: p50 ${ms(q.api!.median)} ms, ${ratio(q.api!.median, q.raw.median)} raw`);
  }
  const statsRows = results.queries.filter((q) => q.query.startsWith('member statistics') && q.api);
  const pgliteStats = statsRows.find((q) => q.engine === 'PGlite' && q.scale === 'county');
  if (pgliteStats) verdict(pgliteStats.api!.median <= 50, `PGlite member statistics of the demo county p50 ≤ 50 ms: ${ms(pgliteStats.api!.median)} ms (${ratio(pgliteStats.api!.median, pgliteStats.raw.median)} raw)`);
  for (const q of results.queries.filter((x) => x.query.startsWith('compliance matrix') && x.api)) {
    const limit = q.engine === 'PGlite' ? 200 : 2000;
    if (q.scale === 'county' || (q.scale.startsWith('province') && q.engine.startsWith('PostgreSQL'))) {
      verdict(q.api!.median <= limit, `${q.engine} compliance matrix for a year, ${q.scale} database: p50 ${ms(q.api!.median)} ms ≤ ${limit} ms (${ratio(q.api!.median, q.raw.median)} raw)`);
    }
  }
  // The platform's largest subtree is a county (the tenant); a province-scale deployment is many of them.
  for (const q of statsRows.filter((x) => x.scale.startsWith('province') && !x.query.includes('past day'))) {
    const members = results.data.find((d) => d.engine === q.engine && d.scale === q.scale)?.loaded?.members;
    const text = `${q.engine} member statistics of one county in the ${q.scale} database: p50 ${ms(q.api!.median)} ms, ${ratio(q.api!.median, q.raw.median)} raw`;
    if (q.engine.startsWith('PostgreSQL') && provinceCounties === 100) verdict(q.api!.median <= 200, `${text} (≤ 200 ms in a province of 5 million members)`);
    else out.push(`- (info) ${text}${members ? ` (${members.toLocaleString('en')} members loaded)` : ''}`);
  }
  for (const q of homeRows.filter((x) => x.scale.startsWith('province'))) {
    out.push(`- (info) ${q.engine} home-page API for one county in the ${q.scale} database: p50 ${ms(q.api!.median)} ms, ${ratio(q.api!.median, q.raw.median)} raw`);
  }
  out.push(...massesVerdicts(results.masses, results.filled), ...intakeVerdicts(results.intakes));
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = performance.now();
  for (const e of engines) {
    // One engine failing (or the machine killing its server) still leaves the other's figures.
    let host: EngineHost | undefined;
    try {
      host = e === 'pglite' ? pgliteHost() : await postgresHost();
      if (sections.has('core')) {
        await benchEngine(host);
        if (!skipImport) results.imports.push(...(await benchImport(host, log)));
      }
      await benchContact(host);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(error);
      if (host) console.error(await host.diagnostics());
      results.notes.push(`**${e} run failed** (results above for it are partial): ${message.split('\n')[0]}`);
    } finally {
      await host?.stop();
      await cleanupAll();
    }
  }
  log(`\nbenchmark finished in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  console.log(report());
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanupAll();
}
