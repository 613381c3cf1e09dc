import { describe, expect, it } from 'vitest';
import { write } from '../../platform/service.js';
import { useTestApp } from '../../../test/support/app.js';
import { engines } from '../../../test/support/databases.js';
import { json } from '../../../test/support/http.js';
import type { Todos } from '../home/contracts.js';
import { meetings } from '../meetings/schema.js';
import { initCounty } from '../organizations/county.js';
import { visibleOrg } from '../organizations/queries.js';
import type { ComplianceView, rulesBody } from './contracts.js';
import { provinceCompliance } from './province.js';
import type { z } from 'zod';
import { DONGFENG, MAJIA, SHIQIAO } from '../../../test/support/county.js';


describe.each(engines)('compliance with cadence rules on %s', (engine) => {
  const t = useTestApp(engine, {
    signIn: ['county', 'township', 'secretary', 'secretary2', 'member'],
    // Committee meetings held: 马家村 in January and February, 石桥村 in January; 东风村 only planned one, and one was cancelled.
    async prepare({ operator, county }) {
      const held: [string, string, 'held' | 'planned' | 'cancelled', string][] = [
        [MAJIA, 'committee_meeting', 'held', '2026-01-10'],
        [MAJIA, 'committee_meeting', 'held', '2026-02-05'],
        [MAJIA, 'theme_day', 'held', '2026-01-05'],
        [SHIQIAO, 'committee_meeting', 'held', '2026-01-20'],
        [DONGFENG, 'committee_meeting', 'planned', '2026-02-10'],
        [DONGFENG, 'committee_meeting', 'cancelled', '2026-01-10'],
      ];
      await write(operator, async (w) => {
        for (const [code, kind, status, day] of held) {
          const org = await visibleOrg(operator, code, w.tx);
          await w.tx.insert(meetings).values({
            countyId: county.id, orgId: org.id, orgPath: org.path, kind, status, topic: '研究本月工作',
            heldOn: status === 'held' ? day : null, plannedOn: status === 'held' ? null : day,
          });
        }
      });
    },
  });

  const get = (user: string, url: string, lang?: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: t.cookies[user]!, ...(lang ? { 'accept-language': lang } : {}) } });
  const matrix = async (user: string, query: string) => {
    const response = await get(user, `/api/compliance?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return json<ComplianceView>(response);
  };
  const statuses = (view: ComplianceView) => Object.fromEntries(view.rows.map((r) => [r.org.code, r.cells.map((c) => c && `${c.status}:${c.held}`)]));
  const put = (user: string, id: string, body: object) => t.app.inject({ method: 'PUT', url: `/api/compliance/rules/${id}`, payload: body, headers: { cookie: t.cookies[user]! } });
  const rules = async (user = 'county', lang?: string) => json<z.infer<typeof rulesBody>>(await get(user, '/api/compliance/rules', lang)).items;
  const todos = async (user: string) => json<Todos>(await get(user, '/api/todos')).items.filter((i) => i.kind.startsWith('compliance.'));

  it('lists the national rules in force, in words', async () => {
    const items = await rules();
    expect(items.map((r) => r.id)).toEqual([
      'members_meeting_quarterly', 'committee_meeting_monthly', 'group_meeting_monthly', 'theme_day_monthly', 'life_meeting_yearly', 'party_lecture_yearly',
    ]);
    expect(items[1]).toMatchObject({ eventKind: 'committee_meeting', subjectType: 'branch', period: 'month', min: 1, source: 'national', changed: false, label: '每月至少 1 次支委会（各党支部）' });
    expect(items[4]!.label).toBe('每年至少 1 次组织生活会（各党支部），一般在10月后');
    expect((await rules('county', 'en'))[1]!.label).toBe('At least 1 × Committee meeting a month (each of the branches)');
  });

  it('evaluates each branch per month: done, overdue once the month is over, due in the current one', async () => {
    const view = await matrix('county', 'rule=committee_meeting_monthly&from=2026-01-01&to=2026-03-31');
    expect(view.periods.map((p) => [p.key, p.label])).toEqual([['2026-01', '2026年1月'], ['2026-02', '2026年2月'], ['2026-03', '2026年3月']]);
    expect(statuses(view)).toEqual({
      [MAJIA]: ['done:1', 'done:1', 'due:0'],
      [SHIQIAO]: ['done:1', 'overdue:0', 'due:0'],
      [DONGFENG]: ['overdue:0', 'overdue:0', 'due:0'],
    });
    expect(view.summary).toEqual([
      { period: '2026-01', done: 2, due: 0, overdue: 1, notDue: 0 },
      { period: '2026-02', done: 1, due: 0, overdue: 2, notDue: 0 },
      { period: '2026-03', done: 0, due: 3, overdue: 0, notDue: 0 },
    ]);
    expect(view.rollup).toEqual([
      { code: '530522101', name: '和顺镇党委', subjects: 2, overdue: 1, due: 2, done: 3 },
      { code: '530522102', name: '清水乡党委', subjects: 1, overdue: 2, due: 1, done: 0 },
    ]);
    // The roll-up of a township is per village; the sums are the county's.
    const township = await matrix('township', 'rule=committee_meeting_monthly&from=2026-01-01&to=2026-03-31');
    expect(township.org.code).toBe('530522101');
    expect(township.rows.map((r) => r.org.code)).toEqual([MAJIA, SHIQIAO]);
    expect(township.rollup.map((r) => r.code)).toEqual([MAJIA, SHIQIAO]);
  });

  it('counts a party group\'s meetings for the group, and leaves an organization out of periods before it existed', async () => {
    const groups = await matrix('county', 'rule=group_meeting_monthly&from=2026-02-01&to=2026-02-28');
    expect(statuses(groups)).toEqual({ '530522101001-1': ['overdue:0'] });
    const early = await matrix('county', 'rule=group_meeting_monthly&from=2000-12-01&to=2001-01-31');
    expect(statuses(early)).toEqual({ '530522101001-1': [null, 'overdue:0'] });
  });

  it('keeps a "normally in Q4" rule not yet due until October', async () => {
    const view = await matrix('county', 'rule=life_meeting_yearly&from=2026-01-01&to=2026-12-31');
    expect(view.summary).toEqual([{ period: '2026', done: 0, due: 0, overdue: 0, notDue: 3 }]);
  });

  it('answers a span the wrong way round or too long, and an unknown rule, clearly', async () => {
    expect(json(await get('county', '/api/compliance?rule=committee_meeting_monthly&from=2026-03-01&to=2026-01-01'))).toMatchObject({
      error: { code: 'invalid', fields: [{ path: 'querystring.to', message: '起始日期 2026-03-01 晚于截止日期 2026-01-01' }] },
    });
    expect((await get('county', '/api/compliance?rule=committee_meeting_monthly&from=2020-01-01&to=2026-01-01')).statusCode).toBe(200);
    const weeks = await get('county', '/api/compliance?rule=committee_meeting_monthly&from=2000-01-01&to=2026-01-01');
    expect(json(weeks)).toMatchObject({ error: { fields: [{ path: 'querystring.from', message: '时间跨度过长：最多 160 个周期' }] } });
    expect(json(await get('county', '/api/compliance?rule=no_such_rule'))).toMatchObject({ error: { code: 'not_found', message: '没有编号为“no_such_rule”的制度频次要求' } });
    expect((await get('county', '/api/compliance?rule=Bad-Id')).statusCode).toBe(400);
  });

  it('lets the county add its own weekly rule, change a national one and switch one off; others may only read', async () => {
    const monday = { eventKind: 'monday_meeting', subjectType: 'township_committee', period: 'week', min: 1, label: '周一例会' };
    expect((await put('township', 'monday_meeting_weekly', monday)).statusCode).toBe(403);
    expect((await put('county', 'monday_meeting_weekly', { ...monday, eventKind: 'bingo' })).statusCode).toBe(400);
    expect((await put('county', 'monday_meeting_weekly', monday)).statusCode).toBe(204);
    expect((await put('county', 'theme_day_monthly', { eventKind: 'theme_day', subjectType: 'branch', period: 'month', min: 2 })).statusCode).toBe(204);
    expect((await put('county', 'party_lecture_yearly', { eventKind: 'party_lecture', subjectType: 'committee', period: 'year', min: 1, enabled: false })).statusCode).toBe(204);
    const items = await rules('township');
    expect(items.map((r) => r.id)).toEqual([
      'members_meeting_quarterly', 'committee_meeting_monthly', 'group_meeting_monthly', 'theme_day_monthly', 'life_meeting_yearly', 'monday_meeting_weekly',
    ]);
    expect(items.find((r) => r.id === 'theme_day_monthly')).toMatchObject({ min: 2, changed: true, source: 'national' });
    expect(items.at(-1)).toMatchObject({ source: 'local', name: '周一例会', label: '周一例会：每周至少 1 次周一例会（各乡镇（街道）党委）' });
    const weekly = await matrix('county', 'rule=monday_meeting_weekly&from=2026-02-23&to=2026-03-02');
    expect(weekly.periods.map((p) => p.key)).toEqual(['2026-W09', '2026-W10']);
    expect(weekly.rows.map((r) => r.org.code)).toEqual(['530522101', '530522102']);

    const remove = (user: string, id: string) => t.app.inject({ method: 'DELETE', url: `/api/compliance/rules/${id}`, headers: { cookie: t.cookies[user]! } });
    expect(json(await remove('county', 'committee_meeting_monthly'))).toMatchObject({ error: { code: 'conflict' } });
    expect((await remove('township', 'monday_meeting_weekly')).statusCode).toBe(403);
    expect((await remove('county', 'monday_meeting_weekly')).statusCode).toBe(204);
    expect((await remove('county', 'party_lecture_yearly')).statusCode).toBe(204);
    expect((await remove('county', 'theme_day_monthly')).statusCode).toBe(204);
    expect((await rules()).map((r) => [r.id, r.min, r.changed])).toContainEqual(['theme_day_monthly', 1, false]);
    expect((await rules()).map((r) => r.id)).toContain('party_lecture_yearly');
  });

  it('gives a province every county\'s counts in one statement, agreeing with each county\'s own matrix', async () => {
    await initCounty(t.database.db, t.county.clock, { code: '530523', name: '华宁县' });
    const province = (rule: string) => provinceCompliance(t.database.db, rule, '2026-01-01', '2026-03-31', '2026-03-02');
    const view = await province('committee_meeting_monthly');
    expect(view.counties.map((c) => [c.code, c.inForce])).toEqual([['530522', true], ['530523', true]]);
    const own = await matrix('county', 'rule=committee_meeting_monthly&from=2026-01-01&to=2026-03-31');
    expect(view.counties[0]!.cells).toEqual(own.summary.map((s, i) => ({
      period: s.period, subjects: own.rows.filter((r) => r.cells[i]).length, done: s.done, notDone: s.due + s.overdue + s.notDue,
      status: s.overdue > 0 ? 'overdue' : s.due > 0 ? 'due' : s.notDue > 0 ? 'not_due' : null,
    })));
    // The new county has no branches yet: nothing applies, nothing is missed.
    expect(view.counties[1]!.cells.every((c) => c.subjects === 0 && c.status === null)).toBe(true);

    // A county's own minimum counts for it; a county that switched the rule off is not compared.
    const themeDays = async () => (await province('theme_day_monthly')).counties[0]!;
    expect((await themeDays()).cells[0]).toMatchObject({ done: 1, notDone: 2 });
    expect((await put('county', 'theme_day_monthly', { eventKind: 'theme_day', subjectType: 'branch', period: 'month', min: 2 })).statusCode).toBe(204);
    expect((await themeDays()).cells[0]).toMatchObject({ done: 0, notDone: 3 });
    expect((await put('county', 'theme_day_monthly', { eventKind: 'theme_day', subjectType: 'branch', period: 'month', min: 1, enabled: false })).statusCode).toBe(204);
    expect(await themeDays()).toMatchObject({ inForce: false, cells: [] });
    expect((await t.app.inject({ method: 'DELETE', url: '/api/compliance/rules/theme_day_monthly', headers: { cookie: t.cookies.county! } })).statusCode).toBe(204);
    await expect(province('no_such_rule')).rejects.toMatchObject({ key: 'compliance.rule_not_found' });
  });

  it('puts what is due and what was missed on the secretary\'s list, and the count of villages behind on the township\'s', async () => {
    const secretary = await todos('secretary');
    const titles = secretary.map((i) => i.title);
    expect(titles).toContain('马家村党支部：2026年3月支委会尚未召开');
    expect(titles).not.toContain('马家村党支部：2026年2月支委会未按要求召开');
    expect(titles).toContain('马家村党支部：2026年2月主题党日未按要求召开');
    expect(secretary.find((i) => i.title === '马家村党支部：2026年3月支委会尚未召开')).toMatchObject({ due: '2026-03-31', overdue: false, link: `/compliance?rule=committee_meeting_monthly&org=${MAJIA}` });
    expect(titles.some((x) => x.includes('石桥村') || x.includes('东风村'))).toBe(false);
    expect((await todos('secretary2')).map((i) => i.title)).toContain('东风村党支部：2026年2月支委会未按要求召开');
    const township = (await todos('township')).map((i) => i.title);
    expect(township).toContain('2026年2月有 1 个党支部未按要求召开支委会');
    expect(township).toContain('2026年2月有 2 个党支部未按要求召开主题党日');
    expect(await todos('member')).toEqual([]);
  });

  it('refuses an organization outside the reader\'s scope as not found', async () => {
    expect((await get('secretary2', `/api/compliance?rule=committee_meeting_monthly&org=${MAJIA}`)).statusCode).toBe(404);
    const own = await matrix('secretary2', 'rule=committee_meeting_monthly&from=2026-01-01&to=2026-01-31');
    expect(own.rows.map((r) => r.org.code)).toEqual([DONGFENG]);
  });
});
