import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { chinaDate, systemClock } from '../platform/clock.js';
import { counties } from '../platform/db/counties.js';
import type { Database } from '../platform/db/database.js';
import { generateCounties, type DemoAccount, type DemoScale } from '../demo/generate.js';
import { loadDemoCounty } from '../demo/load.js';
import { conflict } from '../platform/errors.js';
import { findCounty } from '../modules/organizations/county.js';
import { cliLang, open, UsageError, type Storage } from './common.js';

const zh = cliLang === 'zh';
const ACCOUNTS_FILE = 'demo-accounts.json';

/** Builds the demo data set into a database; returns the first county's accounts. */
export async function buildDemo(database: Database, options: { scale: DemoScale; seed: number; countyCode?: string }, log = console.log): Promise<DemoAccount[]> {
  let accounts: DemoAccount[] | undefined;
  const started = Date.now();
  for (const demo of generateCounties({ ...options, asOf: chinaDate(systemClock.now()) })) {
    if (await findCounty(database.db, demo.code)) throw conflict('county.code_taken', { code: demo.code });
    await loadDemoCounty(database.db, systemClock, demo);
    accounts ??= demo.accounts;
    const members = demo.people.filter((p) => p.membership?.category === 'full' || p.membership?.category === 'probationary').length;
    log(zh
      ? `  ${demo.name}（${demo.code}）：${demo.orgs.length} 个党组织，${members} 名党员`
      : `  ${demo.name} (${demo.code}): ${demo.orgs.length} organizations, ${members} members`);
  }
  log(zh ? `演示数据生成完毕，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。` : `Demo data built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return accounts ?? [];
}

export async function loadDemo(storage: Storage, options: { scale: DemoScale; seed: number; countyCode?: string }): Promise<number> {
  if (!['county', 'city', 'province'].includes(options.scale)) throw new UsageError('--scale county|city|province');
  if (!Number.isInteger(options.seed)) throw new UsageError(zh ? '--seed 应为整数' : '--seed must be an integer');
  const database = await open(storage);
  try {
    const accounts = await buildDemo(database, options);
    rememberAccounts(storage, accounts);
    printAccounts(accounts);
    return 0;
  } finally {
    await database.close();
  }
}

export async function isEmpty(database: Database): Promise<boolean> {
  const [row] = await database.db.select({ n: count() }).from(counties);
  return (row?.n ?? 0) === 0;
}

/** Kept beside the embedded data so that every start can print the demo sign-ins again. */
export function rememberAccounts(storage: Storage, accounts: DemoAccount[]): void {
  if (storage.dataDir) writeFileSync(join(storage.dataDir, ACCOUNTS_FILE), JSON.stringify(accounts, null, 2));
}

export function rememberedAccounts(storage: Storage): DemoAccount[] {
  const file = storage.dataDir && join(storage.dataDir, ACCOUNTS_FILE);
  return file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoAccount[]) : [];
}

export function printAccounts(accounts: DemoAccount[]): void {
  if (accounts.length === 0) return;
  console.log(zh ? '演示账号：' : 'Demo sign-ins:');
  for (const a of accounts) {
    console.log(`  ${a.username.padEnd(10)} ${a.password.padEnd(10)} ${zh ? a.description.zh : a.description.en}`);
  }
}
