import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { useTestApp } from '../support/app.js';
import { engines } from '../support/databases.js';
import { json } from '../support/http.js';

describe.each(engines)('platform HTTP and audit on %s', (engine) => {
  const t = useTestApp(engine, { signIn: ['county'] });

  it('answers health without a session and names the engine', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(json(response)).toMatchObject({ status: 'ok', engine });
  });

  it('publishes an OpenAPI document describing every API route', async () => {
    const doc = json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(await t.app.inject({ method: 'GET', url: '/api/openapi.json' }));
    expect(doc.openapi).toMatch(/^3\./);
    for (const route of t.app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json')) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path}`).toBeDefined();
    }
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
  });

  it('answers unknown routes, oversized bodies and wrong content types with the error shape, never a stack', async () => {
    const unknown = await t.app.inject({ method: 'GET', url: '/api/nothing-here', headers: { cookie: t.cookies.county! } });
    expect(unknown.statusCode).toBe(404);
    expect(json(unknown)).toEqual({ error: { code: 'not_found', message: '接口不存在：GET /api/nothing-here' } });
    const big = await t.app.inject({ method: 'POST', url: '/api/organizations', headers: { cookie: t.cookies.county!, 'content-type': 'application/json' }, payload: JSON.stringify({ name: 'x'.repeat(1_100_000) }) });
    expect(big.statusCode).toBe(413);
    expect(json(big)).toEqual({ error: { code: 'body_too_large', message: '请求体过大（上限 1024 KB）' } });
    const form = await t.app.inject({ method: 'POST', url: '/api/organizations', headers: { cookie: t.cookies.county!, 'content-type': 'text/plain' }, payload: 'code=1' });
    expect(form.statusCode).toBe(415);
    expect(json(form)).toMatchObject({ error: { code: 'unsupported_media_type' } });
    const badQuery = await t.app.inject({ method: 'GET', url: '/api/audit?page=0&bogus=1', headers: { cookie: t.cookies.county! } });
    expect(badQuery.statusCode).toBe(400);
    expect(json<{ error: { fields: { path: string }[] } }>(badQuery).error.fields.map((f) => f.path).sort()).toEqual(['querystring', 'querystring.page']);
  });

  it('records every write in the audit trail with actor, before and after, readable by the administrator', async () => {
    await t.app.inject({ method: 'PATCH', url: '/api/organizations/530522101002', headers: { cookie: t.cookies.county! }, payload: { name: '石桥新村党支部' } });
    const page = json<{ total: number; items: { actorLabel: string; action: string; before: unknown; after: unknown }[] }>(
      await t.app.inject({ method: 'GET', url: '/api/audit?action=organization.update', headers: { cookie: t.cookies.county! } }),
    );
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ actorLabel: 'county', entityLabel: '石桥新村党支部（530522101002）', before: { name: '石桥村党支部' }, after: { name: '石桥新村党支部' } });
    const signIns = json<{ total: number }>(await t.app.inject({ method: 'GET', url: '/api/audit?action=session.sign_in&actor=county', headers: { cookie: t.cookies.county! } }));
    expect(signIns.total).toBe(1);
  });

  it('keeps the audit trail append-only in the database itself', async () => {
    for (const statement of [sql`update audit_events set action = 'x'`, sql`delete from audit_events`, sql`truncate audit_events`]) {
      const failure = (await t.database.db.execute(statement).then(() => null, (e: Error) => e)) as (Error & { cause?: Error }) | null;
      expect(failure?.cause?.message ?? failure?.message).toMatch(/append-only/);
    }
  });

  it('verifies the hash chain and names the first broken link after a row is altered by hand', async () => {
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true, counties: 1 });
    await t.database.db.execute(sql`alter table audit_events disable trigger user`);
    await t.database.db.execute(sql`update audit_events set after = '{"name":"篡改"}' where seq = 3`);
    await t.database.db.execute(sql`alter table audit_events enable trigger user`);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: false, countyCode: '530522', seq: 3, reason: 'content does not match its hash', events: 2 });
  });
});
