/**
 * Start-up time of `grassroots serve` as an operator runs it: a new process, timed from spawn until
 * /api/health answers 200 on 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { packageRoot } from '../src/platform/paths.js';
import { onCleanup } from './cleanup.js';
import type { Store } from './engines.js';

const DEADLINE_MS = 120_000;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface StartResult {
  /** Spawn → first 200 from /api/health. */
  ms: number;
  /** What the server itself printed ("started in N ms": since the process began). */
  reportedMs: number | null;
}

export async function startOnce(store: Store): Promise<StartResult> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, GRASSROOTS_LANG: 'en', GRASSROOTS_LOG: undefined };
  for (const [k, v] of Object.entries(store.serve.env)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  delete env.GRASSROOTS_LOG;
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    ['bin/grassroots.js', 'serve', ...store.serve.args, '--port', String(port), '--host', '127.0.0.1'],
    { cwd: packageRoot(), env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  let exited = false;
  const exit = once(child, 'exit').then(() => (exited = true));
  const kill = onCleanup(`serve process ${child.pid}`, async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exit;
    clearTimeout(timer);
  });
  let ms = NaN;
  try {
    while (Number.isNaN(ms)) {
      if (exited) throw new Error(`serve exited before answering (${child.exitCode}):\n${out}\n${err}`);
      if (performance.now() - t0 > DEADLINE_MS) throw new Error(`serve did not answer /api/health within ${DEADLINE_MS / 1000} s:\n${out}\n${err}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2000) });
        if (res.status === 200) ms = performance.now() - t0;
        await res.body?.cancel();
      } catch {
        // not listening yet
      }
      if (Number.isNaN(ms)) await sleep(20);
    }
  } finally {
    await kill();
  }
  // A clean shutdown on SIGTERM exits 0; anything else means the run is not to be trusted.
  if (child.exitCode !== 0) throw new Error(`serve did not shut down cleanly (exit ${child.exitCode}, ${child.signalCode}):\n${err}`);
  const reported = /started in (\d+) ms/.exec(out);
  return { ms, reportedMs: reported ? Number(reported[1]) : null };
}

/** `runs` timed starts after `warmup` discarded ones; `prepare` makes the store each start uses. */
export async function startTimes(
  prepare: (i: number) => Promise<{ store: Store; release: () => Promise<void> }>,
  runs: number,
  warmup: number,
): Promise<StartResult[]> {
  const results: StartResult[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const { store, release } = await prepare(i);
    try {
      const result = await startOnce(store);
      if (i >= warmup) results.push(result);
    } finally {
      await release();
    }
  }
  return results;
}
