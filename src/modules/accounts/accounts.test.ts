import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { PASSWORD } from '../../../test/support/county.js';
import { engines } from '../../../test/support/databases.js';
import { json, signInAs } from '../../../test/support/http.js';
import type { Me } from './contracts.js';

describe.each(engines)('accounts on %s', (engine) => {
  const t = useTestApp(engine);

  const signIn = (username: string, password: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/session', payload: { username, password }, headers });

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
    expect(me.posts).toEqual([{ role: 'township_admin', title: '乡镇（街道）党委管理员', orgCode: '530522101', orgName: '和顺镇党委' }]);
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
    t.county.clock.advance(16 * 60_000);
    expect((await signIn('secretary', PASSWORD)).statusCode).toBe(200);
  });

  it('signs out: the cookie no longer opens anything', async () => {
    const cookie = await signInAs(t.app, 'cadre');
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode).toBe(401);
  });

  it('expires a session after seven days', async () => {
    const cookie = await signInAs(t.app, 'cadre');
    t.county.clock.advance(7 * 86_400_000 + 1000);
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode).toBe(401);
  });

  it('changes a password: checks the current one and the strength, then ends every session', async () => {
    const cookie = await signInAs(t.app, 'member');
    const other = await signInAs(t.app, 'member');
    const change = (currentPassword: string, newPassword: string) =>
      t.app.inject({ method: 'POST', url: '/api/session/password', payload: { currentPassword, newPassword }, headers: { cookie } });
    const wrong = await change('Nope1234', 'Better2026');
    expect(json(wrong)).toMatchObject({ error: { fields: [{ path: 'currentPassword', message: '当前密码不正确' }] } });
    const weak = await change(PASSWORD, 'abcdefgh');
    expect(json(weak)).toMatchObject({ error: { fields: [{ path: 'newPassword', message: '新密码至少 8 位，且须同时包含字母和数字' }] } });
    expect((await change(PASSWORD, 'Better2026')).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: other } })).statusCode).toBe(401);
    expect((await signIn('member', PASSWORD)).statusCode).toBe(401);
    expect((await signIn('member', 'Better2026')).statusCode).toBe(200);
  });

  it('rejects malformed sign-in bodies with the field named', async () => {
    const missing = await t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'x' } });
    expect(missing.statusCode).toBe(400);
    expect(json(missing)).toMatchObject({ error: { code: 'validation', fields: [{ path: 'body.password', message: '必填' }] } });
    const broken = await t.app.inject({ method: 'POST', url: '/api/session', payload: '{"username": ', headers: { 'content-type': 'application/json' } });
    expect(broken.statusCode).toBe(400);
    expect(json(broken)).toEqual({ error: { code: 'malformed_json', message: '请求体不是合法的 JSON' } });
  });

  it('lets a township administrator create, list, reset and disable accounts in the township', async () => {
    const cookie = await signInAs(t.app, 'township');
    const created = await t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie }, payload: { username: 'shiqiao', password: 'Start2026', name: '石桥书记', role: 'branch_secretary', orgCode: '530522101002', title: '党支部书记' } });
    expect(created.statusCode).toBe(201);
    expect(json(created)).toEqual({ username: 'shiqiao', name: '石桥书记', disabled: false, initialPassword: true, posts: [{ role: 'branch_secretary', title: '党支部书记', orgCode: '530522101002', orgName: '石桥村党支部' }] });
    const list = json<{ items: { username: string }[] }>(await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie } }));
    expect(list.items.map((u) => u.username)).toEqual(['cadre', 'member', 'secretary', 'shiqiao', 'township']);
    const duplicate = await t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie }, payload: { username: 'shiqiao', password: 'Start2026', name: '重复', role: 'cadre', orgCode: '530522101' } });
    expect(json(duplicate)).toMatchObject({ error: { fields: [{ path: 'username', message: '用户名“shiqiao”已被使用' }] } });
    const badName = await t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie }, payload: { username: '石桥', password: 'Start2026', name: '石桥', role: 'cadre', orgCode: '530522101' } });
    expect(json(badName)).toMatchObject({ error: { fields: [{ path: 'body.username', message: '用户名为 3 至 32 位字母、数字、下划线、点或连字符' }] } });
    const countyRole = await t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie }, payload: { username: 'fake_admin', password: 'Start2026', name: '假管理员', role: 'county_admin', orgCode: '530522101' } });
    expect(countyRole.statusCode).toBe(400);

    const userCookie = await signInAs(t.app, 'shiqiao', 'Start2026');
    expect((await t.app.inject({ method: 'POST', url: '/api/users/shiqiao/password', headers: { cookie }, payload: { newPassword: 'Reset2026' } })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: userCookie } })).statusCode).toBe(401);
    expect((await signIn('shiqiao', 'Reset2026')).statusCode).toBe(200);

    expect((await t.app.inject({ method: 'POST', url: '/api/users/shiqiao/disable', headers: { cookie } })).statusCode).toBe(204);
    expect(json(await signIn('shiqiao', 'Reset2026'))).toEqual({ error: { code: 'disabled', message: '该账号已停用' } });
    expect((await t.app.inject({ method: 'POST', url: '/api/users/shiqiao/enable', headers: { cookie } })).statusCode).toBe(204);
    expect((await signIn('shiqiao', 'Reset2026')).statusCode).toBe(200);
    const self = await t.app.inject({ method: 'POST', url: '/api/users/township/disable', headers: { cookie } });
    expect(json(self)).toEqual({ error: { code: 'invalid', message: '不能停用自己的账号' } });
  });
});
