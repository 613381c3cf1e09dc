import { and, asc, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { engines } from '../../../test/support/databases.js';
import { json } from '../../../test/support/http.js';
import { breakdownsAndRecount } from '../../../test/support/members.js';
import { rows as query } from '../../platform/db/database.js';
import { encodeCsv } from '../../platform/files/table-file.js';
import { auditEvents } from '../../platform/audit/schema.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';
import type { MemberImportReportView } from './import-contracts.js';
import { memberColumns } from './import-rows.js';
import { idCheckCharacter } from './rules/id-number.js';
import { memberships } from './schema.js';
import { DONGFENG, MAJIA, SHIQIAO } from '../../../test/support/county.js';

const headers = Object.values(memberColumns);
type Row = Partial<Record<(typeof headers)[number], string>>;

/** A valid ID number of the test county; an odd sequence is a man, an even one a woman. */
const idOf = (birth: string, sequence: string) => `530522${birth}${sequence}${idCheckCharacter(`530522${birth}${sequence}`)}`;
const TODAY = '2026-03-02';

const csv = (rows: Row[], encoding: 'utf-8' | 'gb18030' = 'utf-8') => encodeCsv(headers, rows.map((r) => headers.map((h) => r[h] ?? '')), encoding);

describe.each(engines)('member import on %s', (engine) => {
  const t = useTestApp(engine, { signIn: ['township', 'secretary', 'secretary2', 'member', 'cadre'] });
  const db = () => t.database.db;

  const upload = async (user: string, fileName: string, content: Buffer, commit: boolean, lang?: string) => t.app.inject({
    method: 'POST', url: '/api/members/import',
    headers: { cookie: t.cookies[user]!, ...(lang ? { 'accept-language': lang } : {}) },
    payload: { fileName, content: content.toString('base64'), commit },
  });
  const importAs = async (user: string, rows: Row[], commit: boolean, lang?: string) => {
    const response = await upload(user, 'members.csv', csv(rows), commit, lang);
    expect(response.statusCode, response.body).toBe(200);
    return json<MemberImportReportView>(response);
  };
  const person = async (name: string) => {
    const found = await db().select().from(people).where(eq(people.name, name));
    expect(found, name).toHaveLength(1);
    const history = await db().select({ m: memberships, orgCode: organizations.code }).from(memberships)
      .innerJoin(organizations, and(eq(organizations.countyId, memberships.countyId), eq(organizations.id, memberships.orgId)))
      .where(eq(memberships.personId, found[0]!.id)).orderBy(asc(memberships.createdAt), asc(memberships.endedOn));
    return { ...found[0]!, history: history.map((h) => ({ ...h.m, orgCode: h.orgCode })) };
  };
  const countPeople = async () => (await query<{ n: number }>(db(), sql`select count(*)::int as n from people`))[0]!.n;

  it('checks a file without writing, then writes every row with commit, listing warnings', async () => {
    const rows: Row[] = [
      { 姓名: '王建华', 性别: '男', 民族: '汉族', 公民身份号码: idOf('19800115', '013'), 学历: '大专', 人员类别: '正式党员', 所在党组织编码: MAJIA, 申请入党日期: '2001/3/1', 入党日期: '2003.07.01', 转正日期: '20040701', 流动党员: '否', 职业: '农民', 手机号码: '138 0871 0001' },
      { 姓名: '李秀兰', 性别: '女性', 民族: '彝', 出生日期: '1995年6月8日', 学历: '本科', 人员类别: '预备党员', 所在党组织编码: MAJIA, 入党日期: '2025-09-01', 流动党员: '是', 职业: '教师', 手机号码: '0871-6123456' },
      // Admitted only ten months after becoming a probationary member: an old record, kept with a warning.
      { 姓名: '赵德明', 性别: '1', 民族: '07', 出生日期: '1960-02-29', 学历: '初中', 人员类别: '正式党员', 所在党组织编码: SHIQIAO, 入党日期: '1985-07-01', 转正日期: '1986-05-01' },
      { 姓名: '陈小燕', 性别: '', 公民身份号码: idOf('20000505', '024').toLowerCase(), 人员类别: '入党申请人', 所在党组织编码: SHIQIAO, 申请入党日期: '2025-12-20' },
    ];
    const before = await countPeople();
    const dry = await importAs('township', rows, false);
    expect(dry).toMatchObject({ format: 'csv', encoding: 'utf-8', rows: 4, created: 4, updated: 0, transferred: 0, errors: 0, warnings: 1, rowsWithErrors: 0, committed: false });
    expect(dry.problems).toEqual([{
      rowNumber: 4, column: '转正日期', value: '1986-05-01', severity: 'warning',
      message: '预备期为一年，延长的须期满（发展党员工作细则）：入党日期 1985-07-01，转正日期不应早于 1986-07-01，现为 1986-05-01',
    }]);
    expect(await countPeople()).toBe(before);

    const done = await importAs('township', rows, true);
    expect(done).toMatchObject({ created: 4, warnings: 1, committed: true });
    expect(await countPeople()).toBe(before + 4);

    const wang = await person('王建华');
    expect(wang).toMatchObject({
      pinyin: 'wjh wangjianhua', gender: '1', ethnicity: '01', birthDate: '1980-01-15', idNumber: idOf('19800115', '013'),
      education: '31', occupation: 'farmer', phone: '13808710001',
    });
    expect(wang.history).toEqual([expect.objectContaining({
      orgCode: MAJIA, category: 'full', appliedOn: '2001-03-01', joinedOn: '2003-07-01', fullOn: '2004-07-01', startedOn: null, endedOn: null, mobile: false,
    })]);
    const li = await person('李秀兰');
    expect(li).toMatchObject({ gender: '2', ethnicity: '07', birthDate: '1995-06-08', idNumber: null, education: '21', occupation: 'professional', phone: '0871-6123456' });
    expect(li.history).toEqual([expect.objectContaining({ category: 'probationary', joinedOn: '2025-09-01', fullOn: null, mobile: true })]);
    expect((await person('陈小燕'))).toMatchObject({ birthDate: '2000-05-05', gender: '2', ethnicity: '01' });
    expect((await person('赵德明')).history[0]).toMatchObject({ orgCode: SHIQIAO, category: 'full' });

    const events = await db().select().from(auditEvents).where(eq(auditEvents.action, 'members.import'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entityLabel: 'members.csv', actorLabel: 'township', after: { fileName: 'members.csv', rows: 4, created: 4, updated: 0, transferred: 0, warnings: 1 } });
    const [township] = await db().select().from(organizations).where(eq(organizations.code, '530522101'));
    expect(events[0]!.orgPath).toBe(township!.path);
  });

  it('reports every bad cell by row, column, value and reason, and writes nothing', async () => {
    const good: Row = { 姓名: '好人', 性别: '男', 人员类别: '入党申请人', 所在党组织编码: MAJIA, 出生日期: '1990-01-01', 申请入党日期: '2025-01-01' };
    const bad: [Row, string, string, string][] = [
      [{ 姓名: '' }, '姓名', '', '不能为空'],
      [{ 姓名: '名'.repeat(51) }, '姓名', '名'.repeat(51), '姓名最长 50 个字符'],
      [{ 性别: '未知' }, '性别', '未知', '无法识别，应为“男”或“女”'],
      [{ 性别: '' }, '性别', '', '不能为空'],
      [{ 民族: '穿青人' }, '民族', '穿青人', '不在 GB 3304 民族代码表中，请填写如“汉族”“彝族”或两位代码'],
      [{ 出生日期: '1990-02-30' }, '出生日期', '1990-02-30', '日历上没有这一天'],
      [{ 申请入党日期: '去年' }, '申请入党日期', '去年', '不是日期，请写成 2019-01-05 这样的格式'],
      [{ 公民身份号码: idOf('19900101', '011').slice(0, 17) + (idOf('19900101', '011').endsWith('0') ? '1' : '0') }, '公民身份号码', '', '校验码不对，号码可能有录入错误'],
      [{ 公民身份号码: '53052219900101011' }, '公民身份号码', '53052219900101011', '公民身份号码应为 18 位'],
      [{ 公民身份号码: idOf('19900102', '011') }, '出生日期', '1990-01-01', '与身份证号码不符：号码中的出生日期为 1990-01-02'],
      [{ 公民身份号码: idOf('19900101', '012') }, '性别', '男', '与身份证号码不符：号码显示为“女”'],
      [{ 学历: '幼儿园' }, '学历', '幼儿园', '无法识别，可填：研究生、大学本科、大学专科、中专、高中、初中、小学或 GB/T 4658 代码'],
      [{ 人员类别: '群众' }, '人员类别', '群众', '无法识别，可选：入党申请人、入党积极分子、发展对象、预备党员、正式党员'],
      [{ 所在党组织编码: '530522101999' }, '所在党组织编码', '530522101999', '党组织“530522101999”不存在'],
      [{ 所在党组织编码: DONGFENG }, '所在党组织编码', DONGFENG, `党组织“${DONGFENG}”不存在`],
      [{ 所在党组织编码: `${MAJIA}-1` }, '所在党组织编码', `${MAJIA}-1`, `“${MAJIA}-1”是党小组，组织关系应在党支部（党总支、党委）`],
      [{ 流动党员: '有时' }, '流动党员', '有时', '应填“是”或“否”'],
      [{ 职业: '程序员' }, '职业', '程序员', '无法识别，可选：工人、农牧渔民、专业技术人员、企事业单位管理人员、党政机关工作人员、学生、军人武警、离退休人员、其他职业人员'],
      [{ 手机号码: '12345' }, '手机号码', '12345', '应为 11 位手机号码，或带区号的固定电话（如 0871-1234567）'],
      [{ 人员类别: '正式党员', 申请入党日期: '', 入党日期: '2010-07-01' }, '转正日期', '', '人员类别为“正式党员”时须有转正日期'],
      [{ 人员类别: '预备党员', 申请入党日期: '', 入党日期: '2024-07-01', 转正日期: '2025-07-01' }, '转正日期', '2025-07-01', '人员类别为“预备党员”时不应有转正日期（2025-07-01）'],
      [{ 申请入党日期: '2026-03-03' }, '申请入党日期', '2026-03-03', '申请入党日期 2026-03-03 晚于今天（2026-03-02）'],
    ];
    // The check-digit case names its own value.
    const typo = bad[7]!;
    typo[2] = typo[0].公民身份号码!;
    const rows = bad.map(([changes], i) => ({ ...good, 姓名: `好人${i}`, ...changes }));
    const before = await countPeople();
    const report = await importAs('township', rows, true);
    expect(report).toMatchObject({ rows: bad.length, rowsWithErrors: bad.length, errors: bad.length, committed: false });
    bad.forEach(([, column, value, message], i) => {
      expect(report.problems.filter((p) => p.rowNumber === i + 2), `row ${i + 2}`).toEqual([{ rowNumber: i + 2, column, value, severity: 'error', message }]);
    });
    expect(await countPeople()).toBe(before);

    const english = await importAs('township', rows.slice(2, 3), false, 'en');
    expect(english.problems[0]!.column).toBe('性别');
    expect(english.problems[0]!.message).toBe('not understood: write 男 (male) or 女 (female)');
  });

  it('refuses two rows for one person within a file', async () => {
    const id = idOf('19751212', '033');
    const report = await importAs('township', [
      { 姓名: '周同', 性别: '男', 公民身份号码: id, 人员类别: '正式党员', 所在党组织编码: MAJIA, 入党日期: '2000-07-01', 转正日期: '2001-07-01' },
      { 姓名: '周同', 性别: '男', 公民身份号码: id, 人员类别: '正式党员', 所在党组织编码: SHIQIAO, 入党日期: '2000-07-01', 转正日期: '2001-07-01' },
      { 姓名: '吴双', 性别: '女', 出生日期: '1988-08-08', 人员类别: '入党积极分子', 所在党组织编码: MAJIA },
      { 姓名: '吴双', 性别: '女', 出生日期: '1988-08-08', 人员类别: '发展对象', 所在党组织编码: MAJIA },
      // Same name and birthday, but two ID numbers: two people.
      { 姓名: '郑好', 性别: '男', 公民身份号码: idOf('19900909', '051'), 人员类别: '入党申请人', 所在党组织编码: MAJIA },
      { 姓名: '郑好', 性别: '男', 公民身份号码: idOf('19900909', '071'), 人员类别: '入党申请人', 所在党组织编码: MAJIA },
    ], false);
    expect(report.problems.map((p) => [p.rowNumber, p.column, p.message])).toEqual([
      [2, '公民身份号码', '同一公民身份号码在文件中出现多次（第 2, 3 行）'],
      [3, '公民身份号码', '同一公民身份号码在文件中出现多次（第 2, 3 行）'],
      [4, '姓名', '姓名、出生日期和党组织都相同的人员在文件中出现多次（第 4, 5 行）'],
      [5, '姓名', '姓名、出生日期和党组织都相同的人员在文件中出现多次（第 4, 5 行）'],
    ]);
  });

  it('reads a GB18030 CSV', async () => {
    const content = csv([{ 姓名: '欧阳娜', 性别: '女', 民族: '壮族', 出生日期: '1992-04-04', 学历: '硕士研究生', 人员类别: '发展对象', 所在党组织编码: MAJIA, 申请入党日期: '2023-01-10', 职业: '党政机关工作人员' }], 'gb18030');
    const response = await upload('secretary', '党员.csv', content, true);
    expect(json<MemberImportReportView>(response)).toMatchObject({ encoding: 'gb18030', created: 1, errors: 0, committed: true });
    const ouyang = await person('欧阳娜');
    expect(ouyang).toMatchObject({ ethnicity: '08', education: '14', occupation: 'civil_servant', pinyin: 'oyn ouyangna' });
    expect(ouyang.history[0]).toMatchObject({ category: 'development_target', appliedOn: '2023-01-10', orgCode: MAJIA });
  });

  it('reads an xlsx whose cells hold dates and numbers', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('党员');
    sheet.addRow(headers);
    sheet.addRow(['孙立', '男', 1, new Date(Date.UTC(1970, 9, 1)), '', 61, '正式党员', MAJIA, '', 26481, new Date(Date.UTC(1973, 6, 1)), 'N', '退休', 13912345678]);
    const content = Buffer.from(await book.xlsx.writeBuffer());
    const report = json<MemberImportReportView>(await upload('secretary', '党员.xlsx', content, true));
    expect(report).toMatchObject({ format: 'xlsx', encoding: null, created: 1, errors: 0, committed: true });
    expect(await person('孙立')).toMatchObject({ ethnicity: '01', birthDate: '1970-10-01', education: '61', occupation: 'retired', phone: '13912345678' });
    expect((await person('孙立')).history[0]).toMatchObject({ joinedOn: '1972-07-01', fullOn: '1973-07-01' });
  });

  it('updates the people it already has, and moves a member whose organization changed', async () => {
    const id = idOf('19820303', '015');
    const first: Row[] = [
      { 姓名: '钱进', 性别: '男', 公民身份号码: id, 人员类别: '预备党员', 所在党组织编码: MAJIA, 申请入党日期: '2023-01-05', 入党日期: '2025-03-01', 流动党员: '是' },
      { 姓名: '何芳', 性别: '女', 出生日期: '1979-11-11', 人员类别: '正式党员', 所在党组织编码: MAJIA, 入党日期: '2005-07-01', 转正日期: '2006-07-01', 手机号码: '13700000001' },
    ];
    expect(await importAs('township', first, true)).toMatchObject({ created: 2, committed: true });
    const before = await countPeople();
    const firstQian = await person('钱进');

    const second: Row[] = [
      { 姓名: '钱进', 性别: '男', 公民身份号码: id, 人员类别: '正式党员', 所在党组织编码: SHIQIAO, 入党日期: '2025-03-01', 转正日期: '2026-03-01', 学历: '高中' },
      { 姓名: '何芳', 性别: '女', 出生日期: '1979-11-11', 人员类别: '正式党员', 所在党组织编码: MAJIA, 手机号码: '13700000002', 职业: '退休' },
    ];
    const dry = await importAs('township', second, false);
    expect(dry).toMatchObject({ created: 0, updated: 2, transferred: 1, errors: 0 });
    expect(await importAs('township', second, true)).toMatchObject({ updated: 2, transferred: 1, committed: true });
    expect(await countPeople()).toBe(before);

    const qian = await person('钱进');
    expect(qian.id).toBe(firstQian.id);
    expect(qian).toMatchObject({ education: '61', orgId: (await db().select().from(organizations).where(eq(organizations.code, SHIQIAO)))[0]!.id });
    expect(qian.history.map((m) => ({ org: m.orgCode, category: m.category, startedOn: m.startedOn, endedOn: m.endedOn, endReason: m.endReason, appliedOn: m.appliedOn, joinedOn: m.joinedOn, fullOn: m.fullOn, mobile: m.mobile }))).toEqual([
      { org: MAJIA, category: 'probationary', startedOn: null, endedOn: TODAY, endReason: 'transferred', appliedOn: '2023-01-05', joinedOn: '2025-03-01', fullOn: null, mobile: true },
      // The member's file travels along: the stage dates the new file left empty are kept.
      { org: SHIQIAO, category: 'full', startedOn: TODAY, endedOn: null, endReason: null, appliedOn: '2023-01-05', joinedOn: '2025-03-01', fullOn: '2026-03-01', mobile: true },
    ]);

    const he = await person('何芳');
    expect(he).toMatchObject({ phone: '13700000002', occupation: 'retired' });
    expect(he.history).toEqual([expect.objectContaining({ orgCode: MAJIA, category: 'full', joinedOn: '2005-07-01', fullOn: '2006-07-01', endedOn: null })]);

    // The breakdowns that statistics of today and the home page read follow the bulk writes.
    const { kept, recount } = await breakdownsAndRecount(db());
    expect(kept).toEqual(recount);
  });

  it('lets a secretary import only into their own village, row by row', async () => {
    const id = idOf('19860606', '037');
    expect(await importAs('township', [{ 姓名: '冯石', 性别: '男', 公民身份号码: id, 人员类别: '入党申请人', 所在党组织编码: SHIQIAO }], true)).toMatchObject({ committed: true });
    const before = await countPeople();
    const report = await importAs('secretary', [
      { 姓名: '马一', 性别: '男', 人员类别: '入党申请人', 所在党组织编码: MAJIA },
      { 姓名: '石二', 性别: '男', 人员类别: '入党申请人', 所在党组织编码: SHIQIAO },
      { 姓名: '冯石', 性别: '男', 公民身份号码: id, 人员类别: '入党积极分子', 所在党组织编码: MAJIA },
    ], true);
    expect(report).toMatchObject({ rowsWithErrors: 2, committed: false });
    expect(report.problems.map((p) => [p.rowNumber, p.column, p.message])).toEqual([
      [3, '所在党组织编码', `党组织“${SHIQIAO}”不存在`],
      [4, '公民身份号码', '此人已登记在您管辖范围以外的党组织，请办理组织关系转接'],
    ]);
    expect(await countPeople()).toBe(before);
  });

  it('refuses a dissolved organization', async () => {
    const headersOf = { cookie: t.cookies.township! };
    expect((await t.app.inject({ method: 'POST', url: '/api/organizations', headers: headersOf, payload: { code: '530522101009', name: '旧村党支部', type: 'branch', parentCode: '530522101' } })).statusCode).toBe(201);
    expect((await t.app.inject({ method: 'POST', url: '/api/organizations/530522101009/dissolve', headers: headersOf, payload: {} })).statusCode).toBe(200);
    const report = await importAs('township', [{ 姓名: '旧人', 性别: '男', 人员类别: '入党申请人', 所在党组织编码: '530522101009' }], false);
    expect(report.problems.map((p) => p.message)).toEqual(['党组织“530522101009”已撤销']);
  });

  it('offers a template whose example rows import as they are', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/members/import-template', headers: { cookie: t.cookies.secretary! } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain("filename*=UTF-8''%E5%85%9A%E5%91%98");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['党员', '填写说明']);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...headers]);
    expect(sheet.getCell('B2').dataValidation).toMatchObject({ type: 'list', formulae: ['"男,女"'] });
    const examples: unknown[] = [];
    sheet.eachRow((row) => { if (row.number > 1 && row.getCell(1).value) examples.push(row.getCell(8).value); });
    expect(examples).toEqual([MAJIA, MAJIA]);
    const report = json<MemberImportReportView>(await upload('secretary', 'template.xlsx', response.rawPayload, false));
    expect(report).toMatchObject({ rows: 2, created: 2, errors: 0, warnings: 0 });
  });

  it('refuses users who may not manage members, and files it cannot read', async () => {
    for (const user of ['member', 'cadre']) {
      expect((await upload(user, 'members.csv', csv([]), false)).statusCode, user).toBe(403);
      expect((await t.app.inject({ method: 'GET', url: '/api/members/import-template', headers: { cookie: t.cookies[user]! } })).statusCode, user).toBe(403);
    }
    const missing = await upload('township', 'members.csv', Buffer.from('姓名,性别\n张三,男\n'), false);
    expect(missing.statusCode).toBe(400);
    expect(json(missing)).toMatchObject({ error: { code: 'file_missing_headers', message: expect.stringContaining('缺少表头：人员类别、所在党组织编码') } });
    const empty = await upload('township', 'members.csv', csv([]), false, 'en');
    expect(json(empty)).toMatchObject({ error: { code: 'file_empty', message: 'The file has a header row but no data rows.' } });
  });
});
