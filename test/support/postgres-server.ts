// Starts a throwaway PostgreSQL (>= 15) server from Debian's binaries, on a free
// port, with its data directory, socket and log in a fresh temp directory.
import { execFile } from 'node:child_process';
import { chown, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const PG_ROOT = '/usr/lib/postgresql';

export interface ThrowawayPostgres {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  stop(): Promise<void>;
}

/** The bin dir of the newest installed PostgreSQL major >= 15. */
export async function findPostgresBin(): Promise<string> {
  const majors = existsSync(PG_ROOT)
    ? (await readdir(PG_ROOT))
        .map(Number)
        .filter((v) => Number.isInteger(v) && v >= 15 && existsSync(`${PG_ROOT}/${v}/bin/initdb`))
        .sort((a, b) => b - a)
    : [];
  if (majors.length === 0) {
    throw new Error(
      `no PostgreSQL >= 15 server binaries under ${PG_ROOT}: run \`sudo apt-get install postgresql\` ` +
        '(or `node scripts/test-prerequisites.mjs` as root)',
    );
  }
  return `${PG_ROOT}/${majors[0]}/bin`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function logTail(file: string, lines = 30): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = await findPostgresBin();
  const isRoot = process.getuid?.() === 0;
  const dir = await mkdtemp(path.join(tmpdir(), 'pg-test-'));
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');

  // initdb refuses to run as root: as root, run every binary as `postgres`.
  const pg = (cmd: string, args: string[]) =>
    isRoot
      ? run('runuser', ['-u', 'postgres', '--', `${bin}/${cmd}`, ...args], { cwd: dir })
      : run(`${bin}/${cmd}`, args, { cwd: dir });

  const fail = async (what: string, err: unknown): Promise<never> => {
    const detail = err instanceof Error ? err.message : String(err); // includes stderr
    const tail = await logTail(log);
    await rm(dir, { recursive: true, force: true }).catch(() => {});
    throw new Error(`throwaway PostgreSQL: ${what} failed: ${detail}\n--- ${log} (tail) ---\n${tail}`);
  };

  try {
    if (isRoot) {
      const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
      const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
      await chown(dir, uid, gid);
    }
    await pg('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  } catch (err) {
    return fail('initdb', err);
  }

  let port = 0;
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    const opts = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
      '-c TimeZone=UTC',
    ].join(' ');
    try {
      await pg('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', '-o', opts, 'start']);
      break;
    } catch (err) {
      // Someone else grabbed the port between our probe and the server's bind: retry.
      if (attempt < 3 && /already in use/i.test(await logTail(log, 10))) continue;
      return fail('pg_ctl start', err);
    }
  }

  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        await pg('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
