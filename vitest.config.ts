import { configDefaults, defineConfig } from 'vitest/config';
import SlowestFirst from './test/support/sequencer.js';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'dist/**', 'web/**'],
    globalSetup: ['test/support/global-setup.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // 2 cores, but two workers left a third of the CPU idle in CI: much of a browser or CLI test is
    // waiting on Chromium or a child process. Each worker may hold an embedded PGlite (~300 MB).
    pool: 'forks',
    maxWorkers: 3,
    env: { TZ: 'UTC' },
    sequence: { sequencer: SlowestFirst },
  },
});
