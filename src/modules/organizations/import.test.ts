import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { chinaDate } from '../../platform/clock.js';
import { encodeCsv } from '../../platform/files/table-file.js';
import { useTestApp } from '../../../test/support/app.js';
import { engines } from '../../../test/support/databases.js';
import { json } from '../../../test/support/http.js';
import type { ImportReportView, OrgSummary } from './contracts.js';

const headers = ['组织编码', '组织名称', '上级组织编码', '组织类型', '单位类型', '行政区划代码', '成立日期'];

describe.each(engines)('organization import over HTTP on %s', (engine) => {
  const t = useTestApp(engine, { signIn: ['township'] });
  const cookie = () => t.cookies.township!;

  const upload = (fileName: string, content: Buffer, commit: boolean, lang?: string) =>
    t.app.inject({ method: 'POST', url: '/api/organizations/import', headers: { cookie: cookie(), ...(lang ? { 'accept-language': lang } : {}) }, payload: { fileName, content: content.toString('base64'), commit } });
  const codes = async () => json<{ items: OrgSummary[] }>(await t.app.inject({ method: 'GET', url: '/api/organizations', headers: { cookie: cookie() } })).items.map((o) => o.code);

  it('offers a template whose rows import as they are', async () => {
    const template = await t.app.inject({ method: 'GET', url: '/api/organizations/import-template', headers: { cookie: cookie() } });
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-disposition']).toContain("filename*=UTF-8''%E5%85%9A%E7%BB%84%E7%BB%87");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['党组织', '填写说明']);
    expect(book.worksheets[0]!.getRow(1).values).toEqual([undefined, ...headers]);
  });

  it('checks a GB18030 CSV row by row without writing, then writes all rows with commit', async () => {
    const csv = encodeCsv(headers, [
      ['530522101003', '新河村党支部', '530522101', '党支部', '行政村', '530522101003', '1985/7/1'],
      ['530522101003-1', '新河村第一党小组', '530522101003', '党小组', '', '', ''],
    ], 'gb18030');
    const dry = json<ImportReportView>(await upload('新河村.csv', csv, false));
    expect(dry).toMatchObject({ format: 'csv', encoding: 'gb18030', valid: 2, invalid: 0, committed: false });
    expect(await codes()).not.toContain('530522101003');
    const done = json<ImportReportView>(await upload('新河村.csv', csv, true));
    expect(done.committed).toBe(true);
    expect(await codes()).toEqual(expect.arrayContaining(['530522101003', '530522101003-1']));
    // The date as written; without one, the day of the import.
    const detail = async (code: string) => json<{ establishedOn: string }>(await t.app.inject({ method: 'GET', url: `/api/organizations/${code}`, headers: { cookie: cookie() } }));
    expect((await detail('530522101003')).establishedOn).toBe('1985-07-01');
    expect((await detail('530522101003-1')).establishedOn).toBe(chinaDate(t.county.clock.now()));
  });

  it('reports founding dates that are not dates, in the future, or before the parent\'s', async () => {
    const csv = encodeCsv(headers, [
      ['530522101007', '上河村党支部', '530522101', '党支部', '行政村', '', '1985年13月1日'],
      ['530522101008', '下河村党支部', '530522101', '党支部', '行政村', '', '七月一日'],
      ['530522101009', '中河村党支部', '530522101', '党支部', '行政村', '', '2099-01-01'],
      ['530522101010', '北河村党支部', '530522101', '党支部', '行政村', '', '1990-05-04'],
      ['530522101010-1', '北河村第一党小组', '530522101010', '党小组', '', '', '1990-05-03'],
    ], 'utf-8');
    const report = json<ImportReportView>(await upload('orgs.csv', csv, true));
    expect(report).toMatchObject({ valid: 1, invalid: 4, committed: false });
    expect(report.rows.map((r) => r.problems.map((p) => `${p.field}: ${p.message}`))).toEqual([
      ['成立日期: 日历上没有“1985年13月1日”这一天'],
      ['成立日期: “七月一日”不是日期，请写成 1985-07-01 这样的格式'],
      ['成立日期: 成立日期 2099-01-01 晚于今天'],
      [],
      ['成立日期: 成立日期 1990-05-03 早于上级组织的成立日期 1990-05-04'],
    ]);
  });

  it('writes nothing when any row is wrong, and says which row and why', async () => {
    const csv = encodeCsv(headers, [
      ['530522101004', '河东村党支部', '530522101', '党支部', '行政村', ''],
      ['530522101005', '河西村党支部', '530522102', '党支部', '行政村', ''],
      ['530522101006', '坝子村党支部', '530522101', '村支部', '行政村', '1234'],
    ], 'utf-8');
    const report = json<ImportReportView>(await upload('orgs.csv', csv, true));
    expect(report).toMatchObject({ valid: 1, invalid: 2, committed: false });
    expect(report.rows[1]).toMatchObject({ rowNumber: 3, problems: [{ field: '上级组织编码', message: '上级组织“530522102”既不在文件中也不在系统中' }] });
    expect(report.rows[2]!.problems.map((p) => p.field)).toEqual(['组织类型', '行政区划代码']);
    expect(await codes()).not.toContain('530522101004');
  });

  it('refuses a file it cannot read with a clear message in the caller\'s language', async () => {
    const broken = await upload('orgs.csv', Buffer.from('组织编码,组织名称\nA,B\n'), false);
    expect(broken.statusCode).toBe(400);
    expect(json(broken)).toMatchObject({ error: { code: 'file_missing_headers', message: expect.stringContaining('缺少表头：上级组织编码、组织类型') } });
    const english = await upload('orgs.csv', Buffer.from('组织编码,组织名称\nA,B\n'), false, 'en');
    expect(json(english)).toMatchObject({ error: { message: expect.stringContaining('Missing headers') } });
    const pdf = await upload('orgs.pdf', Buffer.from('x'), false);
    expect(json(pdf)).toMatchObject({ error: { fields: [{ path: 'body.fileName', message: '请上传 .xlsx 或 .csv 文件' }] } });
  });
});
