import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect } from 'vitest';
import { createApp } from '../../src/app.js';
import type { Database, Engine } from '../../src/platform/db/database.js';
import type { App } from '../../src/platform/http/app-types.js';
import { auditEvents } from '../../src/platform/audit/schema.js';
import { buildTestCounty, type TestCounty } from './county.js';
import { openTestDatabase } from './databases.js';
import { json, signInAs, type ErrorBody } from './http.js';

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

/**
 * Requests as the signed-in users of a TestApp, and what route tests check of the answers: the body
 * of a success, the error of a refusal, the fields a 400 names (as "path: message"), the audit events of an action.
 */
export function requestsOf(t: TestApp) {
  const send = (user: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object, lang?: string) =>
    t.app.inject({ method, url, payload, headers: { cookie: t.cookies[user]!, ...(lang ? { 'accept-language': lang } : {}) } });
  type Response = Awaited<ReturnType<typeof send>>;
  const ok = async <T>(response: Response, status = 200): Promise<T> => {
    expect(response.statusCode, response.body).toBe(status);
    return json<T>(response);
  };
  const refused = async (response: Response, status: number): Promise<ErrorBody['error']> => {
    expect(response.statusCode, response.body).toBe(status);
    return json<ErrorBody>(response).error;
  };
  const fieldsOf = async (response: Response): Promise<string[]> => (await refused(response, 400)).fields!.map((f) => `${f.path}: ${f.message}`);
  const events = (action: string) => t.database.db.select().from(auditEvents).where(eq(auditEvents.action, action)).orderBy(auditEvents.seq);
  return { send, ok, refused, fieldsOf, events };
}
