// End-to-end: the operator's commands (init, user add, audit verify, serve, backup/restore, demo)
// run as child processes on embedded data directories and on a PostgreSQL server.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { encodeCsv } from '../../src/platform/files/table-file.js';
import { lockDataDir } from '../../src/platform/db/lock.js';
import { copyDataDir, freePort, killLeftovers, runCli, shown, startServe, tempDirs, type CliResult, type ServeProcess } from '../support/cli.js';

const TAMPER = `ALTER TABLE audit_events DISABLE TRIGGER USER;
UPDATE audit_events SET action = 'x' WHERE seq = 2;
ALTER TABLE audit_events ENABLE TRIGGER USER;`;
const DEMO_USERS = ['county', 'township', 'secretary', 'cadre', 'member'];

const expectExit = (r: CliResult, code: number) => expect(r.code, shown(r)).toBe(code);

/** Opens an embedded data dir in this process, holding the app's own lock so no CLI can open it meanwhile. */
async function withPglite<T>(dataDir: string, fn: (db: PGlite) => Promise<T>): Promise<T> {
  const release = lockDataDir(dataDir); // throws if a grassroots process still has it open
  try {
    const db = new PGlite(join(dataDir, 'pgdata'));
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  } finally {
    release();
  }
}

/** Runs `fn` on a fresh database of the throwaway PostgreSQL server, dropped afterwards. */
async function withServerDatabase(fn: (url: string) => Promise<void>): Promise<void> {
  const serverUrl = inject('pgUrl');
  const name = `cli_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
    await fn(serverUrl.replace(/\/[^/]*$/, `/${name}`));
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function signIn(url: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('gr_session='));
  expect(cookie).toBeDefined();
  return cookie!.split(';')[0]!;
}

describe('grassroots operations', () => {
  const dirs = tempDirs('grassroots-ops-');
  /** Data dir with county 530522, township 530522101 (imported) and user u1; never modified after setup. */
  let base: string;
  let userAdd: CliResult;
  const servers: ServeProcess[] = [];
  const clone = () => {
    const dir = dirs.make();
    copyDataDir(base, dir);
    return dir;
  };
  const serve = async (dataDir: string, extra: string[] = []) => {
    const port = await freePort();
    const server = await startServe(['--data', dataDir, '--port', String(port), ...extra], { timeoutMs: 240_000 });
    servers.push(server);
    expect(server.url).toBe(`http://127.0.0.1:${port}`);
    return server;
  };

  beforeAll(async () => {
    base = dirs.make();
    const init = await runCli(['init', '--county-code', '530522', '--county-name', '测试县', '--data', base]);
    expectExit(init, 0);
    const csv = join(dirs.make(), 'townships.csv');
    writeFileSync(csv, encodeCsv(['组织编码', '组织名称', '上级组织编码', '组织类型', '单位类型'], [
      ['530522101', '和顺镇党委', '', '党委', '乡镇'],
      ['530522101001', '马家村党支部', '530522101', '党支部', '行政村'],
    ], 'utf-8'));
    const imported = await runCli(['import', 'orgs', csv, '--commit', '--data', base]);
    expectExit(imported, 0);
    userAdd = await runCli(['user', 'add', '--username', 'u1', '--password', 'Passw0rd1', '--role', 'township_admin', '--org', '530522101', '--name', '张三', '--data', base]);
  }, 240_000);
  afterEach(() => {
    for (const server of servers.splice(0)) server.kill();
    killLeftovers();
  });
  afterAll(() => {
    killLeftovers();
    dirs.cleanup();
  });

  it('user add: creates an account; refuses a taken username, a weak password, an unknown role and an unknown organization', async () => {
    expectExit(userAdd, 0);
    expect(userAdd.stdout).toContain('已创建账号 u1。');

    const dir = clone();
    const add = (username: string, password: string, role: string, org: string) =>
      runCli(['user', 'add', '--username', username, '--password', password, '--role', role, '--org', org, '--data', dir]);

    const taken = await add('u1', 'Passw0rd2', 'cadre', '530522101');
    expectExit(taken, 1);
    expect(taken.stderr).toContain('用户名“u1”已被使用');

    // An unknown role is a usage error, found before the database is opened: it may run alongside.
    const [weak, role] = await Promise.all([add('u2', 'password', 'cadre', '530522101'), add('u3', 'Passw0rd1', 'chief', '530522101')]);
    expectExit(weak, 1);
    expect(weak.stderr).toContain('至少 8 位，且须同时包含字母和数字');
    expectExit(role, 2);
    expect(role.stderr).toContain('未知角色 chief，可选：county_admin, township_admin, branch_secretary, cadre, member');

    const org = await add('u2', 'Passw0rd1', 'cadre', '530522999');
    expectExit(org, 1);
    expect(org.stderr).toContain('党组织“530522999”不存在');

    // None of the refused accounts was created.
    const users = await withPglite(dir, async (db) => (await db.query<{ username: string }>('select username from users order by username')).rows);
    expect(users.map((u) => u.username)).toEqual(['u1']);
  }, 600_000);

  it('audit verify: passes on an intact chain; after tampering names the county and the event; the table is append-only', async () => {
    const dir = clone();
    const intact = await runCli(['audit', 'verify', '--data', dir]);
    expectExit(intact, 0);
    // init, the import of two organizations and the new user are all on the chain.
    expect(intact.stdout).toMatch(/审计链完整：1 个县，([3-9]|\d\d+) 条事件。/);

    await withPglite(dir, async (db) => {
      await expect(db.query(`UPDATE audit_events SET action = 'x' WHERE seq = 2`)).rejects.toThrow(/append-only/);
      await expect(db.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
      await expect(db.query('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
      await db.exec(TAMPER);
      expect((await db.query<{ action: string }>('select action from audit_events where seq = 2')).rows).toEqual([{ action: 'x' }]);
    });

    const broken = await runCli(['audit', 'verify', '--data', dir]);
    expectExit(broken, 1);
    expect(broken.stderr).toContain('审计链已断裂：县 530522 第 2 条事件');
    expect(broken.stderr).toContain('此前 1 条事件校验通过');
  }, 600_000);

  it('on PostgreSQL (DATABASE_URL): init, user add, audit verify, tamper detection, append-only; backup refused', async () => {
    await withServerDatabase(async (url) => {
      const env = { DATABASE_URL: url };
      const noData = dirs.make(); // --data is ignored when DATABASE_URL is set: nothing may appear here
      const init = await runCli(['init', '--county-code', '530523', '--county-name', '华宁县', '--data', noData], { env });
      expectExit(init, 0);
      expect(init.stdout).toContain('已创建 华宁县（530523）');
      const add = await runCli(['user', 'add', '--username', 'admin1', '--password', 'Passw0rd1', '--role', 'county_admin', '--org', '530523'], { env });
      expectExit(add, 0);

      const [intact, backup] = await Promise.all([
        runCli(['audit', 'verify'], { env }),
        runCli(['backup', join(noData, 'x.tar.gz'), '--data', noData], { env }),
      ]);
      expectExit(intact, 0);
      expect(intact.stdout).toMatch(/审计链完整：1 个县，2 条事件。/);
      expectExit(backup, 2);
      expect(backup.stderr).toContain('pg_dump');
      expect(existsSync(join(noData, 'x.tar.gz'))).toBe(false);
      expect(existsSync(join(noData, 'pgdata'))).toBe(false);

      const db = new pg.Client({ connectionString: url });
      await db.connect();
      try {
        expect((await db.query('select username from users')).rows).toEqual([{ username: 'admin1' }]);
        await expect(db.query(`UPDATE audit_events SET action = 'x' WHERE seq = 2`)).rejects.toThrow(/append-only/);
        await expect(db.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
        await db.query(TAMPER);
      } finally {
        await db.end();
      }
      const broken = await runCli(['audit', 'verify'], { env });
      expectExit(broken, 1);
      expect(broken.stderr).toContain('审计链已断裂：县 530523 第 2 条事件');
    });
  }, 600_000);

  it('serve holds the data dir: a second command is refused until it stops; SIGTERM shuts down cleanly and keeps the writes', async () => {
    const dir = clone();
    const server = await serve(dir);
    expect(readFileSync(join(dir, 'grassroots.lock'), 'utf8').trim()).toBe(String(server.pid));

    // Another data dir on the taken port: refused, and that dir is closed and released again.
    const other = clone();
    const port = new URL(server.url).port;
    const [refused, portTaken] = await Promise.all([
      runCli(['audit', 'verify', '--data', dir]),
      runCli(['serve', '--data', other, '--port', port]),
    ]);
    expectExit(refused, 1);
    expect(refused.stderr).toContain(`正被另一个进程（PID ${server.pid}）使用`);
    expectExit(portTaken, 2);
    expect(portTaken.stderr).toContain(`端口 ${port} 已被占用`);
    expect(existsSync(join(other, 'grassroots.lock'))).toBe(false);

    const cookie = await signIn(server.url, 'u1', 'Passw0rd1');
    const created = await fetch(`${server.url}/api/organizations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ code: '530522101009', name: '和平村党支部', type: 'branch', parentCode: '530522101', unitType: 'village' }),
    });
    expect(created.status, await created.clone().text()).toBe(201);

    const stopped = await server.stop('SIGTERM');
    expectExit(stopped, 0);
    expect(stopped.stdout).toContain('收到 SIGTERM，正在关闭');
    expect(existsSync(join(dir, 'grassroots.lock'))).toBe(false);

    const verify = await runCli(['audit', 'verify', '--data', dir]);
    expectExit(verify, 0);
    expect(verify.stdout).toContain('审计链完整');

    // The organization and the session survived the restart.
    const again = await serve(dir);
    const found = await fetch(`${again.url}/api/organizations/530522101009`, { headers: { cookie } });
    expect(found.status, await found.clone().text()).toBe(200);
    expect(await found.json()).toMatchObject({ code: '530522101009', name: '和平村党支部', parentCode: '530522101', type: 'branch' });
    expectExit(await again.stop('SIGINT'), 0);
  }, 600_000);

  it('backup and restore: the copy holds the same data and an intact chain; a non-empty target needs --force', async () => {
    const dir = clone();
    const out = dirs.make();
    const file = join(out, 'grassroots-backup.tar.gz');
    const backup = await runCli(['backup', file, '--data', dir]);
    expectExit(backup, 0);
    expect(backup.stdout).toContain(`已备份到 ${file}`);
    expect(existsSync(`${file}.part`)).toBe(false);

    const target = join(out, 'restored'); // does not exist yet
    const restored = await runCli(['restore', file, '--data', target]);
    expectExit(restored, 0);
    expect(restored.stdout).toContain(`已从 ${file} 恢复到 ${target}`);

    const snapshot = (dataDir: string) => withPglite(dataDir, async (db) => {
      const tables = (await db.query<{ tablename: string }>(`select tablename from pg_tables where schemaname = 'public' order by tablename`)).rows;
      const counts: Record<string, number> = {};
      for (const { tablename } of tables) {
        counts[tablename] = (await db.query<{ n: number }>(`select count(*)::int as n from "${tablename}"`)).rows[0]!.n;
      }
      const orgs = (await db.query('select code, name, path from organizations order by code')).rows;
      const chain = (await db.query('select seq, action, hash from audit_events order by county_id, seq')).rows;
      const scratch = tables.some((t) => t.tablename === 'scratch');
      return { counts, orgs, chain, scratch };
    });
    const original = await snapshot(dir);
    expect(original.counts).toMatchObject({ organizations: 3, users: 1, people: 1, posts: 1 });
    expect(original.counts.audit_events).toBeGreaterThanOrEqual(3);
    expect(await snapshot(target)).toEqual(original);

    const verify = await runCli(['audit', 'verify', '--data', target]);
    expectExit(verify, 0);
    expect(verify.stdout).toContain(`审计链完整：1 个县，${original.counts.audit_events} 条事件。`);

    // Make the target differ, so that a replacement shows.
    await withPglite(target, (db) => db.exec('create table scratch (x int)'));
    const refused = await runCli(['restore', file, '--data', target]);
    expectExit(refused, 2);
    expect(refused.stderr).toContain(`数据目录 ${target} 已有数据；确认覆盖请加 --force`);
    expect((await snapshot(target)).scratch).toBe(true);

    const forced = await runCli(['restore', file, '--data', target, '--force']);
    expectExit(forced, 0);
    expect(await snapshot(target)).toEqual(original);
    expect(existsSync(join(target, 'pgdata.restoring'))).toBe(false);
  }, 600_000);

  // The embedded engine builds the demo in the serve test below; this one builds it on the server engine.
  it('demo builds a county on PostgreSQL with five sign-ins and an intact audit chain, and refuses to run twice', async () => {
    await withServerDatabase(async (url) => {
      const env = { DATABASE_URL: url };
      const demo = await runCli(['demo'], { env, timeoutMs: 240_000 });
      expectExit(demo, 0);
      expect(demo.stdout).toContain('演示账号：');
      for (const user of DEMO_USERS) expect(demo.stdout).toMatch(new RegExp(`^ +${user} +Demo2026 +\\S`, 'm'));

      const verify = await runCli(['audit', 'verify'], { env });
      expectExit(verify, 0);
      expect(verify.stdout).toMatch(/审计链完整：1 个县，\d+ 条事件。/);

      // The demo's year of meetings, through the compliance command: the rules in force, the county's own
      // weekly ones included, and per branch and month a count and a status that agree with each other.
      const rules = await runCli(['compliance', 'rules', '--format', 'json'], { env });
      expectExit(rules, 0);
      const ruleList = JSON.parse(rules.stdout) as { id: string; eventKind: string; subjectType: string; period: string; min: number }[];
      expect(ruleList).toContainEqual(expect.objectContaining({ id: 'committee_meeting_monthly', eventKind: 'committee_meeting', subjectType: 'branch', period: 'month', min: 1 }));
      expect(ruleList).toContainEqual(expect.objectContaining({ id: 'monday_meeting_weekly', subjectType: 'township_committee', period: 'week' }));
      const matrix = await runCli(['compliance', '--org', '530522', '--rule', 'committee_meeting_monthly', '--format', 'json'], { env });
      expectExit(matrix, 0);
      const { items } = JSON.parse(matrix.stdout) as { items: { org: string; period: string; end: string; required: number; held: number; status: string }[] };
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      for (const item of items) {
        const expected = item.held >= item.required ? 'done' : item.end < today ? 'overdue' : 'due';
        expect(item.status, `${item.org} ${item.period}`).toBe(expected);
      }
      expect(new Set(items.map((i) => i.status))).toEqual(new Set(['done', 'overdue', ...(items.some((i) => i.status === 'due') ? ['due'] : [])]));
      expect((await runCli(['compliance', '--org', '530522', '--rule', 'no_such_rule'], { env })).code).toBe(1);
      // The province's view (every county in the database) counts what the county's own matrix shows.
      const province = await runCli(['compliance', 'province', '--rule', 'committee_meeting_monthly', '--format', 'json'], { env });
      expectExit(province, 0);
      const { counties } = JSON.parse(province.stdout) as { counties: { code: string; inForce: boolean; cells: { period: string; subjects: number; done: number }[] }[] };
      expect(counties.map((c) => [c.code, c.inForce])).toEqual([['530522', true]]);
      for (const cell of counties[0]!.cells) {
        const column = items.filter((i) => i.period === cell.period);
        expect([cell.subjects, cell.done], cell.period).toEqual([column.length, column.filter((i) => i.status === 'done').length]);
      }

      const twice = await runCli(['demo'], { env });
      expect(twice.code, shown(twice)).toBe(1);
      expect(twice.stderr).toMatch(/县级代码“\d{6}”已存在/);
    });
  }, 600_000);

  it('serve --demo-if-empty builds the demo on an empty dir once, and prints the sign-ins on every start', async () => {
    const dir = dirs.make();
    const first = await serve(dir, ['--demo-if-empty']);
    await signIn(first.url, 'county', 'Demo2026');
    const firstStop = await first.stop();
    expectExit(firstStop, 0);
    expect(firstStop.stdout).toContain('数据目录为空，正在生成演示县');
    expect(firstStop.stdout).toContain(`基层党建工作平台已启动：${first.url}`);
    for (const user of DEMO_USERS) expect(firstStop.stdout).toMatch(new RegExp(`^ +${user} +Demo2026 +\\S`, 'm'));

    const second = await serve(dir, ['--demo-if-empty']);
    await signIn(second.url, 'secretary', 'Demo2026');
    const stopped = await second.stop();
    expectExit(stopped, 0);
    expect(stopped.stdout).not.toContain('数据目录为空');
    expect(stopped.stdout).not.toContain('演示数据生成完毕');
    expect(stopped.stdout).toContain(`基层党建工作平台已启动：${second.url}`);
    for (const user of DEMO_USERS) expect(stopped.stdout).toMatch(new RegExp(`^ +${user} +Demo2026 +\\S`, 'm'));
    const reported = /启动用时 (\d+) 毫秒/.exec(stopped.stdout)?.[1];
    console.log(`serve --demo-if-empty: first start ${Math.round(first.startupMs)} ms, second start ${Math.round(second.startupMs)} ms (the server itself reports ${reported} ms)`);
  }, 600_000);
});
