import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { requestsOf, useTestApp } from '../../../test/support/app.js';
import { DONGFENG, HESHUN, MAJIA, SHIQIAO } from '../../../test/support/county.js';
import { engines } from '../../../test/support/databases.js';
import { rows } from '../../platform/db/database.js';
import { json, signInAs } from '../../../test/support/http.js';
import { memberAdder } from '../../../test/support/members.js';
import type { BoardView, CommitmentListView, CommitmentSettingsView, CommitmentView, PublicCommitments } from './contracts.js';

// The test county's clock stands at 2 March 2026 (10:00 in China).
describe.each(engines)('commitments on %s', (engine) => {
  const id: Record<string, string> = {};
  const t = useTestApp(engine, {
    signIn: ['county', 'township', 'cadre', 'secretary', 'member', 'secretary2'],
    async prepare({ operator }) {
      const member = memberAdder(operator, id);
      await member(MAJIA, '张一', { category: 'full', joinedOn: '2009-07-01', fullOn: '2010-07-01' });
      await member(MAJIA, '孙六', { category: 'activist', appliedOn: '2025-01-01', activistOn: '2025-06-01' });
      await member(DONGFENG, '吴外', { category: 'full', fullOn: '2001-07-01' });
    },
  });
  const { send, ok, refused, fieldsOf, events } = requestsOf(t);
  // Moving the clock ends idle sessions: sign everyone in again at the new time.
  const at = async (day: string) => {
    t.county.clock.set(new Date(`${day}T02:00:00Z`));
    for (const user of Object.keys(t.cookies)) t.cookies[user] = await signInAs(t.app, user);
  };
  const list = (user = 'secretary', org = MAJIA) => send(user, 'GET', `/api/commitments?org=${org}&year=2026`).then((r) => ok<CommitmentListView>(r));
  const road = (secretaryId: string) => ({
    orgCode: MAJIA, year: 2026, maker: 'secretary', personId: secretaryId, level: 'practical', title: '为民办实事：道路和路灯', target: '硬化村道 3 公里，安装路灯 20 盏',
    dueOn: '2026-10-31', public: true,
    items: [
      { title: '硬化村道', target: '硬化村道 3 公里', targetValue: 3, unit: '公里', dueOn: '2026-09-30' },
      { title: '安装路灯', target: '主干道安装路灯', dueOn: '2026-10-31' },
    ],
  });
  const made: Record<string, CommitmentView> = {};

  describe('settings', () => {
    it('answers the defaults, and only the county administrator sets them, with weights summing to 100', async () => {
      const view = await ok<CommitmentSettingsView>(await send('secretary', 'GET', '/api/commitments/settings'));
      expect(view).toMatchObject({ weights: { self: 20, masses: 40, superior: 40 }, minimums: { branch: null, secretary: null, member: null }, publishByMonth: 3, can: { edit: { allowed: false } } });
      expect(view.levels.map((l) => l.key)).toEqual(['common', 'post', 'practical', 'self_discipline']);
      const body = { levels: view.levels, weights: { self: 20, masses: 40, superior: 40 }, minimums: { branch: null, secretary: 4, member: null }, publishByMonth: 3 };
      expect((await send('township', 'PUT', '/api/commitments/settings', body)).statusCode).toBe(403);
      expect(await fieldsOf(await send('county', 'PUT', '/api/commitments/settings', { ...body, weights: { self: 20, masses: 40, superior: 30 } })))
        .toEqual(['body.weights: 自评、群众评、上级评的权重合计应为 100%（现为 90%）']);
      expect(await fieldsOf(await send('county', 'PUT', '/api/commitments/settings', { ...body, levels: [...body.levels, { key: 'post', label: '又一个' }] })))
        .toEqual(['body.levels.4.key: 承诺类别“post”重复']);
      expect(await ok<CommitmentSettingsView>(await send('county', 'PUT', '/api/commitments/settings', body))).toMatchObject({ minimums: { secretary: 4 }, can: { edit: { allowed: true } } });
      expect((await events('commitments.settings')).at(-1)).toMatchObject({ after: { minimums: { secretary: 4 } } });
    });
  });

  describe('making', () => {
    it('lists the branch and its secretary of the day with the minimum, and who may make commitments', async () => {
      const view = await list();
      expect(view.can.make).toEqual({ allowed: true });
      expect(view.makers.secretaries.map((s) => s.name)).toEqual(['secretary']);
      // The activist is not a member yet.
      expect(view.makers.members.map((m) => m.name)).toEqual(['张一']);
      expect(view.groups.map((g) => [g.maker, g.person?.name ?? null, g.minimum, g.made])).toEqual([['branch', null, null, 0], ['secretary', 'secretary', 4, 0]]);
      id.secretary = view.makers.secretaries[0]!.id;
      const asMember = await list('member');
      expect(asMember.can.make).toEqual({ allowed: false, reason: 'no_ability' });
      // Who could make one names the branch's members: not for a reader without the ability.
      expect(asMember.makers).toEqual({ secretaries: [], members: [] });
    });

    it('refuses outsiders as not found and the ones without the ability as forbidden', async () => {
      expect((await send('secretary2', 'GET', `/api/commitments?org=${MAJIA}&year=2026`)).statusCode).toBe(404);
      expect((await send('secretary2', 'POST', '/api/commitments', road(id.secretary!))).statusCode).toBe(404);
      expect((await send('member', 'POST', '/api/commitments', road(id.secretary!))).statusCode).toBe(403);
      expect((await send('cadre', 'POST', '/api/commitments', road(id.secretary!))).statusCode).toBe(403);
    });

    it('names every bad field at once, in Chinese or English', async () => {
      const bad = {
        ...road(id.secretary!), level: 'other', dueOn: '2027-01-15',
        items: [{ title: '硬化村道', target: '硬化村道 3 公里', targetValue: 3, dueOn: '2026-09-30' }, { title: '路灯', target: '路灯', unit: '盏', dueOn: '2026-05-01' }],
      };
      expect(await fieldsOf(await send('secretary', 'POST', '/api/commitments', bad))).toEqual([
        'body.level: 没有“other”这一承诺类别（本县的类别：共性承诺、岗位承诺、实事承诺（为民办实事）、自律承诺）',
        'body.dueOn: 完成日期应在 2026 年内',
        'body.items.0.unit: 有目标数值时请填写单位（如 公里、户、万元）',
        'body.items.1.targetValue: 填写了单位但没有目标数值',
      ]);
      expect(await fieldsOf(await send('secretary', 'POST', '/api/commitments', { ...road(id.secretary!), dueOn: '2026-06-30' }, 'en'))).toEqual([
        'body.items.0.dueOn: An item cannot be due after its commitment (2026-06-30)',
        'body.items.1.dueOn: An item cannot be due after its commitment (2026-06-30)',
      ]);
      // The maker must be who they say, that day.
      expect(await fieldsOf(await send('secretary', 'POST', '/api/commitments', { ...road(id.孙六!), maker: 'member' }))).toEqual(['body.personId: 此人 2026-03-02 不是马家村党支部的党员']);
      expect(await fieldsOf(await send('secretary', 'POST', '/api/commitments', road(id.张一!)))).toEqual(['body.personId: 此人 2026-03-02 不是马家村党支部的书记']);
      expect(await fieldsOf(await send('secretary', 'POST', '/api/commitments', { ...road(id.secretary!), maker: 'branch' }))).toEqual(['body.personId: 以党支部名义作出的承诺不填承诺人']);
      expect(await fieldsOf(await send('secretary', 'POST', '/api/commitments', { ...road(id.secretary!), year: 2028, dueOn: '2028-10-31', items: [] })))
        .toEqual(['body.year: 2028 年的承诺现在不能作出（只能是上年、今年或下年）']);
      expect(await send('township', 'POST', '/api/commitments', { ...road(id.secretary!), orgCode: HESHUN }).then((r) => fieldsOf(r))).toEqual(['body.orgCode: 和顺镇党委不是党支部（总支），不作承诺']);
    });

    it('makes a draft with its items, edits it, and publishes it', async () => {
      const response = await send('secretary', 'POST', '/api/commitments', road(id.secretary!));
      const draft = await ok<CommitmentView>(response, 201);
      expect(draft).toMatchObject({
        state: 'draft', maker: 'secretary', person: { name: 'secretary' }, levelLabel: '实事承诺（为民办实事）', progressPermille: 0, public: true,
        can: { edit: { allowed: true }, publish: { allowed: true }, update: { allowed: false }, appraise: { allowed: false } },
      });
      // A refusal says why: the draft is not published yet; appraising is the level above's.
      expect([draft.can.update, draft.can.delay, draft.can.appraise]).toEqual([
        { allowed: false, reason: 'not_published' }, { allowed: false, reason: 'not_published' }, { allowed: false, reason: 'out_of_scope' },
      ]);
      expect(draft.items.map((i) => [i.title, i.targetValue, i.unit])).toEqual([['硬化村道', 3, '公里'], ['安装路灯', null, null]]);
      const edited = await ok<CommitmentView>(await send('secretary', 'PUT', `/api/commitments/${draft.id}`, {
        level: 'practical', title: draft.title, target: draft.target, dueOn: '2026-11-30', public: true,
        items: [...road('').items, { title: '修缮文化室', target: '文化室屋顶翻修', dueOn: '2026-11-30' }],
      }));
      expect(edited.items.map((i) => i.title)).toEqual(['硬化村道', '安装路灯', '修缮文化室']);
      expect(edited.dueOn).toBe('2026-11-30');
      expect((await send('secretary', 'POST', `/api/commitments/${draft.id}/publish`, { publishedOn: '2026-03-03' })).statusCode).toBe(400);
      // Publishing an item is refused: the whole commitment is published.
      expect((await refused(await send('secretary', 'POST', `/api/commitments/${edited.items[0]!.id}/publish`, { publishedOn: '2026-03-02' }), 409)).message).toBe('“硬化村道”是分项：公开、完成、延期、放弃和评诺都对整项承诺进行');
      const published = await ok<CommitmentView>(await send('secretary', 'POST', `/api/commitments/${draft.id}/publish`, { publishedOn: '2026-03-02' }));
      expect(published).toMatchObject({ state: 'published', publishedOn: '2026-03-02', can: { edit: { allowed: false, reason: 'already_published' }, publish: { allowed: false, reason: 'already_published' }, update: { allowed: true } } });
      expect((await refused(await send('secretary', 'PUT', `/api/commitments/${draft.id}`, { level: 'practical', title: 'x', target: 'x', dueOn: '2026-11-30', public: true }), 409)).message)
        .toBe('“为民办实事：道路和路灯”当前为“已公开承诺”，不能再修改（只能修改草稿）');
      expect((await events('commitment.publish')).at(-1)).toMatchObject({ entityId: draft.id, after: { state: 'published' } });
      made.road = published;
    });
  });

  describe('keeping', () => {
    const update = (target: string, body: object, user = 'secretary') => send(user, 'POST', `/api/commitments/${target}/updates`, { madeOn: '2026-03-02', note: '进展', ...body });

    it('records progress on the items, and derives the commitment’s from them', async () => {
      const [roadItem, lights] = made.road!.items;
      expect((await refused(await update(made.road!.id, { progressPermille: 500 }), 409)).message).toContain('有分项，进度由分项计算');
      expect(await fieldsOf(await update(roadItem!.id, { progressPermille: 500 }))).toEqual(['body.value: 目标有数值，请填写目前完成的数值']);
      expect(await fieldsOf(await update(lights!.id, { madeOn: '2026-03-03', progressPermille: 500 }))).toEqual(['body.madeOn: 践诺日期不能晚于今天（2026-03-02）']);
      expect(await fieldsOf(await update(lights!.id, { madeOn: '2026-03-01', progressPermille: 500 }))).toEqual(['body.madeOn: 日期不能早于承诺公开的日期（2026-03-02）']);
      let view = await ok<CommitmentView>(await update(roadItem!.id, { value: 1.5, evidence: '照片 2026-03-02-01' }));
      expect(view.state).toBe('in_progress');
      await at('2026-04-10');
      view = await ok<CommitmentView>(await update(lights!.id, { madeOn: '2026-04-10', progressPermille: 600 }));
      // (500 + 600 + 0) / 3
      expect(view.items.map((i) => i.progressPermille)).toEqual([500, 600, 0]);
      expect(view.progressPermille).toBe(367);
      expect(view.items[0]!.updates[0]).toMatchObject({ kind: 'progress', value: 1.5, evidence: '照片 2026-03-02-01', previousDueOn: null, newDueOn: null });
      expect((await update(roadItem!.id, { value: 2 }, 'secretary2')).statusCode).toBe(404);
      expect((await update(roadItem!.id, { value: 2 }, 'member')).statusCode).toBe(403);
      made.road = view;
    });

    it('shows public published commitments on the village’s public page, without person ids', async () => {
      // A private one and a draft stay inside.
      const branch = { orgCode: MAJIA, year: 2026, maker: 'branch', level: 'common', title: '支部内部学习', target: '每月集中学习一次', dueOn: '2026-12-31', public: false, items: [] };
      const inside = await ok<CommitmentView>(await send('secretary', 'POST', '/api/commitments', branch), 201);
      await ok(await send('secretary', 'POST', `/api/commitments/${inside.id}/publish`, { publishedOn: '2026-04-10' }));
      await ok(await send('secretary', 'POST', '/api/commitments', { ...branch, title: '草稿', public: true }), 201);
      const response = await t.app.inject({ method: 'GET', url: `/api/public/villages/${MAJIA}/commitments` });
      const page = json<PublicCommitments>(response);
      expect(page).toEqual({
        org: { code: MAJIA, name: '马家村党支部' }, year: 2026,
        items: [{ maker: 'secretary', level: '实事承诺（为民办实事）', title: '为民办实事：道路和路灯', target: '硬化村道 3 公里，安装路灯 20 盏', dueOn: '2026-11-30', progressPermille: 367, state: 'in_progress' }],
      });
      expect(response.body).not.toContain(id.secretary!);
      expect((await t.app.inject({ method: 'GET', url: `/api/public/villages/${HESHUN}/commitments` })).statusCode).toBe(404);
      made.inside = inside;
    });

    it('delays with a new date and reason, kept in the history, and completes', async () => {
      const delay = (body: object) => send('secretary', 'POST', `/api/commitments/${made.road!.id}/delay`, body);
      expect(await fieldsOf(await delay({ dueOn: '2026-11-30', reason: '资金未到位' }))).toEqual(['body.dueOn: 延期后的完成日期应晚于当前的完成日期（2026-11-30）']);
      expect((await delay({ dueOn: '2026-12-20' })).statusCode).toBe(400);
      const delayed = await ok<CommitmentView>(await delay({ dueOn: '2026-12-20', reason: '资金未到位' }));
      expect(delayed).toMatchObject({ state: 'delayed', dueOn: '2026-12-20', originalDueOn: '2026-11-30', progressPermille: 367 });
      expect(delayed.updates).toEqual([{
        id: expect.any(String), kind: 'delay', madeOn: '2026-04-10', note: '资金未到位', evidence: null, value: null, progressPermille: null, previousDueOn: '2026-11-30', newDueOn: '2026-12-20',
      }]);
      // Delayed again: each delay keeps the date it replaced; the original stays the first; progress reads no delay.
      const twice = await ok<CommitmentView>(await delay({ dueOn: '2026-12-31', reason: '施工队未进场' }));
      expect(twice).toMatchObject({ state: 'delayed', dueOn: '2026-12-31', originalDueOn: '2026-11-30', progressPermille: 367, can: { delay: { allowed: true } } });
      expect(twice.updates.map((u) => [u.kind, u.note, u.previousDueOn, u.newDueOn])).toEqual([
        ['delay', '资金未到位', '2026-11-30', '2026-12-20'], ['delay', '施工队未进场', '2026-12-20', '2026-12-31'],
      ]);
      const [row] = await rows<{ kind: string; previous_due_on: string; evidence: string | null }>(t.database.db, sql`select kind, previous_due_on::text, evidence from commitment_updates where commitment_id = ${made.road!.id} order by created_at limit 1`);
      expect(row).toEqual({ kind: 'delay', previous_due_on: '2026-11-30', evidence: null });
      expect((await events('commitment.delay')).at(-1)).toMatchObject({ before: { dueOn: '2026-12-20' }, after: { dueOn: '2026-12-31', reason: '施工队未进场' } });
      // Still kept while delayed.
      expect((await ok<CommitmentView>(await update(made.road!.items[2]!.id, { madeOn: '2026-04-10', progressPermille: 1000 }))).state).toBe('delayed');
      expect(await fieldsOf(await send('secretary', 'POST', `/api/commitments/${made.road!.id}/complete`, { completedOn: '2026-04-11' }))).toEqual(['body.completedOn: 日期 2026-04-11 晚于今天（2026-04-10）']);
      const done = await ok<CommitmentView>(await send('secretary', 'POST', `/api/commitments/${made.road!.id}/complete`, { completedOn: '2026-04-10' }));
      expect(done).toMatchObject({
        state: 'completed', completedOn: '2026-04-10',
        can: { update: { allowed: false, reason: 'completed' }, complete: { allowed: false, reason: 'completed' }, delay: { allowed: false, reason: 'completed' }, abandon: { allowed: false, reason: 'completed' } },
      });
      expect((await refused(await update(made.road!.items[0]!.id, { value: 3 }), 409)).message).toBe('“为民办实事：道路和路灯”当前为“已完成”，不能登记践诺情况');
      made.road = done;
    });

    it('abandons only with a reason', async () => {
      expect((await send('secretary', 'POST', `/api/commitments/${made.inside!.id}/abandon`, {})).statusCode).toBe(400);
      const abandoned = await ok<CommitmentView>(await send('secretary', 'POST', `/api/commitments/${made.inside!.id}/abandon`, { reason: '与镇统一安排合并' }));
      expect(abandoned).toMatchObject({ state: 'abandoned', abandonReason: '与镇统一安排合并', can: { delay: { allowed: false, reason: 'abandoned' }, update: { allowed: false, reason: 'abandoned' } } });
      // The township may appraise it, but not before December.
      expect((await ok<CommitmentView>(await send('township', 'GET', `/api/commitments/${made.inside!.id}`))).can.appraise).toEqual({ allowed: false, reason: 'appraisal_not_open' });
      expect((await send('secretary', 'POST', `/api/commitments/${made.inside!.id}/delay`, { dueOn: '2026-12-31', reason: 'x' })).statusCode).toBe(409);
    });
  });

  describe('appraising', () => {
    const appraise = (user: string, target: string, body: object) => send(user, 'PUT', `/api/commitments/${target}/appraisal`, { selfScore: 95, massesScore: 90, superiorScore: 88, appraisedOn: '2026-04-10', ...body });

    it('is the level above’s: the township appraises, the branch’s own secretary may not', async () => {
      expect(made.road!.can.appraise).toEqual({ allowed: false, reason: 'out_of_scope' });
      expect((await appraise('secretary', made.road!.id, {})).statusCode).toBe(403);
      expect((await appraise('secretary2', made.road!.id, {})).statusCode).toBe(404);
      expect(await fieldsOf(await appraise('township', made.road!.id, { satisfiedVotes: 40 }))).toEqual(['body.votes: 满意票数和投票总数要一起填写']);
      expect(await fieldsOf(await appraise('township', made.road!.id, { satisfiedVotes: 41, votes: 40 }))).toEqual(['body.satisfiedVotes: 满意票（41）不能多于投票总数（40）']);
      expect(await fieldsOf(await appraise('township', made.road!.id, { appraisedOn: '2026-04-09' }))).toEqual(['body.appraisedOn: 评诺从 2026-04-10 起进行（年底，或承诺完成后）']);
      // Abandoned: open in December only.
      expect(await fieldsOf(await appraise('township', made.inside!.id, {}))).toEqual(['body.appraisedOn: 评诺从 2026-12-01 起进行（年底，或承诺完成后）']);
      const view = await ok<CommitmentView>(await appraise('township', made.road!.id, { satisfiedVotes: 36, votes: 40 }));
      // 95×20% + 90×40% + 88×40%
      expect(view.appraisal).toEqual({ selfScore: 95, massesScore: 90, superiorScore: 88, weights: { self: 20, masses: 40, superior: 40 }, total: 90.2, satisfiedVotes: 36, votes: 40, appraisedOn: '2026-04-10' });
      const again = await ok<CommitmentView>(await appraise('township', made.road!.id, { superiorScore: 98 }));
      expect(again.appraisal).toMatchObject({ total: 94.2, votes: null });
      expect((await events('commitment.appraise')).length).toBe(2);
    });
  });

  describe('the board and the to-do list', () => {
    it('counts each branch of the township: made, published, completed, on time, overdue, rate, appraisal, minimums', async () => {
      const board = await ok<BoardView>(await send('township', 'GET', `/api/commitments/board?org=${HESHUN}&year=2026`));
      expect(board.minimums.secretary).toBe(4);
      expect(board.rows.map((r) => r.org.code)).toEqual([MAJIA, SHIQIAO]);
      expect(board.rows[0]).toMatchObject({
        // The road was delayed twice but completed by the date first promised (2026-11-30): on time.
        made: 3, published: 2, completed: 1, completedOnTime: 1, overdue: 0, ratePermille: 500, averageAppraisal: 94.2, branchMade: 2, secretaryFewest: 1, short: 1,
      });
      expect(board.rows[1]).toMatchObject({ made: 0, ratePermille: null, averageAppraisal: null, secretaryFewest: null, short: 0 });
      expect(board.total).toMatchObject({ made: 3, completed: 1 });
      expect((await send('secretary2', 'GET', `/api/commitments/board?org=${HESHUN}&year=2026`)).statusCode).toBe(404);
    });

    it('reminds the branch of a short minimum after the publishing month, of due and overdue commitments, and the township of appraisals', async () => {
      const branch = { orgCode: MAJIA, year: 2026, maker: 'branch', level: 'common', title: '党员联系户', target: '每名党员联系 5 户', targetValue: 5, unit: '户', dueOn: '2026-04-30', public: true, items: [] };
      const c = await ok<CommitmentView>(await send('secretary', 'POST', '/api/commitments', branch), 201);
      await ok(await send('secretary', 'POST', `/api/commitments/${c.id}/publish`, { publishedOn: '2026-04-10' }));
      const todos = async (user: string) => (await ok<{ items: { kind: string; title: string }[] }>(await send(user, 'GET', '/api/todos'))).items.filter((i) => i.kind.startsWith('commitments.'));
      // The list is sorted by due date, undated last.
      expect(await todos('secretary')).toEqual([
        expect.objectContaining({ kind: 'commitments.due_soon', title: '马家村党支部的承诺“党员联系户”将于 2026-04-30 到期，尚未完成' }),
        expect.objectContaining({ kind: 'commitments.below_minimum', title: '马家村党支部 secretary 2026 年承诺 1 项，少于本县要求的 4 项' }),
      ]);
      await at('2026-05-02');
      expect((await todos('secretary')).map((i) => i.kind)).toEqual(['commitments.overdue', 'commitments.below_minimum']);
      expect(await todos('township')).toEqual([]);
      await at('2026-12-05');
      expect((await todos('township')).map((i) => i.title)).toEqual(['马家村党支部 2026 年有 2 项承诺待评诺']);
      const board = await ok<BoardView>(await send('township', 'GET', `/api/commitments/board?org=${HESHUN}&year=2026`));
      expect(board.rows[0]).toMatchObject({ overdue: 1 });
      await at('2026-03-02');
    });

    it('counts a commitment completed after its original due date as late, even within its delay', async () => {
      const board = async () => (await ok<BoardView>(await send('township', 'GET', `/api/commitments/board?org=${HESHUN}&year=2026`))).rows[0]!;
      const before = await board();
      const body = { orgCode: MAJIA, year: 2026, maker: 'branch', level: 'common', title: '修缮活动室', target: '活动室屋顶翻修', dueOn: '2026-05-31', public: false, items: [] };
      const c = await ok<CommitmentView>(await send('secretary', 'POST', '/api/commitments', body), 201);
      await ok(await send('secretary', 'POST', `/api/commitments/${c.id}/publish`, { publishedOn: '2026-03-02' }));
      await at('2026-05-20');
      await ok(await send('secretary', 'POST', `/api/commitments/${c.id}/delay`, { dueOn: '2026-06-30', reason: '雨季' }));
      await at('2026-06-10');
      const done = await ok<CommitmentView>(await send('secretary', 'POST', `/api/commitments/${c.id}/complete`, { completedOn: '2026-06-10' }));
      expect([done.dueOn, done.originalDueOn]).toEqual(['2026-06-30', '2026-05-31']);
      const after = await board();
      expect([after.completed - before.completed, after.completedOnTime - before.completedOnTime]).toEqual([1, 0]);
      await at('2026-03-02');
    });
  });

  it('takes a member’s commitment under the member, and keeps a level in use', async () => {
    const body = { orgCode: MAJIA, year: 2026, maker: 'member', personId: id.张一, level: 'post', title: '联系群众', target: '联系 5 户群众', targetValue: 5, unit: '户', dueOn: '2026-12-31', public: false, items: [] };
    await ok(await send('secretary', 'POST', '/api/commitments', body), 201);
    const group = (await list()).groups.find((g) => g.maker === 'member')!;
    expect([group.person?.name, group.made, group.commitments[0]!.title]).toEqual(['张一', 1, '联系群众']);
    const settings = await ok<CommitmentSettingsView>(await send('county', 'GET', '/api/commitments/settings'));
    const { can: _can, ...value } = settings;
    expect(await fieldsOf(await send('county', 'PUT', '/api/commitments/settings', { ...value, levels: value.levels.filter((l) => l.key !== 'post') })))
      .toEqual(['body.levels: 承诺类别“岗位承诺”已有承诺使用，不能删除']);
  });

  it('reads a commitment within the scope only', async () => {
    expect((await send('member', 'GET', `/api/commitments/${made.road!.id}`)).statusCode).toBe(200);
    expect((await send('secretary2', 'GET', `/api/commitments/${made.road!.id}`)).statusCode).toBe(404);
  });
});
