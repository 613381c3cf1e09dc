import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createApp } from '../../src/app.js';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import type { Database } from '../../src/platform/db/database.js';
import type { App } from '../../src/platform/http/app-types.js';
import { buildTestCounty } from '../support/county.js';
import { engines, openTestDatabase } from '../support/databases.js';
import { json, signInAs } from '../support/http.js';

describe.each(engines)('platform HTTP and audit on %s', (engine) => {
  let database: Database;
  let app: App;
  let cookie: string;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await buildTestCounty(database);
    app = await createApp(database, { web: false });
    cookie = await signInAs(app, 'county');
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('answers health without a session and names the engine', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(json(response)).toMatchObject({ status: 'ok', engine });
  });

  it('publishes an OpenAPI document describing every API route', async () => {
    const doc = json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(await app.inject({ method: 'GET', url: '/api/openapi.json' }));
    expect(doc.openapi).toMatch(/^3\./);
    for (const route of app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json')) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path}`).toBeDefined();
    }
    const docs = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
  });

  it('answers unknown routes, oversized bodies and wrong content types with the error shape, never a stack', async () => {
    const unknown = await app.inject({ method: 'GET', url: '/api/nothing-here', headers: { cookie } });
    expect(unknown.statusCode).toBe(404);
    expect(json(unknown)).toEqual({ error: { code: 'not_found', message: '接口不存在：GET /api/nothing-here' } });
    const big = await app.inject({ method: 'POST', url: '/api/organizations', headers: { cookie, 'content-type': 'application/json' }, payload: JSON.stringify({ name: 'x'.repeat(1_100_000) }) });
    expect(big.statusCode).toBe(413);
    expect(json(big)).toEqual({ error: { code: 'body_too_large', message: '请求体过大（上限 1024 KB）' } });
    const form = await app.inject({ method: 'POST', url: '/api/organizations', headers: { cookie, 'content-type': 'text/plain' }, payload: 'code=1' });
    expect(form.statusCode).toBe(415);
    expect(json(form)).toMatchObject({ error: { code: 'unsupported_media_type' } });
    const badQuery = await app.inject({ method: 'GET', url: '/api/audit?page=0&bogus=1', headers: { cookie } });
    expect(badQuery.statusCode).toBe(400);
    expect(json<{ error: { fields: { path: string }[] } }>(badQuery).error.fields.map((f) => f.path).sort()).toEqual(['querystring', 'querystring.page']);
  });

  it('records every write in the audit trail with actor, before and after, readable by the administrator', async () => {
    await app.inject({ method: 'PATCH', url: '/api/organizations/530522101002', headers: { cookie }, payload: { name: '石桥新村党支部' } });
    const page = json<{ total: number; items: { actorLabel: string; action: string; before: unknown; after: unknown }[] }>(
      await app.inject({ method: 'GET', url: '/api/audit?action=organization.update', headers: { cookie } }),
    );
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ actorLabel: 'county', entityLabel: '石桥新村党支部（530522101002）', before: { name: '石桥村党支部' }, after: { name: '石桥新村党支部' } });
    const signIns = json<{ total: number }>(await app.inject({ method: 'GET', url: '/api/audit?action=session.sign_in&actor=county', headers: { cookie } }));
    expect(signIns.total).toBe(1);
  });

  it('keeps the audit trail append-only in the database itself', async () => {
    for (const statement of [sql`update audit_events set action = 'x'`, sql`delete from audit_events`, sql`truncate audit_events`]) {
      const failure = (await database.db.execute(statement).then(() => null, (e: Error) => e)) as (Error & { cause?: Error }) | null;
      expect(failure?.cause?.message ?? failure?.message).toMatch(/append-only/);
    }
  });

  it('verifies the hash chain and names the first broken link after a row is altered by hand', async () => {
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, counties: 1 });
    await database.db.execute(sql`alter table audit_events disable trigger user`);
    await database.db.execute(sql`update audit_events set after = '{"name":"篡改"}' where seq = 3`);
    await database.db.execute(sql`alter table audit_events enable trigger user`);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, countyCode: '530522', seq: 3, reason: 'content does not match its hash', events: 2 });
  });
});
