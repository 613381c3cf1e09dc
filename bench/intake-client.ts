/**
 * The public intake's load generator, its own process so that its work does not land on the server's
 * event loop. Usage: node --import tsx bench/intake-client.ts '<json options>'. `connections` clients
 * post concerns for `seconds`, as villagers would: each submission from its own village in turn and
 * from an address (X-Forwarded-For, which the server trusts from loopback) that sends at most
 * `perAddress` a minute, so neither the per-client nor the per-village limit is what stops them. It
 * stops early once every village has had its `perVillage` for the minute. Prints "START" and, at the
 * end, "RESULT <json>" with every tracking code acknowledged.
 */
import { Agent, request } from 'node:http';

interface ClientOptions {
  url: string;
  villages: string[];
  contents: string[];
  connections: number;
  seconds: number;
  perAddress: number;
  perVillage: number;
  /** Makes this run's texts differ from any earlier run's (the server answers a resend with its first code). */
  run: string;
}

const options = JSON.parse(process.argv[2] ?? '{}') as ClientOptions;
if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(options.url)) throw new Error(`intake client only talks to 127.0.0.1: ${options.url}`);
const { hostname, port } = new URL(options.url);
const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
const budget = options.villages.length * options.perVillage;

/** A private address per `perAddress` submissions: 10.x.y.z from the submission's number. */
function address(i: number): string {
  const a = Math.floor(i / options.perAddress) + 1;
  return `10.${(a >> 16) & 255}.${(a >> 8) & 255}.${a & 255}`;
}

function post(i: number): Promise<{ status: number; body: string; ms: number }> {
  const village = options.villages[i % options.villages.length]!;
  const body = JSON.stringify({ content: `${options.contents[i % options.contents.length]}（${options.run}-${i}）`, anonymous: true });
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({
      agent, hostname, port, method: 'POST', path: `/api/public/villages/${village}/concerns`,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-forwarded-for': address(i) },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, ms: performance.now() - t0 }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const codes: string[] = [];
const statuses: Record<string, number> = {};
const latencies: number[] = [];
let errors = 0;
let next = 0;
let stopReason = 'time';
console.log('START');
const started = performance.now();
const until = started + options.seconds * 1000;

async function client(): Promise<void> {
  while (performance.now() < until) {
    if (next >= budget) {
      stopReason = 'every village had its submissions for the minute';
      return;
    }
    const i = next++;
    try {
      const res = await post(i);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      latencies.push(res.ms);
      if (res.status === 201) codes.push((JSON.parse(res.body) as { trackingCode: string }).trackingCode);
    } catch {
      errors++;
    }
  }
}

await Promise.all(Array.from({ length: options.connections }, client));
const elapsedMs = performance.now() - started;
agent.destroy();
latencies.sort((a, b) => a - b);
const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor((q / 100) * latencies.length))] ?? NaN;
console.log('RESULT ' + JSON.stringify({ sent: next, codes, statuses, errors, elapsedMs, p50: at(50), p99: at(99), max: latencies.at(-1) ?? NaN, stopReason }));
