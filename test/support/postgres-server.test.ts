import { existsSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { startThrowawayPostgres } from './postgres-server.js';

async function serverVersion(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string; num: string }>(
      "select version() as version, current_setting('server_version_num') as num",
    );
    expect(rows[0]?.version).toMatch(/^PostgreSQL \d+/);
    return Math.floor(Number(rows[0]?.num) / 10000);
  } finally {
    await client.end();
  }
}

describe('throwaway PostgreSQL', () => {
  it('the global server answers select version() with PostgreSQL >= 15', async () => {
    const url = inject('pgUrl');
    expect(url).toMatch(/^postgres(ql)?:\/\//);
    expect(await serverVersion(url)).toBeGreaterThanOrEqual(15);
  });

  it('starts and stops a second, independent server', async () => {
    const server = await startThrowawayPostgres();
    const dir = await dataDirOf(server.url);
    try {
      expect(server.url).not.toBe(inject('pgUrl'));
      expect(await serverVersion(server.url)).toBeGreaterThanOrEqual(15);
      expect(existsSync(dir)).toBe(true);
    } finally {
      await server.stop();
    }
    expect(existsSync(dir)).toBe(false);
    const client = new pg.Client({ connectionString: server.url, connectionTimeoutMillis: 2000 });
    await expect(client.connect()).rejects.toThrow();
  });
});

/** The server's temp directory (parent of its data directory). */
async function dataDirOf(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ data_directory: string }>('show data_directory');
    return rows[0]!.data_directory.replace(/\/data\/?$/, '');
  } finally {
    await client.end();
  }
}
