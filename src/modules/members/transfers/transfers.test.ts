import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.js';
import { DONGFENG, GROUP, HESHUN, MAJIA, PASSWORD, SHIQIAO, type TestCounty } from '../../../../test/support/county.js';
import { engines } from '../../../../test/support/databases.js';
import { json, signInAs } from '../../../../test/support/http.js';
import { auditEvents } from '../../../platform/audit/schema.js';
import { write } from '../../../platform/service.js';
import { addUser } from '../../accounts/users.js';
import type { Todos } from '../../home/contracts.js';
import { visibleOrg } from '../../organizations/queries.js';
import { dissolveOrganization, mergeOrganization } from '../../organizations/restructure.js';
import { insertOrganization } from '../../organizations/service.js';
import type { MemberProfile } from '../contracts.js';
import { memberships } from '../schema.js';
import { memberStatistics } from '../statistics/service.js';
import type { PersonTransfers, TransferView } from './contracts.js';
import { letterText, type LetterFacts } from './letter.js';
import { addMember, idNumberOf, breakdownsAndRecount, type NewMembership, type NewPerson } from '../../../../test/support/members.js';

/** Organizations only the statistics checks use, so that their counts are exact. */
const XINCUN = '530522101003';
const DONGSHAN = '530522101005';
const LIUHE = '530522102002';
const DISSOLVED = '530522101009';
/** Merged into 石桥村 while a transfer of one of its members waits. */
const XICUN = '530522101006';

/** A few more organizations, one dissolved, and the secretary of 石桥村 ("secretary3"): a third village. */
async function prepare({ operator, county }: TestCounty) {
  await write(operator, async (w) => {
    const heshun = await visibleOrg(operator, HESHUN, w.tx);
    const qingshui = await visibleOrg(operator, '530522102', w.tx);
    const branch = (code: string, name: string) => ({ code, name, type: 'branch' as const, unitType: 'village' as const, establishedOn: '1990-01-01' });
    await insertOrganization(w, heshun, branch(XINCUN, '新村党支部'), county.id);
    await insertOrganization(w, heshun, branch(DONGSHAN, '东山村党支部'), county.id);
    await insertOrganization(w, heshun, branch(DISSOLVED, '旧村党支部'), county.id);
    await insertOrganization(w, heshun, branch(XICUN, '西村党支部'), county.id);
    await insertOrganization(w, qingshui, branch(LIUHE, '柳河村党支部'), county.id);
  });
  await dissolveOrganization(operator, DISSOLVED, { effectiveOn: '2020-01-01' });
  await addUser(operator, { username: 'secretary3', password: PASSWORD, role: 'branch_secretary', orgCode: SHIQIAO, name: 'secretary3' });
}

const fullMember: NewMembership = { category: 'full', appliedOn: '1999-03-01', joinedOn: '2000-07-01', fullOn: '2001-07-01' };
const probationary: NewMembership = { category: 'probationary', appliedOn: '2023-01-01', activistOn: '2023-06-01', targetOn: '2024-07-01', joinedOn: '2025-09-01' };

describe('the transfer letter\'s words', () => {
  const facts: LetterFacts = {
    letterNo: '〔2026〕第 3 号', name: '孙丽', gender: '2', birthDate: '1990-05-05', ethnicity: '07', category: 'probationary',
    idNumber: '530522199005050024', from: '马家村党支部', to: '东风村党支部', receiverKnown: true, duesPaidTo: '2026-02', issuedOn: '2026-03-02',
  };

  it('names the member, their category and full ID number, the two organizations and the dues', () => {
    const text = letterText(facts);
    expect(text.addressee).toBe('东风村党支部：');
    expect(text.body[0]).toBe('孙丽同志（女，35岁，彝族），系中共预备党员，身份证号码530522199005050024，由马家村党支部去东风村党支部，请转接组织关系。');
    expect(text.body[1]).toBe('该同志党费已交到2026年2月。');
    expect(text.body[2]).toBe('（有效期30天）');
    expect(text.signature).toEqual(['马家村党支部（盖章）', '2026年3月2日']);
    expect(text.receiptAddressee).toBe('马家村党支部：');
    expect(text.receiptSignature[0]).toBe('东风村党支部（盖章）');
  });

  it('leaves blanks to fill in by hand for what is not recorded', () => {
    const text = letterText({ ...facts, gender: null, birthDate: null, duesPaidTo: null, to: '昆明市某党委', receiverKnown: false, category: 'full' });
    expect(text.body[0]).toContain('系中共正式党员');
    expect(text.body[0]).toContain('（　，　岁，彝族）');
    expect(text.body[1]).toBe('该同志党费已交到　　　　年　　月。');
    expect(text.receiptSignature[0]).toBe('接收党组织（盖章）');
  });
});

describe.each(engines)('membership transfers on %s', (engine) => {
  const t = useTestApp(engine, { signIn: ['county', 'township', 'cadre', 'secretary', 'member', 'secretary2', 'secretary3'], prepare });

  let serial = 100;
  /** A member with a valid ID number whose birth date and gender agree with the record. */
  async function member(orgCode: string, name: string, membership: NewMembership = fullMember, person: Partial<NewPerson> = {}) {
    serial += 1;
    return addMember(t.county.operator, orgCode, {
      name, gender: serial % 2 ? '1' : '2', birthDate: '1980-01-01', idNumber: idNumberOf(`53052219800101${serial}`), phone: '13800001111', ...person,
    }, membership);
  }

  const call = (user: string, method: 'GET' | 'POST', url: string, payload?: object, lang?: string) =>
    t.app.inject({ method, url, payload, headers: { cookie: t.cookies[user]!, ...(lang ? { 'accept-language': lang } : {}) } });
  const send = (user: string, personId: string, body: object, lang?: string) => call(user, 'POST', `/api/members/${personId}/transfers`, body, lang);
  const act = (user: string, id: string, action: 'receive' | 'reject' | 'cancel', body: object = {}) => call(user, 'POST', `/api/member-transfers/${id}/${action}`, body);
  const sent = async (user: string, personId: string, body: object) => {
    const response = await send(user, personId, body);
    expect(response.statusCode, response.body).toBe(201);
    return json<TransferView>(response);
  };
  const box = async (user: string, name: 'incoming' | 'outgoing' | 'arrivals') => {
    const response = await call(user, 'GET', `/api/member-transfers?box=${name}`);
    expect(response.statusCode, response.body).toBe(200);
    return json<{ items: TransferView[] }>(response).items;
  };
  const profile = async (user: string, personId: string) => json<MemberProfile>(await call(user, 'GET', `/api/members/${personId}`));
  const todos = async (user: string) => {
    const response = await call(user, 'GET', '/api/todos');
    expect(response.statusCode, response.body).toBe(200);
    return json<Todos>(response).items;
  };
  const total = async (orgCode: string, asOf: string) => (await memberStatistics(t.county.operator, { orgCode, asOf, lang: 'zh' })).members.total;
  const rowsOf = (personId: string) => t.database.db.select().from(memberships).where(eq(memberships.personId, personId)).orderBy(asc(memberships.createdAt));
  const expectProblem = (response: { statusCode: number; body: string }, status: number, message: string, path?: string) => {
    expect(response.statusCode, response.body).toBe(status);
    const error = json<{ error: { message: string; fields?: { path: string; message: string }[] } }>(response as never).error;
    if (path) expect(error.fields).toContainEqual({ path, message });
    else expect(error.message).toBe(message);
  };

  it('keeps a member with the sender until the receiver receives them, then moves the whole record', async () => {
    const { person, membership } = await member(MAJIA, '马成', { ...fullMember, mobile: true, mobileDestination: '昆明', mobileSince: '2024-01-01', retired: true });
    const transfer = await sent('secretary', person.id, { kind: 'within', toOrgCode: DONGFENG, sentOn: '2026-02-20', note: '迁居东风村' });
    expect(transfer).toMatchObject({
      kind: 'within', state: 'sent', from: { code: MAJIA }, to: { code: DONGFENG }, sentOn: '2026-02-20', due: '2026-03-22', overdue: false,
      note: '迁居东风村', person: { name: '马成', category: 'full', visible: true },
    });
    expect(transfer.letterNo).toMatch(/^〔2026〕第 \d+ 号$/);
    expect(transfer.can).toMatchObject({ receive: { allowed: false, reason: 'receiver_only' }, cancel: { allowed: true }, letter: { allowed: true } });
    expect((await profile('secretary', person.id)).membership).toMatchObject({ orgCode: MAJIA });

    // The receiver sees what deciding needs, masked, without the profile.
    const incoming = (await box('secretary2', 'incoming')).find((x) => x.id === transfer.id)!;
    expect(incoming.person).toMatchObject({ name: '马成', gender: person.gender, category: 'full', visible: false });
    expect(incoming.person.idNumber).toBe(`${person.idNumber!.slice(0, 6)}********${person.idNumber!.slice(-4)}`);
    expect(incoming.can).toMatchObject({ receive: { allowed: true }, reject: { allowed: true }, cancel: { allowed: false, reason: 'sender_only' } });
    expect((await call('secretary2', 'GET', `/api/members/${person.id}`)).statusCode).toBe(404);

    expectProblem(await act('secretary', transfer.id, 'receive'), 403, '只有接收方党组织可以接收或退回此转接');
    expectProblem(await act('secretary2', transfer.id, 'receive', { receivedOn: '2026-02-19' }), 400, '日期 2026-02-19 早于转出（介绍信）日期 2026-02-20', 'receivedOn');
    const received = await act('secretary2', transfer.id, 'receive', { receivedOn: '2026-03-01' });
    expect(received.statusCode, received.body).toBe(200);
    expect(json(received)).toMatchObject({ state: 'received', decidedOn: '2026-03-01', due: null, person: { visible: true } });

    const dongfeng = await visibleOrg(t.county.operator, DONGFENG);
    const [ended, continued] = await rowsOf(person.id);
    expect(ended).toMatchObject({ id: membership.id, orgId: membership.orgId, endedOn: '2026-03-01', endReason: 'transferred' });
    expect(continued).toMatchObject({
      orgId: dongfeng.id, orgPath: dongfeng.path, startedOn: '2026-03-01', endedOn: null, endReason: null, category: 'full',
      appliedOn: '1999-03-01', joinedOn: '2000-07-01', fullOn: '2001-07-01', mobile: true, mobileDestination: '昆明', mobileSince: '2024-01-01', retired: true,
    });
    // The record follows: the receiver reads the profile now, the sender no longer, but keeps its outgoing transfer.
    expect((await call('secretary', 'GET', `/api/members/${person.id}`)).statusCode).toBe(404);
    const moved = await profile('secretary2', person.id);
    expect(moved.membership).toMatchObject({ orgCode: DONGFENG, startedOn: '2026-03-01' });
    expect(moved.history.map((h) => [h.orgCode, h.endReason])).toEqual([[MAJIA, 'transferred'], [DONGFENG, null]]);
    expect((await box('secretary', 'outgoing')).find((x) => x.id === transfer.id)).toMatchObject({ state: 'received', person: { visible: false } });
    const history = json<PersonTransfers>(await call('secretary2', 'GET', `/api/members/${person.id}/transfers`));
    expect(history.items.map((x) => [x.id, x.state])).toEqual([[transfer.id, 'received']]);
    expect(history.can.send).toEqual({ allowed: true });

    const [event] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'member.transfer_receive'), eq(auditEvents.entityId, person.id)));
    expect(event).toMatchObject({ actorLabel: 'secretary2', orgPath: dongfeng.path, after: { transferId: transfer.id, receivedOn: '2026-03-01' } });
  });

  it('counts the member in the sender up to the day before receipt and in the receiver from that day', async () => {
    const { person } = await member(XINCUN, '周八');
    expect(await total(XINCUN, '2026-02-01')).toBe(1);
    const transfer = await sent('township', person.id, { kind: 'within', toOrgCode: LIUHE, sentOn: '2026-02-01' });
    // 柳河村 is in another township: only its own side, or the county, receives.
    expectProblem(await act('township', transfer.id, 'receive'), 403, '只有接收方党组织可以接收或退回此转接');
    expect(json(await act('county', transfer.id, 'receive', { receivedOn: '2026-02-10' }))).toMatchObject({ state: 'received' });
    for (const [asOf, sender, receiver] of [['2026-01-31', 1, 0], ['2026-02-05', 1, 0], ['2026-02-09', 1, 0], ['2026-02-10', 0, 1], ['2026-03-02', 0, 1]] as const) {
      expect([asOf, await total(XINCUN, asOf), await total(LIUHE, asOf)]).toEqual([asOf, sender, receiver]);
    }
    expect(await total('530522', '2026-02-09')).toBe(await total('530522', '2026-02-10'));
  });

  it('follows the member when the sender merges into another organization before the receiver acts', async () => {
    const { person } = await member(XICUN, '冯七');
    const transfer = await sent('township', person.id, { kind: 'within', toOrgCode: DONGFENG, sentOn: '2026-02-01' });
    await mergeOrganization(t.county.operator, XICUN, { intoCode: SHIQIAO, effectiveOn: '2026-02-10' });
    expect((await box('secretary2', 'incoming')).find((x) => x.id === transfer.id)).toMatchObject({ from: { code: SHIQIAO }, state: 'sent' });
    expectProblem(await act('secretary2', transfer.id, 'receive', { receivedOn: '2026-02-05' }), 400, '日期 2026-02-05 早于本段组织关系的起始日期 2026-02-10', 'receivedOn');
    expect(json(await act('secretary2', transfer.id, 'receive', { receivedOn: '2026-02-20' }))).toMatchObject({ state: 'received' });
    const orgs = await Promise.all([XICUN, SHIQIAO, DONGFENG].map((code) => visibleOrg(t.county.operator, code)));
    expect((await rowsOf(person.id)).map((r) => [orgs.findIndex((o) => o.id === r.orgId), r.startedOn, r.endedOn, r.endReason])).toEqual([
      [0, null, '2026-02-10', 'merged'], [1, '2026-02-10', '2026-02-20', 'transferred'], [2, '2026-02-20', null, null],
    ]);
  });

  it('lets the receiver reject with a reason; the sender is told and may send elsewhere', async () => {
    const { person } = await member(MAJIA, '李梅', probationary);
    const transfer = await sent('secretary', person.id, { kind: 'within', toOrgCode: SHIQIAO });
    expect(transfer.sentOn).toBe('2026-03-02');
    const noReason = await act('secretary3', transfer.id, 'reject', {});
    expect(noReason.statusCode).toBe(400);
    expect(json(noReason)).toMatchObject({ error: { code: 'validation', fields: [{ path: 'body.reason' }] } });
    const rejected = await act('secretary3', transfer.id, 'reject', { reason: '该同志不在本村居住' });
    expect(json(rejected)).toMatchObject({ state: 'rejected', rejectReason: '该同志不在本村居住', decidedOn: '2026-03-02' });
    expectProblem(await act('secretary3', transfer.id, 'receive'), 409, '该转接已被退回，不能再办理');
    expect((await profile('secretary', person.id)).membership).toMatchObject({ orgCode: MAJIA, category: 'probationary' });
    expect((await todos('secretary')).filter((x) => x.kind === 'transfers.rejected')).toEqual([
      { kind: 'transfers.rejected', title: '李梅的组织关系转接被退回', detail: '石桥村党支部：该同志不在本村居住', link: `/members/${person.id}` },
    ]);

    const again = await sent('secretary', person.id, { kind: 'within', toOrgCode: DONGFENG });
    expect((await todos('secretary')).some((x) => x.kind === 'transfers.rejected')).toBe(false);
    const waiting = (await todos('secretary2')).find((x) => x.kind === 'transfers.incoming' && x.title.includes('李梅'));
    expect(waiting).toMatchObject({ link: '/transfers', due: '2026-04-01', overdue: false });
    const now = t.county.clock.now();
    try {
      // A month on, the session of today has expired: sign in again then.
      t.county.clock.set(new Date('2026-04-02T02:00:00Z'));
      const later = await signInAs(t.app, 'secretary2');
      const todoList = json<Todos>(await t.app.inject({ method: 'GET', url: '/api/todos', headers: { cookie: later } }));
      expect(todoList.items.find((x) => x.title.includes('李梅'))).toMatchObject({ overdue: true });
      const incoming = await t.app.inject({ method: 'GET', url: '/api/member-transfers?box=incoming', headers: { cookie: later } });
      expect(json<{ items: TransferView[] }>(incoming).items.find((x) => x.id === again.id)).toMatchObject({ overdue: true });
    } finally {
      t.county.clock.set(now);
      // Signing in then cleared the sessions expired then, today's among them.
      t.cookies.secretary2 = await signInAs(t.app, 'secretary2');
    }
  });

  it('lets the sender withdraw a pending transfer, and allows one pending transfer per person', async () => {
    const { person } = await member(MAJIA, '王五', { category: 'activist', appliedOn: '2025-01-10', activistOn: '2025-04-01' });
    const transfer = await sent('secretary', person.id, { kind: 'within', toOrgCode: DONGFENG });
    expectProblem(await send('secretary', person.id, { kind: 'within', toOrgCode: SHIQIAO }), 409, '王五已有一项 2026-03-02 转出、尚待接收的组织关系转接，请等待对方处理或先撤回');
    expectProblem(await send('secretary', person.id, { kind: 'out', externalOrg: '外县党委' }, 'en'), 409,
      '王五 already has a transfer sent on 2026-03-02 waiting to be received: wait for it or withdraw it first');
    expect(json<PersonTransfers>(await call('secretary', 'GET', `/api/members/${person.id}/transfers`)).can)
      .toEqual({ send: { allowed: false, reason: 'transfer_pending' }, end: { allowed: false, reason: 'transfer_pending' } });
    expectProblem(await act('secretary2', transfer.id, 'cancel'), 403, '只有转出方党组织可以办理此操作');
    expect(json(await act('secretary', transfer.id, 'cancel'))).toMatchObject({ state: 'cancelled', decidedOn: '2026-03-02' });
    expectProblem(await act('secretary2', transfer.id, 'receive'), 409, '该转接已撤回，不能再办理');
    expectProblem(await act('secretary', transfer.id, 'cancel'), 409, '该转接已撤回，不能再办理');
    expect((await rowsOf(person.id)).map((r) => [r.endedOn, r.category])).toEqual([[null, 'activist']]);
    await sent('secretary', person.id, { kind: 'within', toOrgCode: SHIQIAO });
  });

  it('refuses a receiver that cannot hold the member, and dates out of order', async () => {
    const { person } = await member(MAJIA, '赵九');
    const within = (body: object) => send('secretary', person.id, { kind: 'within', ...body });
    expectProblem(await within({ toOrgCode: GROUP }), 400, '“第一党小组”是党小组，组织关系应在党支部（党总支、党委）', 'toOrgCode');
    expectProblem(await within({ toOrgCode: DISSOLVED }), 400, `党组织“${DISSOLVED}”已撤销`, 'toOrgCode');
    expectProblem(await within({ toOrgCode: HESHUN }), 400, '“和顺镇党委”下设党支部，组织关系应转入其中一个党支部', 'toOrgCode');
    expectProblem(await within({ toOrgCode: MAJIA }), 400, '不能转入本人现在所在的党组织', 'toOrgCode');
    expectProblem(await within({ toOrgCode: 'Z999' }), 400, '党组织“Z999”不存在', 'toOrgCode');
    expectProblem(await within({ toOrgCode: DONGFENG, sentOn: '2026-03-03' }), 400, '日期 2026-03-03 晚于今天', 'sentOn');
    expectProblem(await within({ toOrgCode: DONGFENG, sentOn: '1999-02-28' }), 400, '日期 1999-02-28 早于本段组织关系的起始日期 1999-03-01', 'sentOn');
    expect((await send('secretary', person.id, { kind: 'out' })).statusCode).toBe(400);
    expect((await send('secretary', person.id, { kind: 'within', toOrgCode: DONGFENG, extra: 1 })).statusCode).toBe(400);
    expect(json<PersonTransfers>(await call('secretary', 'GET', `/api/members/${person.id}/transfers`)).items).toEqual([]);
    const targets = json<{ items: { code: string }[] }>(await call('secretary', 'GET', '/api/member-transfers/targets')).items.map((o) => o.code);
    expect(targets).toEqual(expect.arrayContaining([MAJIA, SHIQIAO, DONGFENG, XINCUN, LIUHE]));
    for (const code of [GROUP, DISSOLVED, HESHUN, '530522']) expect(targets).not.toContain(code);
  });

  it('keeps everyone to their side: a third village neither sees nor acts, readers cannot act', async () => {
    const { person } = await member(MAJIA, '钱十');
    const transfer = await sent('secretary', person.id, { kind: 'within', toOrgCode: DONGFENG });
    for (const name of ['incoming', 'outgoing', 'arrivals'] as const) expect((await box('secretary3', name)).map((x) => x.id)).not.toContain(transfer.id);
    for (const action of ['receive', 'reject', 'cancel'] as const) {
      expectProblem(await act('secretary3', transfer.id, action, action === 'reject' ? { reason: '不是本村的人' } : {}), 404, '未找到该组织关系转接记录');
    }
    expect((await call('secretary3', 'GET', `/api/member-transfers/${transfer.id}/letter.docx`)).statusCode).toBe(404);
    expect((await call('secretary3', 'GET', `/api/members/${person.id}/transfers`)).statusCode).toBe(404);
    expect((await send('secretary3', person.id, { kind: 'within', toOrgCode: SHIQIAO })).statusCode).toBe(404);
    expect((await call('member', 'GET', '/api/member-transfers')).statusCode).toBe(403);
    expect((await send('member', person.id, { kind: 'within', toOrgCode: SHIQIAO })).statusCode).toBe(404);
    // A cadre of the township reads the outgoing transfer but may do nothing with it.
    const seen = (await box('cadre', 'outgoing')).find((x) => x.id === transfer.id)!;
    expect(seen.can).toEqual({
      receive: { allowed: false, reason: 'no_ability' }, reject: { allowed: false, reason: 'no_ability' },
      cancel: { allowed: false, reason: 'no_ability' }, letter: { allowed: false, reason: 'no_ability' },
    });
    expectProblem(await act('cadre', transfer.id, 'cancel'), 403, '没有权限执行此操作');
    expect((await call('cadre', 'GET', '/api/member-transfers/targets')).statusCode).toBe(403);
    // The township manages the sender: it may withdraw, not receive for 东风村.
    expectProblem(await act('township', transfer.id, 'receive'), 403, '只有接收方党组织可以接收或退回此转接');
    expect(json(await act('township', transfer.id, 'cancel'))).toMatchObject({ state: 'cancelled' });
  });

  it('issues the letter with the full ID number to the sender only, and records the read', async () => {
    const { person } = await member(MAJIA, '孙丽', probationary, { ethnicity: '07' });
    const transfer = await sent('secretary', person.id, { kind: 'within', toOrgCode: DONGFENG });
    const letter = await call('secretary', 'GET', `/api/member-transfers/${transfer.id}/letter.docx?duesPaidTo=2026-02`);
    expect(letter.statusCode, letter.body).toBe(200);
    expect(letter.headers['content-type']).toContain('wordprocessingml');
    expect(letter.headers['content-disposition']).toContain(encodeURIComponent('党员组织关系介绍信-孙丽'));
    const { default: JSZip } = await import('jszip');
    const xml = await (await JSZip.loadAsync(letter.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const part of ['中国共产党党员组织关系介绍信', transfer.letterNo!, '东风村党支部：', `孙丽同志（${person.gender === '1' ? '男' : '女'}，46岁，彝族），系中共预备党员`,
      `身份证号码${person.idNumber}`, '由马家村党支部去东风村党支部', '党费已交到2026年2月', '（有效期30天）', '2026年3月2日', '回　执']) {
      expect(text).toContain(part);
    }
    const reads = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'member.transfer_letter'), eq(auditEvents.entityId, person.id)));
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ actorLabel: 'secretary', after: { transferId: transfer.id, letterNo: transfer.letterNo } });

    expectProblem(await call('secretary2', 'GET', `/api/member-transfers/${transfer.id}/letter.docx`), 403,
      '您的岗位不能开具介绍信（介绍信含完整身份证号，须由转出方有权查看完整号码的岗位开具）');
    expect((await call('cadre', 'GET', `/api/member-transfers/${transfer.id}/letter.docx`)).statusCode).toBe(403);
    expect((await call('secretary', 'GET', `/api/member-transfers/${transfer.id}/letter.docx?duesPaidTo=2026-13`)).statusCode).toBe(400);
    await act('secretary', transfer.id, 'cancel');
    expectProblem(await call('secretary', 'GET', `/api/member-transfers/${transfer.id}/letter.docx`), 400, '已退回或撤回的转接不能开具介绍信');
  });

  it('numbers letters per county and year, after the highest issued', async () => {
    const a = await sent('secretary', (await member(MAJIA, '甲')).person.id, { kind: 'within', toOrgCode: DONGFENG, letterNo: '〔2026〕第 40 号' });
    const b = await sent('secretary', (await member(MAJIA, '乙')).person.id, { kind: 'within', toOrgCode: DONGFENG });
    const c = await sent('secretary', (await member(MAJIA, '丙')).person.id, { kind: 'out', externalOrg: '外县党委', sentOn: '2025-12-30' });
    expect([a.letterNo, b.letterNo]).toEqual(['〔2026〕第 40 号', '〔2026〕第 41 号']);
    expect(c.letterNo).toBe('〔2025〕第 1 号');
  });

  it('ends the membership on the day a member leaves the county, until the receipt comes or the letter comes back', async () => {
    const { person } = await member(DONGSHAN, '吴刚');
    const out = await sent('township', person.id, { kind: 'out', externalOrg: '昆明市五华区华山街道党工委', sentOn: '2026-02-10' });
    expect(out).toMatchObject({ kind: 'out', state: 'sent', from: { code: DONGSHAN }, to: null, externalOrg: '昆明市五华区华山街道党工委', due: '2026-03-12' });
    expect(out.can).toMatchObject({ receive: { allowed: true }, reject: { allowed: false, reason: 'not_applicable' }, cancel: { allowed: true } });
    expect((await rowsOf(person.id)).map((r) => [r.endedOn, r.endReason])).toEqual([['2026-02-10', 'transferred']]);
    expect([await total(DONGSHAN, '2026-02-09'), await total(DONGSHAN, '2026-02-10')]).toEqual([1, 0]);
    expect((await profile('township', person.id)).membership).toBeNull();
    expect((await todos('township')).find((x) => x.kind === 'transfers.receipt' && x.title.includes('吴刚')))
      .toMatchObject({ title: '吴刚的组织关系回执未返回', detail: '2026-02-10 转往昆明市五华区华山街道党工委', due: '2026-03-12', overdue: false });
    expectProblem(await act('township', out.id, 'reject', { reason: '不接收' }), 400, '只有县内转接可以退回；县外转出未被接收时，请由转出方撤回');
    expectProblem(await send('township', person.id, { kind: 'within', toOrgCode: XINCUN }), 409, '吴刚的组织关系已于 2026-02-10 终止或转出，不能再办理');
    expect(json(await act('township', out.id, 'receive', { receivedOn: '2026-02-25' }))).toMatchObject({ state: 'received', decidedOn: '2026-02-25' });
    expect((await todos('township')).some((x) => x.kind === 'transfers.receipt' && x.title.includes('吴刚'))).toBe(false);

    // A letter that comes back unused restores the relation.
    const { person: zheng } = await member(DONGSHAN, '郑和');
    const back = await sent('township', zheng.id, { kind: 'out', externalOrg: '外县党委', sentOn: '2026-02-15' });
    expect(await total(DONGSHAN, '2026-02-20')).toBe(0);
    expect(json(await act('township', back.id, 'cancel'))).toMatchObject({ state: 'cancelled' });
    expect((await rowsOf(zheng.id)).map((r) => [r.endedOn, r.endReason])).toEqual([[null, null]]);
    expect(await total(DONGSHAN, '2026-02-20')).toBe(1);

    // 吴刚 comes back with a letter: the same person, a new relation from the day he arrived.
    const returned = await call('township', 'POST', '/api/member-transfers/in', {
      orgCode: DONGSHAN, externalOrg: '昆明市五华区华山街道党工委', letterNo: '五组〔2026〕9号', receivedOn: '2026-03-01', name: '吴刚',
      idNumber: person.idNumber, category: 'full', joinedOn: '2000-07-01', fullOn: '2001-07-01',
    });
    expect(returned.statusCode, returned.body).toBe(201);
    expect(json(returned)).toMatchObject({ matchedPerson: true, transfer: { kind: 'in', state: 'received', person: { id: person.id } } });
    expect((await rowsOf(person.id)).map((r) => [r.startedOn, r.endedOn])).toEqual([[null, '2026-02-10'], ['2026-03-01', null]]);
    expect([await total(DONGSHAN, '2026-02-28'), await total(DONGSHAN, '2026-03-01')]).toEqual([1, 2]);
  });

  it('registers a member arriving from outside the county, checked like an imported row', async () => {
    const idNumber = idNumberOf('53290119850315002');
    const body = {
      orgCode: MAJIA, externalOrg: '大理市下关镇党委', letterNo: '大组〔2026〕18号', sentOn: '2026-02-20', receivedOn: '2026-02-26', note: '随家人迁入',
      name: '何新', idNumber, ethnicity: '14', education: '大学本科', occupation: '农民', phone: '139 0000 1111', address: '马家村三组',
      category: 'full', appliedOn: '2008-03-01', activistOn: '2009-01-01', targetOn: '2009-06-01', joinedOn: '2010-07-01', fullOn: '2011-07-01',
    };
    const arrived = await call('secretary', 'POST', '/api/member-transfers/in', body);
    expect(arrived.statusCode, arrived.body).toBe(201);
    const result = json<{ transfer: TransferView; matchedPerson: boolean; warnings: string[] }>(arrived);
    expect(result.transfer).toMatchObject({
      kind: 'in', state: 'received', from: null, to: { code: MAJIA }, externalOrg: '大理市下关镇党委', letterNo: '大组〔2026〕18号',
      sentOn: '2026-02-20', decidedOn: '2026-02-26', person: { name: '何新', gender: '2', category: 'full', visible: true },
      can: { letter: { allowed: false, reason: 'not_applicable' }, receive: { allowed: false, reason: 'not_pending' } },
    });
    expect(result.matchedPerson).toBe(false);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain('入党积极分子须经一年以上培养考察');
    const p = await profile('secretary', result.transfer.person.id);
    expect(p.person).toMatchObject({ gender: '2', birthDate: '1985-03-15', ethnicity: '14', education: '21', occupation: 'farmer', address: '马家村三组' });
    expect(p.membership).toMatchObject({ orgCode: MAJIA, category: 'full', startedOn: '2026-02-26' });
    expect((await box('secretary', 'arrivals')).map((x) => x.id)).toContain(result.transfer.id);
    expect((await box('secretary', 'outgoing')).map((x) => x.id)).not.toContain(result.transfer.id);
    expectProblem(await call('secretary', 'GET', `/api/member-transfers/${result.transfer.id}/letter.docx`), 400, '县外转入的介绍信由转出地开具，本县不再开具');
    expect(await total(MAJIA, '2026-02-25')).toBe(await total(MAJIA, '2026-02-26') - 1);

    expectProblem(await call('secretary', 'POST', '/api/member-transfers/in', body), 409, '此人已在本县有组织关系，应由其所在党组织办理县内转接');
    const wrong = await call('secretary', 'POST', '/api/member-transfers/in', {
      ...body, idNumber: idNumberOf('53290119900101003'), gender: '2', birthDate: '1990-01-02', joinedOn: '2027-01-01', fullOn: undefined, ethnicity: '60', phone: '12345',
    });
    expect(wrong.statusCode).toBe(400);
    const fields = json<{ error: { message: string; fields: { path: string; message: string }[] } }>(wrong).error.fields;
    expect(fields).toEqual(expect.arrayContaining([
      { path: 'body.birthDate', message: '出生日期与公民身份号码不符：号码中的出生日期为 1990-01-01' },
      { path: 'body.gender', message: '性别与公民身份号码不符：号码表示为男性（第 17 位为奇数）' },
      { path: 'body.ethnicity', message: expect.stringContaining('GB 3304') },
      { path: 'body.phone', message: expect.stringContaining('11 位手机号码') },
      { path: 'body.joinedOn', message: '入党日期 2027-01-01 晚于今天（2026-03-02）' },
      { path: 'body.fullOn', message: '人员类别为“正式党员”时须有转正日期' },
    ]));
    const badId = await call('secretary', 'POST', '/api/member-transfers/in', { ...body, idNumber: '532901198503150021' }, 'en');
    expect(json(badId)).toMatchObject({ error: { fields: [{ path: 'body.idNumber', message: 'The check character of the citizen ID number is wrong: the number was probably mistyped' }] } });
    expectProblem(await call('secretary', 'POST', '/api/member-transfers/in', { ...body, idNumber: idNumberOf('53290119850315004'), sentOn: '2026-02-27' }), 400,
      '日期 2026-02-26 早于转出（介绍信）日期 2026-02-27', 'body.receivedOn');
    expectProblem(await call('secretary', 'POST', '/api/member-transfers/in', { ...body, idNumber: idNumberOf('53290119850315004'), orgCode: GROUP }), 400,
      '“第一党小组”是党小组，组织关系应在党支部（党总支、党委）', 'body.orgCode');
    expect((await call('secretary2', 'POST', '/api/member-transfers/in', { ...body, idNumber: idNumberOf('53290119850315004') })).statusCode).toBe(404);
    expect((await call('member', 'POST', '/api/member-transfers/in', { ...body, idNumber: idNumberOf('53290119850315004') })).statusCode).toBe(403);
  });

  it('keeps the subtree breakdowns equal to a recount after every kind of transfer', async () => {
    const { kept, recount } = await breakdownsAndRecount(t.database.db);
    expect(kept.length).toBeGreaterThan(3);
    expect(kept).toEqual(recount);
  });
});
