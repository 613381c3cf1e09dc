// Runs the `grassroots` CLI as a child process, the way an operator would: `bin/grassroots.js …`
// (the compiled CLI) from the project root, with a clean environment.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { inject } from 'vitest';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const ENTRY = 'bin/grassroots.js';

/** Newest modification time of the sources the compiled CLI is built from. */
function newestSource(): number {
  const root = join(projectRoot, 'src');
  return Math.max(...readdirSync(root, { recursive: true }).map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => statSync(join(root, f)).mtimeMs));
}

const builtAt = () => {
  try {
    return statSync(join(projectRoot, 'dist', 'cli', 'main.js')).mtimeMs;
  } catch {
    return 0;
  }
};

/**
 * The compiled CLI starts in half a second where `tsx` takes one and a half, for each of the many
 * commands these tests run. `npm ci` builds it; after a source edit it is rebuilt here, under a lock
 * as another test worker may be rebuilding it too (an incremental build of an up-to-date tree is a no-op).
 */
let checked = false;
function ensureCliBuilt(): void {
  if (checked) return;
  if (builtAt() < newestSource()) {
    execFileSync('flock', [join(tmpdir(), 'grassroots-build-server.lock'), 'npm', 'run', 'build:server'], { cwd: projectRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  }
  checked = true;
}

export interface CliResult {
  /** Exit code; null when the process was ended by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Added to (undefined: removed from) the child's environment. */
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
}

/** The test runner's environment without anything that would steer the CLI or mark it as a test. */
function childEnv(extra: CliOptions['env']): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('VITEST') || ['DATABASE_URL', 'GRASSROOTS_DATA', 'GRASSROOTS_LANG', 'GRASSROOTS_LOG', 'PORT', 'NODE_ENV'].includes(key)) {
      delete env[key];
    }
  }
  for (const [key, value] of Object.entries(extra ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** Children still running; a test that times out leaves them behind, holding the data dir's lock. */
const running = new Set<ChildProcess>();

function spawnCli(args: string[], options: CliOptions): ChildProcess {
  ensureCliBuilt();
  const child = spawn(process.execPath, [ENTRY, ...args], {
    cwd: projectRoot,
    env: childEnv(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('close', () => running.delete(child));
  return child;
}

/** Kills (SIGKILL, one by one) the CLI processes this module started that still run. For afterAll/afterEach. */
export function killLeftovers(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

function collect(child: ChildProcess) {
  const out = { stdout: '', stderr: '' };
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out.stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (out.stderr += chunk));
  const exited = new Promise<CliResult>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, ...out }));
  });
  return { out, exited };
}

const describe = (args: string[], r: { stdout: string; stderr: string }) =>
  `grassroots ${args.join(' ')}\n--- stdout ---\n${r.stdout}\n--- stderr ---\n${r.stderr}`;

/** Runs one command to completion. A command that outlives `timeoutMs` is killed and fails the test. */
export async function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const child = spawnCli(args, options);
  const { out, exited } = collect(child);
  const timeoutMs = options.timeoutMs ?? 180_000;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`timed out after ${timeoutMs} ms: ${describe(args, out)}`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([exited, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** For assertion messages: what a command printed. */
export const shown = (r: CliResult) => `exit ${r.code}${r.signal ? ` (${r.signal})` : ''}\n--- stdout ---\n${r.stdout}\n--- stderr ---\n${r.stderr}`;

export interface ServeProcess {
  child: ChildProcess;
  pid: number;
  /** The address from the "已启动" line. */
  url: string;
  /** Wall time from spawn to the "已启动" line, as the test saw it. */
  startupMs: number;
  output(): { stdout: string; stderr: string };
  /** Sends a signal (default SIGTERM) and waits for the process to exit. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<CliResult>;
  /** Ends the process with SIGKILL if it still runs; for cleanup after a failed test. */
  kill(): void;
}

/** Starts `grassroots serve …` and waits for its "已启动" (or "is running at") line. */
export async function startServe(args: string[], options: CliOptions = {}): Promise<ServeProcess> {
  const started = performance.now();
  const allArgs = ['serve', ...args];
  const child = spawnCli(allArgs, options);
  const { out, exited } = collect(child);
  let alive = true;
  void exited.then(() => (alive = false), () => (alive = false));
  const kill = () => {
    if (alive) child.kill('SIGKILL');
  };
  const timeoutMs = options.timeoutMs ?? 120_000;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      kill();
      reject(new Error(`serve did not start within ${timeoutMs} ms: ${describe(allArgs, out)}`));
    }, timeoutMs);
    const check = () => {
      const match = /(?:已启动：|is running at )(http:\/\/\S+)/.exec(out.stdout);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    void exited.then((r) => {
      clearTimeout(timer);
      reject(new Error(`serve exited before it started: ${shown(r)}`));
    }, reject);
  });
  const startupMs = performance.now() - started;
  return {
    child,
    pid: child.pid!,
    url,
    startupMs,
    output: () => ({ ...out }),
    kill,
    async stop(signal: NodeJS.Signals = 'SIGTERM', stopTimeoutMs = 30_000) {
      if (alive) child.kill(signal);
      let timer: NodeJS.Timeout | undefined;
      try {
        return await Promise.race([
          exited,
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => {
              kill();
              reject(new Error(`serve did not stop within ${stopTimeoutMs} ms after ${signal}: ${describe(allArgs, out)}`));
            }, stopTimeoutMs);
          }),
        ]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Temporary directories removed by `cleanup()`. */
export function tempDirs(prefix = 'grassroots-cli-') {
  const made: string[] = [];
  return {
    make(): string {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
    cleanup(): void {
      for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Copies a data directory that no process has open (its lock file, if any, is left behind). */
export function copyDataDir(from: string, to: string): void {
  cpSync(from, to, { recursive: true, filter: (source) => basename(source) !== 'grassroots.lock' });
}

/**
 * An empty database on the test run's PostgreSQL server for a CLI test (DATABASE_URL): each command
 * then connects instead of starting and checking an embedded engine, seconds per command on 2 cores.
 */
export function serverDatabase(prefix: string) {
  let name = '';
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: inject('pgUrl') });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  return {
    url: () => inject('pgUrl').replace(/\/[^/]*$/, `/${name}`),
    async create() {
      name = `${prefix}_${randomBytes(6).toString('hex')}`;
      await admin(`create database ${name}`);
    },
    drop: () => admin(`drop database if exists ${name} with (force)`),
  };
}
