import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { migrationsFolder, openDatabase, type Database, type Engine } from '../../src/platform/db/database.js';

export const engines: Engine[] = ['pglite', 'postgres'];

/** Migrations change the templates; their hash names them so a stale one is never reused. */
function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const f of readdirSync(migrationsFolder(), { recursive: true }).map(String).sort()) {
    const p = join(migrationsFolder(), f);
    if (f.endsWith('.sql') || f.endsWith('.json')) hash.update(f).update(readFileSync(p));
  }
  return hash.digest('hex').slice(0, 16);
}

/** A migrated embedded database as a tarball: loading it takes ~0.5 s, a fresh initdb ~4 s. */
async function pgliteTemplate(): Promise<Blob> {
  const file = join(tmpdir(), `grassroots-pglite-${migrationsHash()}.tar.gz`);
  if (!existsSync(file)) {
    const database = await openDatabase({ dataDir: 'memory://' });
    const dump = await database.embedded!.dumpDataDir();
    await database.close();
    const partial = `${file}.${process.pid}.part`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  }
  return new Blob([readFileSync(file)]);
}

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const dbUrl = (serverUrl: string, name: string) => serverUrl.replace(/\/[^/]*$/, `/${name}`);

/** A migrated template database on the throwaway server, made once per migration set. */
async function postgresTemplate(serverUrl: string): Promise<string> {
  const name = `tpl_${migrationsHash()}`;
  await withAdmin(serverUrl, async (admin) => {
    await admin.query('select pg_advisory_lock(7031)');
    try {
      const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
      if (found.rowCount === 0) {
        await admin.query(`create database ${name}`);
        const database = await openDatabase({ url: dbUrl(serverUrl, name) });
        await database.close();
      }
    } finally {
      await admin.query('select pg_advisory_unlock(7031)');
    }
  });
  return name;
}

/** The application's sources (not its tests): what generated data depends on besides the migrations. */
function sourcesHash(): string {
  const hash = createHash('sha256');
  const root = join(migrationsFolder(), '..', 'src');
  for (const f of readdirSync(root, { recursive: true }).map(String).sort()) {
    if (f.endsWith('.ts') && !f.endsWith('.test.ts')) hash.update(f).update(readFileSync(join(root, f)));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * A database on the test run's server holding what `fill` writes (the browser tests each want the same
 * demo county). The filled database is made once per migrations, sources and `name`, as a template each
 * caller copies in half a second: loading the demo takes ~12 s, a copy of an embedded one ~6 s. It is
 * built under a lock, so that two workers starting together build it once.
 */
export async function openFilledServerDatabase(name: string, fill: (database: Database) => Promise<void>): Promise<Database> {
  const serverUrl = inject('pgUrl');
  const template = `filled_${createHash('sha256').update(`${name}-${migrationsHash()}-${sourcesHash()}`).digest('hex').slice(0, 16)}`;
  await withAdmin(serverUrl, async (admin) => {
    await admin.query('select pg_advisory_lock(7032)');
    try {
      const found = await admin.query('select 1 from pg_database where datname = $1', [template]);
      if (found.rowCount !== 0) return;
      const building = `${template}_part`;
      await admin.query(`drop database if exists ${building}`);
      await admin.query(`create database ${building} template ${await postgresTemplate(serverUrl)}`);
      const database = await openDatabase({ url: dbUrl(serverUrl, building), migrate: false });
      try {
        await fill(database);
      } finally {
        await database.close();
      }
      await admin.query(`alter database ${building} rename to ${template}`);
    } finally {
      await admin.query('select pg_advisory_unlock(7032)');
    }
  });
  return copyServerDatabase(serverUrl, template);
}

async function copyServerDatabase(serverUrl: string, template: string): Promise<Database> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  await withAdmin(serverUrl, (admin) => admin.query(`create database ${name} template ${template}`));
  const database = await openDatabase({ url: dbUrl(serverUrl, name), migrate: false });
  return {
    ...database,
    close: async () => {
      await database.close();
      await withAdmin(serverUrl, (admin) => admin.query(`drop database if exists ${name}`));
    },
  };
}

/** A fresh, migrated, empty database on the given engine, dropped when closed. */
export async function openTestDatabase(engine: Engine): Promise<Database> {
  if (engine === 'pglite') return openDatabase({ dataDir: 'memory://', loadDataDir: await pgliteTemplate(), migrate: false });
  const serverUrl = inject('pgUrl');
  return copyServerDatabase(serverUrl, await postgresTemplate(serverUrl));
}
