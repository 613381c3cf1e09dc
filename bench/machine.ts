import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../src/platform/paths.js';

function packageVersion(name: string): string {
  try {
    return JSON.parse(readFileSync(join(packageRoot(), 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}

function osName(): string {
  try {
    const line = readFileSync('/etc/os-release', 'utf8').split('\n').find((l) => l.startsWith('PRETTY_NAME='));
    return line ? line.slice('PRETTY_NAME='.length).replace(/"/g, '') : 'Linux';
  } catch {
    return process.platform;
  }
}

export function machineLines(engineVersions: Record<string, string>): string[] {
  const cpu = cpus();
  return [
    `- Machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${osName()} (kernel ${release()})`,
    `- Node ${process.version}; fastify ${packageVersion('fastify')}, drizzle-orm ${packageVersion('drizzle-orm')}, pg ${packageVersion('pg')}, autocannon ${packageVersion('autocannon')}`,
    `- @electric-sql/pglite ${packageVersion('@electric-sql/pglite')}`,
    ...Object.entries(engineVersions).map(([engine, v]) => `- ${engine}: \`${v}\``),
  ];
}

/** The 1-minute load average at each phase: other work on the machine inflates every figure. */
const loads: { phase: string; load: number }[] = [];

export function sampleLoad(phase: string): void {
  loads.push({ phase, load: loadavg()[0]! });
}

export function loadLines(): string[] {
  if (loads.length === 0) return [];
  const cores = cpus().length;
  const max = Math.max(...loads.map((l) => l.load));
  const min = Math.min(...loads.map((l) => l.load));
  const busy = loads.filter((l) => l.load > cores * 0.5);
  return [
    `- Load average (1 min) at the start of each phase: ${min.toFixed(1)}–${max.toFixed(1)} on ${cores} cores` +
      (busy.length > 0
        ? ` — **the machine was busy with other work** (e.g. ${busy.slice(0, 3).map((l) => `${l.phase}: ${l.load.toFixed(1)}`).join(', ')}), so absolute times are inflated; ratios between columns measured side by side hold better`
        : ' (quiet)'),
  ];
}
