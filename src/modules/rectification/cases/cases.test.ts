import { describe, expect, it } from 'vitest';
import { requestsOf, useTestApp } from '../../../../test/support/app.js';
import { DONGFENG, MAJIA } from '../../../../test/support/county.js';
import { engines } from '../../../../test/support/databases.js';
import { signInAs } from '../../../../test/support/http.js';
import { addMember } from '../../../../test/support/members.js';
import { openTestCase } from '../../../../test/support/rectification.js';
import type { AccountabilityView, BoardView, CaseView, SummaryView } from './contracts.js';

const at = (day: string) => new Date(`${day}T02:00:00Z`);

// The test county's clock starts at Monday 2 March 2026 (week 2026-W10); 马家村 was defined on 20 February.
describe.each(engines)('the rectification ledger on %s', (engine) => {
  const id = { case: '' };
  const t = useTestApp(engine, {
    signIn: ['county', 'township', 'cadre', 'secretary', 'member', 'secretary2'],
    async prepare(county) { id.case = await openTestCase(county, MAJIA, 2026, '2026-02-20'); },
  });
  const { send, ok, refused, fieldsOf, events } = requestsOf(t);
  /** Moves the clock; sessions lapse over weeks, so everyone signs in again. */
  const moveTo = async (day: string) => {
    t.county.clock.set(at(day));
    for (const user of Object.keys(t.cookies)) t.cookies[user] = await signInAs(t.app, user);
  };
  const todoKinds = async (user: string) => {
    const todos = await ok<{ items: { kind: string }[] } | { kind: string }[]>(await send(user, 'GET', '/api/todos'));
    return (Array.isArray(todos) ? todos : todos.items).map((i) => i.kind);
  };
  const url = (suffix = '') => `/api/rectification/cases/${id.case}${suffix}`;
  const view = (user = 'township') => send(user, 'GET', url()).then((r) => ok<CaseView>(r));
  const plan = {
    items: [
      { problem: '“三会一课”不落实', measure: '建立会议台账，乡镇党委每月检查', responsible: '村党支部书记', deadline: '2026-04-30' },
      { problem: '村务公开不及时', measure: '每季度公开村务财务', responsible: '村务监督委员会主任', deadline: '2026-05-31' },
    ],
  };
  const sheet = (scores: number[]) => [
    { item: '班子建设', max: 40, score: scores[0]! }, { item: '组织生活', max: 30, score: scores[1]! }, { item: '服务群众', max: 30, score: scores[2]! },
  ];

  it('answers the default settings; only the county administrator changes them, with maxima summing to 100', async () => {
    const settings = await ok<{ cadence: object; watchMonths: number; can: object }>(await send('secretary', 'GET', '/api/rectification/settings'));
    expect(settings).toMatchObject({ cadence: { unit: 'week' }, watchMonths: 12, basicPassExtraMonths: 6, passScore: 70, failDissatisfiedPermille: 500, can: { edit: { allowed: false } } });
    const body = { cadence: { everyDays: 3 }, watchMonths: 12, basicPassExtraMonths: 6, passScore: 70, failDissatisfiedPermille: 500, scoreSheet: [{ item: '班子', max: 60 }, { item: '制度', max: 40 }] };
    expect((await send('township', 'PUT', '/api/rectification/settings', body)).statusCode).toBe(403);
    expect(await fieldsOf(await send('county', 'PUT', '/api/rectification/settings', { ...body, scoreSheet: [{ item: '班子', max: 60 }] }))).toEqual(['body.scoreSheet: 评分表各项分值合计应为 100，现为 60']);
    await ok(await send('county', 'PUT', '/api/rectification/settings', body));
    expect((await events('rectification.settings')).at(-1)).toMatchObject({ after: { cadence: { everyDays: 3 } } });
    await ok(await send('county', 'PUT', '/api/rectification/settings', { ...body, cadence: { unit: 'week' } }));
  });

  it('shows the case on the board of the county and the township, and to nobody outside', async () => {
    const board = await ok<BoardView>(await send('county', 'GET', '/api/rectification/cases?org=530522&year=2026'));
    expect(board.cases).toEqual([expect.objectContaining({
      id: id.case, org: { code: MAJIA, name: '马家村党支部' }, township: { code: '530522101', name: '和顺镇党委' }, state: 'identified',
      categories: ['lax'], departments: expect.arrayContaining(['县委组织部']), overdue: false, missedReports: 0,
    })]);
    expect((await ok<BoardView>(await send('township', 'GET', '/api/rectification/cases?org=530522101&year=2026&state=closed'))).cases).toEqual([]);
    expect((await send('secretary2', 'GET', url())).statusCode).toBe(404);
    expect((await send('member', 'GET', url())).statusCode).toBe(404);
    expect((await send('secretary2', 'GET', '/api/rectification/cases?org=530522101&year=2026')).statusCode).toBe(404);
    const seen = await view('secretary');
    expect(seen.findings).toEqual([expect.objectContaining({ criterionCode: '04', channel: 'check' })]);
    expect(seen.can.editPlan).toEqual({ allowed: false, reason: 'no_ability' });
    expect(seen.can.report).toEqual({ allowed: false, message: '整顿方案批准后才需报送进展' });
  });

  it('takes the plan whole from the township, refusing every bad row at once', async () => {
    expect((await send('secretary', 'PUT', url('/plan'), plan)).statusCode).toBe(403);
    const bad = { items: [{ ...plan.items[0]!, deadline: '2026-02-01' }, { ...plan.items[1]!, responsiblePersonId: '00000000-0000-4000-8000-000000000000' }] };
    expect(await fieldsOf(await send('township', 'PUT', url('/plan'), bad))).toEqual([
      'body.items.0.deadline: 第 1 项的完成时限 2026-02-01 早于认定日期 2026-02-20',
      'body.items.1.responsiblePersonId: 第 2 项所选责任人不存在或不在您的管理范围内，可直接填写姓名',
    ]);
    expect((await view()).items).toEqual([]);
    const saved = await ok<CaseView>(await send('township', 'PUT', url('/plan'), plan));
    expect(saved.items.map((i) => i.position)).toEqual([1, 2]);
    expect(saved.can.approvePlan).toEqual({ allowed: true });
  });

  it('records the group with a first secretary by name', async () => {
    const group = { groupLeader: '县委组织部 李部长', groupMembers: ['王干事', '赵干事'], dispatchedUnits: ['县财政局'], firstSecretaryId: null, firstSecretaryName: '陈驻村', countyLeader: '县委副书记 周某' };
    // Picked from the people on record only within the user's reach: 东风村 is outside the township's, not the county's.
    const outside = (await addMember(t.county.operator, DONGFENG, { name: '东驻村' }, { category: 'full' })).person;
    expect(await fieldsOf(await send('township', 'PUT', url('/group'), { ...group, firstSecretaryId: outside.id }))).toEqual(['body.firstSecretaryId: 所选第一书记不存在或不在您的管理范围内，可直接填写姓名']);
    expect((await ok<CaseView>(await send('county', 'PUT', url('/group'), { ...group, firstSecretaryId: outside.id }))).group.firstSecretary).toEqual({ id: outside.id, name: '东驻村' });
    const saved = await ok<CaseView>(await send('township', 'PUT', url('/group'), group));
    expect(saved.group).toEqual({ leader: '县委组织部 李部长', members: ['王干事', '赵干事'], dispatchedUnits: ['县财政局'], firstSecretary: { id: null, name: '陈驻村' }, countyLeader: '县委副书记 周某' });
  });

  it('approves the plan with a deadline, locks it, and starts rectifying', async () => {
    expect((await refused(await send('township', 'POST', url('/approve'), { deadline: '2026-03-02' }), 409)).message).toBe('整顿期限 2026-03-02 应晚于批准日期 2026-03-02');
    expect(await fieldsOf(await send('township', 'POST', url('/approve'), { deadline: '2026-05-01' }))).toEqual(['body.deadline: 第 2 项的完成时限 2026-05-31 晚于整顿期限 2026-05-01']);
    const approved = await ok<CaseView>(await send('township', 'POST', url('/approve'), { deadline: '2026-06-30' }));
    expect(approved).toMatchObject({ state: 'plan_approved', deadline: '2026-06-30', planApprovedOn: '2026-03-02', currentPeriod: { key: '2026-W10' } });
    expect((await refused(await send('township', 'PUT', url('/plan'), plan), 409)).message).toBe('整顿方案已批准，不能再修改');
    expect((await ok<CaseView>(await send('township', 'POST', url('/start'), {}))).state).toBe('rectifying');
    expect((await refused(await send('township', 'POST', url('/request-acceptance'), {}), 409)).message).toBe('还有 2 项整改事项未完成或没有佐证材料，不能申请验收');
  });

  it('keeps reports of the week, marks a late one, and counts the week missed', async () => {
    const first = await ok<CaseView>(await send('secretary', 'POST', url('/reports'), { content: '召开支委会研究整改' }));
    expect(first.reports).toEqual([expect.objectContaining({ periodKey: '2026-W10', reportedOn: '2026-03-02', late: false })]);
    await moveTo('2026-03-24');
    const late = await ok<CaseView>(await send('secretary', 'POST', url('/reports'), { content: '补报第11周进展', forDay: '2026-03-10' }));
    expect(late.reports.at(-1)).toMatchObject({ periodKey: '2026-W11', reportedOn: '2026-03-24', late: true });
    expect(late.missed).toEqual([
      { periodKey: '2026-W11', start: '2026-03-09', end: '2026-03-15', lateOn: '2026-03-24' },
      { periodKey: '2026-W12', start: '2026-03-16', end: '2026-03-22', lateOn: null },
    ]);
    expect(late.missedReports).toBe(2);
    expect(await fieldsOf(await send('secretary', 'POST', url('/reports'), { content: '未来', forDay: '2026-04-01' }))).toEqual(['body.forDay: 日期 2026-04-01 晚于今天（2026-03-24）']);
    expect(await todoKinds('secretary')).toContain('rectification.report_due');
    expect(await todoKinds('secretary2')).not.toContain('rectification.report_due');
  });

  it('counts accountability events per township', async () => {
    const found = await ok<AccountabilityView>(await send('county', 'GET', '/api/rectification/accountability?org=530522&year=2026'));
    expect(found.byTownship).toEqual([{ code: '530522101', name: '和顺镇党委', missedReports: 2, overdueItems: 0, overdueCases: 0 }]);
    expect(found.events.map((e) => `${e.kind} ${e.what}`)).toEqual(['missed_report 2026-W11', 'missed_report 2026-W12']);
  });

  it('exports the accountability events as a workbook for the county\'s notice, and to nobody outside', async () => {
    const file = await send('county', 'GET', '/api/rectification/accountability.xlsx?org=530522&year=2026');
    expect(file.statusCode, file.body).toBe(200);
    expect(file.headers['content-disposition']).toContain(encodeURIComponent('2026年软弱涣散整顿问责事项.xlsx'));
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['按乡镇', '问责事项']);
    expect(book.getWorksheet('按乡镇')!.getRow(2).values).toEqual([undefined, '和顺镇党委', '530522101', 2, 0, 0, 2]);
    expect(book.getWorksheet('问责事项')!.getRow(2).values).toEqual([undefined, '和顺镇党委', '马家村党支部', MAJIA, '未按期报送进展', '2026年第11周', '2026-03-15']);
    expect(book.getWorksheet('问责事项')!.rowCount).toBe(3);
    expect((await send('secretary2', 'GET', `/api/rectification/accountability.xlsx?org=${MAJIA}&year=2026`)).statusCode).toBe(404);
  });

  it('marks items done with evidence, then the township asks for acceptance', async () => {
    const items = (await view()).items;
    expect((await send('member', 'POST', url(`/items/${items[0]!.id}/done`), { doneOn: '2026-03-20', evidence: '会议记录' })).statusCode).toBe(404);
    for (const item of items) await ok(await send('secretary', 'POST', url(`/items/${item.id}/done`), { doneOn: '2026-03-20', evidence: '会议记录和公开栏照片' }));
    expect((await send('secretary', 'POST', url('/request-acceptance'), {})).statusCode).toBe(403);
    expect((await ok<CaseView>(await send('township', 'POST', url('/request-acceptance'), {}))).state).toBe('acceptance_requested');
    expect(await todoKinds('county')).toContain('rectification.acceptance_requested');
    expect(await todoKinds('township')).not.toContain('rectification.acceptance_requested');
  });

  it('lets only the county accept, refusing a pass below the score or with the masses dissatisfied', async () => {
    const body = { acceptedOn: '2026-03-24', scoreSheet: sheet([30, 25, 25]), result: 'pass' };
    expect((await refused(await send('township', 'POST', url('/acceptances'), body), 403)).message).toBe('验收和销号由县委组织部进行');
    expect((await refused(await send('county', 'POST', url('/acceptances'), { ...body, scoreSheet: sheet([20, 25, 20]) }), 409)).message).toBe('验收得分 65 低于合格分 70，不能评为通过');
    expect((await refused(await send('county', 'POST', url('/acceptances'), { ...body, dissatisfiedPermille: 600 }), 409)).message).toBe('群众不满意率 60% 超过 50%，验收应为不通过');
    expect((await refused(await send('county', 'POST', url('/acceptances'), { ...body, dissatisfiedPermille: 600 }, 'en'), 409)).message).toBe('With 60% dissatisfied (over 50%) the acceptance must fail');
    expect(await fieldsOf(await send('county', 'POST', url('/acceptances'), { ...body, scoreSheet: sheet([41, 25, 25]) }))).toEqual(['body.scoreSheet.0.score: 评分表第 1 项得分超出分值 40 或为负数']);
    expect((await refused(await send('county', 'POST', url('/acceptances'), { ...body, result: 'fail', reasons: '群众不满意' }), 409)).message).toBe('验收不通过须确定新的整改期限');
  });

  it('returns a failed case to rectifying with a new deadline, then passes it into a watch', async () => {
    const failed = await ok<CaseView>(await send('county', 'POST', url('/acceptances'), {
      acceptedOn: '2026-03-24', scoreSheet: sheet([30, 20, 15]), dissatisfiedPermille: 600, result: 'fail', reasons: '群众满意度低', newDeadline: '2026-08-31',
    }));
    expect(failed).toMatchObject({ state: 'rectifying', deadline: '2026-08-31' });
    expect(failed.events.find((e) => e.action === 'returned')).toMatchObject({ fromState: 'acceptance_requested', toState: 'rectifying', note: '群众满意度低' });
    await moveTo('2026-04-01');
    await ok(await send('township', 'POST', url('/request-acceptance'), {}));
    const passed = await ok<CaseView>(await send('county', 'POST', url('/acceptances'), { acceptedOn: '2026-04-01', scoreSheet: sheet([35, 25, 25]), dissatisfiedPermille: 100, result: 'pass' }));
    expect(passed).toMatchObject({ state: 'under_watch', watchUntil: '2027-04-01' });
    expect(passed.acceptances.map((a) => [a.result, a.score])).toEqual([['fail', 65], ['pass', 85]]);
    expect(passed.can.close).toEqual({ allowed: false, message: '巩固观察期到 2027-04-01 结束，届时无反弹方可销号' });
    expect((await refused(await send('county', 'POST', url('/close'), {}), 409)).message).toBe('巩固观察期到 2027-04-01 结束，届时无反弹方可销号');
    expect((await events('rectification.accepted')).length).toBe(1);
    expect((await events('rectification.returned')).length).toBe(1);
  });

  it('sums up the year', async () => {
    const summary = await ok<SummaryView>(await send('county', 'GET', '/api/rectification/summary?org=530522&year=2026'));
    expect(summary).toMatchObject({ screened: 3, defined: 1, rectifying: 0, accepted: 1, failedAcceptance: 1, inWatch: 1, closed: 0, rebounds: 0 });
    expect(summary.byCategory).toEqual([{ category: 'lax', organizations: 1 }]);
    expect((await send('secretary2', 'GET', '/api/rectification/summary?org=530522101&year=2026')).statusCode).toBe(404);
  });

  it('closes after the watch, and refuses a report dated after the closure', async () => {
    await moveTo('2027-04-02');
    expect(await todoKinds('county')).toContain('rectification.watch_ended');
    const closed = await ok<CaseView>(await send('county', 'POST', url('/close'), {}));
    expect(closed).toMatchObject({ state: 'closed', closedOn: '2027-04-02' });
    await moveTo('2027-04-05');
    expect((await refused(await send('secretary', 'POST', url('/reports'), { content: '迟到的报告' }), 409)).message).toBe('该台账已于 2027-04-02 销号，不能再报送进展');
    expect((await refused(await send('county', 'POST', url('/close'), {}), 409)).message).toBe('该台账已销号');
    await moveTo('2026-03-02');
  });
});
