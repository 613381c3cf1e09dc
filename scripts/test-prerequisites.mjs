#!/usr/bin/env node
// Checks (and, as root, installs) the system packages the test suite needs:
// PostgreSQL >= 15 server binaries, Debian's Chromium, and the Noto CJK fonts.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';

function hasPostgres() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return false;
  return readdirSync(base).some((v) => Number(v) >= 15 && existsSync(`${base}/${v}/bin/initdb`));
}

function hasCjkFonts() {
  if (existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')) return true;
  try {
    return /noto sans cjk/i.test(execFileSync('fc-list', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    return false; // no fontconfig, so no fonts either
  }
}

const missing = [
  !hasPostgres() && 'postgresql',
  !existsSync('/usr/bin/chromium') && 'chromium',
  !hasCjkFonts() && 'fonts-noto-cjk',
].filter(Boolean);

if (missing.length === 0) {
  console.log('test prerequisites: PostgreSQL >= 15, chromium and Noto CJK fonts are present');
  process.exit(0);
}

if (process.getuid?.() !== 0) {
  console.error(
    `test prerequisites missing: ${missing.join(', ')}\n` +
      'Install them (Debian 12) with:\n\n' +
      '  sudo apt-get install postgresql chromium fonts-noto-cjk\n\n' +
      'then run `npm test` again.',
  );
  process.exit(1);
}

if (missing.includes('postgresql')) {
  // The tests start their own throwaway server on a free port; stop the Debian
  // package from creating (and starting) its default "main" cluster on 5432.
  mkdirSync('/etc/postgresql-common/createcluster.d', { recursive: true });
  writeFileSync(
    '/etc/postgresql-common/createcluster.d/50-no-main-cluster.conf',
    '# written by scripts/test-prerequisites.mjs: tests use their own server\ncreate_main_cluster = false\n',
  );
}

console.log(`test prerequisites: installing ${missing.join(' ')} with apt-get`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
const lock = ['-o', 'DPkg::Lock::Timeout=900']; // wait for another apt run instead of failing
for (const args of [
  ['update', ...lock],
  ['install', '-y', '--no-install-recommends', ...lock, ...missing],
]) {
  const r = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
  if (r.status !== 0) {
    console.error(`test prerequisites: apt-get ${args[0]} failed (${r.error?.message ?? `exit ${r.status}`})`);
    process.exit(1);
  }
}
if (!hasPostgres() || !existsSync('/usr/bin/chromium') || !hasCjkFonts()) {
  console.error('test prerequisites: still missing after apt-get install');
  process.exit(1);
}
console.log('test prerequisites: installed');
