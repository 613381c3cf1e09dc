import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/schema.js';
import { write } from '../../platform/service.js';
import { personPinyinKey } from '../../platform/text/pinyin.js';
import { useTestApp } from '../../../test/support/app.js';
import { engines } from '../../../test/support/databases.js';
import { json } from '../../../test/support/http.js';
import { visibleOrg } from '../organizations/queries.js';
import { people } from '../people/schema.js';
import type { MemberPage, MemberProfile } from './contracts.js';
import { memberExportHeaders } from './list-export.js';
import { maskIdNumber, maskPhone, shownSensitive } from './privacy.js';
import type { MemberCategory } from './rules/pipeline.js';
import { memberships } from './schema.js';
import { DONGFENG, MAJIA, SHIQIAO } from '../../../test/support/county.js';

describe('masking', () => {
  it('keeps the address code and the last 4 characters of an ID number', () => {
    expect(maskIdNumber('53052219600501123X')).toBe('530522********123X');
    expect(maskIdNumber('530522600501123')).toBe('530522*****1123');
  });

  it('masks whole an ID number too short to be one, and leaves absent values alone', () => {
    expect(maskIdNumber('53052219600501')).toBe('**************');
    expect(maskIdNumber('1234')).toBe('****');
    expect(maskIdNumber(null)).toBeNull();
    expect(maskIdNumber('')).toBe('');
  });

  it('masks the middle of a mobile number and all but the last 4 of a short one', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0871-6123456')).toBe('087*****3456');
    expect(maskPhone('61234567')).toBe('****4567');
    expect(maskPhone('6123456')).toBe('*******');
    expect(maskPhone(null)).toBeNull();
  });

  it('hides at least 4 characters of any phone number', () => {
    for (let length = 1; length <= 20; length++) {
      const masked = maskPhone('9'.repeat(length))!;
      expect(masked).toHaveLength(length);
      expect(masked.split('*').length - 1).toBeGreaterThanOrEqual(Math.min(4, length));
    }
  });

  it('shows full values only when allowed', () => {
    const fields = { idNumber: '53052219600501123X', phone: '13812345678' };
    expect(shownSensitive(fields, true)).toEqual(fields);
    expect(shownSensitive(fields, false)).toEqual({ idNumber: '530522********123X', phone: '138****5678' });
  });
});


interface Row {
  org: string;
  category: MemberCategory;
  startedOn?: string;
  endedOn?: string;
  endReason?: string;
  mobile?: boolean;
  appliedOn?: string;
  activistOn?: string;
  joinedOn?: string;
  fullOn?: string;
  probationExtensionMonths?: number;
}

interface Person {
  name: string;
  gender: '1' | '2';
  ethnicity: string;
  birthDate: string | null;
  education: string | null;
  idNumber?: string;
  phone?: string;
  occupation?: string;
  /** Oldest first; the person belongs to the last row's organization. */
  rows: Row[];
}

// Today is 2026-03-02 in the test county.
const fixture: Person[] = [
  { name: '张三', gender: '1', ethnicity: '01', birthDate: '1960-05-01', education: '21', idNumber: '53052219600501123X', phone: '13812345678', occupation: 'farmer',
    rows: [{ org: MAJIA, category: 'full', appliedOn: '1988-03-01', joinedOn: '1990-07-01', fullOn: '1991-07-01' }] },
  { name: '李梅', gender: '2', ethnicity: '03', birthDate: '1990-03-02', education: '31', idNumber: '530522199003020021', phone: '13987654321',
    rows: [{ org: MAJIA, category: 'full', mobile: true, joinedOn: '2015-06-30', fullOn: '2016-07-01' }] },
  { name: '赵六', gender: '1', ethnicity: '01', birthDate: '2000-03-03', education: '61', idNumber: '530522200003031111',
    rows: [{ org: MAJIA, category: 'probationary', joinedOn: '2025-07-01' }] },
  { name: '钱七', gender: '2', ethnicity: '01', birthDate: '2004-01-01', education: '41',
    rows: [{ org: MAJIA, category: 'activist', appliedOn: '2024-03-01', activistOn: '2024-09-01' }] },
  { name: '王五', gender: '1', ethnicity: '01', birthDate: null, education: null,
    rows: [{ org: MAJIA, category: 'full', joinedOn: '1980-01-01', fullOn: '1981-01-01' }] },
  { name: '孙敏', gender: '2', ethnicity: '05', birthDate: '1985-08-08', education: '14', phone: '0871-6123456',
    rows: [
      { org: DONGFENG, category: 'full', startedOn: '2010-01-01', endedOn: '2020-05-01', endReason: 'transferred', appliedOn: '2006-03-01', joinedOn: '2008-06-01', fullOn: '2009-12-01', probationExtensionMonths: 6 },
      { org: MAJIA, category: 'full', startedOn: '2020-05-01', appliedOn: '2006-03-01', joinedOn: '2008-06-01', fullOn: '2009-12-01', probationExtensionMonths: 6 },
    ] },
  { name: '周老', gender: '1', ethnicity: '01', birthDate: '1930-01-01', education: '81',
    rows: [{ org: MAJIA, category: 'full', joinedOn: '1950-01-01', fullOn: '1951-01-01', endedOn: '2024-02-01', endReason: 'died' }] },
  { name: '吴九', gender: '1', ethnicity: '01', birthDate: '1975-10-10', education: '11', rows: [{ org: SHIQIAO, category: 'full', joinedOn: '2000-01-01', fullOn: '2001-01-01' }] },
  { name: '孙八', gender: '1', ethnicity: '01', birthDate: '1970-01-01', education: '71', rows: [{ org: DONGFENG, category: 'full', joinedOn: '1995-01-01', fullOn: '1996-01-01' }] },
  { name: '郑十', gender: '2', ethnicity: '07', birthDate: '1998-12-12', education: '21', rows: [{ org: DONGFENG, category: 'probationary', mobile: true, joinedOn: '2025-09-01' }] },
];

describe.each(engines)('member list, profile and export on %s', (engine) => {
  const ids = new Map<string, string>();
  const t = useTestApp(engine, {
    signIn: ['county', 'township', 'cadre', 'secretary', 'member', 'secretary2'],
    async prepare({ operator, county }) {
      await write(operator, async (w) => {
        for (const p of fixture) {
          const home = await visibleOrg(operator, p.rows.at(-1)!.org, w.tx);
          const { rows, ...fields } = p;
          const [person] = await w.tx.insert(people).values({ countyId: county.id, ...fields, pinyin: personPinyinKey(p.name), orgId: home.id, orgPath: home.path }).returning();
          ids.set(p.name, person!.id);
          for (const { org: code, ...row } of rows) {
            const org = await visibleOrg(operator, code, w.tx);
            await w.tx.insert(memberships).values({ countyId: county.id, personId: person!.id, orgId: org.id, orgPath: org.path, ...row });
          }
        }
      });
    },
  });

  const get = (user: string, url: string, lang?: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: t.cookies[user]!, ...(lang ? { 'accept-language': lang } : {}) } });
  const list = async (user: string, query = '') => {
    const response = await get(user, `/api/members${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return json<MemberPage>(response);
  };
  const names = async (query: string, user = 'secretary') => (await list(user, query)).items.map((i) => i.name);
  const eventsOf = (action: string, entityId?: string) => t.database.db.select().from(auditEvents)
    .where(and(eq(auditEvents.action, action), entityId ? eq(auditEvents.entityId, entityId) : undefined));

  describe('scope', () => {
    it('gives a branch secretary the members of their village, sorted by pinyin', async () => {
      const page = await list('secretary');
      expect(page.org).toEqual({ code: MAJIA, name: '马家村党支部' });
      expect(page.items.map((i) => i.name)).toEqual(['李梅', '孙敏', '王五', '赵六', '张三']);
      expect(page.total).toBe(5);
      expect(new Set(page.items.map((i) => i.orgCode))).toEqual(new Set([MAJIA]));
    });

    it('gives the county every open membership, by organization code then pinyin', async () => {
      const page = await list('county');
      expect(page.org.code).toBe('530522');
      expect(page.items.map((i) => `${i.orgCode} ${i.name}`)).toEqual([
        ...['李梅', '孙敏', '王五', '赵六', '张三'].map((n) => `${MAJIA} ${n}`),
        `${SHIQIAO} 吴九`,
        `${DONGFENG} 孙八`, `${DONGFENG} 郑十`,
      ]);
    });

    it('lets a cadre list their township but not the other one', async () => {
      expect(await names(`?org=530522101`, 'cadre')).toEqual(['李梅', '孙敏', '王五', '赵六', '张三', '吴九']);
      expect(await names('', 'township')).toHaveLength(6);
      expect((await get('cadre', '/api/members?org=530522102')).statusCode).toBe(404);
    });

    it('answers "not found" for another village, and refuses a plain member', async () => {
      const other = await get('secretary', `/api/members?org=${DONGFENG}`);
      expect(other.statusCode).toBe(404);
      expect(json(other)).toEqual({ error: { code: 'not_found', message: `党组织“${DONGFENG}”不存在` } });
      expect((await get('secretary2', `/api/members?org=${MAJIA}`)).statusCode).toBe(404);
      expect((await get('member', '/api/members')).statusCode).toBe(403);
      expect((await get('member', `/api/members?org=${MAJIA}`)).statusCode).toBe(403);
    });
  });

  describe('filters', () => {
    it('lists members by default and any stages asked for', async () => {
      expect(await names('?category=full')).toEqual(['李梅', '孙敏', '王五', '张三']);
      expect(await names('?category=activist')).toEqual(['钱七']);
      expect(await names('?category=probationary,activist')).toEqual(['钱七', '赵六']);
      expect(await names('?category=probationary&category=activist')).toEqual(['钱七', '赵六']);
      expect(await names('?category=applicant,development_target')).toEqual([]);
    });

    it('filters by gender, ethnicity and mobility', async () => {
      expect(await names('?gender=2')).toEqual(['李梅', '孙敏']);
      expect(await names('?gender=1')).toEqual(['王五', '赵六', '张三']);
      expect(await names('?ethnicity=minority')).toEqual(['李梅', '孙敏']);
      expect(await names('?ethnicity=03')).toEqual(['李梅']);
      expect(await names('?ethnicity=01')).toEqual(['王五', '赵六', '张三']);
      expect(await names('?mobile=true')).toEqual(['李梅']);
      expect(await names('?mobile=false')).toEqual(['孙敏', '王五', '赵六', '张三']);
      expect(await names('?gender=2&ethnicity=minority&mobile=false')).toEqual(['孙敏']);
    });

    it('filters by age in full years today, counting a birthday today and not one tomorrow', async () => {
      const page = await list('secretary');
      expect(Object.fromEntries(page.items.map((i) => [i.name, i.age]))).toEqual({ 李梅: 36, 孙敏: 40, 王五: null, 赵六: 25, 张三: 65 });
      expect(await names('?ageMin=36')).toEqual(['李梅', '孙敏', '张三']);
      expect(await names('?ageMax=35')).toEqual(['赵六']);
      expect(await names('?ageMin=26&ageMax=36')).toEqual(['李梅']);
      expect(await names('?ageMin=40&ageMax=40')).toEqual(['孙敏']);
      expect(await names('?ageMin=25&ageMax=25')).toEqual(['赵六']);
    });

    it('filters by education level from the GB/T 4658 codes', async () => {
      expect(await names('?education=college')).toEqual(['李梅']);
      expect(await names('?education=bachelor,postgraduate')).toEqual(['孙敏', '张三']);
      expect(await names('?education=high_school')).toEqual(['赵六']);
      expect(await names('?category=activist&education=secondary_vocational')).toEqual(['钱七']);
      expect(await names('?education=junior_or_below', 'county')).toEqual(['孙八']);
      const page = await list('secretary', '?education=postgraduate');
      expect(page.items[0]).toMatchObject({ name: '孙敏', education: '14', educationLevel: 'postgraduate' });
    });

    it('searches by name or by pinyin initials and readings', async () => {
      expect(await names('?q=李')).toEqual(['李梅']);
      expect(await names('?q=敏')).toEqual(['孙敏']);
      expect(await names('?q=zs')).toEqual(['张三']);
      expect(await names('?q=ZS')).toEqual(['张三']);
      expect(await names('?q=zhao')).toEqual(['赵六']);
      expect(await names('?q=z')).toEqual(['赵六', '张三']);
      expect(await names('?q=san')).toEqual([]);
      expect(await names('?q=%25')).toEqual([]);
      expect(await names('?q=sun', 'county')).toEqual(['孙敏', '孙八']);
    });

    it('refuses bad filters naming the field, in Chinese or English', async () => {
      const category = await get('secretary', '/api/members?category=full,member');
      expect(category.statusCode).toBe(400);
      expect(json(category)).toMatchObject({ error: { code: 'validation', fields: [{ path: 'querystring.category.1', message: expect.stringContaining('取值无效') }] } });
      const english = await get('secretary', '/api/members?category=member', 'en');
      expect(json(english)).toMatchObject({ error: { fields: [{ path: 'querystring.category.0', message: expect.stringContaining('must be one of') }] } });
      for (const query of ['ageMin=abc', 'pageSize=201', 'gender=3', 'ethnicity=han', 'mobile=yes', 'education=phd', 'foo=1', 'page=0']) {
        const response = await get('secretary', `/api/members?${query}`);
        expect(response.statusCode, query).toBe(400);
      }
      const range = await get('secretary', '/api/members?ageMin=40&ageMax=30');
      expect(range.statusCode).toBe(400);
      expect(json(range)).toEqual({ error: { code: 'invalid', message: '年龄下限 40 大于上限 30', fields: [{ path: 'querystring.ageMax', message: '年龄下限 40 大于上限 30' }] } });
      expect(json(await get('secretary', '/api/members?ageMin=40&ageMax=30', 'en'))).toMatchObject({ error: { message: 'The minimum age 40 is above the maximum age 30' } });
    });
  });

  it('pages through the list with the total on every page', async () => {
    const all = await list('county');
    const pages = await Promise.all([1, 2, 3].map((page) => list('county', `?pageSize=3&page=${page}`)));
    expect(pages.map((p) => p.total)).toEqual([all.total, all.total, all.total]);
    expect(pages.map((p) => p.items.length)).toEqual([3, 3, 2]);
    expect(pages.flatMap((p) => p.items.map((i) => i.membershipId))).toEqual(all.items.map((i) => i.membershipId));
    expect((await list('county', '?pageSize=3&page=4')).items).toEqual([]);
    expect((await list('secretary', '?gender=2&pageSize=1')).total).toBe(2);
  });

  it('masks ID and phone numbers in the list, even for readers allowed the full values', async () => {
    const page = await list('secretary');
    expect(page.exportsFullValues).toBe(true);
    const byName = Object.fromEntries(page.items.map((i) => [i.name, i]));
    expect(byName['张三']).toMatchObject({ idNumber: '530522********123X', phone: '138****5678', joinedOn: '1990-07-01', fullOn: '1991-07-01', mobile: false, category: 'full' });
    expect(byName['孙敏']).toMatchObject({ idNumber: null, phone: '087*****3456' });
    expect(JSON.stringify(page)).not.toContain('53052219600501123X');
    expect((await list('cadre')).exportsFullValues).toBe(false);
  });

  describe('profile', () => {
    it('shows the person masked, the open membership, the history oldest first and the pipeline', async () => {
      const profile = json<MemberProfile>(await get('secretary', `/api/members/${ids.get('孙敏')}`));
      expect(profile.person).toMatchObject({ name: '孙敏', gender: '2', ethnicity: '05', age: 40, phone: '087*****3456', educationLevel: 'postgraduate', orgCode: MAJIA });
      expect(profile.membership).toMatchObject({ category: 'full', orgCode: MAJIA, startedOn: '2020-05-01', mobile: false });
      expect(profile.history).toEqual([
        expect.objectContaining({ orgCode: DONGFENG, orgName: '东风村党支部', startedOn: '2010-01-01', endedOn: '2020-05-01', endReason: 'transferred' }),
        expect.objectContaining({ orgCode: MAJIA, startedOn: '2020-05-01', endedOn: null, endReason: null }),
      ]);
      expect(profile.pipeline).toEqual([
        { stage: 'applicant', date: '2006-03-01', months: null },
        { stage: 'activist', date: null, months: null },
        { stage: 'development_target', date: null, months: null },
        { stage: 'probationary', date: '2008-06-01', months: null },
        { stage: 'full', date: '2009-12-01', months: null },
        { stage: 'extension', date: null, months: 6 },
      ]);
      expect(profile.can.readSensitive).toEqual({ allowed: true });
    });

    it('masks the ID number, and tells a cadre why the full one is not offered', async () => {
      const profile = json<MemberProfile>(await get('cadre', `/api/members/${ids.get('张三')}`));
      expect(profile.person).toMatchObject({ idNumber: '530522********123X', phone: '138****5678', age: 65, occupation: 'farmer' });
      expect(profile.can.readSensitive).toEqual({ allowed: false, reason: 'no_ability' });
    });

    it('keeps an ended membership in the history with no open one', async () => {
      const profile = json<MemberProfile>(await get('secretary', `/api/members/${ids.get('周老')}`));
      expect(profile.membership).toBeNull();
      expect(profile.history).toEqual([expect.objectContaining({ orgCode: MAJIA, startedOn: '1950-01-01', endedOn: '2024-02-01', endReason: 'died' })]);
    });

    it('answers "not found" outside the scope and for unknown ids, and refuses a malformed id', async () => {
      for (const user of ['secretary2', 'member']) {
        const response = await get(user, `/api/members/${ids.get('张三')}`);
        expect(response.statusCode, user).toBe(404);
        expect(json(response)).toEqual({ error: { code: 'not_found', message: '未找到该人员' } });
      }
      expect((await get('secretary', `/api/members/${ids.get('孙八')}`)).statusCode).toBe(404);
      expect((await get('secretary', '/api/members/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
      expect((await get('secretary', '/api/members/zhangsan')).statusCode).toBe(400);
    });
  });

  describe('full values', () => {
    it('gives a branch secretary the full numbers and records every read', async () => {
      const id = ids.get('张三')!;
      const before = (await eventsOf('person.sensitive_read', id)).length;
      for (let i = 0; i < 2; i++) {
        const response = await get('secretary', `/api/members/${id}/sensitive`);
        expect(json(response)).toEqual({ idNumber: '53052219600501123X', phone: '13812345678' });
      }
      const events = await eventsOf('person.sensitive_read', id);
      expect(events).toHaveLength(before + 2);
      expect(events.at(-1)).toMatchObject({ actorLabel: 'secretary', entityType: 'person', entityLabel: '张三' });
      expect(events.at(-1)!.actorPostId).not.toBeNull();
    });

    it('refuses a cadre, who may read people but not their full numbers, without recording a read', async () => {
      const id = ids.get('李梅')!;
      const response = await get('cadre', `/api/members/${id}/sensitive`);
      expect(response.statusCode).toBe(403);
      expect(json(response)).toEqual({ error: { code: 'forbidden', message: '您的岗位不能查看完整的身份证号和手机号' } });
      expect(await eventsOf('person.sensitive_read', id)).toHaveLength(0);
    });

    it('answers "not found" to a secretary of another village', async () => {
      expect((await get('secretary2', `/api/members/${ids.get('李梅')}/sensitive`)).statusCode).toBe(404);
      expect((await get('secretary', `/api/members/${ids.get('郑十')}/sensitive`)).statusCode).toBe(404);
    });
  });

  describe('export', () => {
    const sheetOf = async (user: string, query = '') => {
      const response = await get(user, `/api/members/export.xlsx${query}`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toContain('spreadsheetml');
      expect(response.headers['content-disposition']).toContain("filename*=UTF-8''");
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const rows: Record<string, string>[] = [];
      const sheet = book.worksheets[0]!;
      const headers = (sheet.getRow(1).values as string[]).slice(1);
      sheet.eachRow((row, n) => {
        if (n > 1) rows.push(Object.fromEntries(headers.map((h, i) => [h, String(row.getCell(i + 1).value ?? '')])));
      });
      return { headers, rows };
    };

    it('exports the filtered list with the import headers and full values for a secretary, audited once', async () => {
      const before = await eventsOf('person.sensitive_export');
      const { headers, rows } = await sheetOf('secretary');
      expect(headers).toEqual(memberExportHeaders);
      expect(headers).toEqual(['姓名', '性别', '民族', '出生日期', '公民身份号码', '学历', '人员类别', '所在党组织编码', '所在党组织', '申请入党日期', '入党日期', '转正日期', '流动党员', '职业', '手机号码']);
      expect(rows.map((r) => r['姓名'])).toEqual((await names('')));
      expect(rows.find((r) => r['姓名'] === '张三')).toEqual({
        姓名: '张三', 性别: '男', 民族: '汉族', 出生日期: '1960-05-01', 公民身份号码: '53052219600501123X', 学历: '大学本科毕业', 人员类别: '正式党员',
        所在党组织编码: MAJIA, 所在党组织: '马家村党支部', 申请入党日期: '1988-03-01', 入党日期: '1990-07-01', 转正日期: '1991-07-01',
        流动党员: '否', 职业: '农牧渔民', 手机号码: '13812345678',
      });
      expect(rows.find((r) => r['姓名'] === '李梅')).toMatchObject({ 民族: '回族', 学历: '大学专科毕业', 流动党员: '是', 性别: '女' });
      const after = await eventsOf('person.sensitive_export');
      expect(after).toHaveLength(before.length + 1);
      expect(after.at(-1)).toMatchObject({ actorLabel: 'secretary', entityType: 'organization', entityLabel: `马家村党支部（${MAJIA}）`, after: { rows: 5 } });
    });

    it('applies the same filters as the list', async () => {
      const { rows } = await sheetOf('secretary', '?gender=2&category=full,activist');
      expect(rows.map((r) => r['姓名'])).toEqual(await names('?gender=2&category=full,activist'));
      expect(rows.map((r) => r['人员类别'])).toEqual(['正式党员', '入党积极分子', '正式党员']);
      const county = await sheetOf('county', `?org=${DONGFENG}`);
      expect(county.rows.map((r) => [r['姓名'], r['公民身份号码'], r['所在党组织']])).toEqual([['孙八', '', '东风村党支部'], ['郑十', '', '东风村党支部']]);
    });

    it('masks the export of a reader without the full-value ability and records nothing', async () => {
      const before = (await eventsOf('person.sensitive_export')).length;
      const { rows } = await sheetOf('cadre', `?org=${MAJIA}`);
      expect(rows.find((r) => r['姓名'] === '张三')).toMatchObject({ 公民身份号码: '530522********123X', 手机号码: '138****5678' });
      expect(rows.map((r) => r['公民身份号码']).join()).not.toMatch(/[0-9]{7}/);
      expect(await eventsOf('person.sensitive_export')).toHaveLength(before);
    });

    it('is refused outside the scope like the list', async () => {
      expect((await get('secretary', `/api/members/export.xlsx?org=${DONGFENG}`)).statusCode).toBe(404);
      expect((await get('member', '/api/members/export.xlsx')).statusCode).toBe(403);
      expect((await get('secretary', '/api/members/export.xlsx?page=1')).statusCode).toBe(400);
    });
  });
});
