import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openDatabase } from '../platform/db/database.js';
import { lockDataDir } from '../platform/db/lock.js';
import { cliLang, open, UsageError, type Storage } from './common.js';

const zh = cliLang === 'zh';

function embeddedOnly(storage: Storage): string {
  if (!storage.dataDir) {
    throw new UsageError(zh ? 'backup/restore 用于嵌入式数据库；PostgreSQL 服务器请使用 pg_dump / pg_restore。' : 'backup/restore are for the embedded database; use pg_dump / pg_restore for a PostgreSQL server.');
  }
  return storage.dataDir;
}

/** Writes a consistent copy of the embedded database (a gzip tarball of its data directory). */
export async function backup(storage: Storage, file: string): Promise<number> {
  if (!file) throw new UsageError(zh ? '用法：grassroots backup FILE' : 'Usage: grassroots backup FILE');
  embeddedOnly(storage);
  const database = await open(storage);
  try {
    const dump = await database.embedded!.dumpDataDir();
    const partial = `${file}.part`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
    console.log(zh ? `已备份到 ${file}（${(statSync(file).size / 1024 / 1024).toFixed(1)} MB）` : `Backed up to ${file} (${(statSync(file).size / 1024 / 1024).toFixed(1)} MB)`);
    return 0;
  } finally {
    await database.close();
  }
}

/**
 * Restores a backup into the data directory. An existing database is replaced only with --force,
 * and then only after the backup has been loaded and migrated successfully beside it.
 */
export async function restore(storage: Storage, file: string, force: boolean): Promise<number> {
  if (!file) throw new UsageError(zh ? '用法：grassroots restore FILE [--force]' : 'Usage: grassroots restore FILE [--force]');
  const dataDir = embeddedOnly(storage);
  if (!existsSync(file)) throw new UsageError(zh ? `备份文件 ${file} 不存在` : `Backup file ${file} does not exist`);
  const pgdata = join(dataDir, 'pgdata');
  const occupied = existsSync(pgdata) && readdirSync(pgdata).length > 0;
  if (occupied && !force) {
    throw new UsageError(zh ? `数据目录 ${dataDir} 已有数据；确认覆盖请加 --force` : `${dataDir} already holds data; add --force to replace it`);
  }
  const release = lockDataDir(dataDir);
  const staging = join(dirname(pgdata), 'pgdata.restoring');
  try {
    rmSync(staging, { recursive: true, force: true });
    const database = await openDatabase({ dataDir: `${staging}`, loadDataDir: new Blob([readFileSync(file)]) }).catch((error: unknown) => {
      throw new UsageError((zh ? '备份文件无法读取：' : 'The backup cannot be read: ') + String((error as Error).message ?? error));
    });
    await database.close();
    rmSync(pgdata, { recursive: true, force: true });
    renameSync(join(staging, 'pgdata'), pgdata);
    rmSync(staging, { recursive: true, force: true });
  } finally {
    release();
  }
  console.log(zh ? `已从 ${file} 恢复到 ${dataDir}` : `Restored ${file} into ${dataDir}`);
  return 0;
}
