/**
 * Importing 100,000 members with the real command, as an operator runs it: `grassroots import
 * members FILE --commit` in a child process on a fresh store that holds the county's organizations.
 * Wall time and peak resident memory are those of that child (GNU time), which on PGlite includes
 * the embedded engine's worker thread; a PostgreSQL server's own memory is not in the figure.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { generateCounty, type DemoOrg, type DemoPerson } from '../src/demo/generate.js';
import { memberColumns } from '../src/modules/members/import-rows.js';
import { MEMBER_IMPORT_MAX_ROWS } from '../src/modules/members/import.js';
import { educationCodes } from '../src/modules/members/rules/education.js';
import { ethnicityByCode } from '../src/modules/members/rules/ethnicity.js';
import { occupationLabels } from '../src/modules/members/rules/occupation.js';
import { memberCategoryLabels } from '../src/modules/members/rules/pipeline.js';
import { orgTypeLabels, unitTypeLabels } from '../src/modules/organizations/rules.js';
import { encodeCsv } from '../src/platform/files/table-file.js';
import { packageRoot } from '../src/platform/paths.js';
import { DEMO_AS_OF, DEMO_SEED } from './demo-data.js';
import { benchTemp, type EngineHost, type Store } from './engines.js';
import { seconds, table } from './stats.js';

const run = promisify(execFile);
const COUNTY = '530522';
const TIME = '/usr/bin/time';
const LIMIT_MS = 60_000;
const LIMIT_KB = 1024 * 1024;

export interface ImportResult {
  engine: string;
  format: string;
  rows: number;
  bytes: number;
  wallMs: number;
  /** Peak resident set of the child process in KiB; null without GNU time. */
  maxRssKb: number | null;
}

interface Files { orgs: string[]; members: { format: string; path: string }[]; rows: number }

/** Audit events of one write go to the database in one statement, whose parameters cap a file's organizations. */
const ORGS_PER_FILE = 2000;

let prepared: Files | undefined;

/** The county's organizations as import files, and its first 100,000 people with a membership as an XLSX and a GB18030 CSV. */
async function prepareFiles(log: (line: string) => void): Promise<Files> {
  if (prepared) return prepared;
  log(`  import: generating a county of ${MEMBER_IMPORT_MAX_ROWS.toLocaleString('en')} members…`);
  const county = generateCounty({ seed: DEMO_SEED, code: COUNTY, asOf: DEMO_AS_OF, memberTarget: MEMBER_IMPORT_MAX_ROWS });
  const dir = benchTemp();
  // Parents before children, so that each file's parents are in it or in an earlier one.
  const byCode = new Map(county.orgs.map((o) => [o.code, o]));
  const depth = new Map<string, number>([[COUNTY, 0]]);
  const depthOf = (o: DemoOrg): number => depth.get(o.code) ?? depth.set(o.code, 1 + depthOf(byCode.get(o.parentCode!)!)).get(o.code)!;
  const ordered = county.orgs.filter((o) => o.parentCode).sort((a, b) => depthOf(a) - depthOf(b));
  const orgs: string[] = [];
  for (let i = 0; i < ordered.length; i += ORGS_PER_FILE) {
    const file = join(dir, `orgs-${orgs.length + 1}.csv`);
    writeFileSync(file, encodeCsv(['组织编码', '组织名称', '上级组织编码', '组织类型', '单位类型', '行政区划代码'], ordered.slice(i, i + ORGS_PER_FILE).map((o) => [
      o.code, o.name, o.parentCode === COUNTY ? '' : o.parentCode!, orgTypeLabels[o.type].zh, o.unitType ? unitTypeLabels[o.unitType].zh : '', o.divisionCode ?? '',
    ]), 'utf-8'));
    orgs.push(file);
  }

  const people = county.people.filter((p) => p.membership).slice(0, MEMBER_IMPORT_MAX_ROWS);
  const headers = Object.values(memberColumns);
  const csv = join(dir, 'members-gb18030.csv');
  writeFileSync(csv, encodeCsv(headers, people.map(memberCells), 'gb18030'));
  const xlsx = join(dir, 'members.xlsx');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useSharedStrings: true });
  const sheet = workbook.addWorksheet('党员');
  sheet.addRow(headers).commit();
  // Birth dates as Excel dates, the rest as text: how registers kept in Excel usually look.
  for (const person of people) {
    const cells: (string | Date)[] = memberCells(person);
    cells[3] = new Date(`${person.birthDate}T00:00:00Z`);
    sheet.addRow(cells).commit();
  }
  sheet.commit();
  await workbook.commit();
  prepared = { orgs, rows: people.length, members: [{ format: 'xlsx', path: xlsx }, { format: 'csv (GB18030)', path: csv }] };
  return prepared;
}

function memberCells(p: DemoPerson): string[] {
  const m = p.membership!;
  return [
    p.name, p.gender === '1' ? '男' : '女', ethnicityByCode(p.ethnicity)?.zh ?? p.ethnicity, p.birthDate, p.idNumber, educationCodes[p.education] ?? p.education,
    memberCategoryLabels[m.category].zh, p.orgCode, m.appliedOn ?? '', m.joinedOn ?? '', m.fullOn ?? '', m.mobile ? '是' : '否',
    occupationLabels[p.occupation].zh, p.phone ?? '',
  ];
}

/** Runs the built CLI (as `npm run bench` leaves it) on a store; fails on a non-zero exit. */
async function cli(store: Store, args: string[], timed?: string): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, GRASSROOTS_LANG: 'en' };
  for (const [k, v] of Object.entries(store.serve.env)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const command = [process.execPath, 'bin/grassroots.js', ...args, ...store.serve.args];
  const [file, ...rest] = timed ? [TIME, '-f', '%e %M', '-o', timed, ...command] : command;
  try {
    const { stdout } = await run(file!, rest, { cwd: packageRoot(), env, maxBuffer: 256 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`grassroots ${args.join(' ')} failed: ${e.message}\n${e.stdout?.slice(-2000) ?? ''}\n${e.stderr?.slice(-2000) ?? ''}`);
  }
}

async function hasGnuTime(): Promise<boolean> {
  try {
    await run(TIME, ['-f', '%M', 'true']);
    return true;
  } catch {
    return false;
  }
}

/** Each file imported with --commit into its own fresh store of the engine. */
export async function benchImport(host: EngineHost, log: (line: string) => void): Promise<ImportResult[]> {
  const engine = host.kind === 'pglite' ? 'PGlite' : 'PostgreSQL 15';
  const files = await prepareFiles(log);
  const gnuTime = await hasGnuTime();
  const results: ImportResult[] = [];
  for (const [i, file] of files.members.entries()) {
    const store = await host.newStore(`import_${i}`);
    try {
      await cli(store, ['init', '--county-code', COUNTY, '--county-name', '基准县']);
      for (const orgs of files.orgs) await cli(store, ['import', 'orgs', orgs, '--commit']);
      log(`  import: ${engine}, ${files.rows.toLocaleString('en')} rows of ${file.format}…`);
      const timing = join(benchTemp(), `time-${host.kind}-${i}.txt`);
      const started = performance.now();
      const out = await cli(store, ['import', 'members', file.path, '--commit'], gnuTime ? timing : undefined);
      const wallMs = performance.now() - started;
      if (!out.includes(`Imported ${files.rows} rows.`)) throw new Error(`the import did not report ${files.rows} rows:\n${out.slice(-2000)}`);
      const database = await store.open();
      const raw = await store.raw(database);
      const [{ n } = { n: 0 }] = await raw.query<{ n: number }>('select count(*)::int as n from memberships');
      await raw.close();
      await database.close();
      if (n !== files.rows) throw new Error(`${n} memberships after importing ${files.rows} rows`);
      const maxRssKb = gnuTime ? Number(readFileSync(timing, 'utf8').trim().split(/\s+/).at(-1)) : null;
      results.push({ engine, format: file.format, rows: files.rows, bytes: readFileSync(file.path).length, wallMs, maxRssKb });
      log(`    ${seconds(wallMs)}, peak RSS ${maxRssKb === null ? '?' : `${(maxRssKb / 1024).toFixed(0)} MiB`}`);
    } finally {
      await store.drop();
    }
  }
  return results;
}

/** The report's section and verdicts. */
export function importLines(results: ImportResult[]): string[] {
  if (results.length === 0) return [];
  const mib = (kb: number | null) => (kb === null ? '– (no GNU time)' : `${(kb / 1024).toFixed(0)} MiB`);
  return [
    `## 4. Member import: \`grassroots import members FILE --commit\`, ${results[0]!.rows.toLocaleString('en')} rows, child process on a fresh store holding the county's organizations`, '',
    'Wall time from spawn to exit, and peak RSS of the child (`/usr/bin/time -f %M`): on PGlite the embedded engine runs in a worker thread of that process and is included; on PostgreSQL the server\'s memory is not.', '',
    table(['Engine', 'File', 'Size', 'Wall time', 'Peak RSS'], results.map((r) => [
      r.engine, r.format, `${(r.bytes / 2 ** 20).toFixed(1)} MiB`, seconds(r.wallMs), mib(r.maxRssKb),
    ])),
    '',
    ...results.map((r) => `- ${r.wallMs <= LIMIT_MS && r.maxRssKb !== null && r.maxRssKb < LIMIT_KB ? 'MET' : '**NOT MET**'}: ${r.engine} import of ${r.rows.toLocaleString('en')} members from ${r.format} ≤ 60 s with peak memory < 1 GiB: ${seconds(r.wallMs)}, ${mib(r.maxRssKb)}`),
    '',
  ];
}
