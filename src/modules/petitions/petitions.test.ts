import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { requestsOf, useTestApp } from '../../../test/support/app.js';
import { DONGFENG, HESHUN, MAJIA } from '../../../test/support/county.js';
import { engines } from '../../../test/support/databases.js';
import type { PetitionDetail, PetitionListView } from './contracts.js';

// The test county's clock stands at Monday 2 March 2026. Steps are dated back so that every
// deadline and window can be reached without moving it.
describe.each(engines)('petitions on %s', (engine) => {
  const t = useTestApp(engine, { signIn: ['county', 'township', 'secretary', 'member', 'secretary2'] });
  const { send, ok, refused, fieldsOf, events } = requestsOf(t);
  const letter = (over: object = {}) => ({
    orgCode: MAJIA, receivedOn: '2026-02-20', channel: 'letter', content: '反映村道硬化工程质量问题', category: 'infrastructure',
    petitioners: [{ name: '杨树林', idNumber: '53052219700101001X', phone: '13900001111', address: '和顺镇马家村三组12号' }], ...over,
  });
  const register = async (user: string, body: object) => ok<{ id: string; number: string; visible: boolean }>(await send(user, 'POST', '/api/petitions', body), 201);
  const act = (user: string, id: string, action: string, body: object = {}) => send(user, 'POST', `/api/petitions/${id}/${action}`, body);
  const step = async (user: string, id: string, action: string, body: object = {}) => ok<PetitionDetail>(await act(user, id, action, body));
  const detail = (user: string, id: string) => send(user, 'GET', `/api/petitions/${id}`).then((r) => ok<PetitionDetail>(r));
  const list = (user: string, query = '') => send(user, 'GET', `/api/petitions${query}`).then((r) => ok<PetitionListView>(r));

  it('a secretary registers a letter; numbers run per year; the input is checked field by field', async () => {
    const first = await register('secretary', letter());
    expect(first).toMatchObject({ number: '2026-0001', visible: true });
    expect((await register('township', letter({ orgCode: HESHUN }))).number).toBe('2026-0002');
    expect((await register('township', letter({ receivedOn: '2025-12-30' }))).number).toBe('2025-0001');
    expect(await fieldsOf(await send('secretary', 'POST', '/api/petitions', letter({
      receivedOn: '2026-03-03', channel: 'referred', accusedPeople: [{}], accusedOrgCodes: ['999'], sameMatterAs: '1999-0001',
    })))).toEqual([
      'body.receivedOn: 日期不能晚于今天',
      'body.referredBy: 上级转交办的信访事项须填写转交办机关，其他来源不填',
      'body.accusedPeople.0: 被反映人须选择人员或填写姓名',
      'body.accusedOrgCodes.0: 本县没有编号为 999 的党组织',
      'body.sameMatterAs: 未找到登记号为 1999-0001 的信访事项',
    ]);
    const english = await refused(await send('secretary', 'POST', '/api/petitions', letter({ referredBy: '县信访局' }), 'en'), 400);
    expect(english.fields).toEqual([{ path: 'body.referredBy', message: 'A referred petition names the referring body; other channels do not' }]);
    expect(await fieldsOf(await send('secretary', 'POST', '/api/petitions', letter({ channel: 'fax', petitioners: [] })))).toHaveLength(2);
    // A village other than one's own, and a user who registers nothing.
    expect((await send('secretary', 'POST', '/api/petitions', letter({ orgCode: DONGFENG }))).statusCode).toBe(404);
    expect((await refused(await send('member', 'POST', '/api/petitions', letter()), 403)).code).toBe('forbidden');
    const [event] = await events('petition.register');
    expect(event).toMatchObject({ entityType: 'petition', entityId: first.id, entityLabel: '信访 2026-0001' });
    expect(JSON.stringify(event)).not.toContain('杨树林');
  });

  it('shows the petitioner whole to its handlers only, and audits that read', async () => {
    const { id } = await register('secretary', letter({ content: '反映低保评定不公开的问题', category: 'social_security' }));
    const bySecretary = await detail('secretary', id);
    expect(bySecretary).toMatchObject({ masked: true, petitioners: '杨**', petitionerDetails: [{ name: '杨**', idNumber: '530522********001X', phone: '139****1111', address: '和顺镇马家村****' }] });
    expect((await events('petition.read_petitioner')).filter((e) => e.entityId === id)).toHaveLength(0);
    const byTownship = await detail('township', id);
    expect(byTownship).toMatchObject({ masked: false, petitionerDetails: [{ name: '杨树林', idNumber: '53052219700101001X', phone: '13900001111' }] });
    expect((await events('petition.read_petitioner')).filter((e) => e.entityId === id)).toHaveLength(1);
    expect(bySecretary.can.accept).toEqual({ allowed: false, reason: 'no_ability' });
    expect(byTownship.can.accept).toEqual({ allowed: true });
    expect(byTownship.can.reply).toEqual({ allowed: false, reason: 'wrong_state' });
    expect(byTownship.deadlines).toEqual([{ kind: 'acceptance', dueOn: '2026-03-07', doneOn: null, late: false }]);
    // Outside the village and without the ability: not found.
    expect((await send('secretary2', 'GET', `/api/petitions/${id}`)).statusCode).toBe(404);
    expect((await send('member', 'GET', `/api/petitions/${id}`)).statusCode).toBe(404);
  });

  it('goes register → accept → extend once → reply → double feedback, with the deadlines checked', async () => {
    const { id } = await register('secretary', letter({ receivedOn: '2025-12-01', channel: 'referred', referredBy: '县信访局', content: '反映土地流转租金拖欠', category: 'land' }));
    expect(await fieldsOf(await act('township', id, 'accept', { on: '2025-11-30' }))).toEqual(['body.on: 日期不能早于上一办理环节']);
    expect(await fieldsOf(await act('township', id, 'accept', { on: '2026-03-03' }))).toEqual(['body.on: 日期不能晚于今天']);
    expect((await refused(await act('secretary', id, 'accept', { on: '2025-12-05' }), 403)).code).toBe('forbidden');
    let d = await step('township', id, 'accept', { on: '2025-12-05' });
    expect(d).toMatchObject({ state: 'handling', dueOn: '2026-02-03', overdue: true });
    expect(await fieldsOf(await act('township', id, 'extend', { on: '2026-01-10', days: 31, approver: '张局长', reason: '案情复杂', petitionerToldOn: '2026-01-11' }))).toEqual(['body.days: 不能大于 30']);
    expect(await fieldsOf(await act('township', id, 'extend', { on: '2026-01-10', days: 30, approver: '张局长', reason: '案情复杂', petitionerToldOn: '2026-01-09' }))).toEqual(['body.petitionerToldOn: 告知日期须在 2026-01-10 至 2026-03-02 之间']);
    d = await step('township', id, 'extend', { on: '2026-01-10', days: 30, approver: '张局长', reason: '案情复杂', petitionerToldOn: '2026-01-11' });
    expect(d).toMatchObject({ dueOn: '2026-03-05', overdue: false });
    const again = await refused(await act('township', id, 'extend', { on: '2026-01-12', days: 5, approver: '张局长', reason: '再延', petitionerToldOn: '2026-01-12' }), 409);
    expect(again.message).toBe('办理期限只能延长一次');
    await step('township', id, 'assign', { on: '2026-01-12', assignee: '和顺镇农业农村服务中心' });
    d = await step('township', id, 'reply', { on: '2026-02-01', text: '已督促承租方于2月底前付清租金。' });
    expect(d).toMatchObject({ state: 'replied', dueOn: null, overdue: false, feedbackOwed: { petitioner: true, body: true } });
    expect(d.deadlines.map((x) => [x.kind, x.dueOn, x.doneOn, x.late])).toEqual([
      ['acceptance', '2025-12-16', '2025-12-05', false], ['handling', '2026-03-05', '2026-02-01', false], ['review_request', '2026-03-03', null, false],
    ]);
    expect((await refused(await act('township', id, 'close', {}), 409)).message).toBe('信访人请求复查（复核）的 30 日期限未满，暂不能办结');
    // The secretary does the double feedback; the to-do tells them until both halves are recorded.
    const todos = async (user: string) => ok<{ items: { kind: string }[] }>(await send(user, 'GET', '/api/todos')).then((r) => r.items.map((i) => i.kind));
    expect(await todos('secretary')).toContain('petitions.feedback');
    await step('secretary', id, 'feedback_petitioner', { on: '2026-02-03', by: '马书记', how: 'in_person' });
    d = await step('secretary', id, 'feedback_body', { on: '2026-02-04', by: '马书记', how: 'report' });
    expect(d.feedbackOwed).toEqual({ petitioner: false, body: false });
    expect(d.timeline.map((e) => e.action)).toEqual(['register', 'accept', 'extend', 'assign', 'reply', 'feedback_petitioner', 'feedback_body']);
    expect(d.timeline[2]).toMatchObject({ on: '2026-01-10', data: { days: 30, approver: '张局长', reason: '案情复杂', petitionerToldOn: '2026-01-11' } });
    expect(await todos('secretary')).not.toContain('petitions.feedback');
  });

  it('takes a review only within 30 days of the reply, and after a re-review refuses the same matter', async () => {
    const { id, number } = await register('township', letter({ receivedOn: '2025-10-01', content: '反映宅基地审批问题', category: 'land' }));
    await step('township', id, 'accept', { on: '2025-10-05' });
    await step('township', id, 'reply', { on: '2025-10-20', text: '经核实，审批程序合规。' });
    expect((await refused(await act('township', id, 'review_request', { on: '2025-11-20' }), 409)).message).toBe('已超过 30 日的请求期限，不予受理');
    await step('township', id, 'review_request', { on: '2025-11-19' });
    await step('township', id, 'review_decide', { on: '2025-12-10', text: '维持原答复意见。' });
    await step('township', id, 're_review_request', { on: '2026-01-05' });
    const d = await step('township', id, 're_review_decide', { on: '2026-01-20', text: '复核维持。' });
    expect(d).toMatchObject({ state: 're_reviewed', final: true });
    const same = await refused(await send('township', 'POST', '/api/petitions', letter({ sameMatterAs: number })), 409);
    expect(same.message).toBe(`${number} 已经复核终结，同一事实和理由不再受理`);
    await step('township', id, 'feedback_petitioner', { on: '2026-01-21', by: '镇信访办', how: 'letter' });
    expect(await step('township', id, 'close', { on: '2026-01-21' })).toMatchObject({ state: 'closed' });
    // An earlier matter not yet final may be named as the same one.
    const open = await register('township', letter({ content: '反映水渠维修问题' }));
    expect(await register('township', letter({ sameMatterAs: open.number }))).toMatchObject({ visible: true });
  });

  it('offers the county\'s post holders as accused people, found by pinyin, to those who register', async () => {
    const names = async (user: string, q: string) => ok<{ items: { name: string; org: string }[] }>(await send(user, 'GET', `/api/petitions/accused-choices?q=${encodeURIComponent(q)}`))
      .then((r) => r.items.map((i) => `${i.name} ${i.org}`));
    // The test county's accounts are named by their usernames; a secretary may name a cadre of the township above.
    expect(await names('secretary', 'cadre')).toEqual(['cadre 和顺镇党委']);
    expect(await names('secretary', 'secretary')).toEqual(['secretary 马家村党支部', 'secretary2 东风村党支部']);
    expect(await names('township', '无此人')).toEqual([]);
    expect((await send('member', 'GET', '/api/petitions/accused-choices?q=cadre')).statusCode).toBe(403);
    expect((await send('secretary', 'GET', '/api/petitions/accused-choices')).statusCode).toBe(400);
  });

  it('refuses not accepting without its reason and written notice, and records both', async () => {
    const { id } = await register('township', letter({ content: '反映邻里纠纷' }));
    expect(await fieldsOf(await act('township', id, 'not_accept', {}))).toEqual(['body.reason: 必填', 'body.noticeOn: 必填']);
    const d = await step('township', id, 'not_accept', { reason: '属于诉讼程序解决的事项', noticeOn: '2026-03-02' });
    expect(d).toMatchObject({ state: 'not_accepted', dueOn: null });
    expect(d.timeline.at(-1)).toMatchObject({ action: 'not_accept', data: { reason: '属于诉讼程序解决的事项', noticeOn: '2026-03-02' } });
  });

  it('lists the register with filters and counts, exports it, and lists the matters due', async () => {
    const all = await list('township');
    expect(all.total).toBeGreaterThan(5);
    expect(all.can.register).toEqual({ allowed: true });
    const late = await list('township', '?overdue=true');
    expect(late.items.length).toBe(late.counts.overdue);
    expect(late.items.every((i) => i.overdue)).toBe(true);
    const open = await list('township', '?state=open');
    expect(open.total).toBe(open.counts.open);
    expect(open.items.every((i) => ['registered', 'handling', 'reviewing', 're_reviewing'].includes(i.state))).toBe(true);
    expect((await list('township', '?channel=referred')).items.map((i) => i.content)).toEqual(['反映土地流转租金拖欠']);
    expect((await list('township', '?year=2025')).items.every((i) => i.receivedOn.startsWith('2025'))).toBe(true);
    expect((await list('secretary')).items.every((i) => i.org.code === MAJIA)).toBe(true);
    expect(await list('secretary2')).toMatchObject({ total: 0, items: [] });
    expect(await list('member')).toMatchObject({ total: 0, can: { register: { allowed: false, reason: 'no_ability' } } });
    expect((await send('township', 'GET', '/api/petitions?state=lost')).statusCode).toBe(400);

    const response = await send('township', 'GET', '/api/petitions/export.xlsx?state=open');
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const rows = book.worksheets[0]!.getSheetValues().slice(2) as unknown[][];
    expect(rows).toHaveLength(open.total);
    expect(rows.every((r) => String(r[5]).includes('*'))).toBe(true);
    expect(response.body).not.toContain('杨树林');

    const { items: todos } = await ok<{ items: { kind: string; title: string }[] }>(await send('township', 'GET', '/api/todos'));
    expect(todos.find((i) => i.kind === 'petitions.due')?.title).toMatch(/^信访事项 \d+ 件临近或超过法定期限/);
    expect((await ok<{ items: { kind: string }[] }>(await send('secretary2', 'GET', '/api/todos'))).items.some((i) => i.kind.startsWith('petitions.'))).toBe(false);
  });
});
