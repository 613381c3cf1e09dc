import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { engines } from '../../../test/support/databases.js';
import { json } from '../../../test/support/http.js';
import { roleAbilities } from '../../platform/access/abilities.js';
import { auditEvents } from '../../platform/audit/schema.js';
import { rows } from '../../platform/db/database.js';
import { write } from '../../platform/service.js';
import { personPinyinKey } from '../../platform/text/pinyin.js';
import { visibleOrg } from '../organizations/queries.js';
import { people } from '../people/schema.js';
import type { MemberPage } from './contracts.js';
import type { MemberEditResult, MemberRecord } from './edit-contracts.js';
import { memberships } from './schema.js';
import { DONGFENG, MAJIA } from '../../../test/support/county.js';

/** Valid GB 11643 numbers: born 1960-05-01 male; 1990-03-02 female; 1985-11-11 female. */
const ZHANG_ID = '530522196005011232';
const LI_ID = '530522199003020024';
const SUN_ID = '530522198511110021';

interface Fixture {
  name: string;
  org: string;
  person: Partial<typeof people.$inferInsert>;
  membership: Partial<typeof memberships.$inferInsert> | null;
}

// Today is 2026-03-02 in the test county.
const fixture: Fixture[] = [
  { name: '张三', org: MAJIA, person: { gender: '1', birthDate: '1960-05-01', idNumber: ZHANG_ID, phone: '13812345678', education: '21', occupation: 'farmer', address: '马家村一组' },
    membership: { category: 'full', appliedOn: '1988-03-01', joinedOn: '1990-07-01', fullOn: '1991-07-01' } },
  { name: '李梅', org: MAJIA, person: { gender: '2', ethnicity: '03', birthDate: '1990-03-02', idNumber: LI_ID, phone: '13987654321' },
    membership: { category: 'full', mobile: true, mobileDestination: '昆明市', mobileSince: '2024-05-01', joinedOn: '2015-06-30', fullOn: '2016-07-01' } },
  { name: '钱七', org: MAJIA, person: { gender: '2', birthDate: '2004-01-01' }, membership: { category: 'activist', appliedOn: '2024-03-01', activistOn: '2024-09-01' } },
  { name: '周老', org: MAJIA, person: { gender: '1', birthDate: '1930-01-01' },
    membership: { category: 'full', joinedOn: '1950-01-01', fullOn: '1951-01-01', endedOn: '2024-02-01', endReason: 'died' } },
  { name: '孙敏', org: DONGFENG, person: { gender: '2', birthDate: '1985-11-11', idNumber: SUN_ID, phone: '13700001111' }, membership: { category: 'full', joinedOn: '2010-01-01', fullOn: '2011-01-01' } },
  { name: '郑十', org: DONGFENG, person: { gender: '1', birthDate: '1998-12-12' }, membership: { category: 'probationary', joinedOn: '2025-09-01' } },
];

describe.each(engines)('editing a member record on %s', (engine) => {
  const ids = new Map<string, string>();
  const t = useTestApp(engine, {
    signIn: ['county', 'township', 'cadre', 'secretary', 'member', 'secretary2'],
    async prepare({ operator, county }) {
      await write(operator, async (w) => {
        for (const f of fixture) {
          const org = await visibleOrg(operator, f.org, w.tx);
          const [person] = await w.tx.insert(people)
            .values({ countyId: county.id, name: f.name, pinyin: personPinyinKey(f.name), ...f.person, orgId: org.id, orgPath: org.path })
            .returning();
          ids.set(f.name, person!.id);
          if (f.membership) await w.tx.insert(memberships).values({ countyId: county.id, personId: person!.id, orgId: org.id, orgPath: org.path, category: 'full', ...f.membership });
        }
      });
    },
  });

  const id = (name: string) => ids.get(name)!;
  const headers = (user: string, lang?: string) => ({ cookie: t.cookies[user]!, ...(lang ? { 'accept-language': lang } : {}) });
  const patch = (user: string, name: string, payload: object, lang?: string) =>
    t.app.inject({ method: 'PATCH', url: `/api/members/${id(name)}`, payload, headers: headers(user, lang) });
  const edited = async (user: string, name: string, payload: object) => {
    const response = await patch(user, name, payload);
    expect(response.statusCode, response.body).toBe(200);
    return json<MemberEditResult>(response);
  };
  const record = (user: string, name: string) => t.app.inject({ method: 'GET', url: `/api/members/${id(name)}/record`, headers: headers(user) });
  const stored = async (name: string) => {
    const [person] = await t.database.db.select().from(people).where(eq(people.id, id(name)));
    const [open] = await t.database.db.select().from(memberships).where(and(eq(memberships.personId, id(name)), sql`${memberships.endedOn} is null`));
    return { person: person!, open };
  };
  const eventsOf = (name: string) => t.database.db.select().from(auditEvents)
    .where(and(eq(auditEvents.action, 'person.update'), eq(auditEvents.entityId, id(name))))
    .orderBy(auditEvents.seq);

  describe('the record the form starts from', () => {
    it('shows the secretary the record with masked numbers and the right to edit', async () => {
      const response = await record('secretary', '张三');
      expect(response.statusCode).toBe(200);
      expect(json<MemberRecord>(response)).toEqual({
        personId: id('张三'), name: '张三', gender: '1', ethnicity: '01', birthDate: '1960-05-01', idNumber: '530522********1232', phone: '138****5678',
        education: '21', occupation: 'farmer', address: '马家村一组',
        membership: { mobile: false, mobileDestination: null, mobileSince: null, reportingCommunity: null, outOfContact: false, retired: false, needsCare: false },
        can: { edit: { allowed: true } },
      });
    });

    it('tells a cadre why they may not edit, and has no flags for someone without a membership', async () => {
      expect(json<MemberRecord>(await record('cadre', '张三')).can.edit).toEqual({ allowed: false, reason: 'no_ability' });
      expect(json<MemberRecord>(await record('township', '周老')).membership).toBeNull();
    });

    it('does not exist for another village\'s secretary or a plain member', async () => {
      expect((await record('secretary2', '张三')).statusCode).toBe(404);
      expect((await record('member', '张三')).statusCode).toBe(404);
    });
  });

  describe('partial updates', () => {
    it('changes only the fields sent, in the person and the open membership, and answers the masked record', async () => {
      const before = await stored('张三');
      const result = await edited('secretary', '张三', { phone: '139 0000 2222', retired: true });
      expect(result.warnings).toEqual([]);
      expect(result.record).toMatchObject({ phone: '139****2222', idNumber: '530522********1232', membership: { retired: true, mobile: false } });
      const after = await stored('张三');
      expect(after.person).toEqual({ ...before.person, phone: '13900002222', updatedAt: after.person.updatedAt });
      expect(after.person.updatedAt).toEqual(t.county.clock.now());
      expect(after.open).toEqual({ ...before.open, retired: true, updatedAt: after.open!.updatedAt });
    });

    it('recomputes the pinyin of a new name, so that search finds it', async () => {
      await edited('secretary', '钱七', { name: '单田芳' });
      const { person } = await stored('钱七');
      expect(person.pinyin).toBe(personPinyinKey('单田芳'));
      const listed = await t.app.inject({ method: 'GET', url: '/api/members?category=activist&q=shantian', headers: headers('secretary') });
      expect(json<MemberPage>(listed).items.map((i) => i.name)).toEqual(['单田芳']);
      await edited('secretary', '钱七', { name: '钱七' });
    });

    it('changes nothing and records nothing for an empty update or unchanged values', async () => {
      const events = (await eventsOf('孙敏')).length;
      const before = await stored('孙敏');
      for (const payload of [{}, { name: '孙敏', gender: '2', outOfContact: false }]) {
        const result = await edited('secretary2', '孙敏', payload);
        expect(result.record.name).toBe('孙敏');
      }
      expect(await stored('孙敏')).toEqual(before);
      expect(await eventsOf('孙敏')).toHaveLength(events);
    });

    it('normalizes codes and names to what the registry stores', async () => {
      const result = await edited('county', '郑十', { education: '大专', occupation: '教师', ethnicity: '07', phone: '0871 6123456', address: '东风村三组' });
      expect(result.record).toMatchObject({ education: '31', occupation: 'professional', ethnicity: '07', phone: '087*****3456', address: '东风村三组' });
      expect((await stored('郑十')).person).toMatchObject({ education: '31', occupation: 'professional', ethnicity: '07', phone: '0871-6123456' });
    });

    it('keeps the subtree breakdowns in step with a new gender and ethnicity', async () => {
      await edited('secretary2', '郑十', { gender: '2', ethnicity: '01' });
      const tallied = await rows<{ dimension: string; value: string; n: number }>(t.database.db, sql`
        select b.dimension, b.value, b.n from member_breakdowns b join organizations o on o.county_id = b.county_id and o.path = b.subtree_path
        where o.code = ${DONGFENG} and b.category = 'probationary' and b.dimension in ('gender', 'ethnicity') and b.n <> 0 order by 1`);
      expect(tallied).toEqual([{ dimension: 'ethnicity', value: '01', n: 1 }, { dimension: 'gender', value: '2', n: 1 }]);
      await edited('secretary2', '郑十', { gender: '1' });
    });

    it('corrects the person of an ended membership, but has no flags to change there', async () => {
      expect((await edited('secretary', '周老', { address: '马家村敬老院' })).record.address).toBe('马家村敬老院');
      const response = await patch('secretary', '周老', { needsCare: true });
      expect(response.statusCode).toBe(400);
      expect(json(response)).toEqual({ error: {
        code: 'invalid', message: '此人目前没有组织关系，不能修改党员状态', fields: [{ path: 'body.needsCare', message: '此人目前没有组织关系，不能修改党员状态' }],
      } });
    });
  });

  describe('validation', () => {
    const refused = async (payload: object, lang?: string) => {
      const response = await patch('secretary', '张三', payload, lang);
      expect(response.statusCode, response.body).toBe(400);
      return json<{ error: { code: string; message: string; fields: { path: string; message: string }[] } }>(response).error;
    };

    it('names the field and the reason of each refusal, in Chinese and in English', async () => {
      expect(await refused({ idNumber: '530522196005011233' })).toEqual({
        code: 'invalid', message: '公民身份号码的校验码不对，号码可能有录入错误', fields: [{ path: 'body.idNumber', message: '公民身份号码的校验码不对，号码可能有录入错误' }],
      });
      expect((await refused({ idNumber: '530522196005011233' }, 'en')).message).toBe('The check character of the citizen ID number is wrong: the number was probably mistyped');
      expect((await refused({ idNumber: '530522********1232' })).message).toBe('公民身份号码是脱敏后的显示值，请填写完整号码，或不修改此项');
      expect((await refused({ phone: '12345' })).message).toBe('手机号码“12345”应为 11 位手机号码，或带区号的固定电话（如 0871-1234567）');
      expect((await refused({ education: '幼儿园' }, 'en')).fields).toEqual([{ path: 'body.education', message: expect.stringMatching(/^Education "幼儿园" is not understood/) }]);
      expect((await refused({ occupation: '宇航员' })).message).toMatch(/^职业“宇航员”不是党内统计的职业分类/);
      expect((await refused({ ethnicity: '81' })).message).toBe('民族代码“81”不在 GB 3304 民族代码表中（如 01 汉族、07 彝族）');
      expect((await refused({ birthDate: '2026-03-03' })).message).toBe('出生日期 2026-03-03 晚于今天（2026-03-02）');
      expect((await refused({ birthDate: '1960-05-02' })).message).toBe('出生日期与公民身份号码不符：号码中的出生日期为 1960-05-01');
      expect((await refused({ gender: '2' }, 'en')).message).toBe('The gender disagrees with the citizen ID number, which says male (an odd 17th digit)');
      expect((await refused({ idNumber: '53052219851111003X' })).message).toBe('公民身份号码中的出生日期 1985-11-11 与登记的出生日期 1960-05-01 不符，请一并更正');
      expect((await refused({ idNumber: LI_ID, birthDate: '1990-03-02' })).fields).toEqual([
        { path: 'body.idNumber', message: '公民身份号码表示的性别（第 17 位奇数为男、偶数为女）与登记的性别不符，请一并更正' },
      ]);
    });

    it('reports every bad field at once', async () => {
      const error = await refused({ phone: '1', ethnicity: '99', mobile: true });
      expect(error.message).toBe('有 4 处填写有误，请按各项提示修改');
      expect(error.fields.map((f) => f.path)).toEqual(['body.ethnicity', 'body.phone', 'body.mobileDestination', 'body.mobileSince']);
    });

    it('refuses unknown fields, wrong types and what the registry does not edit here', async () => {
      for (const payload of [{ category: 'full' }, { fullOn: '2020-01-01' }, { orgCode: DONGFENG }, { nickname: 'x' }]) {
        const error = await refused(payload);
        expect(error.code).toBe('validation');
        expect(error.message).toContain('不允许的字段');
      }
      expect((await refused({ mobile: 'yes' })).fields).toEqual([{ path: 'body.mobile', message: '类型错误，应为布尔值' }]);
      expect((await refused({ name: '  ' })).fields).toEqual([{ path: 'body.name', message: '至少 1 个字符' }]);
      expect((await refused({ gender: '9' })).fields[0]!.path).toBe('body.gender');
      expect((await refused({ birthDate: '1960-02-30' })).fields[0]!.path).toBe('body.birthDate');
      expect((await refused({ address: 'x'.repeat(201) })).fields[0]!.path).toBe('body.address');
      expect((await stored('张三')).person.name).toBe('张三');
    });
  });

  describe('the citizen ID number', () => {
    it('fills the birth date and gender of someone recorded without them', async () => {
      await write(t.county.operator, (w) => w.tx.update(people).set({ birthDate: null, gender: null }).where(eq(people.id, id('郑十'))));
      const result = await edited('secretary2', '郑十', { idNumber: '53052219981212005x' });
      expect(result.record).toMatchObject({ birthDate: '1998-12-12', gender: '1', idNumber: '530522********005X' });
      expect((await stored('郑十')).person.idNumber).toBe('53052219981212005X');
    });

    it('refuses a number registered to another person, naming them where the editor may see them', async () => {
      const response = await patch('secretary', '钱七', { idNumber: ZHANG_ID, birthDate: '1960-05-01', gender: '1' });
      expect(response.statusCode).toBe(409);
      expect(json(response)).toEqual({ error: {
        code: 'duplicate_person', message: '公民身份号码已登记在马家村党支部的“张三”名下，同一人不能登记两次',
        fields: [{ path: 'body.idNumber', message: '公民身份号码已登记在马家村党支部的“张三”名下，同一人不能登记两次' }],
        existing: { personId: id('张三'), name: '张三', orgName: '马家村党支部', reapplicable: false },
      } });
      const elsewhere = await patch('secretary2', '郑十', { idNumber: ZHANG_ID, birthDate: '1960-05-01' });
      expect(elsewhere.statusCode).toBe(409);
      expect(json<{ error: { message: string } }>(elsewhere).error.message).toBe('公民身份号码已登记在本县您管辖范围以外的人员名下，请联系上级组织核实');
      expect(json<{ error: object }>(elsewhere).error).not.toHaveProperty('existing');
      expect((await stored('钱七')).person.idNumber).toBeNull();
    });

    it('may be cleared', async () => {
      await edited('secretary2', '郑十', { idNumber: null });
      expect((await stored('郑十')).person.idNumber).toBeNull();
    });
  });

  describe('the mobile member flags', () => {
    it('sets a mobile member with where and since when, and clears both with the flag', async () => {
      const set = await edited('secretary', '张三', { mobile: true, mobileDestination: '广州市', mobileSince: '2025-10-01' });
      expect(set.record.membership).toMatchObject({ mobile: true, mobileDestination: '广州市', mobileSince: '2025-10-01' });
      await edited('secretary', '张三', { mobile: false });
      expect((await stored('张三')).open).toMatchObject({ mobile: false, mobileDestination: null, mobileSince: null });
    });

    it('refuses a mobile member without details, and details without the flag', async () => {
      const missing = await patch('secretary', '李梅', { mobileDestination: null });
      expect(json(missing)).toMatchObject({ error: { fields: [{ path: 'body.mobileDestination', message: '流动党员须填写外出去向' }] } });
      const stray = await patch('secretary', '张三', { mobileSince: '2025-01-01' }, 'en');
      expect(json(stray)).toMatchObject({ error: { message: 'Where and since when apply to mobile members only' } });
      expect((await stored('李梅')).open).toMatchObject({ mobile: true, mobileDestination: '昆明市' });
    });

    it('records reporting to a community, being out of contact and needing care', async () => {
      await edited('secretary', '李梅', { reportingCommunity: '和顺社区', outOfContact: true, needsCare: true });
      expect((await stored('李梅')).open).toMatchObject({ reportingCommunity: '和顺社区', outOfContact: true, needsCare: true });
      await edited('secretary', '李梅', { reportingCommunity: '', outOfContact: false, needsCare: false });
      expect((await stored('李梅')).open).toMatchObject({ reportingCommunity: null, outOfContact: false, needsCare: false });
    });
  });

  describe('a corrected birth date and the path to membership', () => {
    it('is kept, with a warning that the application now came before 18', async () => {
      const result = await edited('secretary', '钱七', { birthDate: '2006-06-01' });
      expect(result.warnings).toEqual([{ path: 'body.birthDate', message: '申请入党须年满十八周岁（党章第一条）：申请入党日期 2024-03-01 时年龄为 17 岁' }]);
      expect((await stored('钱七')).person.birthDate).toBe('2006-06-01');
      expect((await edited('secretary', '钱七', { birthDate: '2004-01-01' })).warnings).toEqual([]);
    });
  });

  describe('audit', () => {
    it('records before and after of what changed, with full numbers for an editor who may read them', async () => {
      await edited('county', '孙敏', { phone: '13700002222', address: '东风村五组', needsCare: true });
      const [event] = (await eventsOf('孙敏')).slice(-1);
      expect(event).toMatchObject({
        actorLabel: 'county', entityType: 'person', entityLabel: '孙敏',
        before: { phone: '13700001111', address: null, needsCare: false },
        after: { phone: '13700002222', address: '东风村五组', needsCare: true },
      });
      expect(event!.actorPostId).not.toBeNull();
    });

    it('masks ID and phone numbers for an editor whose posts may not read them (a county may narrow the roles)', async () => {
      const abilities = roleAbilities.branch_secretary;
      roleAbilities.branch_secretary = abilities.filter((a) => a !== 'person.read_sensitive');
      try {
        await edited('secretary2', '孙敏', { phone: '13700003333', idNumber: null, address: '东风村六组' });
      } finally {
        roleAbilities.branch_secretary = abilities;
      }
      const [event] = (await eventsOf('孙敏')).slice(-1);
      expect(event).toMatchObject({
        actorLabel: 'secretary2',
        before: { idNumber: '530522********0021', phone: '137****2222', address: '东风村五组' },
        after: { idNumber: null, phone: '137****3333', address: '东风村六组' },
      });
      expect(JSON.stringify([event!.before, event!.after])).not.toMatch(/13700002222|13700003333|530522198511110021/);
    });
  });

  describe('scope', () => {
    it('answers "not found" to another village\'s secretary and a plain member, and changes nothing', async () => {
      const before = await stored('张三');
      for (const user of ['secretary2', 'member']) {
        const response = await patch(user, '张三', { phone: '13911112222' });
        expect(response.statusCode, user).toBe(404);
        expect(json(response)).toEqual({ error: { code: 'not_found', message: '未找到该人员' } });
      }
      expect(await stored('张三')).toEqual(before);
    });

    it('refuses a cadre, who may read the record but not change it', async () => {
      const response = await patch('cadre', '张三', { phone: '13911112222' });
      expect(response.statusCode).toBe(403);
      expect(json(response)).toEqual({ error: { code: 'forbidden', message: '您的岗位不能修改此人的党员信息' } });
    });

    it('lets the township and the county edit any member below them', async () => {
      await edited('township', '张三', { address: '马家村二组' });
      await edited('county', '孙敏', { address: '东风村一组' });
      expect((await stored('张三')).person.address).toBe('马家村二组');
      expect((await stored('孙敏')).person.address).toBe('东风村一组');
      expect((await patch('township', '孙敏', { address: '越权' })).statusCode).toBe(404);
    });
  });
});
