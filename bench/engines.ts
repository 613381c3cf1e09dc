/**
 * The two engines under test, each able to make fresh, empty stores (a PGlite data directory, or a
 * database in one throwaway PostgreSQL 15 server) that the app opens the same way it does in
 * production: openDatabase({dataDir}) or openDatabase({url}), i.e. `--data DIR` or DATABASE_URL.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database, type Engine, type OpenOptions } from '../src/platform/db/database.js';
import { startThrowawayPostgres } from '../test/support/postgres-server.js';
import { onCleanup } from './cleanup.js';

/** A statement through the engine's own client: `pglite.query` or a `pg` client. */
export interface Raw {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export interface Store {
  /** What the store is, for messages. */
  where: string;
  /** Opens the store as the application does; `onQuery` sees every statement the application sends. */
  open(onQuery?: OpenOptions['onQuery']): Promise<Database>;
  raw(database: Database): Promise<Raw>;
  /** How `grassroots serve` is pointed at this store. */
  serve: { args: string[]; env: Record<string, string | undefined> };
  /** Removes the store (a cached one stays). */
  drop(): Promise<void>;
}

export interface EngineHost {
  kind: Engine;
  title: string;
  newStore(name: string): Promise<Store>;
  /** Hints for a failure (the server's log), if the engine has any. */
  diagnostics(): Promise<string>;
  /** A store kept across runs in os.tmpdir() (province data on PGlite), or null if the engine has none. */
  cachedStore(key: string): Promise<{ store: Store; reused: boolean; markComplete(): void } | null>;
  stop(): Promise<void>;
}

/** One temp directory for everything a run creates on disk; removed at the end. */
let tempRoot: string | undefined;
export function benchTemp(): string {
  if (!tempRoot) {
    const dir = mkdtempSync(join(tmpdir(), 'grassroots-bench-'));
    tempRoot = dir;
    onCleanup(`temp dir ${dir}`, () => {
      rmSync(dir, { recursive: true, force: true });
      tempRoot = undefined;
    });
  }
  return tempRoot;
}

export const CACHE_PREFIX = 'grassroots-bench-province-';
const COMPLETE = 'bench-complete.json';

function pgliteStore(dir: string, drop: () => Promise<void>): Store {
  return {
    where: dir,
    open: (onQuery) => openDatabase({ dataDir: dir, onQuery }),
    async raw(database) {
      const embedded = database.embedded!;
      return {
        query: async <T>(text: string, params?: unknown[]) => ((await embedded.query(text, params)) as { rows: T[] }).rows,
        close: async () => {},
      };
    },
    serve: { args: ['--data', dir], env: { DATABASE_URL: undefined, GRASSROOTS_DATA: undefined } },
    drop,
  };
}

export function pgliteHost(): EngineHost {
  return {
    kind: 'pglite',
    title: 'PGlite (data directory, worker thread)',
    async newStore(name) {
      const dir = join(benchTemp(), `pglite-${name}`);
      return pgliteStore(dir, async () => rmSync(dir, { recursive: true, force: true }));
    },
    async cachedStore(key) {
      const dir = join(tmpdir(), CACHE_PREFIX + key);
      // Stale caches (other migrations or generator) of the same size are of no further use.
      const size = key.split('-')[0]!;
      for (const entry of readdirSync(tmpdir())) {
        if (entry.startsWith(`${CACHE_PREFIX}${size}-`) && entry !== CACHE_PREFIX + key) {
          rmSync(join(tmpdir(), entry), { recursive: true, force: true });
        }
      }
      const reused = existsSync(join(dir, COMPLETE));
      if (!reused) rmSync(dir, { recursive: true, force: true });
      // An interrupted build leaves no marker, so its directory is rebuilt next time.
      return {
        store: pgliteStore(dir, async () => {}),
        reused,
        markComplete: () => {
          // written last, after the data is loaded, analyzed and the database closed
          writeFileSync(join(dir, COMPLETE), JSON.stringify({ key, at: new Date().toISOString() }));
        },
      };
    },
    diagnostics: async () => '',
    async stop() {},
  };
}

export async function postgresHost(): Promise<EngineHost> {
  const server = await startThrowawayPostgres();
  const stopServer = onCleanup('throwaway PostgreSQL', () => server.stop());
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  const closeAdmin = onCleanup('PostgreSQL admin client', () => admin.end());
  let stopped = false;
  const [{ dir } = { dir: '' }] = (await admin.query<{ dir: string }>(`select current_setting('data_directory') as dir`)).rows;
  const urlOf = (db: string) => server.url.replace(/\/[^/]*$/, `/${db}`);
  return {
    kind: 'postgres',
    title: 'PostgreSQL 15 (throwaway server, pg pool)',
    async newStore(name) {
      const db = `bench_${name}`.replace(/[^a-z0-9_]/g, '_');
      await admin.query(`drop database if exists "${db}"`);
      await admin.query(`create database "${db}"`);
      const url = urlOf(db);
      return {
        where: url,
        open: (onQuery) => openDatabase({ url, onQuery }),
        async raw() {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          return {
            query: async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[],
            close: () => client.end(),
          };
        },
        serve: { args: [], env: { DATABASE_URL: url, GRASSROOTS_DATA: undefined } },
        drop: async () => {
          if (stopped) return; // the whole server went with its directory
          // Not WITH (FORCE): killing a pool's sessions makes pg emit an unhandled 'error'. A pool
          // that has just ended may take a moment to let go of the database.
          for (let attempt = 1; ; attempt++) {
            try {
              await admin.query(`drop database if exists "${db}"`);
              return;
            } catch (error) {
              if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
              await new Promise((r) => setTimeout(r, 100));
            }
          }
        },
      };
    },
    cachedStore: async () => null,
    async diagnostics() {
      try {
        const log = readFileSync(join(dirname(dir), 'server.log'), 'utf8').trimEnd().split('\n');
        return `PostgreSQL log (${dirname(dir)}/server.log, tail):\n${log.slice(-25).join('\n')}`;
      } catch (error) {
        return `no PostgreSQL log: ${(error as Error).message}`;
      }
    },
    async stop() {
      stopped = true;
      await closeAdmin();
      await stopServer();
    },
  };
}
