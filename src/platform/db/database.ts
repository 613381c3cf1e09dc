import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { packageRoot } from '../paths.js';
import { lockDataDir } from './lock.js';
import { PgliteBridge } from './pglite-bridge.js';

/** The query builder for either engine; a transaction has the same type. */
export type Db = PgDatabase<PgQueryResultHKT>;

export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  engine: Engine;
  /** Where the data lives, for messages: a directory, "memory" or the server URL without password. */
  location: string;
  /** The embedded engine (in its worker thread), for backups and raw statements; absent on a server. */
  embedded?: PgliteBridge;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** `postgres://…` selects a server; otherwise the embedded engine. */
  url?: string;
  /** Data directory of the embedded engine; `memory://` keeps it in memory (tests). */
  dataDir?: string;
  /** Start the embedded engine from a `dumpDataDir` tarball (restore, test templates). */
  loadDataDir?: Blob;
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  /** Sees every statement the application sends (the benchmark replays them on a raw client). */
  onQuery?: (text: string, params: unknown[]) => void;
}

export const migrationsFolder = () => join(packageRoot(), 'drizzle');

// int8 counts and sums fit in a double at any scale we serve; dates stay calendar strings
// so that no time zone ever shifts a birthday.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const database = options.url?.startsWith('postgres')
    ? await openServer(options.url, options.onQuery)
    : await openEmbedded(options.dataDir ?? './data', options.loadDataDir, options.onQuery);
  if (options.migrate !== false) {
    try {
      if (database.engine === 'pglite') await migratePglite(database.db as never, { migrationsFolder: migrationsFolder() });
      else await migratePg(database.db as never, { migrationsFolder: migrationsFolder() });
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}

type OnQuery = OpenOptions['onQuery'];
const logger = (onQuery: OnQuery) => (onQuery ? { logQuery: onQuery } : undefined);

async function openServer(url: string, onQuery: OnQuery): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Fail now with a clear message rather than on the first request.
  const client = await pool.connect();
  client.release();
  const db = drizzlePg(pool, { logger: logger(onQuery) }) as unknown as Db;
  return {
    db,
    engine: 'postgres',
    location: url.replace(/\/\/([^:@/]+):[^@]*@/, '//$1:***@'),
    close: () => pool.end(),
  };
}

async function openEmbedded(dataDir: string, loadDataDir: Blob | undefined, onQuery: OnQuery): Promise<Database> {
  const memory = dataDir.startsWith('memory://');
  let release = () => {};
  let location = 'memory';
  if (!memory) {
    location = resolve(dataDir);
    release = lockDataDir(location);
    mkdirSync(join(location, 'pgdata'), { recursive: true });
  }
  try {
    const bridge = await PgliteBridge.start({
      dataDir: memory ? undefined : join(location, 'pgdata'),
      loadDataDir: loadDataDir ? await loadDataDir.arrayBuffer() : undefined,
    });
    const db = drizzlePglite({ client: bridge as unknown as PGlite, logger: logger(onQuery) }) as unknown as Db;
    return {
      db,
      engine: 'pglite',
      location,
      embedded: bridge,
      close: async () => {
        try {
          await bridge.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** Rows of a raw statement, the same shape on both engines. */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export { sql };
