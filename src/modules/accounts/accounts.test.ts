import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import type { App } from '../../platform/http/app-types.js';
import { buildTestCounty, PASSWORD, type TestCounty } from '../../../test/support/county.js';
import { engines, openTestDatabase } from '../../../test/support/databases.js';
import { json, signInAs } from '../../../test/support/http.js';
import type { Me } from './contracts.js';

describe.each(engines)('accounts on %s', (engine) => {
  let database: Database;
  let app: App;
  let county: TestCounty;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    county = await buildTestCounty(database);
    app = await createApp(database, { web: false, clock: county.clock });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const signIn = (username: string, password: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/session', payload: { username, password }, headers });

  it('signs in with an HttpOnly, SameSite session cookie, Secure only behind TLS', async () => {
    const plain = await signIn('township', PASSWORD);
    expect(plain.statusCode).toBe(200);
    const cookie = plain.cookies.find((c) => c.name === 'gr_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeUndefined();
    const behindTls = await signIn('township', PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(behindTls.cookies.find((c) => c.name === 'gr_session')!.secure).toBe(true);
    const me = json<{ user: Me }>(plain).user;
    expect(me).toMatchObject({ username: 'township', countyCode: '530522', countyName: '测试县' });
    expect(me.posts).toEqual([{ role: 'township_admin', title: 'township_admin', orgCode: '530522101', orgName: '和顺镇党委' }]);
    expect(me.abilities).toContain('org.manage');
  });

  it('answers a wrong password and an unknown user alike, in Chinese or English', async () => {
    const wrong = await signIn('cadre', 'Wrong1234');
    const unknown = await signIn('nobody', 'Wrong1234');
    expect(wrong.statusCode).toBe(401);
    expect(json(wrong)).toEqual({ error: { code: 'bad_credentials', message: '用户名或密码错误' } });
    expect(json(unknown)).toEqual(json(wrong));
    const english = await signIn('nobody', 'Wrong1234', { 'accept-language': 'en' });
    expect(json(english)).toEqual({ error: { code: 'bad_credentials', message: 'Wrong username or password' } });
  });

  it('throttles after five failures for a username, even with the right password, until the window passes', async () => {
    for (let i = 0; i < 5; i++) expect((await signIn('secretary', `Bad${i}pass`)).statusCode).toBe(401);
    const blocked = await signIn('secretary', PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(json(blocked)).toEqual({ error: { code: 'throttled', message: '登录失败次数过多，请 15 分钟后再试' } });
    // Another user from the same address is not locked out by it.
    expect((await signIn('member', PASSWORD)).statusCode).toBe(200);
    county.clock.advance(16 * 60_000);
    expect((await signIn('secretary', PASSWORD)).statusCode).toBe(200);
  });

  it('signs out: the cookie no longer opens anything', async () => {
    const cookie = await signInAs(app, 'cadre');
    expect((await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode).toBe(401);
  });

  it('expires a session after seven days', async () => {
    const cookie = await signInAs(app, 'cadre');
    county.clock.advance(7 * 86_400_000 + 1000);
    expect((await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode).toBe(401);
  });

  it('changes a password: checks the current one and the strength, then ends every session', async () => {
    const cookie = await signInAs(app, 'member');
    const other = await signInAs(app, 'member');
    const change = (currentPassword: string, newPassword: string) =>
      app.inject({ method: 'POST', url: '/api/session/password', payload: { currentPassword, newPassword }, headers: { cookie } });
    const wrong = await change('Nope1234', 'Better2026');
    expect(json(wrong)).toMatchObject({ error: { fields: [{ path: 'currentPassword', message: '当前密码不正确' }] } });
    const weak = await change(PASSWORD, 'abcdefgh');
    expect(json(weak)).toMatchObject({ error: { fields: [{ path: 'newPassword', message: '新密码至少 8 位，且须同时包含字母和数字' }] } });
    expect((await change(PASSWORD, 'Better2026')).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/session', headers: { cookie: other } })).statusCode).toBe(401);
    expect((await signIn('member', PASSWORD)).statusCode).toBe(401);
    expect((await signIn('member', 'Better2026')).statusCode).toBe(200);
  });

  it('rejects malformed sign-in bodies with the field named', async () => {
    const missing = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'x' } });
    expect(missing.statusCode).toBe(400);
    expect(json(missing)).toMatchObject({ error: { code: 'validation', fields: [{ path: 'body.password', message: '必填' }] } });
    const broken = await app.inject({ method: 'POST', url: '/api/session', payload: '{"username": ', headers: { 'content-type': 'application/json' } });
    expect(broken.statusCode).toBe(400);
    expect(json(broken)).toEqual({ error: { code: 'malformed_json', message: '请求体不是合法的 JSON' } });
  });
});
