import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { requestsOf, useTestApp } from '../../../../test/support/app.js';
import { DONGFENG, GROUP, HESHUN, MAJIA, SHIQIAO } from '../../../../test/support/county.js';
import { engines } from '../../../../test/support/databases.js';
import { searchVector } from '../../../platform/text/search.js';
import { assessmentResults, assessmentRounds } from '../../assessments/schema.js';
import { stateTypeOf } from '../../concerns/rules.js';
import { concerns } from '../../concerns/schema.js';
import { visibleOrg } from '../../organizations/queries.js';
import { petitionAccused, petitions } from '../../petitions/schema.js';
import { defaultScreeningSetting } from '../criteria.js';
import { rectificationCases, rectificationEvents } from '../schema.js';
import type { FindingResult, FindingView, GridView, OrgFindingsView, ProposalsResult, RoundListView, RoundSummary, ScreeningSettingsView } from './contracts.js';
import { screeningFigures } from './figures.js';

// The test county's clock stands at 2 March 2026. 石桥村 has never had a secretary; no village holds meetings.
describe.each(engines)('screening on %s', (engine) => {
  const t = useTestApp(engine, {
    signIn: ['county', 'township', 'cadre', 'secretary', 'member', 'secretary2'],
    async prepare({ operator, county }) {
      const majia = await visibleOrg(operator, MAJIA);
      const heshun = await visibleOrg(operator, HESHUN);
      const dongfeng = await visibleOrg(operator, DONGFENG);
      // Five petitions about 马家村 handled by it, accusing 和顺镇党委: the township must never count them.
      const listed = await operator.db.insert(petitions).values([1, 2, 3, 4, 5].map((i) => ({
        countyId: county.id, number: `2025-000${i}`, orgId: majia.id, orgPath: majia.path, receivedOn: `2025-0${i + 3}-10`, channel: 'letter',
        content: `反映问题${i}`, category: 'cadre_conduct', state: 'handling',
      }))).returning({ id: petitions.id });
      await operator.db.insert(petitionAccused).values(listed.map((p) => ({ countyId: county.id, petitionId: p.id, orgId: heshun.id, orgPath: heshun.path })));
      // 东风村: six rated concerns, two satisfied (33 %).
      await operator.db.insert(concerns).values(['satisfied', 'satisfied', 'unsatisfied', 'unsatisfied', 'unsatisfied', 'unsatisfied'].map((rating, i) => ({
        countyId: county.id, trackingCode: `SCREEN${i}`, orgId: dongfeng.id, orgPath: dongfeng.path, handlerOrgId: dongfeng.id, handlerOrgPath: dongfeng.path,
        channel: 'public', content: `诉求${i}`, category: null, state: 'closed', stateType: stateTypeOf.closed, receivedAt: new Date('2025-10-01T02:00:00Z'),
        rating, ratedAt: new Date('2025-11-01T02:00:00Z'), search: searchVector(`诉求${i}`),
      })));
      // Last year's assessment graded 东风村 后进, a grade its scheme marks low.
      const [assessed] = await operator.db.insert(assessmentRounds).values({
        countyId: county.id, orgId: dongfeng.id, orgPath: dongfeng.path, year: 2025, schemeCode: 'village', title: '2025年度村党组织考核', status: 'finished',
        openedOn: '2025-12-01', finishedOn: '2025-12-31',
        scheme: { name: '村党组织考核', subject: 'organization', parts: [{ key: 'all', label: '综合', weight: 100 }], grades: [{ key: 'good', label: '好', min: 60, low: false }, { key: 'poor', label: '后进', min: 0, low: true }] },
      }).returning();
      await operator.db.insert(assessmentResults).values({ countyId: county.id, roundId: assessed!.id, orgId: dongfeng.id, orgPath: dongfeng.path, partScores: { all: 40 }, total: 40, grade: 'poor' });
    },
  });
  const { send, ok, refused, fieldsOf, events } = requestsOf(t);
  const round = { id: '', q1: '' };
  const finding = (user: string, body: object, lang?: string) => send(user, 'POST', `/api/screening/rounds/${round.id}/findings`,
    { orgCode: MAJIA, criterionCode: '03', channel: 'check', evidence: '班子成员分歧大，村务会议多次流会', foundOn: '2026-02-20', ...body }, lang);

  describe('criteria', () => {
    it('answers the defaults to all, and only the county administrator edits them', async () => {
      const view = await ok<ScreeningSettingsView>(await send('secretary', 'GET', '/api/screening/settings'));
      expect(view.criteria).toHaveLength(18);
      expect(view.criteria.filter((c) => c.indicator).map((c) => c.indicator!.kind)).toEqual([
        'secretary_vacant_months', 'meetings_missed', 'no_development_target_years', 'satisfaction_below', 'petitions_above', 'assessment_low_grade']);
      expect(view.departments.chaotic).toContain('县委政法委');
      expect(view.quota).toEqual({ kind: 'none' });
      expect(view.can.edit).toEqual({ allowed: false, reason: 'no_ability' });
      const { can: _, ...setting } = view;
      expect((await send('township', 'PUT', '/api/screening/settings', setting)).statusCode).toBe(403);
      expect(await fieldsOf(await send('county', 'PUT', '/api/screening/settings', { ...setting, criteria: [...setting.criteria, setting.criteria[0]] })))
        .toEqual(['body.criteria[0].code: 标准编号 01 重复']);
      expect(await fieldsOf(await send('county', 'PUT', '/api/screening/settings', { ...setting, quota: { kind: 'share' } }))).toHaveLength(1);
      const saved = await ok<ScreeningSettingsView>(await send('county', 'PUT', '/api/screening/settings', { ...setting, quota: { kind: 'share', permille: 100 } }));
      expect(saved).toMatchObject({ quota: { kind: 'share', permille: 100 }, can: { edit: { allowed: true } } });
      expect((await events('screening.settings')).at(-1)).toMatchObject({ before: { quota: { kind: 'none' } }, after: { quota: { kind: 'share', permille: 100 } } });
    });
  });

  describe('rounds', () => {
    it('are opened by the county only, one per period, not for a year ahead', async () => {
      const body = { year: 2026, period: 'year', title: '2026年度软弱涣散村党组织排查' };
      expect((await refused(await send('township', 'POST', '/api/screening/rounds', body), 403)).message).toBe('开展排查、认定由县委组织部负责');
      expect((await send('member', 'POST', '/api/screening/rounds', body)).statusCode).toBe(403);
      expect(await fieldsOf(await send('county', 'POST', '/api/screening/rounds', { ...body, year: 2027 }))).toEqual(['body.year: 不能开展 2027 年的排查（今年是 2026 年）']);
      const opened = await ok<RoundSummary>(await send('county', 'POST', '/api/screening/rounds', body), 201);
      expect(opened).toMatchObject({ ...body, status: 'open', openedOn: '2026-03-02', closedOn: null });
      round.id = opened.id;
      expect((await refused(await send('county', 'POST', '/api/screening/rounds', body), 409)).message).toBe('2026 年年度的排查已经开展，每个期间只开展一次');
      const list = await ok<RoundListView>(await send('secretary2', 'GET', '/api/screening/rounds'));
      expect(list.items.map((r) => r.title)).toEqual([body.title]);
      expect(list.can.open).toEqual({ allowed: false, reason: 'no_ability' });
      expect((await send('member', 'GET', '/api/screening/rounds')).statusCode).toBe(403);
      expect((await send('cadre', 'GET', `/api/screening/rounds/${round.id}`)).statusCode).toBe(403);
    });
  });

  describe('findings', () => {
    it('records a check at the level of the acting post, confirmed at once', async () => {
      const county = await ok<FindingResult>(await finding('county', {}), 201);
      expect(county).toMatchObject({ finding: { org: { code: MAJIA, name: '马家村党支部' }, criterion: { code: '03', category: 'lax' }, channel: 'check', checkLevel: 'county', status: 'confirmed', source: 'manual', recordedBy: 'county' }, relapsed: null });
      const township = await ok<FindingResult>(await finding('township', { criterionCode: '10', channel: 'masses', evidence: '群众测评不满意票占 45%' }), 201);
      expect(township.finding).toMatchObject({ channel: 'masses', checkLevel: null, status: 'confirmed' });
      expect((await events('screening.finding')).at(-1)).toMatchObject({ entityLabel: '马家村党支部 10', after: { channel: 'masses' } });
    });

    it('takes the village’s self-examination from its secretary, and a department’s report from the county', async () => {
      expect((await ok<FindingResult>(await finding('secretary', { channel: 'self', criterionCode: '09', evidence: '村活动场所年久失修，无法使用' }), 201)).finding.channel).toBe('self');
      expect((await refused(await finding('secretary', { channel: 'masses' }), 403)).message).toBe('您的岗位不能登记马家村党支部的群众评议或检查发现');
      expect((await refused(await finding('township', { channel: 'department', department: '县公安局' }), 403)).message).toBe('部门报告由县委组织部登记');
      expect(await fieldsOf(await finding('county', { channel: 'department', department: '县气象局' }))).toEqual(['body.department: “县气象局”不在本县排查责任部门名单中']);
      expect(await fieldsOf(await finding('county', { channel: 'department' }))).toEqual(['body.department: 部门报告须写明报告部门']);
      const department = await ok<FindingResult>(await finding('county', { channel: 'department', department: '县公安局', criterionCode: '06', evidence: '公安机关通报：村内存在涉黑线索' }), 201);
      expect(department.finding).toMatchObject({ channel: 'department', department: '县公安局', criterion: { category: 'chaotic' } });
    });

    it('refuses a finding without criterion or evidence, outside the village list, misdated, or outside the scope', async () => {
      expect(await fieldsOf(await finding('county', { criterionCode: '99', foundOn: '2026-03-03' }))).toEqual([
        'body.criterionCode: 本县排查标准中没有编号为 99 的标准', 'body.foundOn: 日期 2026-03-03 晚于今天（2026-03-02）']);
      expect(await fieldsOf(await finding('county', { foundOn: '2025-12-31' }, 'en'))).toEqual(['body.foundOn: The date 2025-12-31 is before the screening’s year 2026']);
      expect((await fieldsOf(await finding('county', { evidence: '  ' })))[0]).toMatch(/^body\.evidence/);
      const { criterionCode: _, ...without } = { orgCode: MAJIA, criterionCode: '', channel: 'check', evidence: '有', foundOn: '2026-02-20' };
      expect((await send('county', 'POST', `/api/screening/rounds/${round.id}/findings`, without)).statusCode).toBe(400);
      expect(await fieldsOf(await finding('county', { orgCode: GROUP }))).toEqual(['body.orgCode: 第一党小组不是村（社区）党组织，不在排查范围内']);
      expect((await finding('secretary2', { channel: 'self' })).statusCode).toBe(404);
      expect((await send('county', 'POST', '/api/screening/rounds/00000000-0000-4000-8000-000000000000/findings', { orgCode: MAJIA, criterionCode: '03', channel: 'check', evidence: '有', foundOn: '2026-02-20' })).statusCode).toBe(404);
    });
  });

  describe('proposals', () => {
    const proposals = { township: [] as FindingView[], county: [] as FindingView[] };

    it('evaluates every village of the township, counting only the petitions the township may see', async () => {
      const result = await ok<ProposalsResult>(await send('township', 'POST', `/api/screening/rounds/${round.id}/proposals`));
      expect(result.villages).toBe(2);
      expect(result.message).toBe('评估 2 个村（社区），新增 5 条自动研判待确认。暂无村集体经济收入数据，未评估集体收入指标');
      const got = result.proposals.map((p) => `${p.org.code} ${p.criterion.code}`);
      // 石桥村: no secretary ever; both: meetings missed and no development target for years. The petitions accuse the township: unseen.
      expect(got).toEqual([`${MAJIA} 14`, `${MAJIA} 15`, `${SHIQIAO} 13`, `${SHIQIAO} 14`, `${SHIQIAO} 15`]);
      expect(result.proposals[2]).toMatchObject({ status: 'proposed', source: 'indicator', channel: 'check', checkLevel: 'township', foundOn: '2026-03-02' });
      expect(result.proposals[2]!.measured).toMatch(/^书记空缺 \d+ 个月（标准：超过 3 个月）$/);
      expect(result.proposals[0]!.measured).toMatch(/^近 12 个月应开未开组织生活 \d+ 次/);
      proposals.township = result.proposals;
      // Again: nothing new.
      expect((await ok<ProposalsResult>(await send('township', 'POST', `/api/screening/rounds/${round.id}/proposals`))).created).toBe(0);
    });

    it('lets the county see the petitions, satisfaction and last year’s low grade', async () => {
      const result = await ok<ProposalsResult>(await send('county', 'POST', `/api/screening/rounds/${round.id}/proposals`));
      expect(result.villages).toBe(3);
      expect(result.proposals.map((p) => `${p.org.code} ${p.criterion.code}`)).toEqual([`${MAJIA} 17`, `${DONGFENG} 14`, `${DONGFENG} 15`, `${DONGFENG} 16`, `${DONGFENG} 18`]);
      expect(result.proposals[0]!.measured).toBe('近 12 个月信访 5 件（标准：超过 3 件）');
      expect(result.proposals[3]!.measured).toBe('近 12 个月诉求评价满意率 33.3%（2/6，标准：低于 60%）');
      expect(result.proposals[4]!.measured).toBe('2025年度村党组织考核：后进');
      proposals.county = result.proposals;
      expect((await send('secretary', 'POST', `/api/screening/rounds/${round.id}/proposals`)).statusCode).toBe(403);
    });

    it('are confirmed or dismissed with a reason by whoever manages the village', async () => {
      const [vacant] = proposals.township.filter((p) => p.criterion.code === '13');
      expect((await send('secretary2', 'POST', `/api/screening/findings/${vacant!.id}/confirm`)).statusCode).toBe(404);
      expect((await refused(await send('secretary', 'POST', `/api/screening/findings/${proposals.township[0]!.id}/confirm`), 403)).message).toBe('您的岗位不能确认马家村党支部的自动研判');
      const confirmed = await ok<FindingResult>(await send('township', 'POST', `/api/screening/findings/${vacant!.id}/confirm`));
      expect(confirmed).toMatchObject({ finding: { status: 'confirmed', decidedOn: '2026-03-02' }, relapsed: null });
      expect((await refused(await send('township', 'POST', `/api/screening/findings/${vacant!.id}/confirm`), 409)).message).toBe('该发现已确认，不能再次处理');
      const meetings = proposals.township.find((p) => p.org.code === SHIQIAO && p.criterion.code === '14')!;
      expect((await send('township', 'POST', `/api/screening/findings/${meetings.id}/dismiss`, { reason: '' })).statusCode).toBe(400);
      const dismissed = await ok<FindingView>(await send('township', 'POST', `/api/screening/findings/${meetings.id}/dismiss`, { reason: '会议记录尚未录入平台，经核实已按规定召开' }));
      expect(dismissed).toMatchObject({ status: 'dismissed', dismissReason: '会议记录尚未录入平台，经核实已按规定召开' });
    });
  });

  describe('definition', () => {
    const define = (user: string, orgCode: string, body: object = {}, roundId = round.id) =>
      send(user, 'POST', `/api/screening/rounds/${roundId}/definitions`, { orgCode, definedOn: '2026-03-02', basis: '县委常委会 2026年3月2日会议研究决定', ...body });

    it('is the county’s, of a village with a confirmed finding, once', async () => {
      expect((await refused(await define('township', MAJIA), 403)).message).toBe('开展排查、认定由县委组织部负责');
      expect((await refused(await define('county', DONGFENG), 409)).message).toBe('东风村党支部在本次排查中没有已确认的发现，不能认定');
      expect(await fieldsOf(await define('county', MAJIA, { definedOn: '2026-03-01' }))).toEqual(['body.definedOn: 日期 2026-03-01 早于排查开始日期 2026-03-02']);
      const defined = await ok<{ caseId: string }>(await define('county', MAJIA), 201);
      const [opened] = await t.database.db.select().from(rectificationCases).where(eq(rectificationCases.id, defined.caseId));
      expect(opened).toMatchObject({ state: 'identified', year: 2026, definedOn: '2026-03-02', basis: '县委常委会 2026年3月2日会议研究决定' });
      expect((await refused(await define('county', MAJIA), 409)).message).toBe('马家村党支部已在本次排查中认定');
      expect((await define('secretary2', MAJIA)).statusCode).toBe(404);
    });

    it('refuses an organization whose earlier case is still open, naming it', async () => {
      round.q1 = (await ok<RoundSummary>(await send('county', 'POST', '/api/screening/rounds', { year: 2026, period: 'Q1', title: '2026年一季度排查' }), 201)).id;
      await ok(await send('county', 'POST', `/api/screening/rounds/${round.q1}/findings`, { orgCode: MAJIA, criterionCode: '04', channel: 'check', evidence: '全年未开展主题党日', foundOn: '2026-03-01' }), 201);
      expect((await refused(await define('county', MAJIA, {}, round.q1), 409)).message).toBe('马家村党支部在“2026年度软弱涣散村党组织排查”中认定的整顿尚未销号（已认定），不能重复认定');
    });

    it('a finding for a village under watch is a rebound that reopens its case', async () => {
      await t.database.db.update(rectificationCases).set({ state: 'under_watch', watchUntil: '2027-03-01' }).where(eq(rectificationCases.roundId, round.id));
      const result = await ok<FindingResult>(await finding('county', { criterionCode: '07', evidence: '财务公开栏半年未更新' }), 201);
      expect(result.relapsed).toMatchObject({ org: { code: MAJIA }, message: '马家村党支部正处于巩固观察期，本次发现视为反弹，整顿台账已重新打开（待重新制定整改方案）' });
      const [reopened] = await t.database.db.select().from(rectificationCases).where(eq(rectificationCases.roundId, round.id));
      expect(reopened).toMatchObject({ state: 'identified', watchUntil: null });
      const relapses = await t.database.db.select().from(rectificationEvents).where(and(eq(rectificationEvents.caseId, reopened!.id), eq(rectificationEvents.action, 'relapsed')));
      expect(relapses).toHaveLength(1);
    });
  });

  describe('the grid, the figures and the to-dos', () => {
    it('shows the county every village by township with its cells, figures and quota', async () => {
      const grid = await ok<GridView>(await send('county', 'GET', `/api/screening/rounds/${round.id}`));
      expect(grid.townships.map((tw) => [tw.name, tw.rows.map((r) => r.org.code)])).toEqual([['和顺镇党委', [MAJIA, SHIQIAO]], ['清水乡党委', [DONGFENG]]]);
      const majia = grid.townships[0]!.rows[0]!;
      expect(majia).toMatchObject({ defined: true, caseState: 'identified', proposed: 3 });
      expect(majia.cells.find((c) => c.criterion === '03')).toEqual({ criterion: '03', confirmed: 1, proposed: 0, channels: ['check'] });
      expect(majia.cells.find((c) => c.criterion === '14')).toEqual({ criterion: '14', confirmed: 0, proposed: 1, channels: ['check'] });
      expect(grid.townships[0]!.rows[1]!.cells.find((c) => c.criterion === '14')).toBeUndefined();
      expect(grid.figures).toMatchObject({ screened: 3, withFindings: 2, defined: 1 });
      expect(grid.quota).toBe('限额 10%：3 个村应不超过 0 个，已认定 1 个（超出限额）');
      expect(grid.can).toMatchObject({ define: { allowed: true }, propose: { allowed: true } });
    });

    it('shows a township and a secretary only their own villages', async () => {
      const township = await ok<GridView>(await send('township', 'GET', `/api/screening/rounds/${round.id}`));
      expect(township.townships.flatMap((tw) => tw.rows.map((r) => r.org.code))).toEqual([MAJIA, SHIQIAO]);
      expect(township.can.define).toEqual({ allowed: false, reason: 'out_of_scope' });
      const outsider = await ok<GridView>(await send('secretary2', 'GET', `/api/screening/rounds/${round.id}`));
      expect(outsider.townships.flatMap((tw) => tw.rows.map((r) => r.org.code))).toEqual([DONGFENG]);
      expect(outsider.figures).toMatchObject({ screened: 1, withFindings: 0, defined: 0 });
      expect((await send('secretary2', 'GET', `/api/screening/rounds/${round.id}/findings?org=${MAJIA}`)).statusCode).toBe(404);
    });

    it('lists one village’s findings with their evidence and its case', async () => {
      const view = await ok<OrgFindingsView>(await send('secretary', 'GET', `/api/screening/rounds/${round.id}/findings?org=${MAJIA}&criterion=03`));
      expect(view.findings.map((f) => f.evidence)).toEqual(['班子成员分歧大，村务会议多次流会']);
      expect(view.defined).toMatchObject({ state: 'identified' });
      expect(view.can).toMatchObject({ self: { allowed: true }, check: { allowed: false } });
      const q1 = await ok<OrgFindingsView>(await send('county', 'GET', `/api/screening/rounds/${round.q1}/findings?org=${MAJIA}`));
      expect(q1.openCase).toEqual({ roundTitle: '2026年度软弱涣散村党组织排查', state: 'identified' });
    });

    it('counts by criterion, category and township', async () => {
      const county = t.county.county;
      const root = await visibleOrg(t.county.operator, '530522');
      const figures = await screeningFigures(t.database.db, { countyId: county.id, paths: [root.path] }, [round.id, round.q1]);
      expect(figures).toMatchObject({ screened: 3, withFindings: 2, defined: 1 });
      expect(figures.byCriterion.map((c) => [c.code, c.organizations])).toEqual([['03', 1], ['04', 1], ['06', 1], ['07', 1], ['09', 1], ['10', 1], ['13', 1]]);
      expect(figures.byCategory).toEqual([{ category: 'soft', organizations: 1 }, { category: 'lax', organizations: 1 }, { category: 'poor', organizations: 1 }, { category: 'chaotic', organizations: 1 }]);
      expect(figures.byTownship).toEqual([
        { code: HESHUN, name: '和顺镇党委', screened: 2, withFindings: 2, defined: 1 },
        { code: '530522102', name: '清水乡党委', screened: 1, withFindings: 0, defined: 0 },
      ]);
      expect(await screeningFigures(t.database.db, { countyId: county.id, paths: [root.path] }, [])).toMatchObject({ screened: 3, withFindings: 0, defined: 0, byCriterion: [] });
      // A user with posts in both townships sees both; a village inside a township of theirs is counted once.
      const [heshun, qingshui, majia] = await Promise.all([HESHUN, '530522102', MAJIA].map((code) => visibleOrg(t.county.operator, code)));
      const both = await screeningFigures(t.database.db, { countyId: county.id, paths: [heshun!.path, qingshui!.path, majia!.path] }, [round.id, round.q1]);
      expect(both).toEqual(figures);
      expect(await screeningFigures(t.database.db, { countyId: county.id, paths: [qingshui!.path] }, [round.id, round.q1])).toMatchObject({ screened: 1, withFindings: 0, defined: 0 });
    });

    it('puts proposals and undecided villages on the to-do lists', async () => {
      const todos = async (user: string) => (await ok<{ items: { kind: string; title: string }[] }>(await send(user, 'GET', '/api/todos'))).items.filter((i) => i.kind.startsWith('screening.'));
      expect((await todos('county')).map((i) => i.title).sort()).toEqual([
        '“2026年一季度排查”中 1 个村（社区）有确认的发现，尚未研究认定',
        '“2026年度软弱涣散村党组织排查”中 1 个村（社区）有确认的发现，尚未研究认定',
        '“2026年度软弱涣散村党组织排查”有 8 条自动研判待确认',
      ]);
      expect((await todos('township')).map((i) => i.title)).toEqual(['“2026年度软弱涣散村党组织排查”有 4 条自动研判待确认']);
      expect(await todos('secretary')).toEqual([]);
    });
  });

  describe('closing', () => {
    it('refuses what comes after, and removing a criterion already cited', async () => {
      expect((await send('township', 'POST', `/api/screening/rounds/${round.q1}/close`)).statusCode).toBe(403);
      expect(await ok<RoundSummary>(await send('county', 'POST', `/api/screening/rounds/${round.q1}/close`))).toMatchObject({ status: 'closed', closedOn: '2026-03-02' });
      expect((await refused(await send('county', 'POST', `/api/screening/rounds/${round.q1}/findings`, { orgCode: SHIQIAO, criterionCode: '04', channel: 'check', evidence: '有', foundOn: '2026-03-01' }), 409)).message)
        .toBe('排查“2026年一季度排查”已结束，不能再登记或认定');
      const { can: _, ...setting } = await ok<ScreeningSettingsView>(await send('county', 'GET', '/api/screening/settings'));
      expect(await fieldsOf(await send('county', 'PUT', '/api/screening/settings', { ...setting, criteria: setting.criteria.filter((c) => c.code !== '06') })))
        .toEqual(['body.criteria: 标准 06“宗族宗教和黑恶势力干扰渗透严重”已被排查发现引用，只能停用，不能删除']);
      const deactivated = setting.criteria.map((c) => (c.code === '06' ? { ...c, active: false } : c));
      await ok(await send('county', 'PUT', '/api/screening/settings', { ...setting, criteria: deactivated }));
      expect(await fieldsOf(await finding('county', { criterionCode: '06' }))).toEqual(['body.criterionCode: 标准 06“宗族宗教和黑恶势力干扰渗透严重”已停用']);
      expect(defaultScreeningSetting.criteria.find((c) => c.code === '06')!.active).toBe(true);
    });
  });
});
