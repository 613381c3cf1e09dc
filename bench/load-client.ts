/**
 * The load generator, run as its own process so that its work does not land on the event loop
 * being measured. Usage: node --import tsx bench/load-client.ts '<json options>'.
 * Prints "START" just before the first request and "RESULT <json>" at the end.
 */
import autocannon from 'autocannon';

interface ClientOptions {
  url: string;
  cookie: string;
  paths: string[];
  connections: number;
  seconds: number;
}

const options = JSON.parse(process.argv[2] ?? '{}') as ClientOptions;
if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(options.url)) throw new Error(`load client only talks to 127.0.0.1: ${options.url}`);
console.log('START');
const result = await autocannon({
  url: options.url,
  connections: options.connections,
  duration: options.seconds,
  headers: { cookie: options.cookie },
  requests: options.paths.map((path) => ({ method: 'GET', path })),
  timeout: 30,
});
console.log('RESULT ' + JSON.stringify({
  reqPerSec: result.requests.average,
  total: result.requests.total,
  p50: result.latency.p50,
  p99: result.latency.p99,
  max: result.latency.max,
  errors: result.errors,
  timeouts: result.timeouts,
  non2xx: result.non2xx,
}));
