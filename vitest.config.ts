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
    // 2 cores; each worker may hold an embedded PGlite (~300 MB). Three workers were no faster in CI
    // and a browser journey timed out under the contention.
    pool: 'forks',
    // Files in a worker share its modules: importing the app for every file took a third of the run
    // (src: 293 s → 197 s). Tests keep their state in the databases and apps they open, not in modules.
    isolate: false,
    maxWorkers: 2,
    env: { TZ: 'UTC' },
    sequence: { sequencer: SlowestFirst },
  },
});
