/**
 * The public intake under load (issue 5 §13: ≥ 100 submissions/s on PGlite, ≥ 500/s on PostgreSQL,
 * every acknowledged submission found afterwards). The app listens on 127.0.0.1 in this process, as
 * for the load test (load.ts); bench/intake-client.ts posts from its own process, spread over the
 * county's villages and many client addresses so that the rate limits, left as they are, stop none
 * of them. Afterwards every tracking code the server acknowledged is looked up in the database.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpus, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { PUBLIC_LIMITS } from '../src/modules/concerns/public-routes.js';
import type { App } from '../src/platform/http/app-types.js';
import { packageRoot } from '../src/platform/paths.js';
import { onCleanup } from './cleanup.js';
import type { Raw } from './engines.js';
import { ms, table } from './stats.js';

export const INTAKE_TARGETS: Record<string, number> = { pglite: 100, postgres: 500 };

export interface IntakeResult {
  engine: string;
  target: number;
  villages: number;
  connections: number;
  sent: number;
  acknowledged: number;
  /** Acknowledged codes not found in the database afterwards. */
  lost: number;
  statuses: Record<string, number>;
  errors: number;
  perSecond: number;
  elapsedMs: number;
  p50: number;
  p99: number;
  max: number;
  loopMax: number;
  stopReason: string;
  load: string;
}

interface ClientResult {
  sent: number; codes: string[]; statuses: Record<string, number>; errors: number; elapsedMs: number; p50: number; p99: number; max: number; stopReason: string;
}

/** The villages the public page takes submissions for, and texts villagers wrote there (the demo's). */
async function targets(raw: Raw, countyId: string): Promise<{ villages: string[]; contents: string[] }> {
  const villages = await raw.query<{ code: string }>(`select code from organizations where county_id = $1 and status = 'active'
    and type in ('branch', 'joint_branch', 'general_branch') and unit_type in ('village', 'community') order by code`, [countyId]);
  const contents = await raw.query<{ content: string }>(`select distinct content from concerns where county_id = $1 and channel = 'public'
    and length(content) < 200 order by content`, [countyId]);
  if (villages.length === 0 || contents.length === 0) throw new Error('the county has no villages or no public concerns to take texts from');
  return { villages: villages.map((v) => v.code), contents: contents.map((c) => c.content) };
}

/** The load averages as `uptime` prints them: the machine is shared, so every figure carries its load. */
export function machineLoad(): string {
  return `load ${loadavg().map((l) => l.toFixed(2)).join(', ')} on ${cpus().length} cores`;
}

async function runClient(url: string, options: object, seconds: number): Promise<{ result: ClientResult; loopMax: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/intake-client.ts', JSON.stringify({ url, ...options })], {
    cwd: packageRoot(), stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exit = once(child, 'exit');
  const kill = onCleanup(`intake client ${child.pid}`, async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exit;
    }
  });
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  let result: ClientResult | undefined;
  const guard = setTimeout(() => child.kill('SIGKILL'), (seconds + 60) * 1000);
  try {
    for await (const line of createInterface({ input: child.stdout })) {
      if (line === 'START') histogram.enable();
      else if (line.startsWith('RESULT ')) {
        histogram.disable();
        result = JSON.parse(line.slice('RESULT '.length)) as ClientResult;
      }
    }
    await exit;
  } finally {
    clearTimeout(guard);
    histogram.disable();
    await kill();
  }
  if (!result) throw new Error(`intake client failed (exit ${child.exitCode}):\n${err}`);
  return { result, loopMax: histogram.max / 1e6 };
}

export async function intakeLoad(app: App, raw: Raw, countyId: string, engine: string, kind: 'pglite' | 'postgres',
  options: { connections: number; seconds: number }): Promise<IntakeResult> {
  const { villages, contents } = await targets(raw, countyId);
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const load = machineLoad();
  const { result, loopMax } = await runClient(address.replace(/\/$/, ''), {
    villages, contents, connections: options.connections, seconds: options.seconds,
    perAddress: PUBLIC_LIMITS.submitPerClient.max, perVillage: PUBLIC_LIMITS.submitPerVillage.max, run: Date.now().toString(36),
  }, options.seconds);
  const found = await raw.query<{ n: number }>('select count(*)::int as n from concerns where tracking_code = any($1)', [result.codes]);
  return {
    engine, target: INTAKE_TARGETS[kind]!, villages: villages.length, connections: options.connections, sent: result.sent,
    // Two submissions answered with one code would be one lost: each code is counted once.
    acknowledged: result.codes.length, lost: result.codes.length - (found[0]?.n ?? 0),
    statuses: result.statuses, errors: result.errors, perSecond: result.codes.length / (result.elapsedMs / 1000), elapsedMs: result.elapsedMs,
    p50: result.p50, p99: result.p99, max: result.max, loopMax, stopReason: result.stopReason, load,
  };
}

export function intakeLines(results: IntakeResult[]): string[] {
  if (results.length === 0) return [];
  const out = ['## 6. Public intake under load: `POST /api/public/villages/{code}/concerns`', ''];
  out.push(`Server in this process (createApp + listen on 127.0.0.1); bench/intake-client.ts in its own process, keep-alive connections, ` +
    `each submission to the next village in turn from an address (X-Forwarded-For) used at most ${PUBLIC_LIMITS.submitPerClient.max} times, ` +
    `so that the limits (${PUBLIC_LIMITS.submitPerClient.max} a minute per address, ${PUBLIC_LIMITS.submitPerVillage.max} a minute per village) stay as they are and stop none. ` +
    'Afterwards every acknowledged tracking code is looked up in the database.', '');
  out.push(table(
    ['Engine', 'villages', 'connections', 'sent', 'acknowledged (201)', 'other answers', 'submissions/s', 'target', 'latency p50 / p99 / max', 'loop delay max', 'lost', 'stopped by', 'load'],
    results.map((r) => [
      r.engine, String(r.villages), String(r.connections), String(r.sent), String(r.acknowledged),
      Object.entries(r.statuses).filter(([s]) => s !== '201').map(([s, n]) => `${s}: ${n}`).join(', ') + (r.errors ? ` errors: ${r.errors}` : '') || '–',
      r.perSecond.toFixed(0), `≥ ${r.target}/s ${r.perSecond >= r.target ? 'PASS' : '**MISS**'}`,
      `${ms(r.p50)} / ${ms(r.p99)} / ${ms(r.max)} ms`, `${ms(r.loopMax)} ms`, r.lost === 0 ? '0' : `**${r.lost}**`, r.stopReason, r.load,
    ]),
  ));
  out.push('');
  return out;
}

export function intakeVerdicts(results: IntakeResult[]): string[] {
  return results.flatMap((r) => [
    `- ${r.perSecond >= r.target ? 'PASS' : '**MISS**'}: ${r.engine} public intake ≥ ${r.target} submissions/s: ${r.perSecond.toFixed(0)}/s over ${(r.elapsedMs / 1000).toFixed(1)} s (${r.load})`,
    `- ${r.lost === 0 && r.acknowledged > 0 ? 'PASS' : '**MISS**'}: ${r.engine} every acknowledged submission found afterwards: ${r.acknowledged} acknowledged, lost ${r.lost}`,
  ]);
}
