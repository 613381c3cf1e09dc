import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { requestsOf, useTestApp } from '../../../test/support/app.js';
import { DONGFENG, HESHUN, MAJIA, SHIQIAO, type TestCounty } from '../../../test/support/county.js';
import { engines } from '../../../test/support/databases.js';
import type { Database } from '../../platform/db/database.js';
import { personPinyinKey } from '../../platform/text/pinyin.js';
import { users } from '../accounts/schema.js';
import type { Todos } from '../home/contracts.js';
import { households } from '../households/schema.js';
import { organizations } from '../organizations/schema.js';
import { people, posts } from '../people/schema.js';
import type { PairingCompliance, PairingDetail, PairingPage, PairingSettingsView, QuotasView } from './contracts.js';
import { defaultPairingSettings } from './defaults.js';

// The test county's clock stands at 2 March 2026.
const id: Record<string, string> = {};

/** 和顺镇's leaders by title, households of its villages (one moved away), as their modules would have stored them. */
async function prepare({ county }: TestCounty, { db }: Database) {
  const org = async (code: string) => (await db.select().from(organizations).where(and(eq(organizations.countyId, county.id), eq(organizations.code, code))))[0]!;
  const heshun = await org(HESHUN);
  const leader = async (key: string, name: string, title: string, startedOn = '2024-01-01', endedOn: string | null = null) => {
    const [person] = await db.insert(people).values({ countyId: county.id, name, pinyin: personPinyinKey(name), orgId: heshun.id, orgPath: heshun.path }).returning();
    await db.insert(posts).values({ countyId: county.id, personId: person!.id, orgId: heshun.id, orgPath: heshun.path, role: 'cadre', title, startedOn, endedOn });
    id[key] = person!.id;
  };
  await leader('shuji', '李书记', '党委书记');
  await leader('zhenzhang', '王镇长', '党委副书记、镇长');
  await leader('weiyuan', '赵委员', '组织委员');
  await leader('left', '钱离任', '宣传委员', '2020-01-01', '2025-12-31');
  const household = async (key: string, code: string, headName: string, status = 'active') => {
    const village = await org(code);
    const [row] = await db.insert(households).values({ countyId: county.id, orgId: village.id, orgPath: village.path, headName, status }).returning();
    id[key] = row!.id;
  };
  await household('maDa', MAJIA, '马大');
  await household('maEr', MAJIA, '马二');
  await household('maSan', MAJIA, '马三');
  await household('moved', MAJIA, '马迁', 'moved');
  await household('shiDa', SHIQIAO, '石大');
  await household('dong', DONGFENG, '东大');
  for (const username of ['cadre', 'secretary', 'township']) {
    const [user] = await db.select({ personId: users.personId }).from(users).where(eq(users.username, username));
    id[username] = user!.personId!;
  }
}

describe.each(engines)('pairing on %s', (engine) => {
  const t = useTestApp(engine, { signIn: ['county', 'township', 'cadre', 'secretary', 'member', 'secretary2'], prepare });
  const { send, ok, refused, fieldsOf, events } = requestsOf(t);
  const pair = (cadreId: string, householdId: string, more: object = {}, user = 'township') =>
    send(user, 'POST', '/api/pairing/pairings', { cadreId, householdId, helpTypes: ['industry', 'education'], startedOn: '2026-01-10', ...more });

  describe('settings', () => {
    it('answers the defaults of seed 003, and only the county administrator sets its own, consistent ones', async () => {
      const defaults = await ok<PairingSettingsView>(await send('cadre', 'GET', '/api/pairing/settings'));
      expect(defaults.ranks.map((r) => [r.name, r.households])).toEqual([['主要领导', 3], ['班子成员', 2], ['站所负责人及干部', 1]]);
      expect(defaults.helpTypes.map((h) => h.name)).toEqual(['产业帮扶', '就业帮扶', '教育帮扶', '医疗帮扶', '住房帮扶', '政策落实', '心理关爱', '其他']);
      expect(defaults).toMatchObject({ frequency: { min: 1, unit: 'month' }, can: { edit: { allowed: false, reason: 'no_ability' } } });
      const { can: _can, ...settings } = defaults;
      expect((await refused(await send('township', 'PUT', '/api/pairing/settings', settings), 403)).message).toBe('结对帮扶设置由县委组织部设置');
      const twice = { ...settings, ranks: [...settings.ranks, { id: 'extra', name: '其他干部', titles: ['干部'], households: 1 }] };
      expect(await fieldsOf(await send('county', 'PUT', '/api/pairing/settings', twice))).toEqual(['body.ranks.3.titles.0: 职务“干部”已列在“站所负责人及干部”中，同一职务只能属于一个职级']);
      expect(await fieldsOf(await send('county', 'PUT', '/api/pairing/settings', { ...settings, frequency: { min: 1, unit: 'fortnight' } }))).toHaveLength(1);
      const saved = await ok<PairingSettingsView>(await send('county', 'PUT', '/api/pairing/settings', { ...settings, frequency: { min: 1, unit: 'month' } }));
      expect(saved.can.edit).toEqual({ allowed: true });
      expect((await events('pairing.settings')).at(-1)).toMatchObject({ after: { frequency: { min: 1, unit: 'month' } } });
    });
  });

  describe('pairing', () => {
    it('pairs a township cadre with a household of a village, by a township administrator, and audits it', async () => {
      const made = await ok<PairingDetail>(await pair(id.cadre!, id.maDa!, { note: '因病致贫' }), 201);
      id.cadrePairing = made.id;
      expect(made).toMatchObject({
        org: { code: MAJIA }, cadre: { id: id.cadre, name: 'cadre' }, household: { headName: '马大' }, startedOn: '2026-01-10', endedOn: null, note: '因病致贫',
        helpTypes: [{ id: 'industry', name: '产业帮扶' }, { id: 'education', name: '教育帮扶' }], lastContactOn: null, contacts: [],
        current: { period: '2026年3月', held: 0, min: 1, status: 'due' },
        can: { end: { allowed: true }, contact: { allowed: true } },
      });
      expect((await events('pairing.create')).at(-1)).toMatchObject({ entityId: made.id, after: { householdId: id.maDa, helpTypes: ['industry', 'education'] } });
      for (const [cadre, household] of [['shuji', 'maEr'], ['shuji', 'maSan'], ['shuji', 'shiDa'], ['shuji', 'maDa'], ['zhenzhang', 'maEr']] as const) {
        await ok(await pair(id[cadre]!, id[household]!), 201);
      }
    });

    it('refuses a moved household, help types outside the list, a future start, and a cadre not in post above the village', async () => {
      expect(await fieldsOf(await pair(id.secretary!, id.moved!, { helpTypes: ['industry', 'lottery'], startedOn: '2026-03-03' }))).toEqual([
        'body.startedOn: 日期 2026-03-03 晚于今天',
        'body.householdId: 马迁户已迁出，不能新结对',
        'body.helpTypes.1: 帮扶类型“lottery”不在本县的帮扶类型中（产业帮扶、就业帮扶、教育帮扶、医疗帮扶、住房帮扶、政策落实、心理关爱、其他）',
        'body.cadreId: secretary在马家村党支部所属乡镇或县级党组织没有现任职务',
      ]);
      expect(await fieldsOf(await pair(id.left!, id.maSan!))).toEqual(['body.cadreId: 钱离任在马家村党支部所属乡镇或县级党组织没有现任职务']);
      expect(await fieldsOf(await pair(id.weiyuan!, id.maSan!, { helpTypes: [] }))).toEqual(['body.helpTypes: 至少 1 项']);
    });

    it('refuses a pair already open, and those who do not manage contracting', async () => {
      expect((await refused(await pair(id.cadre!, id.maDa!), 409)).message).toBe('cadre已与马大户结对，尚未结束');
      expect((await refused(await pair(id.weiyuan!, id.maSan!, {}, 'cadre'), 403)).code).toBe('forbidden');
      expect((await refused(await pair(id.weiyuan!, id.maSan!, {}, 'secretary'), 403)).code).toBe('forbidden');
      expect((await refused(await pair(id.weiyuan!, id.maSan!, {}, 'secretary2'), 404)).code).toBe('not_found');
      expect((await refused(await pair(id.weiyuan!, id.dong!), 404)).code).toBe('not_found');
    });

    it('lists pairings in scope by village, cadre and whether open', async () => {
      const list = async (query: string, user = 'township') => (await ok<PairingPage>(await send(user, 'GET', `/api/pairing/pairings?${query}`))).items.map((p) => `${p.cadre.name}-${p.household.headName}`);
      expect(await list('')).toEqual(['cadre-马大', '李书记-马三', '李书记-马二', '李书记-马大', '王镇长-马二', '李书记-石大']);
      expect(await list(`org=${SHIQIAO}`)).toEqual(['李书记-石大']);
      expect(await list(`cadre=${id.zhenzhang}`)).toEqual(['王镇长-马二']);
      expect(await list('mine=true', 'cadre')).toEqual(['cadre-马大']);
      expect(await list('mine=true')).toEqual([]);
      expect(await list('', 'secretary')).toHaveLength(5);
      expect(await list('', 'secretary2')).toEqual([]);
      expect(await list('', 'member')).toEqual([]);
      expect((await refused(await send('secretary2', 'GET', `/api/pairing/pairings?org=${MAJIA}`), 404)).code).toBe('not_found');
    });
  });

  describe('quotas', () => {
    it('shows each cadre of the township with rank, quota and households paired, flagging over and under', async () => {
      const view = await ok<QuotasView>(await send('township', 'GET', `/api/pairing/quotas?org=${HESHUN}`));
      const rows = Object.fromEntries(view.items.map((i) => [i.cadre.name, [i.rank?.name ?? null, i.quota, i.paired, i.flag]]));
      expect(rows).toEqual({
        李书记: ['主要领导', 3, 4, 'over'],
        王镇长: ['主要领导', 3, 1, 'under'],
        赵委员: ['班子成员', 2, 0, 'under'],
        cadre: ['站所负责人及干部', 1, 1, 'met'],
        township: [null, null, 0, 'unranked'],
      });
      expect(view.can.pair).toEqual({ allowed: true });
      expect((await refused(await send('member', 'GET', `/api/pairing/quotas?org=${MAJIA}`), 403)).code).toBe('forbidden');
      expect((await refused(await send('secretary2', 'GET', `/api/pairing/quotas?org=${HESHUN}`), 404)).code).toBe('not_found');
    });
  });

  describe('contacts', () => {
    const contact = (body: object, user = 'cadre', pairing = id.cadrePairing) => send(user, 'POST', `/api/pairing/pairings/${pairing}/contacts`, body);

    it('puts the cadre\'s uncontacted households on their to-do list until a contact this month', async () => {
      const todos = async (user: string) => (await ok<Todos>(await send(user, 'GET', '/api/todos'))).items.filter((i) => i.kind.startsWith('pairing.'));
      expect((await todos('cadre')).map((i) => i.title)).toEqual(['2026年3月还有 1 户结对户未联系：马大']);
      expect(await todos('township')).toEqual([]);
      const after = await ok<PairingDetail>(await contact({ contactedOn: '2026-03-02', mode: 'visit', note: '了解烤烟收购情况' }), 201);
      expect(after).toMatchObject({ lastContactOn: '2026-03-02', current: { held: 1, status: 'done' }, contacts: [{ contactedOn: '2026-03-02', mode: 'visit', note: '了解烤烟收购情况', visit: null }] });
      expect(await todos('cadre')).toEqual([]);
      expect((await events('pairing.contact')).at(-1)).toMatchObject({ after: { pairingId: id.cadrePairing, mode: 'visit' } });
    });

    it('takes contacts from the cadre or a contracting manager only, within the pairing\'s days', async () => {
      await ok(await contact({ contactedOn: '2026-01-15', mode: 'phone' }, 'township'), 201);
      expect((await refused(await contact({ contactedOn: '2026-03-01', mode: 'phone' }, 'secretary'), 403)).code).toBe('forbidden');
      expect((await refused(await contact({ contactedOn: '2026-03-01', mode: 'phone' }, 'secretary2'), 404)).code).toBe('not_found');
      expect(await fieldsOf(await contact({ contactedOn: '2026-03-03', mode: 'phone' }))).toEqual(['body.contactedOn: 日期 2026-03-03 晚于今天']);
      expect(await fieldsOf(await contact({ contactedOn: '2026-01-09', mode: 'phone' }))).toEqual(['body.contactedOn: 联系日期 2026-01-09 早于结对开始日期 2026-01-10']);
      expect(await fieldsOf(await contact({ contactedOn: '2026-03-01', mode: 'wechat' }))).toHaveLength(1);
    });

    it('evaluates the frequency per pairing and month: done, overdue, due', async () => {
      const view = await ok<PairingCompliance>(await send('township', 'GET', `/api/pairing/compliance?org=${MAJIA}&from=2026-01-01&to=2026-03-31`));
      expect(view.periods.map((p) => p.label)).toEqual(['2026年1月', '2026年2月', '2026年3月']);
      const mine = view.items.find((i) => i.id === id.cadrePairing)!;
      expect(mine.cells).toEqual([{ held: 1, status: 'done' }, { held: 0, status: 'overdue' }, { held: 1, status: 'done' }]);
      expect(view.items).toHaveLength(5);
      expect(view.totals).toEqual({ done: 2, due: 4, overdue: 9, not_due: 0 });
      expect(await fieldsOf(await send('township', 'GET', '/api/pairing/compliance?from=2026-03-01&to=2026-01-01'))).toEqual(['query.to: 结束日期 2026-01-01 早于开始日期 2026-03-01']);
      expect((await ok<PairingCompliance>(await send('secretary2', 'GET', '/api/pairing/compliance'))).items).toEqual([]);
    });
  });

  describe('ending', () => {
    it('ends a pairing with a reason, then refuses contacts and a second end; the pair may open again', async () => {
      const end = (body: object, user = 'township') => send(user, 'POST', `/api/pairing/pairings/${id.cadrePairing}/end`, body);
      expect(await fieldsOf(await end({ endedOn: '2026-01-01', reason: '脱贫' }))).toEqual(['body.endedOn: 结束日期 2026-01-01 早于结对开始日期 2026-01-10']);
      expect((await refused(await end({ endedOn: '2026-03-01', reason: '脱贫' }, 'cadre'), 403)).code).toBe('forbidden');
      const ended = await ok<PairingDetail>(await end({ endedOn: '2026-03-01', reason: '稳定脱贫' }));
      expect(ended).toMatchObject({ endedOn: '2026-03-01', endReason: '稳定脱贫', current: null, can: { end: { allowed: false }, contact: { allowed: false } } });
      expect((await refused(await end({ endedOn: '2026-03-02', reason: '再次' }), 409)).code).toBe('conflict');
      expect((await refused(await send('cadre', 'POST', `/api/pairing/pairings/${id.cadrePairing}/contacts`, { contactedOn: '2026-03-01', mode: 'phone' }), 409)).code).toBe('conflict');
      const open = await ok<PairingPage>(await send('township', 'GET', `/api/pairing/pairings?active=true&cadre=${id.cadre}`));
      expect(open.items).toEqual([]);
      expect((await ok<PairingPage>(await send('township', 'GET', `/api/pairing/pairings?active=false`))).items.map((p) => p.id)).toEqual([id.cadrePairing]);
      await ok(await pair(id.cadre!, id.maDa!, { startedOn: '2026-03-02' }), 201);
      expect((await events('pairing.end')).at(-1)).toMatchObject({ after: { endedOn: '2026-03-01', endReason: '稳定脱贫' } });
    });

    it('shows the cadre their own pairing even outside the people they read', async () => {
      const detail = await ok<PairingDetail>(await send('cadre', 'GET', `/api/pairing/pairings/${id.cadrePairing}`));
      expect(detail.contacts.map((c) => c.contactedOn)).toEqual(['2026-03-02', '2026-01-15']);
      expect((await refused(await send('secretary2', 'GET', `/api/pairing/pairings/${id.cadrePairing}`), 404)).code).toBe('not_found');
      expect((await refused(await send('member', 'GET', `/api/pairing/pairings/${id.cadrePairing}`), 404)).code).toBe('not_found');
    });
  });

  it('keeps the default settings when the county has stored none', () => {
    expect(defaultPairingSettings.frequency).toEqual({ min: 1, unit: 'month' });
  });
});
