import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { requestsOf, useTestApp } from '../../../test/support/app.js';
import { DONGFENG, HESHUN, MAJIA, SHIQIAO } from '../../../test/support/county.js';
import { engines } from '../../../test/support/databases.js';
import { json, signInAs, type ErrorBody } from '../../../test/support/http.js';
import { deliverDue, logChannel, MAX_ATTEMPTS, type OutboxChannel } from '../../platform/outbox/outbox.js';
import { outboxMessages } from '../../platform/outbox/schema.js';
import { write } from '../../platform/service.js';
import { users } from '../accounts/schema.js';
import { initCounty, operatorFor } from '../organizations/county.js';
import { visibleOrg } from '../organizations/queries.js';
import { insertOrganization } from '../organizations/service.js';
import type { ConcernDetail, ConcernSettingsView, InboxView, TrackingView } from './contracts.js';
import { closeLapsed } from './lapse.js';
import { PUBLIC_LIMITS } from './public-routes.js';
import { concernEvents, concerns } from './schema.js';

const OTHER_VILLAGE = '530523101001';

// The test county's clock stands at Monday 2 March 2026, 10:00 in China.
describe.each(engines)('concerns on %s', (engine) => {
  const person: Record<string, string> = {};
  const t = useTestApp(engine, {
    signIn: ['county', 'township', 'cadre', 'secretary', 'member', 'secretary2'],
    async prepare({ clock }, database) {
      for (const u of await database.db.select().from(users)) person[u.username] = u.personId;
      // A second county with a village of its own, for what the public pages may not reveal across counties.
      const other = await initCounty(database.db, clock, { code: '530523', name: '邻县' });
      const operator = { db: database.db, clock, actor: await operatorFor(database.db, other, 'test') };
      await write(operator, async (w) => {
        await insertOrganization(w, await visibleOrg(operator, '530523', w.tx), {
          code: OTHER_VILLAGE, name: '邻县李家村党支部', type: 'branch', unitType: 'village', establishedOn: '1960-01-01',
        }, other.id);
      });
    },
  });
  const { send, ok, refused, fieldsOf, events } = requestsOf(t);
  let address = 0;
  /** Each public request from its own address unless one is given, so the per-client limits stay out of the way. */
  const pub = (method: 'GET' | 'POST', url: string, payload?: object, ip = `10.0.${Math.floor(++address / 250)}.${address % 250}`, lang?: string) =>
    t.app.inject({ method, url, payload, remoteAddress: ip, headers: lang ? { 'accept-language': lang } : {} });
  const submit = async (body: object, code = MAJIA) => json<{ trackingCode: string }>(await pub('POST', `/api/public/villages/${code}/concerns`, body)).trackingCode;
  const idOf = async (code: string) => (await t.database.db.select().from(concerns).where(eq(concerns.trackingCode, code)))[0]!.id;
  const act = (user: string, id: string, action: string, body: object = {}) => send(user, 'POST', `/api/concerns/${id}/${action}`, body);
  const detail = (user: string, id: string) => send(user, 'GET', `/api/concerns/${id}`).then((r) => ok<ConcernDetail>(r));
  const track = (code: string) => pub('GET', `/api/public/concerns/${code}`).then((r) => ok<TrackingView>(r));
  /** Moves the clock, signing everyone in again as sessions expire over the days moved. */
  const at = async (iso: string) => {
    t.county.clock.set(new Date(iso));
    for (const user of Object.keys(t.cookies)) t.cookies[user] = await signInAs(t.app, user);
  };

  describe('settings', () => {
    it('answers the defaults, and only the county administrator sets the county\'s own', async () => {
      const view = await ok<ConcernSettingsView>(await send('secretary', 'GET', '/api/concerns/settings'));
      expect(view.categories.find((c) => c.id === 'disputes')).toEqual({ id: 'disputes', name: '矛盾纠纷', limitDays: 5 });
      expect(view).toMatchObject({ ratingDays: 7, reopenDays: 15, can: { edit: { allowed: false } } });
      const { can: _can, ...body } = view;
      expect((await send('township', 'PUT', '/api/concerns/settings', body)).statusCode).toBe(403);
      expect(await fieldsOf(await send('county', 'PUT', '/api/concerns/settings', { ...body, ratingDays: 0 }))).toEqual(['body.ratingDays: 不能小于 1']);
      const dup = { ...body, categories: [...body.categories, body.categories[0]] };
      expect((await send('county', 'PUT', '/api/concerns/settings', dup)).statusCode).toBe(400);
      const saved = await ok<ConcernSettingsView>(await send('county', 'PUT', '/api/concerns/settings', { ...body, stateLabels: { ...body.stateLabels, submitted: '新诉求' } }));
      expect(saved.stateLabels.submitted).toBe('新诉求');
      expect(await events('concerns.settings')).toHaveLength(1);
      await ok(await send('county', 'PUT', '/api/concerns/settings', body));
    });
  });

  describe('public intake', () => {
    it('files a concern with the village branch, text kept exactly as given', async () => {
      const content = '<script>alert(1)</script> 村道  有坑 & "积水"';
      const code = await submit({ content, name: '马大爷', phone: '13800001111', replyChannel: 'sms' });
      expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/);
      const [row] = await t.database.db.select().from(concerns).where(eq(concerns.trackingCode, code));
      expect(row).toMatchObject({ content, channel: 'public', state: 'submitted', stateType: 'new', enteredBy: null, submitterPhone: '13800001111', dueOn: null });
      const view = await track(code);
      expect(view).toMatchObject({ content, org: '马家村党支部', stateType: 'new', receivedOn: '2026-03-02', canRate: false, canReopen: false });
      expect(view.timeline.map((e) => e.action)).toEqual(['submit']);
    });

    it('refuses bad input naming the field, in Chinese or English', async () => {
      const url = `/api/public/villages/${MAJIA}/concerns`;
      expect(await fieldsOf(await pub('POST', url, { content: '短' }))).toEqual(['body.content: 至少 5 个字符']);
      expect(await fieldsOf(await pub('POST', url, { content: '路灯坏了很久了', replyChannel: 'sms' }))).toEqual(['body.replyChannel: 选择短信答复须填写手机号码']);
      expect(await fieldsOf(await pub('POST', url, { content: '路灯坏了很久了', anonymous: true, name: '张三' }))).toEqual(['body.name: 匿名反映时不填写姓名和电话']);
      expect(await fieldsOf(await pub('POST', url, { content: '路灯坏了很久了', category: 'roads' }))).toEqual(['body.category: 没有“roads”这一诉求类别']);
      expect(await fieldsOf(await pub('POST', url, { content: '路灯坏了很久了', phone: '12345' }))).toHaveLength(1);
      const en = await pub('POST', url, { content: '路灯坏了很久了', replyChannel: 'sms' }, undefined, 'en');
      expect(json<ErrorBody>(en).error.fields).toEqual([{ path: 'body.replyChannel', message: 'A reply by SMS needs a phone number' }]);
      expect((await pub('POST', url, { content: 'x'.repeat(2001) })).statusCode).toBe(400);
      const huge = await pub('POST', url, { content: '路'.repeat(20_000) });
      expect(huge.statusCode).toBe(413);
      expect(json<ErrorBody>(huge).error.message).toContain('16 KB');
    });

    it('answers only for an active village or community branch', async () => {
      for (const code of [HESHUN, '530522', 'NOPE']) {
        const r = await pub('POST', `/api/public/villages/${code}/concerns`, { content: '路灯坏了很久了' });
        expect(r.statusCode, code).toBe(404);
      }
      expect(await ok(await pub('GET', `/api/public/villages/${MAJIA}`))).toMatchObject({ org: { code: MAJIA, name: '马家村党支部' } });
    });

    it('drops what fills the honeypot, and answers a repeat from the same address with the first code', async () => {
      const before = (await t.database.db.select().from(concerns)).length;
      const bot = await pub('POST', `/api/public/villages/${MAJIA}/concerns`, { content: '广告广告广告', website: 'http://spam' });
      expect(bot.statusCode).toBe(201);
      expect((await t.database.db.select().from(concerns)).length).toBe(before);
      expect((await pub('GET', `/api/public/concerns/${json<{ trackingCode: string }>(bot).trackingCode}`)).statusCode).toBe(404);
      const body = { content: '水渠堵了，请帮忙疏通' };
      const first = await pub('POST', `/api/public/villages/${MAJIA}/concerns`, body, '10.9.9.9');
      const again = await pub('POST', `/api/public/villages/${MAJIA}/concerns`, body, '10.9.9.9');
      expect(json(again)).toEqual(json(first));
      const other = await pub('POST', `/api/public/villages/${MAJIA}/concerns`, body, '10.9.9.10');
      expect(json(other)).not.toEqual(json(first));
    });

    it('limits submissions per address with 429 and Retry-After, every acknowledged one stored', async () => {
      const codes: string[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await pub('POST', `/api/public/villages/${SHIQIAO}/concerns`, { content: `第${i}条：桥栏杆松动` }, '10.8.8.8');
        expect(r.statusCode).toBe(201);
        codes.push(json<{ trackingCode: string }>(r).trackingCode);
      }
      const over = await pub('POST', `/api/public/villages/${SHIQIAO}/concerns`, { content: '第6条：桥栏杆松动' }, '10.8.8.8');
      expect(over.statusCode).toBe(429);
      expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
      expect(json<ErrorBody>(over).error).toMatchObject({ code: 'rate_limited' });
      expect(json<ErrorBody>(over).error.message).toMatch(/操作过于频繁，请 \d+ 秒后再试/);
      // Another address is not held back by it.
      expect((await pub('POST', `/api/public/villages/${SHIQIAO}/concerns`, { content: '第7条：桥栏杆松动' }, '10.8.8.9')).statusCode).toBe(201);
      for (const code of codes) expect((await t.database.db.select().from(concerns).where(eq(concerns.trackingCode, code)))).toHaveLength(1);
      for (let i = 0; i < 30; i++) await pub('GET', `/api/public/concerns/${codes[0]}`, undefined, '10.7.7.7');
      expect((await pub('GET', `/api/public/concerns/${codes[0]}`, undefined, '10.7.7.7')).statusCode).toBe(429);
    });

    it('keeps each county\'s concerns its own: the other county\'s settings, names and cases stay out of sight', async () => {
      const code = await submit({ content: '邻县村民反映：村道积水' }, OTHER_VILLAGE);
      const view = await track(code);
      expect(view.org).toBe('邻县李家村党支部');
      expect(JSON.stringify(view)).not.toMatch(/测试县|和顺镇|马家村/);
      const id = await idOf(code);
      for (const user of ['county', 'township', 'secretary']) {
        await refused(await send(user, 'GET', `/api/concerns/${id}`), 404);
        await refused(await act(user, id, 'accept', { category: 'other' }), 404);
        const inbox = await ok<InboxView>(await send(user, 'GET', `/api/concerns?q=${encodeURIComponent('积水')}`));
        expect(inbox.items.map((c) => c.id)).not.toContain(id);
      }
      await refused(await send('county', 'GET', `/api/concerns?org=${OTHER_VILLAGE}`), 404);
    });

    it('holds back a flood at one village\'s page whatever the addresses, and no other village', async () => {
      const url = `/api/public/villages/${DONGFENG}/concerns`;
      for (let i = 0; i < PUBLIC_LIMITS.submitPerVillage.max; i++) {
        expect((await pub('POST', url, { content: `东风村第${i}件：水管漏水` })).statusCode).toBe(201);
      }
      const over = await pub('POST', url, { content: '东风村又一件：水管漏水' });
      expect(over.statusCode).toBe(429);
      expect(over.headers['retry-after']).toBeDefined();
      expect((await pub('POST', `/api/public/villages/${SHIQIAO}/concerns`, { content: '石桥村：水管漏水' })).statusCode).toBe(201);
    });

    it('answers an unknown code with 404, without saying whether it exists elsewhere', async () => {
      const r = await pub('GET', '/api/public/concerns/ZZZZZZZZZZ');
      expect(r.statusCode).toBe(404);
      expect(json<ErrorBody>(r).error.message).toBe('查询码有误，未找到对应的诉求');
    });
  });

  describe('the pipeline', () => {
    let code = '';
    let id = '';

    it('is accepted by the village\'s secretary, with a category, which starts the clock', async () => {
      await at('2026-03-02T02:00:00Z');
      code = await submit({ content: '村东头路灯不亮，晚上出行不便', name: '马大爷', phone: '13800002222', replyChannel: 'sms' });
      id = await idOf(code);
      await refused(await act('secretary2', id, 'accept', { category: 'infrastructure' }), 404);
      await refused(await act('cadre', id, 'accept', { category: 'infrastructure' }), 403);
      expect(await fieldsOf(await act('secretary', id, 'accept', {}))).toEqual(['body.category: 受理时须确定诉求类别']);
      const d = await ok<ConcernDetail>(await act('secretary', id, 'accept', { category: 'infrastructure' }));
      expect(d).toMatchObject({ state: 'accepted', stateLabel: '已受理', stateType: 'open', dueOn: '2026-03-16', category: { name: '基础设施' } });
      expect(d.can.accept).toEqual({ allowed: false, reason: 'wrong_state' });
      expect(d.can.assign).toEqual({ allowed: true });
      expect((await events('concern.accept')).at(-1)).toMatchObject({ entityLabel: code });
      await refused(await act('secretary', id, 'accept', { category: 'infrastructure' }), 409);
    });

    it('is assigned to a handler who may handle the village, and worked by that handler only', async () => {
      expect(await fieldsOf(await act('secretary', id, 'assign', { handlerId: person.secretary2! }))).toHaveLength(1);
      expect(await fieldsOf(await act('secretary', id, 'assign', { handlerId: person.member! }))).toHaveLength(1);
      const d = await ok<ConcernDetail>(await act('secretary', id, 'assign', { handlerId: person.cadre!, note: '请包村干部处理' }));
      expect(d).toMatchObject({ state: 'assigned', handler: { id: person.cadre, name: 'cadre' } });
      expect(d.submitterPhone).toBe('13800002222');
      const asCadre = await detail('cadre', id);
      expect(asCadre.submitterPhone).toBe('13800002222');
      expect(asCadre.can).toMatchObject({ start: { allowed: true }, accept: { allowed: false, reason: 'no_ability' } });
      expect((await events('concern.read_phone')).length).toBeGreaterThanOrEqual(2);
      await refused(await act('member', id, 'start'), 404);
      await at('2026-03-03T02:00:00Z');
      await ok(await act('cadre', id, 'start'));
    });

    it('stops the clock while paused, from the history', async () => {
      await at('2026-03-04T02:00:00Z');
      const paused = await ok<ConcernDetail>(await act('cadre', id, 'pause', { reason: 'awaiting_other_unit', note: '等供电所' }));
      expect(paused).toMatchObject({ state: 'paused', stateType: 'paused', dueOn: null });
      await refused(await act('cadre', id, 'answer', { answer: '已修好' }), 409);
      await at('2026-03-06T02:00:00Z');
      const resumed = await ok<ConcernDetail>(await act('cadre', id, 'resume'));
      expect(resumed.dueOn).toBe('2026-03-18');
    });

    it('is answered as a draft, published by the dispatcher, and its SMS queued apart from its state', async () => {
      await at('2026-03-09T02:00:00Z');
      await refused(await act('cadre', id, 'reply'), 403);
      await ok(await act('cadre', id, 'answer', { answer: '已联系供电所，路灯已修复。' }));
      expect((await track(code)).reply).toBeNull();
      const d = await ok<ConcernDetail>(await act('secretary', id, 'reply', {}));
      expect(d).toMatchObject({ state: 'replied', stateType: 'resolved', reply: '已联系供电所，路灯已修复。', dueOn: '2026-03-18' });
      expect(d.deliveries).toMatchObject([{ status: 'pending', attempts: 0 }]);
      const [message] = await t.database.db.select().from(outboxMessages).where(eq(outboxMessages.entityId, id));
      expect(message).toMatchObject({ channel: 'log', recipient: '13800002222', status: 'pending' });
      expect(message!.body).toContain(code);
    });

    it('delivers queued messages through the log channel, retrying a failing channel then giving up', async () => {
      const lines: string[] = [];
      const pass = await deliverDue(t.database.db, [logChannel((_f, text) => lines.push(text))], t.county.clock.now());
      expect(pass.sent).toBeGreaterThanOrEqual(1);
      expect(lines.some((l) => l.includes(code))).toBe(true);
      expect((await detail('secretary', id)).deliveries).toMatchObject([{ status: 'sent', attempts: 1 }]);
      // A second message, through a channel that always fails.
      await t.database.db.insert(outboxMessages).values({ countyId: t.county.county.id, entityType: 'concern', entityId: id, channel: 'sms', recipient: '13800002222', body: '测试', nextAttemptAt: t.county.clock.now() });
      const failing: OutboxChannel = { name: 'sms', send: async () => { throw new Error('gateway down'); } };
      let now = t.county.clock.now();
      for (let i = 1; i < MAX_ATTEMPTS; i++) {
        expect(await deliverDue(t.database.db, [failing], now)).toEqual({ sent: 0, retried: 1, failed: 0 });
        // Not due again until its backoff has passed.
        expect(await deliverDue(t.database.db, [failing], now)).toEqual({ sent: 0, retried: 0, failed: 0 });
        now = new Date(now.getTime() + 3600_000);
      }
      expect(await deliverDue(t.database.db, [failing], now)).toEqual({ sent: 0, retried: 0, failed: 1 });
      const deliveries = (await detail('secretary', id)).deliveries;
      expect(deliveries[1]).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, lastError: 'gateway down' });
      // The case's state does not follow its delivery.
      expect((await detail('secretary', id)).state).toBe('replied');
    });

    it('shows the submitter the public part only, and is rated once against the handler of the moment', async () => {
      const view = await track(code);
      expect(view).toMatchObject({ stateLabel: '已答复', reply: '已联系供电所，路灯已修复。', canRate: true, rateUntil: '2026-03-16', canReopen: true, reopenUntil: '2026-03-24' });
      expect(view.timeline.map((e) => e.action)).toEqual(['submit', 'accept', 'assign', 'start', 'pause', 'resume', 'reply']);
      const text = JSON.stringify(view);
      for (const hidden of ['请包村干部处理', '等供电所', 'cadre', '13800002222', '马大爷']) expect(text).not.toContain(hidden);
      const rated = await ok<TrackingView>(await pub('POST', `/api/public/concerns/${code}/rate`, { rating: 'satisfied', comment: '很满意' }));
      expect(rated).toMatchObject({ state: 'closed', rating: 'satisfied', canRate: false });
      const [row] = await t.database.db.select().from(concerns).where(eq(concerns.id, id));
      expect(row).toMatchObject({ ratedHandlerId: person.cadre, stateType: 'closed' });
      expect((await pub('POST', `/api/public/concerns/${code}/rate`, { rating: 'unsatisfied' })).statusCode).toBe(409);
      const [audit] = (await events('concern.rate')).slice(-1);
      expect(audit).toMatchObject({ onBehalfOf: '马大爷', actorUserId: null });
    });

    it('is reopened within the window, back to its handler with the limit counted again', async () => {
      await at('2026-03-10T02:00:00Z');
      const view = await ok<TrackingView>(await pub('POST', `/api/public/concerns/${code}/reopen`, { reason: '又不亮了' }));
      expect(view).toMatchObject({ state: 'reopened', rating: null });
      const d = await detail('cadre', id);
      expect(d).toMatchObject({ state: 'reopened', reopenCount: 1, handler: { id: person.cadre }, dueOn: '2026-03-24' });
      await at('2026-04-01T02:00:00Z');
      expect((await detail('secretary', id))).toMatchObject({ overdue: true, escalationLevel: 2 });
      const inbox = await ok<InboxView>(await send('cadre', 'GET', '/api/concerns?overdue=true'));
      expect(inbox.items.map((c) => c.id)).toContain(id);
    });

    it('puts overdue cases on the to-do of the level above', async () => {
      const todos = (user: string) => send(user, 'GET', '/api/todos').then((r) => ok<{ items: { kind: string; title: string }[] }>(r));
      expect((await todos('township')).items.filter((i) => i.kind === 'concerns.escalated').map((i) => i.title)).toEqual(['马家村党支部：1 件民情诉求已超期']);
      expect((await todos('cadre')).items.find((i) => i.kind === 'concerns.mine')?.title).toMatch(/超期 1 件/);
      // 东风村's secretary has only the new submissions of 东风村 on the list, nothing of 和顺镇.
      expect((await todos('secretary2')).items.filter((i) => i.kind.startsWith('concerns.')).map((i) => i.title)).toEqual([`东风村党支部：${PUBLIC_LIMITS.submitPerVillage.max} 件民情诉求待受理`]);
    });
  });

  describe('lapse and the calendar', () => {
    it('closes a reply nobody rated once the window passes, on a read or a sweep, once', async () => {
      await at('2026-04-01T02:00:00Z');
      const code = await submit({ content: '垃圾池满了，没人清运' });
      const id = await idOf(code);
      await ok(await act('secretary', id, 'accept', { category: 'sanitation' }));
      await ok(await act('secretary', id, 'assign', { handlerId: person.secretary! }));
      await ok(await act('secretary', id, 'start'));
      await ok(await act('secretary', id, 'answer', { answer: '已清运' }));
      await ok(await act('secretary', id, 'reply'));
      await at('2026-04-08T02:00:00Z');
      expect(await closeLapsed(t.database.db, t.county.clock)).toBe(0);
      await at('2026-04-09T02:00:00Z');
      expect(await closeLapsed(t.database.db, t.county.clock)).toBeGreaterThanOrEqual(1);
      expect(await closeLapsed(t.database.db, t.county.clock)).toBe(0);
      const view = await track(code);
      expect(view).toMatchObject({ state: 'closed_unrated', canRate: false, canReopen: true });
      const closes = await t.database.db.select().from(concernEvents).where(and(eq(concernEvents.concernId, id), eq(concernEvents.action, 'close_unrated')));
      expect(closes).toHaveLength(1);
    });

    it('asks for the next year\'s calendar when the deadline falls in it', async () => {
      await at('2026-12-28T02:00:00Z');
      const code = await submit({ content: '年底了，低保还没发' });
      const r = await act('secretary', await idOf(code), 'accept', { category: 'social_security' });
      const error = await refused(r, 409);
      expect(error.message).toBe('办理期限落在 2027 年，请先维护 2027 年的工作日历');
      expect((await track(code)).state).toBe('submitted');
      await at('2026-04-09T02:00:00Z');
    });
  });

  describe('on behalf and the inbox', () => {
    it('is entered by a cadre for a villager, recorded as on their behalf', async () => {
      const body = { orgCode: MAJIA, content: '老人行动不便，申请上门办理医保', channel: 'on_behalf', submitterName: '王奶奶', category: 'social_security' };
      const made = await ok<{ id: string; trackingCode: string }>(await send('cadre', 'POST', '/api/concerns', body), 201);
      expect((await events('concern.submit')).at(-1)).toMatchObject({ onBehalfOf: '王奶奶', entityId: made.id });
      const d = await detail('secretary', made.id);
      expect(d).toMatchObject({ channel: 'on_behalf', enteredBy: 'cadre', state: 'submitted' });
      await refused(await send('secretary2', 'POST', '/api/concerns', body), 404);
      await refused(await send('member', 'POST', '/api/concerns', body), 403);
      expect(await fieldsOf(await send('cadre', 'POST', '/api/concerns', { ...body, channel: 'visit' }))).toEqual(['body.visitId: 走访中发现的诉求须选择马家村党支部的走访记录']);
      expect(await fieldsOf(await send('cadre', 'POST', '/api/concerns', { ...body, orgCode: HESHUN }))).toEqual(['body.orgCode: 和顺镇党委不是村（社区）党组织，不受理群众诉求']);
      expect(await fieldsOf(await send('cadre', 'POST', '/api/concerns', { ...body, householdId: '00000000-0000-4000-8000-000000000000' }))).toEqual(['body.householdId: 该农户不属于马家村党支部']);
      const anonymous = await ok<{ id: string }>(await send('cadre', 'POST', '/api/concerns', { ...body, submitterName: undefined, anonymous: true }), 201);
      expect((await events('concern.submit')).at(-1)).toMatchObject({ onBehalfOf: 'anonymous', entityId: anonymous.id });
    });

    it('lists what the actor may see, open first by due day, with filters and Chinese search', async () => {
      const all = await ok<InboxView>(await send('secretary', 'GET', '/api/concerns'));
      expect(all.items.length).toBeGreaterThan(3);
      const open = all.items.filter((c) => ['new', 'open', 'paused'].includes(c.stateType));
      expect(all.items.slice(0, open.length)).toEqual(open);
      expect((await ok<InboxView>(await send('secretary2', 'GET', '/api/concerns'))).items.every((c) => c.org.code === DONGFENG)).toBe(true);
      const found = await ok<InboxView>(await send('secretary', 'GET', `/api/concerns?q=${encodeURIComponent('医保')}`));
      expect(found.items.length).toBeGreaterThan(0);
      expect(found.items.every((c) => c.content.includes('医保'))).toBe(true);
      expect(await fieldsOf(await send('secretary', 'GET', `/api/concerns?q=${encodeURIComponent('医')}`))).toEqual(['querystring.q: 请至少输入两个汉字']);
      const fresh = await ok<InboxView>(await send('secretary', 'GET', '/api/concerns?state=new'));
      expect(fresh.items.every((c) => c.stateType === 'new')).toBe(true);
      const mine = await ok<InboxView>(await send('secretary', 'GET', '/api/concerns?mine=true'));
      expect(mine.items.every((c) => c.handler?.id === person.secretary)).toBe(true);
      const cat = await ok<InboxView>(await send('township', 'GET', `/api/concerns?category=sanitation&org=${MAJIA}`));
      expect(cat.items.every((c) => c.category?.id === 'sanitation')).toBe(true);
      await refused(await send('secretary2', 'GET', `/api/concerns?org=${MAJIA}`), 404);
      // A cadre who neither handles nor dispatches a case sees the phone masked.
      const withPhone = all.items.find((c) => c.state === 'submitted')!;
      const d = await detail('cadre', withPhone.id);
      expect(d.submitterPhone === null || d.submitterPhone.includes('*')).toBe(true);
    });

    it('refers a case upward, where the township dispatches it and the village still sees it', async () => {
      const code = await submit({ content: '两村之间的水源纠纷' });
      const id = await idOf(code);
      expect(await fieldsOf(await act('secretary', id, 'refer', { orgCode: MAJIA }))).toEqual(['body.orgCode: 不能转办给当前受理单位']);
      const d = await ok<ConcernDetail>(await act('secretary', id, 'refer', { orgCode: HESHUN, note: '涉及两村' }));
      expect(d).toMatchObject({ state: 'referred', handlerOrg: { code: HESHUN }, can: { accept: { allowed: false, reason: 'out_of_scope' } } });
      await ok(await act('township', id, 'accept', { category: 'disputes' }));
      expect((await track(code)).timeline.map((e) => e.org)).toEqual(['马家村党支部', '和顺镇党委', '和顺镇党委']);
      const dup = await submit({ content: '水源纠纷，请镇里协调' });
      const dupId = await idOf(dup);
      expect(await fieldsOf(await act('secretary', dupId, 'duplicate', { of: 'AAAAAAAAAA' }))).toHaveLength(1);
      expect(await ok<ConcernDetail>(await act('secretary', dupId, 'duplicate', { of: code }))).toMatchObject({ state: 'duplicate', stateType: 'closed', duplicateOf: id });
      const junk = await idOf(await submit({ content: '测试测试测试' }));
      expect(await ok<ConcernDetail>(await act('secretary', junk, 'reject', { reason: '非诉求内容' }))).toMatchObject({ state: 'rejected', rejectReason: '非诉求内容' });
      expect((await t.database.db.select().from(concerns).where(eq(concerns.orgId, (await t.database.db.select().from(concerns).where(eq(concerns.id, junk)))[0]!.orgId))).length).toBeGreaterThan(0);
    });
  });
});
