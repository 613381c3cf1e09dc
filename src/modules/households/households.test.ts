import { describe, expect, it } from 'vitest';
import { useTestApp, requestsOf } from '../../../test/support/app.js';
import { DONGFENG, HESHUN, MAJIA, SHIQIAO } from '../../../test/support/county.js';
import { engines } from '../../../test/support/databases.js';
import { addMember, idNumberOf } from '../../../test/support/members.js';
import { encodeCsv, readTableFile } from '../../platform/files/table-file.js';
import type { HouseholdDetail, HouseholdImportReport, HouseholdPage, HouseholdSettingsView } from './contracts.js';

const MAN = idNumberOf('53052219680312131');
const WOMAN = idNumberOf('53052219700920242');
const CHILD = idNumberOf('53052220050101001');
const columns = ['户号', '村民小组', '姓名', '与户主关系', '性别', '出生日期', '身份证号', '联系电话', '家庭住址', '标签'];

describe.each(engines)('households on %s', (engine) => {
  const t = useTestApp(engine, {
    signIn: ['county', 'township', 'cadre', 'secretary', 'member', 'secretary2'],
    prepare: async (county) => {
      await addMember(county.operator, MAJIA, { name: '张小军', idNumber: CHILD }, { category: 'full' });
    },
  });
  const { send, ok, refused, fieldsOf, events } = requestsOf(t);
  const create = (user: string, body: object) => send(user, 'POST', '/api/households', body);
  const zhang = {
    org: MAJIA, number: '001', villagerGroup: '一组', headName: '张建国', phone: '13812345678', address: '一组 12 号', tags: ['difficult', 'low_income'],
    members: [
      { name: '张建国', relation: 'head', idNumber: MAN, phone: '13812345678' },
      { name: '李秀英', relation: 'spouse', idNumber: WOMAN },
      { name: '张小军', relation: 'child', idNumber: CHILD },
    ],
  };
  let zhangId = '';

  it('records a household with its members in one write, deriving birth dates and genders, linking a registered person', async () => {
    const created = await ok<HouseholdDetail>(await create('secretary', zhang), 201);
    zhangId = created.id;
    expect(created).toMatchObject({ orgCode: MAJIA, number: '001', headName: '张建国', tags: ['difficult', 'low_income'], memberCount: 3, status: 'active', can: { edit: { allowed: true } } });
    expect(created.members.map((m) => [m.name, m.relation, m.gender, m.birthDate])).toEqual([
      ['张建国', 'head', '1', '1968-03-12'], ['李秀英', 'spouse', '2', '1970-09-20'], ['张小军', 'child', '1', '2005-01-01'],
    ]);
    expect(created.members.map((m) => m.personId !== null)).toEqual([false, false, true]);
    const [event] = await events('household.create');
    expect(event).toMatchObject({ entityId: zhangId, after: { headName: '张建国', phone: '138****5678' } });
    expect(JSON.stringify(event!.after)).not.toContain(MAN);
  });

  it('shows full numbers to a reader allowed them, auditing the read; masked ones to others, unaudited', async () => {
    const before = (await events('household.sensitive_read')).length;
    const full = await ok<HouseholdDetail>(await send('secretary', 'GET', `/api/households/${zhangId}`));
    expect(full).toMatchObject({ phone: '13812345678', fullValues: true });
    expect(full.members[0]!.idNumber).toBe(MAN);
    const read = await events('household.sensitive_read');
    expect(read).toHaveLength(before + 1);
    expect(read.at(-1)).toMatchObject({ entityType: 'household', entityId: zhangId });

    const masked = await ok<HouseholdDetail>(await send('cadre', 'GET', `/api/households/${zhangId}`));
    expect(masked).toMatchObject({ phone: '138****5678', fullValues: false, can: { edit: { allowed: false, reason: 'no_ability' } } });
    expect(masked.members[0]!.idNumber).toBe('530522********1315'.slice(0, 6) + '*'.repeat(8) + MAN.slice(-4));
    const list = await ok<HouseholdPage>(await send('cadre', 'GET', `/api/households?org=${HESHUN}`));
    expect(list.items[0]).toMatchObject({ headName: '张建国', phone: '138****5678', memberCount: 3 });
    expect(await events('household.sensitive_read')).toHaveLength(before + 1);

    const listed = await ok<HouseholdPage>(await send('secretary', 'GET', '/api/households'));
    expect(listed).toMatchObject({ org: { code: MAJIA }, total: 1, fullValues: true });
    expect(listed.items[0]!.phone).toBe('13812345678');
    expect((await events('household.sensitive_read')).at(-1)).toMatchObject({ entityType: 'organization', after: { households: [zhangId] } });
  });

  it('finds households by head, member name, number, tag and group', async () => {
    await ok(await create('township', { org: SHIQIAO, number: '001', villagerGroup: '二组', headName: '王德明', members: [{ name: '王德明', relation: 'head' }, { name: '王小花', relation: 'grandchild' }], tags: ['five_kinds'] }), 201);
    const find = async (query: string) => (await ok<HouseholdPage>(await send('township', 'GET', `/api/households?org=${HESHUN}&${query}`))).items.map((i) => i.headName);
    expect(await find('')).toEqual(['张建国', '王德明']);
    expect(await find(`q=${encodeURIComponent('秀英')}`)).toEqual(['张建国']);
    expect(await find(`q=${encodeURIComponent('小花')}`)).toEqual(['王德明']);
    expect(await find('q=001')).toEqual(['张建国', '王德明']);
    expect(await find('tag=five_kinds')).toEqual(['王德明']);
    expect(await find('tag=difficult')).toEqual(['张建国']);
    expect(await find(`group=${encodeURIComponent('一组')}`)).toEqual(['张建国']);
    expect(await find(`q=${encodeURIComponent('%')}`)).toEqual([]);
    expect((await refused(await send('member', 'GET', '/api/households'), 403)).code).toBe('forbidden');
  });

  it('refuses a bad household on each field, in Chinese or English, and writes nothing', async () => {
    const fields = await fieldsOf(await create('secretary', {
      org: MAJIA, number: '002', headName: '赵四', phone: '123', tags: ['rich'],
      members: [{ name: '赵四', relation: 'spouse', idNumber: idNumberOf('53052219800101001').slice(0, 17) + 'Y' }, { name: '赵五', relation: 'child', birthDate: '1990-01-01', idNumber: MAN }],
    }));
    expect(fields).toEqual([
      'body.phone: 手机号码“123”应为 11 位手机号码，或带区号的固定电话（如 0871-1234567）',
      'body.tags.0: 标签“rich”不在本县的农户标签中',
      'body.members.0.idNumber: 公民身份号码前 17 位应为数字，最后一位为数字或 X',
      'body.members.1.birthDate: 出生日期与公民身份号码不符：号码中的出生日期为 1968-03-12',
      'body.members: 家庭成员中须有一名户主',
    ]);
    expect(await fieldsOf(await send('secretary', 'POST', '/api/households', { org: MAJIA, headName: '赵四', members: [{ name: '赵四', relation: 'head', idNumber: MAN }] }, 'en')))
      .toEqual(['body.members.0.idNumber: This citizen ID number is already recorded in the household of 张建国 in 马家村党支部; a person belongs to one household']);
    expect(await fieldsOf(await create('secretary', { org: MAJIA, number: '001', headName: '赵四', members: [{ name: '赵四', relation: 'head' }] })))
      .toEqual(['body.number: 户号“001”在本村已被“张建国”户使用']);
    expect(await fieldsOf(await create('secretary', { ...zhang, number: '009', members: [] }))).toHaveLength(1);
    expect((await ok<HouseholdPage>(await send('township', 'GET', `/api/households?org=${MAJIA}`))).total).toBe(1);
  });

  it('keeps households in villages managed by the writer', async () => {
    const one = { headName: '赵四', members: [{ name: '赵四', relation: 'head' }] };
    expect((await refused(await create('secretary', { ...one, org: HESHUN }), 404)).code).toBe('not_found');
    expect((await refused(await create('township', { ...one, org: HESHUN }), 400)).message).toContain('不是行政村或社区的党组织');
    expect((await refused(await create('cadre', { ...one, org: MAJIA }), 403)).message).toBe('您的岗位不能管理该村（社区）的农户信息');
    expect((await refused(await create('secretary2', { ...one, org: MAJIA }), 404)).code).toBe('not_found');
    expect((await refused(await send('secretary2', 'GET', `/api/households/${zhangId}`), 404)).code).toBe('not_found');
  });

  it('edits fields and replaces the member list, masked numbers sent back meaning unchanged, audited with before and after', async () => {
    const shown = await ok<HouseholdDetail>(await send('cadre', 'GET', `/api/households/${zhangId}`));
    const members = shown.members.filter((m) => m.name !== '李秀英').map(({ personId: _p, ...m }) => m);
    const updated = await ok<HouseholdDetail>(await send('secretary', 'PATCH', `/api/households/${zhangId}`, {
      phone: shown.phone, tags: ['difficult'], members: [...members, { name: '张小红', relation: 'child', birthDate: '2010-05-01', gender: '2' }],
    }));
    expect(updated.phone).toBe('13812345678');
    expect(updated.members.map((m) => [m.name, m.idNumber])).toEqual([['张建国', MAN], ['张小军', CHILD], ['张小红', null]]);
    expect(updated.members[0]!.id).toBe(shown.members[0]!.id);
    expect(updated.tags).toEqual(['difficult']);
    const [event] = (await events('household.update')).slice(-1);
    expect(event).toMatchObject({ before: { tags: ['difficult', 'low_income'] }, after: { tags: ['difficult'] } });
    // The spouse left: her ID number is free for another household.
    await ok(await create('secretary', { org: MAJIA, number: '003', headName: '李秀英', members: [{ name: '李秀英', relation: 'head', idNumber: WOMAN }] }), 201);
    expect(await fieldsOf(await send('secretary', 'PATCH', `/api/households/${zhangId}`, { headName: '张建军' }))).toEqual(['body.members.0.name: 户主成员“张建国”与户主姓名“张建军”不一致']);
    expect((await refused(await send('cadre', 'PATCH', `/api/households/${zhangId}`, { note: 'x' }), 403)).code).toBe('forbidden');
  });

  it('moves a household away with its date and reason in the audit, then keeps it from edits', async () => {
    const created = await ok<HouseholdDetail>(await create('secretary', { org: MAJIA, number: '004', headName: '钱七', members: [{ name: '钱七', relation: 'head' }] }), 201);
    expect(await fieldsOf(await send('secretary', 'POST', `/api/households/${created.id}/move`, { movedOn: '2026-03-03', reason: '进城' }))).toHaveLength(1);
    const moved = await ok<HouseholdDetail>(await send('secretary', 'POST', `/api/households/${created.id}/move`, { movedOn: '2026-02-20', reason: '全家迁往昆明' }));
    expect(moved).toMatchObject({ status: 'moved', can: { edit: { allowed: false } } });
    expect((await events('household.move')).at(-1)).toMatchObject({ entityId: created.id, after: { status: 'moved', movedOn: '2026-02-20', reason: '全家迁往昆明' } });
    expect((await refused(await send('secretary', 'POST', `/api/households/${created.id}/move`, { movedOn: '2026-02-20', reason: 'x' }), 409)).code).toBe('conflict');
    expect((await refused(await send('secretary', 'PATCH', `/api/households/${created.id}`, { note: 'x' }), 409)).code).toBe('conflict');
    const active = await ok<HouseholdPage>(await send('secretary', 'GET', '/api/households'));
    expect(active.items.map((i) => i.headName)).not.toContain('钱七');
    expect((await ok<HouseholdPage>(await send('secretary', 'GET', '/api/households?status=moved'))).items.map((i) => i.headName)).toEqual(['钱七']);
  });

  it('keeps the county tag list: only the county sets it, ids once, a tag in use stays', async () => {
    const settings = await ok<HouseholdSettingsView>(await send('member', 'GET', '/api/households/settings'));
    expect(settings.tags.map((tag) => tag.name)).toEqual(['困难户', '致富带头人', '种养大户', '五类人员', '低保户', '独居老人', '留守儿童家庭', '退役军人家庭', '脱贫户']);
    expect(settings.can.edit).toEqual({ allowed: false, reason: 'no_ability' });
    const rest = settings.tags.filter((tag) => tag.id !== 'difficult');
    expect((await refused(await send('township', 'PUT', '/api/households/settings', { tags: rest }), 403)).code).toBe('forbidden');
    expect(await fieldsOf(await send('county', 'PUT', '/api/households/settings', { tags: rest }))).toEqual(['body.tags: 标签“困难户”正被 1 户使用，不能删除']);
    expect(await fieldsOf(await send('county', 'PUT', '/api/households/settings', { tags: [...settings.tags, { id: 'difficult', name: '特困户' }] })))
      .toEqual(['body.tags.9.id: 标签编号“difficult”与第 1 个标签重复']);
    const saved = await ok<HouseholdSettingsView>(await send('county', 'PUT', '/api/households/settings', { tags: [...settings.tags.filter((tag) => tag.id !== 'veteran_family'), { id: 'party_member', name: '党员户' }] }));
    expect(saved.tags.at(-1)).toEqual({ id: 'party_member', name: '党员户' });
    expect(await events('households.settings')).toHaveLength(1);
  });

  describe('import', () => {
    const upload = (user: string, org: string, fileName: string, content: Buffer, commit: boolean) =>
      send(user, 'POST', `/api/households/import?org=${org}`, { fileName, content: content.toString('base64'), commit });
    const rows = [
      ['101', '三组', '孙大海', '户主', '', '', idNumberOf('53052219750101301'), '13900001111', '三组 1 号', '困难户、脱贫户'],
      ['101', '', '周桂花', '妻', '女', '1976-02-02', '', '', '', ''],
      ['102', '三组', '吴老汉', '户主', '男', '1950-06-01', '', '', '三组 5 号', '独居老人'],
      ['103', '四组', '郑一', '长子', '男', '', '', '', '', '贫困户'],
      ['103', '五组', '郑二', '次子', '', '1990-13-01', idNumberOf('53052219680312131'), '123', '', ''],
    ];

    it('checks every row first, reports by row and column, and writes nothing while anything is wrong (GB18030 CSV)', async () => {
      const report = await ok<HouseholdImportReport>(await upload('secretary', MAJIA, 'households.csv', encodeCsv(columns, rows, 'gb18030'), true));
      expect(report).toMatchObject({ format: 'csv', encoding: 'gb18030', rows: 5, households: 3, committed: false });
      expect(report.problems.map((p) => `${p.rowNumber} ${p.column} ${p.value}: ${p.message}`)).toEqual([
        '5 与户主关系 长子: 家庭成员中须有一名户主',
        '5 标签 贫困户: 标签“贫困户”不在本县的农户标签中（可选：困难户、致富带头人、种养大户、五类人员、低保户、独居老人、留守儿童家庭、脱贫户、党员户）',
        '6 村民小组 五组: 同一户号的各行此项不一致（第 5 行为“四组”）',
        '6 出生日期 1990-13-01: 日期无法识别，请写作 1985-03-12 或 1985年3月12日',
        '6 身份证号 ' + MAN + ': 公民身份号码已登记在马家村党支部“张建国”户，同一人不能登记在两户',
        '6 联系电话 123: 手机号码“123”应为 11 位手机号码，或带区号的固定电话（如 0871-1234567）',
      ]);
      expect((await ok<HouseholdPage>(await send('secretary', 'GET', `/api/households?q=${encodeURIComponent('孙大海')}`))).total).toBe(0);
    });

    it('writes every household when the file is right, updating a number the village has, audited once', async () => {
      const fixed = [...rows.slice(0, 3), ['001', '一组', '张建国', '户主', '', '', MAN, '13812345678', '一组 12 号', '困难户'], ['001', '一组', '张小军', '子', '', '', CHILD, '', '', '']];
      const checked = await ok<HouseholdImportReport>(await upload('secretary', MAJIA, 'households.csv', encodeCsv(columns, fixed, 'utf-8'), false));
      expect(checked).toMatchObject({ errors: 0, households: 3, created: 2, updated: 1, committed: false });
      const done = await ok<HouseholdImportReport>(await upload('secretary', MAJIA, 'households.csv', encodeCsv(columns, fixed, 'utf-8'), true));
      expect(done).toMatchObject({ errors: 0, committed: true });
      const sun = (await ok<HouseholdPage>(await send('secretary', 'GET', `/api/households?q=${encodeURIComponent('周桂花')}`))).items;
      expect(sun).toMatchObject([{ number: '101', headName: '孙大海', villagerGroup: '三组', tags: ['difficult', 'poverty_alleviated'], memberCount: 2, phone: '13900001111' }]);
      const zhangNow = await ok<HouseholdDetail>(await send('secretary', 'GET', `/api/households/${zhangId}`));
      expect(zhangNow.members.map((m) => m.name)).toEqual(['张建国', '张小军']);
      expect(await events('household.import')).toHaveLength(1);
    });

    it('refuses a village outside the importer\'s reach, and a file without the columns', async () => {
      const file = encodeCsv(columns, rows.slice(2, 3), 'utf-8');
      expect((await refused(await upload('secretary2', MAJIA, 'h.csv', file, false), 404)).code).toBe('not_found');
      expect((await refused(await upload('cadre', MAJIA, 'h.csv', file, false), 403)).code).toBe('forbidden');
      expect((await refused(await upload('secretary', MAJIA, 'h.csv', encodeCsv(['户号', '姓名'], [['1', '甲']], 'utf-8'), false), 400)).message).toContain('缺少表头：与户主关系');
    });

    it('offers a template that checks clean, and exports in the import\'s columns, masked unless allowed', async () => {
      const template = await send('secretary', 'GET', '/api/households/template.xlsx');
      expect(template.statusCode).toBe(200);
      const report = await ok<HouseholdImportReport>(await upload('secretary2', DONGFENG, 'template.xlsx', template.rawPayload, false));
      expect(report).toMatchObject({ errors: 0, households: 2, rows: 3 });
      expect((await send('cadre', 'GET', '/api/households/template.xlsx')).statusCode).toBe(403);

      const masked = await send('cadre', 'GET', `/api/households/export.xlsx?org=${MAJIA}`);
      const table = await readTableFile(masked.rawPayload, 'e.xlsx', { requiredHeaders: ['村（社区）', ...columns] });
      const head = table.rows.find((r) => r.values['姓名'] === '张建国')!;
      expect(head.values).toMatchObject({ 户号: '001', 与户主关系: '户主', 性别: '男', 出生日期: '1968-03-12', 联系电话: '138****5678', 标签: '困难户' });
      expect(head.values['身份证号']).toContain('****');
      const before = (await events('household.sensitive_export')).length;
      const full = await send('secretary', 'GET', `/api/households/export.xlsx?org=${MAJIA}`);
      const again = await ok<HouseholdImportReport>(await upload('secretary', MAJIA, 'export.xlsx', full.rawPayload, false));
      expect(again).toMatchObject({ errors: 0, created: 0 });
      expect(await events('household.sensitive_export')).toHaveLength(before + 1);
    });
  });
});
