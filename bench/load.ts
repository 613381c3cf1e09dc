/**
 * Event-loop stalls of the in-process server under load: the app listens on 127.0.0.1, a separate
 * autocannon process drives a mix of /api/home and /api/organizations as the county administrator,
 * and perf_hooks.monitorEventLoopDelay records how late this process's event loop ran meanwhile.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import type { App } from '../src/platform/http/app-types.js';
import { packageRoot } from '../src/platform/paths.js';
import { onCleanup } from './cleanup.js';

export interface LoadResult {
  reqPerSec: number;
  total: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  loopP99: number;
  loopMax: number;
}

export const LOAD_PATHS = ['/api/home', '/api/organizations'];

export async function loadTest(app: App, cookie: string, options: { connections: number; seconds: number }): Promise<LoadResult> {
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const url = address.replace(/\/$/, '');
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  const args = JSON.stringify({ url, cookie, paths: LOAD_PATHS, connections: options.connections, seconds: options.seconds });
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/load-client.ts', args], {
    cwd: packageRoot(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exit = once(child, 'exit');
  const kill = onCleanup(`load client ${child.pid}`, async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exit;
    }
  });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  let result: Omit<LoadResult, 'loopP99' | 'loopMax'> | undefined;
  // autocannon stops by itself after `seconds`; this only guards against a hung client.
  const guard = setTimeout(() => child.kill('SIGKILL'), (options.seconds + 60) * 1000);
  try {
    for await (const line of createInterface({ input: child.stdout })) {
      if (line === 'START') histogram.enable();
      else if (line.startsWith('RESULT ')) {
        histogram.disable();
        result = JSON.parse(line.slice('RESULT '.length));
      }
    }
    await exit;
  } finally {
    clearTimeout(guard);
    histogram.disable();
    await kill();
  }
  if (!result) throw new Error(`load client failed (exit ${child.exitCode}):\n${err}`);
  return { ...result, loopP99: histogram.percentile(99) / 1e6, loopMax: histogram.max / 1e6 };
}
