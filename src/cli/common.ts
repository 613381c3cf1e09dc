import { resolve } from 'node:path';
import { asc } from 'drizzle-orm';
import { counties } from '../platform/db/counties.js';
import { openDatabase, type Database } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { t, type Lang } from '../platform/i18n/index.js';
import { findCounty, type CountyRow } from '../modules/organizations/county.js';

/** Operators read Chinese unless they ask for English. */
export const cliLang: Lang = /^en/i.test(process.env.GRASSROOTS_LANG ?? '') ? 'en' : 'zh';

export class UsageError extends Error {}

export interface Storage {
  dataDir?: string;
  url?: string;
}

/** `--data DIR`, else GRASSROOTS_DATA, else ./data; DATABASE_URL selects a server instead. */
export function storageFrom(options: { data?: string }): Storage {
  const url = process.env.DATABASE_URL;
  if (url?.startsWith('postgres')) return { url };
  return { dataDir: resolve(options.data ?? process.env.GRASSROOTS_DATA ?? './data') };
}

export function open(storage: Storage, migrate = true): Promise<Database> {
  return openDatabase({ url: storage.url, dataDir: storage.dataDir, migrate });
}

/** The county a command acts on: the one named, or the only one there is. */
export async function chooseCounty(database: Database, code?: string): Promise<CountyRow> {
  if (code) {
    const county = await findCounty(database.db, code);
    if (!county) throw new AppError(404, 'not_found', 'county.not_found', { code });
    return county;
  }
  const all = await database.db.select().from(counties).orderBy(asc(counties.code));
  if (all.length === 1) return all[0]!;
  if (all.length === 0) throw new UsageError(cliLang === 'zh' ? '尚无县级数据，请先运行 grassroots init 或 grassroots demo' : 'No county yet: run grassroots init or grassroots demo first');
  throw new UsageError(cliLang === 'zh' ? `有 ${all.length} 个县，请用 --county 指定县级代码` : `There are ${all.length} counties; name one with --county`);
}

/** Renders an expected failure for the terminal. */
export function describeError(error: unknown): string {
  if (error instanceof AppError) {
    const fields = error.fields.map((f) => `  ${f.path}: ${t(cliLang, f.key, f.params)}`);
    return [t(cliLang, error.key, error.params), ...fields].join('\n');
  }
  return error instanceof Error ? error.message : String(error);
}
