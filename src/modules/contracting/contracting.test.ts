import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { requestsOf, useTestApp } from '../../../test/support/app.js';
import { DONGFENG, HESHUN, MAJIA, SHIQIAO } from '../../../test/support/county.js';
import { engines } from '../../../test/support/databases.js';
import { memberAdder } from '../../../test/support/members.js';
import { isWorkingDay } from '../../platform/calendar/calendar.js';
import { loadWorkCalendar } from '../../platform/calendar/store.js';
import { rows } from '../../platform/db/database.js';
import { write } from '../../platform/service.js';
import { visibleOrg } from '../organizations/queries.js';
import { households } from '../households/schema.js';
import type { BoardView, ComplianceView, ContractingSettingsView, TeamsView, TeamView, VisitDetail, VisitOptions, VisitPage } from './contracts.js';
import type { HouseholdChoices } from '../households/contracts.js';

// The test county's clock stands at Monday 2 March 2026 (2026-W10); 2026-W09 ran from 23 February to 1 March.
describe.each(engines)('contracting on %s', (engine) => {
  const id: Record<string, string> = {};
  const t = useTestApp(engine, {
    signIn: ['county', 'township', 'cadre', 'secretary', 'member', 'secretary2'],
    async prepare({ operator, county }, database) {
      // The accounts' posts began the day the county was built; here they have been held for years.
      await database.db.execute(sql`update posts set started_on = '2020-01-01'`);
      for (const p of await rows<{ id: string; name: string }>(database.db, sql`select id, name from people`)) id[p.name] = p.id;
      await memberAdder(operator, id)(MAJIA, '马群众', { category: 'full', fullOn: '2001-07-01' });
      await write(operator, async (w) => {
        for (const [code, head, group] of [[MAJIA, '马大山', '一组'], [MAJIA, '马小河', '二组'], [SHIQIAO, '石头', '一组'], [DONGFENG, '东风户', '一组']] as const) {
          const org = await visibleOrg(operator, code, w.tx);
          const [h] = await w.tx.insert(households).values({ countyId: county.id, orgId: org.id, orgPath: org.path, headName: head, villagerGroup: group }).returning();
          id[head] = h!.id;
        }
      });
    },
  });
  const { send, ok, refused, fieldsOf, events } = requestsOf(t);
  const team = { orgCode: HESHUN, year: 2026, name: '第一组', memberIds: [] as string[], villageCodes: [MAJIA] };
  const teamIds: Record<string, string> = {};
  const visit = (user: string, body: object) => send(user, 'POST', '/api/contracting/visits', { orgCode: MAJIA, visitedOn: '2026-03-02', purpose: '走访群众', ...body });

  describe('settings', () => {
    it('answers the seed’s three visits a week, and only the county sets its own', async () => {
      expect(await ok<ContractingSettingsView>(await send('cadre', 'GET', '/api/contracting/settings')))
        .toEqual({ visitsPerPeriod: 3, period: 'week', memberVisitsCount: false, can: { edit: { allowed: false, reason: 'no_ability' } } });
      const body = { visitsPerPeriod: 2, period: 'week', memberVisitsCount: true };
      expect((await send('township', 'PUT', '/api/contracting/settings', body)).statusCode).toBe(403);
      expect(await fieldsOf(await send('county', 'PUT', '/api/contracting/settings', { ...body, visitsPerPeriod: 0 }))).toHaveLength(1);
      expect(await ok<ContractingSettingsView>(await send('county', 'PUT', '/api/contracting/settings', body))).toMatchObject({ ...body, can: { edit: { allowed: true } } });
      expect((await events('contracting.settings')).at(-1)).toMatchObject({ before: { visitsPerPeriod: 3 }, after: body });
      await ok(await send('county', 'PUT', '/api/contracting/settings', { visitsPerPeriod: 3, period: 'week', memberVisitsCount: false }));
    });
  });

  describe('teams', () => {
    it('are formed by the township with a committee leader, cadres and its villages', async () => {
      const view = await ok<TeamsView>(await send('township', 'GET', `/api/contracting/teams?org=${HESHUN}&year=2026`));
      expect(view.can.manage).toEqual({ allowed: true });
      expect(view.candidates.leaders.map((c) => c.name)).toEqual(['cadre', 'township']);
      expect(view.candidates.villages.map((v) => v.code)).toEqual([MAJIA, SHIQIAO]);
      const created = await ok<TeamView>(await send('township', 'POST', '/api/contracting/teams', { ...team, leaderId: id.township, memberIds: [id.cadre] }), 201);
      expect(created).toMatchObject({ name: '第一组', year: 2026, leader: { name: 'township' }, members: [{ name: 'cadre' }], villages: [{ code: MAJIA }] });
      teamIds.first = created.id;
      expect((await events('contracting.team.create')).at(-1)).toMatchObject({ entityId: created.id, after: { villages: ['马家村党支部（530522101001）'] } });
      const listed = await ok<TeamsView>(await send('cadre', 'GET', `/api/contracting/teams?org=${HESHUN}&year=2026`));
      expect(listed.teams.map((x) => x.name)).toEqual(['第一组']);
      expect(listed.can.manage).toEqual({ allowed: false, reason: 'no_ability' });
    });

    it('refuses a village another team has that year, naming the team', async () => {
      const fields = await fieldsOf(await send('township', 'POST', '/api/contracting/teams', { ...team, name: '第二组', leaderId: id.cadre }));
      expect(fields).toEqual(['body.villageCodes.0: 马家村党支部已由“第一组”包联（2026 年每村只由一个工作组包联）']);
      const en = await refused(await send('township', 'POST', '/api/contracting/teams', { ...team, name: '第二组', leaderId: id.cadre }, 'en'), 400);
      expect(en.message).toContain('already contracted to "第一组"');
    });

    it('refuses leaders off the committee, members who are no cadres of the township, and villages elsewhere', async () => {
      const fields = await fieldsOf(await send('township', 'POST', '/api/contracting/teams', {
        ...team, year: 2028, name: '第一组', leaderId: id.secretary, memberIds: [id.secretary, id.secretary2], villageCodes: [SHIQIAO, HESHUN, DONGFENG],
      }));
      expect(fields).toEqual([
        'body.year: 年度 2028 太远，最多只能安排到 2027 年',
        'body.leaderId: secretary在 2028 年不是和顺镇党委班子成员（须在乡镇党委任管理员或干部），不能任组长',
        'body.memberIds.0: secretary是组长，不必再列为组员',
        // Outside the township's reach: not named.
        `body.memberIds.1: 未找到人员 ${id.secretary2}`,
        'body.villageCodes.1: 和顺镇党委不是行政村或社区党组织',
        `body.villageCodes.2: 未找到组织 ${DONGFENG}`,
      ]);
      expect(await fieldsOf(await send('township', 'POST', '/api/contracting/teams', { ...team, villageCodes: [], leaderId: id.cadre })))
        .toEqual(['body.name: 2026 年已有名为“第一组”的工作组']);
    });

    it('are formed only by those who arrange the township’s teams', async () => {
      const body = { ...team, name: '第三组', villageCodes: [], leaderId: id.cadre };
      expect((await refused(await send('cadre', 'POST', '/api/contracting/teams', body), 403)).message).toBe('您的岗位不能安排和顺镇党委的包村工作组');
      await refused(await send('secretary', 'POST', '/api/contracting/teams', body), 404);
      await refused(await send('secretary2', 'POST', '/api/contracting/teams', body), 404);
    });

    it('are corrected with their villages in one write, audited', async () => {
      const second = await ok<TeamView>(await send('township', 'POST', '/api/contracting/teams', { ...team, name: '第二组', leaderId: id.cadre, villageCodes: [] }), 201);
      teamIds.second = second.id;
      const patched = await ok<TeamView>(await send('township', 'PATCH', `/api/contracting/teams/${teamIds.first}`, { villageCodes: [MAJIA, SHIQIAO], note: '重点村' }));
      expect(patched.villages.map((v) => v.code)).toEqual([MAJIA, SHIQIAO]);
      expect((await events('contracting.team.update')).at(-1)).toMatchObject({ before: { villages: ['马家村党支部（530522101001）'], note: null }, after: { note: '重点村' } });
      expect(await fieldsOf(await send('township', 'PATCH', `/api/contracting/teams/${teamIds.second}`, { villageCodes: [SHIQIAO] })))
        .toEqual(['body.villageCodes.0: 石桥村党支部已由“第一组”包联（2026 年每村只由一个工作组包联）']);
      await refused(await send('secretary2', 'PATCH', `/api/contracting/teams/${teamIds.first}`, { name: '越权' }), 404);
    });
  });

  describe('visits', () => {
    it('are recorded with the team of the village counted when one of its people went', async () => {
      const recorded = await ok<VisitDetail>(await visit('cadre', { participantIds: [id.township, id.cadre], householdIds: [id['马大山']!], problemsFound: '村道破损\n饮水不畅' }), 201);
      expect(recorded).toMatchObject({
        village: { code: MAJIA }, team: { id: teamIds.first, name: '第一组' }, visitedOn: '2026-03-02',
        participants: [{ name: 'cadre' }, { name: 'township' }], households: [{ headName: '马大山', villagerGroup: '一组' }], can: { edit: { allowed: true } },
      });
      expect((await events('visit.create')).at(-1)).toMatchObject({ entityId: recorded.id, after: { teamId: teamIds.first, householdIds: [id['马大山']] } });
    });

    it('have the user as the one who went unless others are named', async () => {
      const own = await ok<VisitDetail>(await visit('secretary', {}), 201);
      expect(own.participants.map((p) => p.name)).toEqual(['secretary']);
      expect(own.team).toBeNull();
    });

    it('refuses a future day, people without a post there, households of elsewhere and a team without the village', async () => {
      const fields = await fieldsOf(await visit('cadre', {
        visitedOn: '2026-03-03', teamId: teamIds.second, participantIds: [id.cadre, id['马群众'], id.secretary2], householdIds: [id['石头'], id['东风户']],
      }));
      expect(fields).toEqual([
        'body.visitedOn: 走访日期 2026-03-03 晚于今天（2026-03-02）',
        'body.participantIds.1: 马群众在 2026-03-03 未在和顺镇党委或马家村党支部任职，不能登记为走访人员',
        `body.participantIds.2: 未找到人员 ${id.secretary2}`,
        'body.householdIds.0: 户主为石头的农户不是马家村党支部的',
        `body.householdIds.1: 未找到农户 ${id['东风户']}`,
        'body.teamId: “第二组”2026 年未包联马家村党支部',
      ]);
      expect(await fieldsOf(await visit('township', { orgCode: HESHUN }))).toEqual(['body.orgCode: 和顺镇党委不是行政村或社区党组织，走访登记到村']);
    });

    it('are recorded only by those who may, in their reach', async () => {
      expect((await refused(await visit('member', {}), 403)).message).toBe('您的岗位不能登记马家村党支部的走访');
      await refused(await visit('secretary2', {}), 404);
    });

    it('are listed in scope with filters, read one by one and corrected with an audit', async () => {
      const all = await ok<VisitPage>(await send('township', 'GET', `/api/contracting/visits?org=${HESHUN}`));
      expect(all.total).toBe(2);
      const byTeam = await ok<VisitPage>(await send('township', 'GET', `/api/contracting/visits?team=${teamIds.first}`));
      expect(byTeam.items.map((v) => v.households)).toEqual([1]);
      expect((await ok<VisitPage>(await send('township', 'GET', `/api/contracting/visits?person=${id.secretary}`))).total).toBe(1);
      expect((await ok<VisitPage>(await send('township', 'GET', '/api/contracting/visits?from=2026-03-03'))).total).toBe(0);
      expect((await ok<VisitPage>(await send('secretary2', 'GET', '/api/contracting/visits'))).total).toBe(0);
      expect((await fieldsOf(await send('township', 'GET', '/api/contracting/visits?from=2026-03-02&to=2026-03-01')))).toHaveLength(1);

      const id0 = byTeam.items[0]!.id;
      expect((await ok<VisitDetail>(await send('secretary', 'GET', `/api/contracting/visits/${id0}`))).problemsFound).toBe('村道破损\n饮水不畅');
      await refused(await send('secretary2', 'GET', `/api/contracting/visits/${id0}`), 404);
      const patched = await ok<VisitDetail>(await send('cadre', 'PATCH', `/api/contracting/visits/${id0}`, { problemsSolved: '已联系修路', householdIds: [id['马大山'], id['马小河']] }));
      expect(patched).toMatchObject({ problemsSolved: '已联系修路', households: [{ headName: '马大山' }, { headName: '马小河' }] });
      expect((await events('visit.update')).at(-1)).toMatchObject({ before: { problemsSolved: null }, after: { problemsSolved: '已联系修路' } });
      expect(await fieldsOf(await send('cadre', 'PATCH', `/api/contracting/visits/${id0}`, { visitedOn: '2026-04-01' }))).toHaveLength(1);
      await refused(await send('secretary2', 'PATCH', `/api/contracting/visits/${id0}`, { purpose: '越权' }), 404);
    });

    it('offer the user’s contracted villages, who may go and the village’s households', async () => {
      const mine = await ok<VisitOptions>(await send('cadre', 'GET', '/api/contracting/visit-options'));
      // The cadre serves in 第一组 and leads 第二组, which has no village.
      expect(mine.villages.map((v) => [v.code, v.team.name])).toEqual([[MAJIA, '第一组'], [SHIQIAO, '第一组']]);
      expect((await ok<VisitOptions>(await send('secretary', 'GET', '/api/contracting/visit-options'))).villages).toEqual([]);
      const led = await ok<VisitOptions>(await send('township', 'GET', `/api/contracting/visit-options?org=${MAJIA}`));
      expect(led.villages.map((v) => v.code)).toEqual([MAJIA, SHIQIAO]);
      expect(led.team).toEqual({ id: teamIds.first, name: '第一组' });
      expect(led.self).toEqual({ id: id.township, name: 'township' });
      expect(led.participants.map((p) => p.name)).toEqual(['cadre', 'member', 'secretary', 'township']);
      expect(led.can.record).toEqual({ allowed: true });
      const found = await ok<HouseholdChoices>(await send('cadre', 'GET', `/api/households/choices?org=${MAJIA}&q=小`));
      expect(found.items.map((h) => h.headName)).toEqual(['马小河']);
      expect((await ok<HouseholdChoices>(await send('cadre', 'GET', `/api/households/choices?org=${MAJIA}&q=二组`))).items).toHaveLength(1);
      await refused(await send('member', 'GET', `/api/households/choices?org=${MAJIA}`), 404);
    });
  });

  describe('quota', () => {
    it('counts the leader’s visits per week against the quota', async () => {
      // 第一组's leader went twice in 2026-W09 and once more with the cadre alone; the cadre's own visit counts only when the county says so.
      await ok(await visit('township', { visitedOn: '2026-02-24', participantIds: [id.township] }), 201);
      await ok(await visit('township', { visitedOn: '2026-02-26', orgCode: SHIQIAO, participantIds: [id.township] }), 201);
      await ok(await visit('cadre', { visitedOn: '2026-02-27', participantIds: [id.cadre], teamId: teamIds.first }), 201);
      const view = await ok<ComplianceView>(await send('cadre', 'GET', `/api/contracting/compliance?org=${HESHUN}&year=2026`));
      expect(view.periods.map((p) => p.key).slice(-2)).toEqual(['2026-W09', '2026-W10']);
      const first = view.teams.find((x) => x.name === '第一组')!;
      expect(first.leader.name).toBe('township');
      expect(first.cells.slice(-2)).toEqual([{ held: 2, required: 3, status: 'overdue' }, { held: 1, required: 3, status: 'due' }]);
      expect(first.cells[0]).toEqual({ held: 0, required: 2, status: 'overdue' }); // 1–4 January: four days of the week
      const second = view.teams.find((x) => x.name === '第二组')!;
      expect(second.cells.at(-1)).toEqual({ held: 0, required: 3, status: 'due' });

      await ok(await send('county', 'PUT', '/api/contracting/settings', { visitsPerPeriod: 3, period: 'week', memberVisitsCount: true }));
      const counted = await ok<ComplianceView>(await send('county', 'GET', `/api/contracting/compliance?org=530522&year=2026&from=2026-02-23&to=2026-03-08`));
      expect(counted.teams.find((x) => x.name === '第一组')!.cells).toEqual([{ held: 3, required: 3, status: 'done' }, { held: 1, required: 3, status: 'due' }]);
      await ok(await send('county', 'PUT', '/api/contracting/settings', { visitsPerPeriod: 3, period: 'week', memberVisitsCount: false }));

      expect((await ok<ComplianceView>(await send('secretary2', 'GET', `/api/contracting/compliance?org=${DONGFENG}&year=2026`))).teams).toEqual([]);
      await refused(await send('secretary2', 'GET', `/api/contracting/compliance?org=${HESHUN}&year=2026`), 404);
    });

    it('asks the same visits of a week of public holidays: the quota is per ISO week, whatever the calendar', async () => {
      // Premise: in the county's calendar 2026-W08 (16–22 February) is all Spring Festival, and 2026-W07 gives up Sunday 15 for Saturday 14.
      const calendar = await loadWorkCalendar(t.database.db, t.county.county.id, [2026]);
      expect(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].filter((d) => isWorkingDay(calendar, d))).toEqual([]);
      expect([isWorkingDay(calendar, '2026-02-14'), isWorkingDay(calendar, '2026-02-15')]).toEqual([true, false]);
      for (const day of ['2026-02-17', '2026-02-19']) await ok(await visit('township', { visitedOn: day, participantIds: [id.township] }), 201);
      const view = await ok<ComplianceView>(await send('township', 'GET', `/api/contracting/compliance?org=${HESHUN}&year=2026&from=2026-02-02&to=2026-02-22`));
      expect(view.periods.map((p) => p.key)).toEqual(['2026-W06', '2026-W07', '2026-W08']);
      expect(view.teams.find((x) => x.name === '第一组')!.cells).toEqual([
        { held: 0, required: 3, status: 'overdue' }, { held: 0, required: 3, status: 'overdue' }, { held: 2, required: 3, status: 'overdue' },
      ]);
    });

    it('shows on the township’s board with each village’s last visit and eight weeks of visits', async () => {
      const view = await ok<BoardView>(await send('township', 'GET', `/api/contracting/board?org=${HESHUN}`));
      expect(view.week.key).toBe('2026-W10');
      expect(view.history.map((w) => w.key)).toEqual(['2026-W03', '2026-W04', '2026-W05', '2026-W06', '2026-W07', '2026-W08', '2026-W09', '2026-W10']);
      const first = view.teams.find((x) => x.name === '第一组')!;
      expect(first.quota).toEqual({ held: 1, required: 3, status: 'due' });
      expect(first.villages).toEqual([
        { code: MAJIA, name: '马家村党支部', lastVisitedOn: '2026-03-02', stale: false },
        { code: SHIQIAO, name: '石桥村党支部', lastVisitedOn: '2026-02-26', stale: false },
      ]);
      // W09: two of the leader's and the cadre's for the team; W10: the leader's (the secretary's own visit was for no team of theirs, but in its village).
      expect(first.history.slice(-2)).toEqual([3, 2]);
      const last = await ok<BoardView>(await send('township', 'GET', `/api/contracting/board?org=${HESHUN}&week=2026-W09`));
      expect(last.teams.find((x) => x.name === '第一组')!.quota).toEqual({ held: 2, required: 3, status: 'overdue' });
      expect(last.teams.find((x) => x.name === '第一组')!.villages[0]).toMatchObject({ lastVisitedOn: '2026-02-27' });
      expect(await fieldsOf(await send('township', 'GET', `/api/contracting/board?org=${HESHUN}&week=2026-W60`))).toEqual(['querystring.week: “2026-W60”不是有效的周（格式如 2026-W09）']);
      await refused(await send('secretary2', 'GET', `/api/contracting/board?org=${HESHUN}`), 404);
    });

    it('puts the week’s remaining visits on the leader’s list and last week’s shortfall on the township’s', async () => {
      const todos = async (user: string) => (await ok<{ items: { kind: string; title: string }[] }>(await send(user, 'GET', '/api/todos'))).items.filter((i) => i.kind.startsWith('contracting.'));
      expect(await todos('township')).toEqual([
        expect.objectContaining({ kind: 'contracting.missed', title: '2026年第9周有 2 名包村组长未完成走访要求：township（第一组）、cadre（第二组）' }),
        expect.objectContaining({ kind: 'contracting.quota', title: '第一组：2026年第10周还需入村走访 2 次' }),
      ]);
      expect(await todos('cadre')).toEqual([expect.objectContaining({ title: '第二组：2026年第10周还需入村走访 3 次' })]);
      expect(await todos('secretary')).toEqual([]);
    });
  });
});
