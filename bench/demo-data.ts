/**
 * Identical demo data on every engine: the project's own generator with a fixed seed and a fixed
 * "as of" date (the CLI uses today's date, which would make runs on different days differ).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock } from '../src/platform/clock.js';
import { migrationsFolder, type Database } from '../src/platform/db/database.js';
import { packageRoot } from '../src/platform/paths.js';
import { demoCountyCodes, generateCounties, type DemoScale } from '../src/demo/generate.js';
import { loadDemoCounty } from '../src/demo/load.js';
import { cloneCounty } from './clone-county.js';
import type { Raw } from './engines.js';

export const DEMO_SEED = 1;
export const DEMO_AS_OF = '2026-06-30';
/** The first county's demo accounts (later counties have their code appended). */
export const ADMIN = { username: 'county', password: 'Demo2026' };

export interface Loaded {
  ms: number;
  counties: number;
  organizations: number;
  people: number;
  /** Full and probationary members. */
  members: number;
  firstCountyCode: string;
}

/** Generates and loads the first `counties` counties of a demo scale into an open database. */
export async function loadDemo(database: Database, scale: DemoScale, counties: number, log: (line: string) => void): Promise<Loaded> {
  const started = performance.now();
  const loaded: Loaded = { ms: 0, counties: 0, organizations: 0, people: 0, members: 0, firstCountyCode: '' };
  for (const demo of generateCounties({ scale, seed: DEMO_SEED, asOf: DEMO_AS_OF })) {
    if (loaded.counties >= counties) break;
    const t0 = performance.now();
    await loadDemoCounty(database.db, systemClock, demo);
    const members = demo.people.filter((p) => p.membership?.category === 'full' || p.membership?.category === 'probationary').length;
    loaded.counties++;
    loaded.organizations += demo.orgs.length;
    loaded.people += demo.people.length;
    loaded.members += members;
    loaded.firstCountyCode ||= demo.code;
    log(`    county ${loaded.counties}/${counties} ${demo.code}: ${demo.orgs.length} orgs, ${members} members, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  loaded.ms = performance.now() - started;
  return loaded;
}

/** The province: its first county generated and loaded, the others copies of it (see cloneCounty). */
export async function loadProvince(database: Database, raw: Raw, counties: number, log: (line: string) => void): Promise<Loaded> {
  const started = performance.now();
  const loaded = await loadDemo(database, 'province', 1, log);
  const first = { ...loaded };
  const codes = demoCountyCodes('province');
  for (let i = 1; i < counties; i++) {
    const t0 = performance.now();
    await cloneCounty(raw, codes[0]!, codes[i]!);
    loaded.counties++;
    loaded.organizations += first.organizations;
    loaded.people += first.people;
    loaded.members += first.members;
    log(`    county ${loaded.counties}/${counties} ${codes[i]}: a copy of ${codes[0]}, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  loaded.ms = performance.now() - started;
  return loaded;
}

/** What a cached province directory depends on: its size, the migrations and the demo generator. */
export function provinceCacheKey(counties: number): string {
  const hash = createHash('sha256');
  const add = (dir: string, keep: (name: string) => boolean) => {
    for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }).sort((a, b) => join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)))) {
      if (!entry.isFile() || !keep(entry.name)) continue;
      const file = join(entry.parentPath, entry.name);
      hash.update(file.slice(packageRoot().length)).update(readFileSync(file));
    }
  };
  add(migrationsFolder(), () => true);
  add(join(packageRoot(), 'src', 'demo'), (name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
  add(join(packageRoot(), 'bench'), (name) => name === 'clone-county.ts');
  hash.update(`${DEMO_SEED}/${DEMO_AS_OF}`);
  return `${counties}-${hash.digest('hex').slice(0, 12)}`;
}
