import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { packageRoot } from '../../src/platform/paths.js';

export const screenshotDir = join(packageRoot(), 'test-results', 'screenshots');

/** The web app must be built for the server to serve it; build it once if a test run finds it missing. */
export function ensureWebBuilt(): void {
  if (existsSync(join(packageRoot(), 'dist', 'web', 'index.html'))) return;
  execFileSync('npm', ['run', 'build:web'], { cwd: packageRoot(), stdio: 'inherit' });
}

/** Debian's Chromium, never a downloaded browser; flags keep it off the (closed) network. */
export function launchChromium(): Promise<Browser> {
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
