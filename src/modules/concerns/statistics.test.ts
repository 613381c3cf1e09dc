import { describe, expect, it } from 'vitest';
import { requestsOf, useTestApp } from '../../../test/support/app.js';
import { DONGFENG, GROUP, HESHUN, MAJIA, SHIQIAO } from '../../../test/support/county.js';
import { engines } from '../../../test/support/databases.js';
import type { DigestView, StatisticsView } from './contracts.js';
import { insertStatisticsCases } from '../../../test/support/concern-cases.js';


describe.each(engines)('concern statistics and the digest on %s', (engine) => {
  const t = useTestApp(engine, {
    signIn: ['county', 'township', 'member', 'secretary2'],
    prepare: ({ county }, database) => insertStatisticsCases(database.db, county.id),
  });
  const { send, ok, refused, fieldsOf } = requestsOf(t);
  const stats = (user: string, org: string, from = '2026-01-01', to = '2026-02-28') =>
    send(user, 'GET', `/api/concerns/statistics?org=${org}&from=${from}&to=${to}`);

  it('counts the county by its figures, category, village, township and month', async () => {
    const s = await ok<StatisticsView>(await stats('county', '530522'));
    expect(s).toMatchObject({
      asOf: '2026-02-28', received: 8, answered: 4, onTime: 3, overdue: 2, satisfied: 2, rated: 3, satisfactionRate: 0.6667, onTimeRate: 0.75,
    });
    expect(s.byCategory.map((c) => [c.name, c.received, c.answered])).toEqual([
      ['基础设施', 2, 2], ['农业生产', 1, 0], ['矛盾纠纷', 2, 0], ['环境卫生', 1, 1], ['政策咨询', 1, 1], ['未分类', 1, 0],
    ]);
    expect(s.byTownship.map((x) => [x.name, x.received, x.answered, x.overdue])).toEqual([['和顺镇党委', 6, 3, 2], ['清水乡党委', 2, 1, 0]]);
    expect(s.byVillage.map((v) => [v.code, v.township, v.received, v.onTime, v.satisfactionRate])).toEqual([
      [MAJIA, '和顺镇党委', 4, 1, 0.5], [SHIQIAO, '和顺镇党委', 2, 1, null], [DONGFENG, '清水乡党委', 2, 1, 1],
    ]);
    expect(s.trend.map((m) => [m.month, m.received, m.answered])).toEqual([['2026-01', 2, 2], ['2026-02', 6, 2]]);
  });

  it('judges open cases overdue as of today while the span runs, and takes the first of March in China time', async () => {
    const s = await ok<StatisticsView>(await stats('county', '530522', '2026-02-01', '2026-03-31'));
    expect(s).toMatchObject({ asOf: '2026-03-02', received: 7 });
    expect(s.trend.map((m) => [m.month, m.received])).toEqual([['2026-02', 6], ['2026-03', 1]]);
  });

  it('shows a township its own villages only, and refuses what lies outside the user\'s scope', async () => {
    const township = await ok<StatisticsView>(await stats('township', HESHUN));
    const county = await ok<StatisticsView>(await stats('county', '530522'));
    const { code: _c, name: _n, ...heshun } = county.byTownship[0]!;
    const { org: _o, from: _f, to: _t, asOf: _a, byCategory: _bc, byVillage, byTownship, trend: _tr, ...figures } = township;
    expect(figures).toEqual(heshun);
    expect(byVillage.map((v) => v.code)).toEqual([MAJIA, SHIQIAO]);
    expect(byTownship).toHaveLength(1);
    expect((await stats('township', '530522')).statusCode).toBe(404);
    expect((await stats('secretary2', MAJIA)).statusCode).toBe(404);
    expect((await refused(await stats('member', MAJIA), 403)).message).toContain('统计');
  });

  it('refuses a bad span naming the field, in Chinese or English', async () => {
    expect(await fieldsOf(await stats('county', '530522', '2026-03-01', '2026-02-01'))).toEqual(['querystring.to: 结束日期不能早于开始日期']);
    expect(await fieldsOf(await stats('county', '530522', '2018-01-01', '2026-02-01'))).toEqual(['querystring.from: 统计时段不能超过 5 年']);
    expect(await fieldsOf(await stats('county', '530522', '2026-02-30', '2026-03-01'))).toHaveLength(1);
    const en = await send('county', 'GET', '/api/concerns/statistics?org=530522&from=2026-03-01&to=2026-02-01', undefined, 'en');
    expect((await refused(en, 400)).fields).toEqual([{ path: 'querystring.to', message: 'The end date is before the start date' }]);
  });

  it('exports the statistics as a workbook', async () => {
    const file = await send('county', 'GET', '/api/concerns/statistics.xlsx?org=530522&from=2026-01-01&to=2026-02-28');
    expect(file.statusCode, file.body).toBe(200);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['合计', '按类别', '按乡镇', '按村（社区）', '按月']);
    expect(book.getWorksheet('合计')!.getRow(2).values).toEqual([undefined, '测试县委（530522）', '2026-01-01 至 2026-02-28', 8, 4, 3, 2, 2, 3, 0.6667, 0.75]);
  });

  it('digests a month per village: collected, answered in it and still open, with no phone number', async () => {
    const d = await ok<DigestView>(await send('township', 'GET', `/api/concerns/digest?org=${HESHUN}&month=2026-02`));
    expect(d.villages.map((v) => [v.org.code, v.collected, v.answered, v.onTime, v.open])).toEqual([[MAJIA, 2, 1, 0, 2], [SHIQIAO, 2, 1, 1, 1]]);
    const majia = d.villages[0]!;
    expect(majia.items.map((i) => [i.receivedOn, i.collected, i.answered, i.open])).toEqual([
      ['2026-01-20', false, true, false], ['2026-02-10', true, false, true], ['2026-02-26', true, false, true],
    ]);
    expect(majia.items[0]).toMatchObject({ reply: '答复第1件', repliedOn: '2026-02-05', stateLabel: '已答复' });
    expect(majia.items[1]!.summary).toBe('邻里宅基地纠纷，请联系138****协调');
    expect(majia.byCategory).toEqual([{ name: '基础设施', collected: 0, answered: 1 }, { name: '矛盾纠纷', collected: 1, answered: 0 }, { name: '农业生产', collected: 1, answered: 0 }]);
    expect((await send('secretary2', 'GET', `/api/concerns/digest?org=${MAJIA}&month=2026-02`)).statusCode).toBe(404);
    expect(await fieldsOf(await send('township', 'GET', `/api/concerns/digest?org=${HESHUN}&month=2026-13`))).toEqual(['querystring.month: 月份应为 YYYY-MM']);
  });

  it('exports the digest as a notice per village and a workbook', async () => {
    const notice = await send('township', 'GET', `/api/concerns/digest.docx?org=${HESHUN}&month=2026-02`);
    expect(notice.statusCode, notice.body).toBe(200);
    expect(notice.headers['content-type']).toContain('wordprocessingml');
    const { default: JSZip } = await import('jszip');
    const text = (await (await JSZip.loadAsync(notice.rawPayload)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    for (const part of ['马家村党支部', '石桥村党支部', '2026年2月民情诉求办理情况公示', '本村共收集群众诉求2件', '2026年3月2日']) expect(text).toContain(part);
    expect(text).not.toContain('13812345678');
    const book = await send('township', 'GET', `/api/concerns/digest.xlsx?org=${MAJIA}&month=2026-02`);
    expect(book.statusCode, book.body).toBe(200);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(book.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('汇总')!.getRow(2).values).toEqual([undefined, '马家村党支部', MAJIA, 2, 1, 0, 2]);
    expect(wb.getWorksheet(MAJIA)!.rowCount).toBe(2 + 3);
    expect(await fieldsOf(await send('county', 'GET', `/api/concerns/digest.docx?org=${GROUP}&month=2026-02`))).toEqual(['querystring.org: 第一党小组下没有村（社区）党组织']);
  });

  it('shows last month\'s counts only on the village\'s public page', async () => {
    const view = await t.app.inject({ method: 'GET', url: `/api/public/villages/${MAJIA}` });
    expect(view.statusCode).toBe(200);
    const body = view.json<{ lastMonth: object }>();
    expect(body.lastMonth).toEqual({ month: '2026-02', collected: 2, answered: 1, onTime: 0 });
    expect(view.body).not.toContain('宅基地');
  });
});
