import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { requestsOf, useTestApp } from '../../../test/support/app.js';
import { DONGFENG, HESHUN, MAJIA, SHIQIAO } from '../../../test/support/county.js';
import { engines } from '../../../test/support/databases.js';
import type { AssessmentSettingsView, LetterListView, LetterView, RoundListView, RoundView } from './contracts.js';
import { visibleOrg } from '../organizations/queries.js';
import { rectificationCases, screeningRounds } from '../rectification/schema.js';
import { defaultSchemes } from './rules.js';

const COUNTY = '530522';
const QINGSHUI = '530522102';

// The test county's clock stands at 2 March 2026.
describe.each(engines)('responsibility letters and assessments on %s', (engine) => {
  const t = useTestApp(engine, { signIn: ['county', 'township', 'cadre', 'secretary', 'member', 'secretary2'] });
  const { send, ok, refused, fieldsOf, events } = requestsOf(t);

  describe('schemes', () => {
    it('answers seed 001’s defaults; only the county administrator changes them, checked in full', async () => {
      const view = await ok<AssessmentSettingsView>(await send('township', 'GET', '/api/assessments/settings'));
      expect(view).toEqual({ schemes: defaultSchemes, can: { edit: { allowed: false, reason: 'out_of_scope' } } });
      expect((await send('township', 'PUT', '/api/assessments/settings', { schemes: defaultSchemes })).statusCode).toBe(403);
      const bad = structuredClone(defaultSchemes);
      bad[0]!.parts[0]!.weight = 30;
      bad[1]!.grades[3]!.min = 10;
      expect(await fieldsOf(await send('county', 'PUT', '/api/assessments/settings', { schemes: bad }))).toEqual([
        'body.schemes.0.parts: 各评价项目权重合计须为100，现为90',
        'body.schemes.1.grades.3.min: 最后一个等次“差”的分数线须为0',
      ]);
      const en = await refused(await send('county', 'PUT', '/api/assessments/settings', { schemes: bad }, 'en'), 400);
      expect(en.message).toContain('must sum to 100, not 90');
      const renamed = structuredClone(defaultSchemes);
      renamed[0]!.name = '村级党组织三方评价（修订）';
      expect(await ok<AssessmentSettingsView>(await send('county', 'PUT', '/api/assessments/settings', { schemes: renamed }))).toMatchObject({ schemes: renamed, can: { edit: { allowed: true } } });
      expect((await events('assessments.settings')).at(-1)).toMatchObject({ before: { schemes: defaultSchemes }, after: { schemes: renamed } });
      await ok(await send('county', 'PUT', '/api/assessments/settings', { schemes: defaultSchemes }));
    });

    // Removing a scheme an open round uses is allowed on purpose: the round scores and grades by its own copy.
    it('may remove a scheme an open round uses; the round goes on by its copy, new rounds cannot choose it', async () => {
      const trial = {
        code: 'trial_review', name: '试行年度考核', subject: 'organization' as const,
        parts: [{ key: 'work', label: '工作实绩', weight: 100 }],
        grades: [{ key: 'pass', label: '合格', min: 60, low: false }, { key: 'fail', label: '不合格', min: 0, low: true }],
      };
      await ok(await send('county', 'PUT', '/api/assessments/settings', { schemes: [...defaultSchemes, trial] }));
      const body = { orgCode: HESHUN, year: 2024, schemeCode: 'trial_review', openedOn: '2024-12-20' };
      const round = await ok<RoundView>(await send('township', 'POST', '/api/assessments/rounds', body), 201);
      await ok(await send('county', 'PUT', '/api/assessments/settings', { schemes: defaultSchemes }));
      expect((await ok<RoundView>(await send('township', 'GET', `/api/assessments/rounds/${round.id}`))).scheme).toEqual(trial);
      const scores = round.resultsList.map((r) => ({ orgCode: r.org.code, partScores: { work: r.org.code === MAJIA ? 55 : 80 } }));
      const saved = await ok<RoundView>(await send('township', 'PUT', `/api/assessments/rounds/${round.id}/results`, { items: scores }));
      expect(saved.resultsList.find((r) => r.org.code === MAJIA)).toMatchObject({ total: 55, grade: 'fail', gradeLabel: '不合格', low: true });
      // Finished, so that it stays off the to-do lists the later cases count.
      expect(await ok<RoundView>(await send('township', 'POST', `/api/assessments/rounds/${round.id}/finish`, { finishedOn: '2024-12-31' }))).toMatchObject({ status: 'finished', grades: [{ key: 'pass' }, { key: 'fail', count: 1 }] });
      expect(await fieldsOf(await send('township', 'POST', '/api/assessments/rounds', { ...body, orgCode: HESHUN, year: 2025, openedOn: '2025-12-20' }))).toEqual([
        'body.schemeCode: 没有代码为“trial_review”的考核方案',
      ]);
    });
  });

  describe('responsibility letters', () => {
    const items = [
      { title: '基层组织建设', target: '按期换届，“三会一课”全部落实', weight: 40 },
      { title: '党员队伍建设', target: '发展党员1名，培养入党积极分子2名', weight: 30 },
      { title: '服务群众', target: '民情诉求按期办结率100%', weight: 20 },
    ];
    const letter = { id: '' };
    const old = { id: '', shiqiao: '' };

    it('is issued by a township to a village below it, and refused elsewhere', async () => {
      expect((await send('secretary2', 'POST', '/api/assessments/letters', { issuerCode: HESHUN, orgCode: MAJIA, year: 2026, title: '2026年度党建目标责任书', items })).statusCode).toBe(404);
      expect((await send('cadre', 'POST', '/api/assessments/letters', { issuerCode: HESHUN, orgCode: MAJIA, year: 2026, title: 'x', items })).statusCode).toBe(403);
      expect(await fieldsOf(await send('township', 'POST', '/api/assessments/letters', { issuerCode: MAJIA, orgCode: MAJIA, year: 2026, title: 'x', items: [{ ...items[0], weight: 0 }] }))).toEqual([
        'body.issuerCode: 马家村党支部不是乡镇（街道）或县级党组织，不能签订目标责任书',
        'body.orgCode: 马家村党支部不在马家村党支部的下级党组织中',
        'body.items.0.weight: “基层组织建设”的权重须大于0，最多一位小数',
      ]);
      expect((await send('township', 'POST', '/api/assessments/letters', { issuerCode: HESHUN, orgCode: DONGFENG, year: 2026, title: 'x', items })).statusCode).toBe(404);
      const made = await ok<LetterView>(await send('township', 'POST', '/api/assessments/letters', { issuerCode: HESHUN, orgCode: MAJIA, year: 2026, title: '2026年度党建目标责任书', items }), 201);
      expect(made).toMatchObject({ status: 'draft', issuer: { code: HESHUN }, org: { code: MAJIA }, items: 3, weightSum: 90, total: null, rank: null, scoringOpensOn: '2026-12-01',
        can: { edit: { allowed: true }, sign: { allowed: true }, score: { allowed: false } } });
      expect(made.lines.map((l) => [l.position, l.title, l.weight])).toEqual([[0, '基层组织建设', 40], [1, '党员队伍建设', 30], [2, '服务群众', 20]]);
      letter.id = made.id;
      expect((await send('township', 'POST', '/api/assessments/letters', { issuerCode: HESHUN, orgCode: MAJIA, year: 2026, title: '2026年度党建目标责任书', items })).statusCode).toBe(409);
    });

    it('replaces a draft’s items all at once, then is signed and fixed', async () => {
      const edited = await ok<LetterView>(await send('township', 'PUT', `/api/assessments/letters/${letter.id}`, { title: '2026年度党建目标责任书', items: [...items, { title: '乡村振兴', target: '村集体经济收入10万元以上', weight: 10 }] }));
      expect([edited.items, edited.weightSum]).toEqual([4, 100]);
      expect(await fieldsOf(await send('township', 'POST', `/api/assessments/letters/${letter.id}/sign`, { signedOn: '2026-03-03' }))).toEqual(['body.signedOn: 日期 2026-03-03 晚于今天（2026-03-02）']);
      expect(await fieldsOf(await send('township', 'POST', `/api/assessments/letters/${letter.id}/sign`, { signedOn: '2024-12-31' }))).toEqual(['body.signedOn: 签订日期 2024-12-31 须在 2026 年或上一年内']);
      expect((await send('secretary', 'POST', `/api/assessments/letters/${letter.id}/sign`, { signedOn: '2026-02-20' })).statusCode).toBe(403);
      const signed = await ok<LetterView>(await send('township', 'POST', `/api/assessments/letters/${letter.id}/sign`, { signedOn: '2026-02-20' }));
      expect(signed).toMatchObject({ status: 'signed', signedOn: '2026-02-20', can: { edit: { allowed: false }, score: { allowed: false } } });
      expect((await send('township', 'PUT', `/api/assessments/letters/${letter.id}`, { title: 'x', items })).statusCode).toBe(409);
      expect((await send('township', 'POST', `/api/assessments/letters/${letter.id}/sign`, { signedOn: '2026-02-21' })).statusCode).toBe(409);
      // Scoring opens on 1 December of the letter's year.
      const early = await refused(await send('township', 'PUT', `/api/assessments/letters/${letter.id}/scores`, { scoredOn: '2026-03-02', items: [{ id: signed.lines[0]!.id, score: 30 }] }), 400);
      expect(early.message).toContain('年终评分自 2026-12-01 起');
    });

    it('withdraws a draft whole, audited, while a signed letter stays on record', async () => {
      const draft = await ok<LetterView>(await send('township', 'POST', '/api/assessments/letters', { issuerCode: HESHUN, orgCode: MAJIA, year: 2026, title: '起草有误的责任书', items }), 201);
      expect((await send('secretary', 'DELETE', `/api/assessments/letters/${draft.id}`)).statusCode).toBe(403);
      expect((await send('township', 'DELETE', `/api/assessments/letters/${draft.id}`)).statusCode).toBe(204);
      expect((await send('township', 'GET', `/api/assessments/letters/${draft.id}`)).statusCode).toBe(404);
      expect((await events('assessments.letter_delete')).at(-1)).toMatchObject({ entityId: draft.id, before: { title: '起草有误的责任书', items } });
      expect((await refused(await send('township', 'DELETE', `/api/assessments/letters/${letter.id}`), 409)).message).toBe('“2026年度党建目标责任书”已签订，不能删除');
      expect((await ok<LetterView>(await send('township', 'GET', `/api/assessments/letters/${letter.id}`))).items).toBe(4);
    });

    it('scores last year’s letters item by item, all or nothing, and ranks them', async () => {
      const make = async (orgCode: string) => ok<LetterView>(await send('township', 'POST', '/api/assessments/letters', { issuerCode: HESHUN, orgCode, year: 2025, title: '2025年度党建目标责任书', items: items.slice(0, 2) }), 201);
      const majia = await make(MAJIA);
      const shiqiao = await make(SHIQIAO);
      old.id = majia.id; old.shiqiao = shiqiao.id;
      expect((await send('township', 'PUT', `/api/assessments/letters/${majia.id}/scores`, { scoredOn: '2026-01-10', items: [{ id: majia.lines[0]!.id, score: 30 }] })).statusCode).toBe(409);
      for (const l of [majia, shiqiao]) await ok(await send('township', 'POST', `/api/assessments/letters/${l.id}/sign`, { signedOn: '2025-01-15' }));
      const [first, second] = majia.lines as [LetterView['lines'][0], LetterView['lines'][0]];
      expect(await fieldsOf(await send('township', 'PUT', `/api/assessments/letters/${majia.id}/scores`, { scoredOn: '2026-01-10', items: [{ id: first.id, score: 38 }, { id: second.id, score: 31 }] })))
        .toEqual(['body.items.1.score: “党员队伍建设”的得分 31 须在0到30之间，最多一位小数']);
      expect((await ok<LetterView>(await send('township', 'GET', `/api/assessments/letters/${majia.id}`))).lines.map((l) => l.score)).toEqual([null, null]);
      const part = await ok<LetterView>(await send('township', 'PUT', `/api/assessments/letters/${majia.id}/scores`, { scoredOn: '2026-01-10', items: [{ id: first.id, score: 38 }] }));
      expect(part).toMatchObject({ status: 'signed', total: null, scoredOn: null });
      const done = await ok<LetterView>(await send('township', 'PUT', `/api/assessments/letters/${majia.id}/scores`, { scoredOn: '2026-01-10', items: [{ id: second.id, score: 27.5, note: '积极分子只培养1名' }] }));
      expect(done).toMatchObject({ status: 'scored', scoredOn: '2026-01-10', total: 65.5, rank: 1 });
      const s = shiqiao.lines;
      await ok(await send('township', 'PUT', `/api/assessments/letters/${shiqiao.id}/scores`, { scoredOn: '2026-01-12', items: [{ id: s[0]!.id, score: 40 }, { id: s[1]!.id, score: 30 }] }));
      const list = await ok<LetterListView>(await send('township', 'GET', `/api/assessments/letters?year=2025&issuer=${HESHUN}`));
      expect(list.items.map((l) => [l.org.name, l.total, l.rank])).toEqual([['马家村党支部', 65.5, 2], ['石桥村党支部', 70, 1]]);
      expect(list.issuers.map((o) => o.code)).toEqual([HESHUN]);
      expect((await events('assessments.letter_score')).at(-1)).toMatchObject({ after: { total: 70, scoredOn: '2026-01-12' } });
    });

    it('is read by the receiving organization’s secretary, and by nobody outside', async () => {
      const mine = await ok<LetterListView>(await send('secretary', 'GET', '/api/assessments/letters?year=2025'));
      // Its place in the township's ranking, without the other villages' letters.
      expect(mine.items.map((l) => [l.org.code, l.rank])).toEqual([[MAJIA, 2]]);
      expect(mine.issuers).toEqual([]);
      expect(await ok<LetterView>(await send('secretary', 'GET', `/api/assessments/letters/${old.id}`))).toMatchObject({ total: 65.5, rank: 2, can: { score: { allowed: false } } });
      expect((await send('secretary', 'GET', `/api/assessments/letters/${old.shiqiao}`)).statusCode).toBe(404);
      for (const user of ['secretary2', 'member']) expect((await send(user, 'GET', `/api/assessments/letters/${old.id}`)).statusCode).toBe(404);
      expect((await ok<LetterListView>(await send('secretary2', 'GET', '/api/assessments/letters?year=2025'))).items).toEqual([]);
      expect((await send('secretary', 'GET', `/api/assessments/letters?year=2025&issuer=${HESHUN}`)).statusCode).toBe(404);
    });

    it('exports the ranked list as xlsx', async () => {
      const response = await send('township', 'GET', `/api/assessments/letters/export.xlsx?year=2025&issuer=${HESHUN}`);
      expect(response.statusCode).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const rows = book.worksheets[0]!.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
      expect(rows.map((r) => [r[1], r[4], r[9], r[10]])).toEqual([['马家村党支部', '已评分', 65.5, 2], ['石桥村党支部', '已评分', 70, 1]]);
    });

    it('puts unsigned letters of the year and unscored letters of past years on the issuer’s to-do list', async () => {
      const made = await ok<LetterView>(await send('township', 'POST', '/api/assessments/letters', { issuerCode: HESHUN, orgCode: SHIQIAO, year: 2026, title: '2026年度党建目标责任书', items }), 201);
      const old2 = await ok<LetterView>(await send('county', 'POST', '/api/assessments/letters', { issuerCode: COUNTY, orgCode: HESHUN, year: 2025, title: '2025年度乡镇党建责任书', items }), 201);
      await ok(await send('county', 'POST', `/api/assessments/letters/${old2.id}/sign`, { signedOn: '2025-02-01' }));
      const titles = async (user: string) => (await ok<{ items: { kind: string; title: string }[] }>(await send(user, 'GET', '/api/todos'))).items
        .filter((i) => i.kind.startsWith('assessments.')).map((i) => i.title);
      expect(await titles('township')).toEqual(['石桥村党支部 2026 年度“2026年度党建目标责任书”尚未签订']);
      expect(await titles('county')).toEqual(['和顺镇党委 2025 年度“2025年度乡镇党建责任书”已签订，尚未年终评分']);
      expect(await titles('secretary')).toEqual([]);
      void made;
    });
  });

  describe('assessment rounds', () => {
    const round = { id: '', debrief: '' };
    const view = (id = round.id, user = 'township') => send(user, 'GET', `/api/assessments/rounds/${id}`).then((r) => ok<RoundView>(r));

    it('is opened by a township over its villages, and refused elsewhere', async () => {
      const body = { orgCode: HESHUN, year: 2025, schemeCode: 'village_three_way', openedOn: '2026-01-05' };
      expect((await send('secretary2', 'POST', '/api/assessments/rounds', body)).statusCode).toBe(404);
      expect((await send('secretary', 'POST', '/api/assessments/rounds', body)).statusCode).toBe(404);
      expect((await send('cadre', 'POST', '/api/assessments/rounds', body)).statusCode).toBe(403);
      expect(await fieldsOf(await send('township', 'POST', '/api/assessments/rounds', { ...body, orgCode: MAJIA, schemeCode: 'nope', year: 2023, openedOn: '2026-03-05' }))).toEqual([
        'body.orgCode: 马家村党支部不是乡镇（街道）或县级党组织，不能开展考核评定',
        'body.schemeCode: 没有代码为“nope”的考核方案',
        'body.openedOn: 日期 2026-03-05 晚于今天（2026-03-02）',
        'body.year: 2026-03-05 开展的考核只能是当年或上一年度的，不能是 2023 年度',
      ]);
      const opened = await ok<RoundView>(await send('township', 'POST', '/api/assessments/rounds', body), 201);
      expect(opened).toMatchObject({ status: 'open', title: '和顺镇党委2025年度村级党组织“三方评价”', subject: 'organization', results: 2, complete: 0, can: { enter: { allowed: true } } });
      expect(opened.resultsList.map((r) => [r.org.code, r.township.code, r.person, r.total])).toEqual([[MAJIA, HESHUN, null, null], [SHIQIAO, HESHUN, null, null]]);
      round.id = opened.id;
      expect((await send('township', 'POST', '/api/assessments/rounds', body)).statusCode).toBe(409);
    });

    it('opens a debrief over each village’s secretary on the opening day', async () => {
      const opened = await ok<RoundView>(await send('county', 'POST', '/api/assessments/rounds', { orgCode: COUNTY, year: 2025, schemeCode: 'secretary_debrief', openedOn: '2026-03-02' }), 201);
      round.debrief = opened.id;
      expect(opened.resultsList.map((r) => [r.org.code, r.township.code, r.person?.name ?? null])).toEqual([[MAJIA, HESHUN, 'secretary'], [SHIQIAO, HESHUN, null], [DONGFENG, QINGSHUI, 'secretary2']]);
      // The township runs its own rounds, not the county's.
      expect((await send('township', 'GET', `/api/assessments/rounds/${opened.id}`)).statusCode).toBe(404);
      expect((await ok<RoundListView>(await send('township', 'GET', '/api/assessments/rounds?year=2025'))).items.map((r) => r.id)).toEqual([round.id]);
      expect((await ok<RoundListView>(await send('county', 'GET', '/api/assessments/rounds?year=2025'))).items.map((r) => r.id).sort()).toEqual([round.id, round.debrief].sort());
    });

    it('saves the grid all or nothing, part by part, with the total and grade computed', async () => {
      expect(await fieldsOf(await send('township', 'PUT', `/api/assessments/rounds/${round.id}/results`, { items: [
        { orgCode: MAJIA, partScores: { masses: 95, self: 90, superior: 92 } },
        { orgCode: DONGFENG, partScores: { masses: 101 } },
      ] }))).toEqual(['body.items.1.orgCode: 组织 530522102001 不在本次考核中或重复', 'body.items.1.partScores.masses: “党员群众评议”得分 101 须在0到100之间，最多一位小数']);
      expect((await view()).complete).toBe(0);
      const saved = await ok<RoundView>(await send('township', 'PUT', `/api/assessments/rounds/${round.id}/results`, { items: [
        { orgCode: MAJIA, partScores: { masses: 95, self: 90, superior: 92 } },
        { orgCode: SHIQIAO, partScores: { masses: 50 } },
      ] }));
      expect(saved.resultsList.map((r) => [r.total, r.gradeLabel])).toEqual([[92.8, '先进'], [null, null]]);
      expect((await fieldsOf(await send('township', 'POST', `/api/assessments/rounds/${round.id}/finish`, { finishedOn: '2026-02-01' })))).toEqual(['body.finishedOn: 还有 1 个村（社区）的得分不完整']);
      const more = await ok<RoundView>(await send('township', 'PUT', `/api/assessments/rounds/${round.id}/results`, { items: [{ orgCode: SHIQIAO, partScores: { self: 70, superior: 55 } }] }));
      const shiqiao = more.resultsList[1]!;
      expect([shiqiao.partScores, shiqiao.total, shiqiao.gradeLabel, shiqiao.low, shiqiao.needsPlan]).toEqual([{ masses: 50, self: 70, superior: 55 }, 56, '后进', true, true]);
      expect(more.grades.map((g) => g.count)).toEqual([1, 0, 0, 1]);
      expect(more.byTownship).toEqual([{ township: { code: HESHUN, name: '和顺镇党委' }, results: 2, average: 74.4, grades: more.grades }]);
    });

    it('keeps an upgrade plan for low and 一般 results only', async () => {
      expect(await fieldsOf(await send('township', 'PUT', `/api/assessments/rounds/${round.id}/results/${MAJIA}/plan`, { upgradePlan: '不需要' })))
        .toEqual(['body.upgradePlan: 马家村党支部的等次不需要提升计划（限后进和一般等次）']);
      const planned = await ok<RoundView>(await send('township', 'PUT', `/api/assessments/rounds/${round.id}/results/${SHIQIAO}/plan`, { upgradePlan: '选派第一书记，每月召开一次支委会' }));
      expect(planned.resultsList[1]!.upgradePlan).toBe('选派第一书记，每月召开一次支委会');
      expect((await send('secretary2', 'PUT', `/api/assessments/rounds/${round.id}/results/${SHIQIAO}/plan`, { upgradePlan: 'x' })).statusCode).toBe(404);
    });

    it('links a result to the organization’s rectification case of the round’s year or the next', async () => {
      const { operator, county } = t.county;
      const shiqiao = await visibleOrg(operator, SHIQIAO);
      const [screening] = await operator.db.insert(screeningRounds).values({ countyId: county.id, year: 2026, period: 'year', title: '2026年度排查', status: 'open', openedOn: '2026-02-01' }).returning();
      await operator.db.insert(rectificationCases).values({
        countyId: county.id, orgId: shiqiao.id, orgPath: shiqiao.path, roundId: screening!.id, year: 2026, state: 'rectifying', definedOn: '2026-02-20', basis: '县委常委会2026年2月20日会议',
      });
      const linked = await view();
      expect(linked.resultsList.map((r) => r.rectificationCase && { year: r.rectificationCase.year, state: r.rectificationCase.state })).toEqual([null, { year: 2026, state: 'rectifying' }]);
    });

    it('lists the open round with missing results on its organization’s to-do list, and finishes when complete', async () => {
      const todos = async (user: string) => (await ok<{ items: { kind: string; title: string }[] }>(await send(user, 'GET', '/api/todos'))).items.filter((i) => i.kind === 'assessments.results_missing').map((i) => i.title);
      expect(await todos('county')).toEqual(['“测试县委2025年度村党组织书记抓党建述职评议”还有 3 个村（社区）未评分']);
      expect(await todos('township')).toEqual([]);
      expect(await fieldsOf(await send('township', 'POST', `/api/assessments/rounds/${round.id}/finish`, { finishedOn: '2026-01-01' }))).toEqual(['body.finishedOn: 完成日期 2026-01-01 早于开展日期 2026-01-05']);
      const finished = await ok<RoundView>(await send('township', 'POST', `/api/assessments/rounds/${round.id}/finish`, { finishedOn: '2026-02-01' }));
      expect(finished).toMatchObject({ status: 'finished', finishedOn: '2026-02-01', can: { enter: { allowed: false }, finish: { allowed: false }, plan: { allowed: true } } });
      expect((await send('township', 'PUT', `/api/assessments/rounds/${round.id}/results`, { items: [{ orgCode: MAJIA, partScores: { masses: 10 } }] })).statusCode).toBe(409);
      expect((await events('assessments.round_finish')).at(-1)).toMatchObject({ after: { finishedOn: '2026-02-01', grades: { advanced: 1, lagging: 1 } } });
    });
  });
});
