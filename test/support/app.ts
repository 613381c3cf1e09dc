import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../src/app.js';
import type { Database, Engine } from '../../src/platform/db/database.js';
import type { App } from '../../src/platform/http/app-types.js';
import { buildTestCounty, type TestCounty } from './county.js';
import { openTestDatabase } from './databases.js';
import { signInAs } from './http.js';

export interface TestApp {
  database: Database;
  app: App;
  county: TestCounty;
  /** Session cookies of the users signed in at start, by username. */
  cookies: Record<string, string>;
}

/**
 * For a describe block: a fresh database on the engine with the test county, the app over it
 * (its clock is the county's, so tests can move time), and the named users signed in.
 */
export function useTestApp(engine: Engine, options: { signIn?: string[]; prepare?: (t: TestCounty, database: Database) => Promise<void> } = {}): TestApp {
  const t = { cookies: {} } as TestApp;
  beforeAll(async () => {
    t.database = await openTestDatabase(engine);
    t.county = await buildTestCounty(t.database);
    await options.prepare?.(t.county, t.database);
    t.app = await createApp(t.database, { web: false, clock: t.county.clock });
    for (const user of options.signIn ?? []) t.cookies[user] = await signInAs(t.app, user);
  });
  afterAll(async () => {
    await t.app?.close();
    await t.database?.close();
  });
  return t;
}
