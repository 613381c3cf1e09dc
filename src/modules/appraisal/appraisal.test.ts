import { describe, expect, it } from 'vitest';
import { requestsOf, useTestApp } from '../../../test/support/app.js';
import { engines } from '../../../test/support/databases.js';
import { type ErrorBody, json, signInAs } from '../../../test/support/http.js';
import { memberAdder } from '../../../test/support/members.js';
import { meetings } from '../meetings/schema.js';
import { visibleOrg } from '../organizations/queries.js';
import type { AppraisalSettingsView, FollowupView, RoundListView, RoundView } from './contracts.js';
import { DONGFENG, MAJIA } from '../../../test/support/county.js';



// The test county's clock stands at 2 March 2026.
describe.each(engines)('democratic appraisal on %s', (engine) => {
  const id: Record<string, string> = {};
  const t = useTestApp(engine, {
    signIn: ['county', 'township', 'cadre', 'secretary', 'member', 'secretary2'],
    async prepare({ operator }) {
      const member = memberAdder(operator, id);
      await member(MAJIA, '张一', { category: 'full', joinedOn: '2009-07-01', fullOn: '2010-07-01' });
      await member(MAJIA, '王二', { category: 'full', joinedOn: '2011-07-01', fullOn: '2012-07-01' });
      await member(MAJIA, '李三', { category: 'full', fullOn: '2001-07-01' });
      await member(MAJIA, '赵四', { category: 'full', fullOn: '1999-07-01' });
      await member(MAJIA, '郑转', { category: 'full', joinedOn: '2025-02-20', fullOn: '2026-03-02' });
      await member(MAJIA, '钱五', { category: 'probationary', joinedOn: '2025-09-01' });
      await member(MAJIA, '孙六', { category: 'activist', appliedOn: '2025-01-01', activistOn: '2025-06-01' });
      await member(MAJIA, '周调', { category: 'full', fullOn: '2000-07-01', endedOn: '2026-01-31', endReason: 'transferred' });
      await member(DONGFENG, '吴外', { category: 'full', fullOn: '2001-07-01' });
      const majia = await visibleOrg(operator, MAJIA);
      const held = (kind: string, heldOn: string, topic: string) => operator.db.insert(meetings)
        .values({ countyId: majia.countyId, orgId: majia.id, orgPath: majia.path, kind, status: 'held', heldOn, topic }).returning().then(([m]) => m!.id);
      id.lifeMeeting = await held('life_meeting', '2026-03-01', '2025年度组织生活会暨民主评议党员');
      id.committeeMeeting = await held('committee_meeting', '2026-02-25', '2月支委会');
    },
  });

  const { send, ok, fieldsOf, events } = requestsOf(t);
  const round = { id: '' };
  const view = (user = 'secretary') => send(user, 'GET', `/api/appraisal/rounds/${round.id}`).then((r) => ok<RoundView>(r));
  const entry = (v: RoundView, name: string) => v.entries.find((e) => e.person.name === name)!;
  const zeros = { mutualExcellent: 0, mutualQualified: 0, mutualBasic: 0, mutualUnqualified: 0, massesSatisfied: 0, massesBasic: 0, massesUnsatisfied: 0 };

  describe('settings', () => {
    it('answers the defaults, and only the county administrator sets the cap', async () => {
      expect(await ok<AppraisalSettingsView>(await send('secretary', 'GET', '/api/appraisal/settings')))
        .toEqual({ excellentCapPermille: 333, remindFromMonth: 10, can: { edit: { allowed: false, reason: 'no_ability' } } });
      const body = { excellentCapPermille: 300, remindFromMonth: 11 };
      expect((await send('township', 'PUT', '/api/appraisal/settings', body)).statusCode).toBe(403);
      expect(await fieldsOf(await send('county', 'PUT', '/api/appraisal/settings', { ...body, excellentCapPermille: 1001 }))).toEqual(['body.excellentCapPermille: 不能大于 1000']);
      expect(await ok<AppraisalSettingsView>(await send('county', 'PUT', '/api/appraisal/settings', body))).toMatchObject({ ...body, can: { edit: { allowed: true } } });
      expect((await events('appraisal.settings')).at(-1)).toMatchObject({ before: { excellentCapPermille: 333 }, after: body });
      await ok(await send('county', 'PUT', '/api/appraisal/settings', { excellentCapPermille: 333, remindFromMonth: 10 }));
    });
  });

  describe('opening a round', () => {
    const open = (user: string, body: object, lang?: string) => send(user, 'POST', '/api/appraisal/rounds', { orgCode: MAJIA, year: 2025, openedOn: '2026-03-01', ...body }, lang);

    it('refuses what is not the branch secretary’s or above, and as not found outside the scope', async () => {
      expect((await open('secretary2', {})).statusCode).toBe(404);
      expect((await open('member', {})).statusCode).toBe(404);
      const cadre = await open('cadre', {});
      expect(cadre.statusCode).toBe(403);
      expect(json<ErrorBody>(cadre).error.message).toBe('您的岗位不能组织马家村党支部的民主评议');
    });

    it('refuses a day ahead, a year far from the day, a party group, a branch without members', async () => {
      expect(await fieldsOf(await open('secretary', { openedOn: '2026-03-03' }))).toEqual(['body.openedOn: 日期 2026-03-03 晚于今天（2026-03-02）']);
      expect(await fieldsOf(await open('secretary', { year: 2024 }))).toEqual(['body.year: 2026-03-01 不能开始 2024 年度的民主评议（应在当年或次年初）']);
      expect(await fieldsOf(await open('secretary', { year: 2027 }, 'en'))).toEqual(['body.year: The appraisal of 2027 cannot open on 2026-03-01 (open it during the year or early the next)']);
      expect(await fieldsOf(await open('secretary', { orgCode: `${MAJIA}-1` }))).toEqual(['body.orgCode: 第一党小组不是党支部，民主评议党员由党支部组织']);
      expect(await fieldsOf(await open('township', { orgCode: '530522101002' }))).toEqual(['body.openedOn: 石桥村党支部在 2026-03-01 没有正式党员或预备党员']);
    });

    it('takes the members of the day: full to be graded, probationary evaluated only', async () => {
      const opened = await ok<RoundView>(await open('secretary', {}), 201);
      round.id = opened.id;
      expect(opened).toMatchObject({
        org: { code: MAJIA, name: '马家村党支部' }, year: 2025, status: 'open', openedOn: '2026-03-01', gradedOn: null, excellentCapPermille: 333,
        members: 6, full: 4, evaluated: 0, graded: 0, excellentCap: 1, mutualVotesAllowed: 5, meeting: null, followups: [],
        can: { evaluate: { allowed: true }, grade: { allowed: true } },
      });
      // 郑转 became a full member the day after: probationary on the day the round opened.
      expect(opened.entries.map((e) => `${e.person.name}:${e.category}`).sort()).toEqual(['张一:full', '李三:full', '王二:full', '赵四:full', '郑转:probationary', '钱五:probationary'].sort());
      expect((await events('appraisal.open')).at(-1)).toMatchObject({ entityId: round.id, after: { year: 2025, members: 6, full: 4, excellentCapPermille: 333 } });
    });

    it('refuses a second round of the branch for the year', async () => {
      const again = await open('township', {});
      expect(again.statusCode).toBe(409);
      expect(json<ErrorBody>(again).error.message).toBe('马家村党支部 2025 年度的民主评议已经开始，每年只进行一次');
    });

    it('lets the cadre read, and tells the secretary of another township it does not exist', async () => {
      expect((await view('cadre')).can).toEqual({ evaluate: { allowed: false, reason: 'no_ability' }, grade: { allowed: false, reason: 'no_ability' } });
      expect((await send('secretary2', 'GET', `/api/appraisal/rounds/${round.id}`)).statusCode).toBe(404);
      expect((await send('member', 'GET', `/api/appraisal/rounds/${round.id}`)).statusCode).toBe(404);
    });

    it('lists every branch of a subtree, those without a round as not started', async () => {
      const township = await ok<RoundListView>(await send('township', 'GET', '/api/appraisal/rounds?org=530522101&year=2025'));
      expect(township.items.map((i) => [i.org.code, i.under.code, i.round?.status ?? null])).toEqual([[MAJIA, MAJIA, 'open'], ['530522101002', '530522101002', null]]);
      expect(township.items[0]!.round).toMatchObject({ members: 6, full: 4, evaluated: 0, graded: 0, excellentCap: 1 });
      const county = await ok<RoundListView>(await send('county', 'GET', '/api/appraisal/rounds?org=530522&year=2025'));
      expect(county.items.map((i) => [i.org.code, i.under.code])).toEqual([[MAJIA, '530522101'], ['530522101002', '530522101'], [DONGFENG, '530522102']]);
      expect(county.items.find((i) => i.org.code === MAJIA)!.can.open).toEqual({ allowed: true });
      expect((await ok<RoundListView>(await send('county', 'GET', '/api/appraisal/rounds?org=530522&year=2026'))).items.every((i) => i.round === null)).toBe(true);
      expect((await send('secretary2', 'GET', '/api/appraisal/rounds?org=530522101&year=2025')).statusCode).toBe(404);
      const own = await ok<RoundListView>(await send('secretary2', 'GET', `/api/appraisal/rounds?org=${DONGFENG}&year=2025`));
      expect(own.items.map((i) => i.org.code)).toEqual([DONGFENG]);
    });
  });

  describe('evaluations', () => {
    const put = (user: string, name: string, body: object) => send(user, 'PUT', `/api/appraisal/rounds/${round.id}/entries/${id[name]}`, { ...zeros, ...body });

    it('records one member’s evaluations, audited', async () => {
      const saved = await ok<RoundView>(await put('secretary', '张一', { selfAssessment: '带头发展产业', mutualExcellent: 4, mutualQualified: 1, massesSatisfied: 20, massesOpinion: '热心' }));
      expect(entry(saved, '张一')).toMatchObject({ selfAssessment: '带头发展产业', mutualExcellent: 4, mutualQualified: 1, massesSatisfied: 20, massesOpinion: '热心', suggestedGrade: 'excellent' });
      expect(saved.evaluated).toBe(1);
      expect((await events('appraisal.evaluate')).at(-1)).toMatchObject({
        before: [{ personId: id['张一'], selfAssessment: null, mutualExcellent: 0 }], after: [{ personId: id['张一'], selfAssessment: '带头发展产业', mutualExcellent: 4 }],
      });
    });

    it('refuses more mutual votes than the other members, a person outside the round', async () => {
      expect(await fieldsOf(await put('secretary', '王二', { mutualExcellent: 3, mutualQualified: 3 })))
        .toEqual(['body.mutualExcellent: 王二的互评票数 6 超过参加互评的其他党员人数 5']);
      expect(await fieldsOf(await put('secretary', '孙六', {}))).toEqual(['body.personId: 该人员不在马家村党支部 2025 年度的民主评议中']);
      expect(await fieldsOf(await put('secretary', '王二', { mutualBasic: -1 }))).toEqual(['body.mutualBasic: 不能小于 0']);
    });

    it('saves the grid at once, or nothing when a row is wrong', async () => {
      const items = [
        { personId: id['王二'], ...zeros, mutualExcellent: 3, mutualQualified: 2 },
        { personId: id['李三'], ...zeros, mutualQualified: 5 },
        { personId: id['赵四'], ...zeros, mutualBasic: 1, mutualUnqualified: 4, massesUnsatisfied: 6, massesOpinion: '长期外出不联系' },
        { personId: id['钱五'], ...zeros, mutualExcellent: 5, selfAssessment: '预备期表现' },
      ];
      const wrong = [...items.slice(0, 1), { ...items[1]!, mutualQualified: 6 }, { ...items[2]!, personId: id['王二'] }];
      expect(await fieldsOf(await send('secretary', 'PUT', `/api/appraisal/rounds/${round.id}/entries`, { items: wrong }))).toEqual([
        'body.items.1.mutualExcellent: 李三的互评票数 6 超过参加互评的其他党员人数 5',
        'body.items.2.personId: 王二在本次提交中重复出现',
      ]);
      expect(entry(await view(), '王二').mutualExcellent).toBe(0);
      expect((await send('cadre', 'PUT', `/api/appraisal/rounds/${round.id}/entries`, { items })).statusCode).toBe(403);
      expect((await send('secretary2', 'PUT', `/api/appraisal/rounds/${round.id}/entries`, { items })).statusCode).toBe(404);
      const saved = await ok<RoundView>(await send('secretary', 'PUT', `/api/appraisal/rounds/${round.id}/entries`, { items }));
      expect(saved.evaluated).toBe(5);
      // 张一 and 王二 both have most 优秀 votes; the cap of one goes to 张一's four.
      expect(Object.fromEntries(saved.entries.map((e) => [e.person.name, e.suggestedGrade]))).toEqual({
        张一: 'excellent', 王二: 'qualified', 李三: 'qualified', 赵四: 'unqualified', 钱五: null, 郑转: null,
      });
    });
  });

  describe('grades', () => {
    const grade = (user: string, grades: object[], extra: object = {}, lang?: string) =>
      send(user, 'POST', `/api/appraisal/rounds/${round.id}/grade`, { gradedOn: '2026-03-01', grades, ...extra }, lang);
    const good = () => [
      { personId: id['张一'], grade: 'excellent' }, { personId: id['王二'], grade: 'qualified' },
      { personId: id['李三'], grade: 'basically_qualified' }, { personId: id['赵四'], grade: 'unqualified', note: '长期外出不与组织联系' },
    ];

    it('refuses more 优秀 than the cap, a probationary member graded, a 不合格 without reason, a full member left out', async () => {
      const over = good().map((g) => (g.personId === id['王二'] ? { ...g, grade: 'excellent' } : g));
      expect(await fieldsOf(await grade('secretary', over))).toEqual(['body.grades: 优秀等次 2 人，超过上限 1 人（正式党员 4 人的 333‰，比例精确到千分位）']);
      expect(await fieldsOf(await grade('secretary', over, {}, 'en'))).toEqual(['body.grades: 2 graded excellent, more than the cap of 1 (333‰ of 4 full members, shares to the thousandth)']);
      const wrong = [...good().slice(0, 2), { personId: id['赵四'], grade: 'unqualified' }, { personId: id['钱五'], grade: 'qualified' }];
      expect(await fieldsOf(await grade('secretary', wrong))).toEqual([
        'body.grades.2.note: 第 3 项：赵四评为不合格，须说明理由',
        'body.grades.3.grade: 第 4 项：钱五是预备党员，参加评议但不评定等次',
        'body.grades: 以下正式党员尚未评定等次：李三',
      ]);
    });

    it('refuses a meeting of another kind, or held after the grades, or a day ahead', async () => {
      expect(await fieldsOf(await grade('secretary', good(), { meetingId: id.committeeMeeting })))
        .toEqual(['body.meetingId: 评定等次应在党员大会、组织生活会上进行，所选会议是支委会']);
      expect(await fieldsOf(await grade('secretary', good(), { meetingId: id.lifeMeeting, gradedOn: '2026-02-28' }))).toEqual([
        'body.gradedOn: 评定日期 2026-02-28 早于评议开始日期 2026-03-01',
        'body.meetingId: 会议“2025年度组织生活会暨民主评议党员”在 2026-02-28 前尚未召开',
      ]);
      expect(await fieldsOf(await grade('secretary', good(), { gradedOn: '2026-03-05' }))).toEqual(['body.gradedOn: 日期 2026-03-05 晚于今天（2026-03-02）']);
    });

    it('lets neither the member nor the cadre grade', async () => {
      expect((await grade('member', good())).statusCode).toBe(404);
      expect((await grade('cadre', good())).statusCode).toBe(403);
      expect((await grade('secretary2', good())).statusCode).toBe(404);
    });

    it('grades the round at the life meeting, then closes its evaluations', async () => {
      const graded = await ok<RoundView>(await grade('secretary', good(), { meetingId: id.lifeMeeting }));
      expect(graded).toMatchObject({
        status: 'graded', gradedOn: '2026-03-01', graded: 4, grades: { excellent: 1, qualified: 1, basically_qualified: 1, unqualified: 1 },
        meeting: { id: id.lifeMeeting, kind: 'life_meeting', heldOn: '2026-03-01' }, can: { evaluate: { allowed: false }, grade: { allowed: true } },
      });
      expect(entry(graded, '赵四')).toMatchObject({ grade: 'unqualified', gradeNote: '长期外出不与组织联系' });
      expect(entry(graded, '钱五').grade).toBeNull();
      const late = await send('secretary', 'PUT', `/api/appraisal/rounds/${round.id}/entries/${id['张一']}`, zeros);
      expect(late.statusCode).toBe(409);
    });

    it('grades again, audited with the grades before and after', async () => {
      const regrade = good().map((g) => (g.personId === id['李三'] ? { ...g, grade: 'qualified' } : g));
      const again = await ok<RoundView>(await grade('township', regrade, { meetingId: id.lifeMeeting, gradedOn: '2026-03-02' }));
      expect(again.grades).toEqual({ excellent: 1, qualified: 2, basically_qualified: 0, unqualified: 1 });
      const event = (await events('appraisal.regrade')).at(-1)!;
      expect(event.before).toMatchObject({ gradedOn: '2026-03-01', grades: expect.arrayContaining([{ personId: id['李三'], grade: 'basically_qualified', note: null }]) });
      expect(event.after).toMatchObject({ gradedOn: '2026-03-02', grades: expect.arrayContaining([{ personId: id['李三'], grade: 'qualified', note: null }]) });
    });
  });

  describe('follow-ups of 不合格', () => {
    const add = (user: string, body: object) => send(user, 'POST', `/api/appraisal/rounds/${round.id}/followups`, { personId: id['赵四'], decidedOn: '2026-03-02', ...body });
    const followup = { id: '' };

    it('refuses a member not graded 不合格, a deadline to correct missing or beyond a year, a deadline to anything else', async () => {
      expect(await fieldsOf(await add('secretary', { personId: id['王二'], action: 'help' }))).toEqual(['body.personId: 王二未被评为不合格，无需组织处置']);
      expect(await fieldsOf(await add('secretary', { action: 'correct' }))).toEqual(['body.deadline: 限期改正须填写改正期限（一般 6 个月，最长 1 年）']);
      expect(await fieldsOf(await add('secretary', { action: 'correct', deadline: '2027-03-03' }))).toEqual(['body.deadline: 限期改正最长 1 年，期限不能晚于 2027-03-02']);
      expect(await fieldsOf(await add('secretary', { action: 'help', deadline: '2026-06-01' }))).toEqual(['body.deadline: 帮助教育不填写改正期限']);
      expect(await fieldsOf(await add('secretary', { action: 'help', decidedOn: '2026-02-01' }))).toEqual(['body.decidedOn: 处置日期 2026-02-01 早于评定等次日期 2026-03-02']);
      expect((await add('cadre', { action: 'help' })).statusCode).toBe(403);
      expect((await add('secretary2', { action: 'help' })).statusCode).toBe(404);
    });

    it('records a deadline to correct, audited, and keeps the grade while it is followed', async () => {
      const saved = await ok<FollowupView>(await add('secretary', { action: 'correct', deadline: '2026-09-02', responsible: '张一', note: '每月谈心一次' }), 201);
      followup.id = saved.id;
      expect(saved).toMatchObject({ person: { name: '赵四' }, action: 'correct', deadline: '2026-09-02', responsible: '张一', outcome: null, overdue: false, readmissionFrom: null });
      expect((await events('appraisal.followup')).at(-1)).toMatchObject({ entityId: saved.id, after: { action: 'correct', deadline: '2026-09-02' } });
      expect((await view()).followups).toHaveLength(1);
      const regrade = [
        { personId: id['张一'], grade: 'excellent' }, { personId: id['王二'], grade: 'qualified' }, { personId: id['李三'], grade: 'qualified' }, { personId: id['赵四'], grade: 'qualified' },
      ];
      expect(await fieldsOf(await send('secretary', 'POST', `/api/appraisal/rounds/${round.id}/grade`, { gradedOn: '2026-03-02', grades: regrade })))
        .toEqual(['body.grades.3.grade: 第 4 项：赵四已有不合格党员的处置记录，不能改为其他等次']);
    });

    it('records removal with the five years before re-admission, refusing an outcome of another action', async () => {
      const removal = await ok<FollowupView>(await add('secretary', { action: 'advise_withdraw' }), 201);
      const patch = (body: object, user = 'secretary') => send(user, 'PATCH', `/api/appraisal/rounds/${round.id}/followups/${removal.id}`, body);
      expect(await fieldsOf(await patch({ outcome: 'corrected', outcomeOn: '2026-03-02' }))).toEqual(['body.outcome: 劝其退党的结果应为已退党、已除名，不能是已改正']);
      expect(await fieldsOf(await patch({ outcome: 'withdrew', outcomeOn: '2026-03-01' }))).toEqual(['body.outcomeOn: 结果日期 2026-03-01 早于决定日期 2026-03-02']);
      expect((await patch({ outcome: 'withdrew', outcomeOn: '2026-03-02' }, 'secretary2')).statusCode).toBe(404);
      const done = await ok<FollowupView>(await patch({ outcome: 'withdrew', outcomeOn: '2026-03-02' }));
      expect(done).toMatchObject({ outcome: 'withdrew', readmissionFrom: '2031-03-02' });
      expect((await patch({ outcome: 'removed', outcomeOn: '2026-03-02' })).statusCode).toBe(409);
      expect((await events('appraisal.followup_outcome')).at(-1)).toMatchObject({ before: { outcome: null }, after: { outcome: 'withdrew', outcomeOn: '2026-03-02' } });
      expect((await send('secretary', 'PATCH', `/api/appraisal/rounds/${round.id}/followups/00000000-0000-4000-8000-000000000000`, { outcome: 'withdrew', outcomeOn: '2026-03-02' })).statusCode).toBe(404);
    });
    // Last: moving the clock to October expires the sessions of March.
    it('puts a passed deadline without outcome on the to-do lists, and the missing round from the configured month', async () => {
      const cookies: Record<string, string> = {};
      const todos = async (user: string) => {
        const response = await t.app.inject({ method: 'GET', url: '/api/todos', headers: { cookie: cookies[user] ?? t.cookies[user]! } });
        return json<{ items: { kind: string; title: string }[] }>(response).items.filter((i) => i.kind.startsWith('appraisal.'));
      };
      expect(await todos('secretary')).toEqual([]);
      t.county.clock.set(new Date('2026-10-05T02:00:00Z'));
      try {
        // Sessions of March have expired by October.
        for (const user of ['secretary', 'township', 'secretary2', 'cadre']) cookies[user] = await signInAs(t.app, user);
        expect((await todos('secretary')).map((i) => i.title)).toEqual(['马家村党支部：赵四的限期改正已于 2026-09-02 到期，请登记处置结果', '马家村党支部尚未开展 2026 年度民主评议党员']);
        expect((await todos('township')).map((i) => i.title)).toEqual(['马家村党支部：赵四的限期改正已于 2026-09-02 到期，请登记处置结果']);
        expect((await todos('secretary2')).map((i) => i.title)).toEqual(['东风村党支部尚未开展 2026 年度民主评议党员']);
        expect((await todos('cadre'))).toEqual([]);
        const done = await ok<FollowupView>(await t.app.inject({
          method: 'PATCH', url: `/api/appraisal/rounds/${round.id}/followups/${followup.id}`, payload: { outcome: 'corrected', outcomeOn: '2026-09-01' }, headers: { cookie: cookies.secretary! },
        }));
        expect(done).toMatchObject({ outcome: 'corrected', outcomeOn: '2026-09-01', overdue: false, readmissionFrom: null });
        expect((await todos('secretary')).map((i) => i.kind)).toEqual(['appraisal.round_due']);
      } finally {
        t.county.clock.set(new Date('2026-03-02T02:00:00Z'));
      }
    });

  });
});
