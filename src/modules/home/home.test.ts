import { describe, expect, it } from 'vitest';
import { write } from '../../platform/service.js';
import { useTestApp } from '../../../test/support/app.js';
import { engines } from '../../../test/support/databases.js';
import { json, signInAs } from '../../../test/support/http.js';
import { memberships } from '../members/schema.js';
import { visibleOrg } from '../organizations/queries.js';
import { people } from '../people/schema.js';
import type { HomeView, Todos } from './contracts.js';

describe.each(engines)('home page on %s', (engine) => {
  const t = useTestApp(engine, {
    async prepare({ operator, county }) {
      // 马家村: 3 full members (one a woman of the Hui minority), 1 probationary, 1 activist; 东风村: 2 full members.
      const members: [string, string, '1' | '2', string, 'full' | 'probationary' | 'activist'][] = [
        ['530522101001', '张三', '1', '01', 'full'],
        ['530522101001', '李梅', '2', '03', 'full'],
        ['530522101001', '王五', '1', '01', 'full'],
        ['530522101001', '赵六', '1', '01', 'probationary'],
        ['530522101001', '钱七', '2', '01', 'activist'],
        ['530522102001', '孙八', '1', '01', 'full'],
        ['530522102001', '周九', '2', '01', 'full'],
      ];
      await write(operator, async (w) => {
        for (const [orgCode, name, gender, ethnicity, category] of members) {
          const org = await visibleOrg(operator, orgCode, w.tx);
          const [person] = await w.tx.insert(people).values({ countyId: county.id, name, pinyin: name, gender, ethnicity, orgId: org.id, orgPath: org.path }).returning();
          await w.tx.insert(memberships).values({ countyId: county.id, personId: person!.id, orgId: org.id, orgPath: org.path, category });
        }
      });
    },
  });

  const home = async (user: string, query = '') =>
    t.app.inject({ method: 'GET', url: `/api/home${query}`, headers: { cookie: await signInAs(t.app, user) } });

  it('gives the county administrator the whole county with per-township figures that sum up', async () => {
    const view = json<HomeView>(await home('county'));
    expect(view.org).toMatchObject({ code: '530522', name: '测试县委' });
    expect(view.orgsByType).toEqual({ committee: 3, working_committee: 0, general_branch: 0, branch: 3, joint_branch: 0, party_group: 1 });
    expect(view.adminUnitsByKind).toEqual({ township: 2, village: 3 });
    expect(view.members).toEqual({ total: 6, full: 5, probationary: 1, female: 2, minority: 1, applicants: 0, activists: 1, developmentTargets: 0 });
    expect(view.children).toEqual([
      { code: '530522101', name: '和顺镇党委', type: 'committee', organizations: 4, members: 4 },
      { code: '530522102', name: '清水乡党委', type: 'committee', organizations: 2, members: 2 },
    ]);
    expect(view.children.reduce((sum, c) => sum + c.members, 0)).toBe(view.members.total);
  });

  it('gives a township its own figures and a village its own, never more', async () => {
    const township = json<HomeView>(await home('township'));
    expect(township.org.code).toBe('530522101');
    expect(township.members.total).toBe(4);
    expect(township.adminUnitsByKind).toEqual({ township: 1, village: 2 });
    const village = json<HomeView>(await home('secretary'));
    expect(village.org).toMatchObject({ code: '530522101001', name: '马家村党支部', unitType: 'village' });
    expect(village.members).toMatchObject({ total: 4, probationary: 1, activists: 1 });
  });

  it('lets the county drill into a township, and refuses a village user another village', async () => {
    const drilled = json<HomeView>(await home('county', '?org=530522102'));
    expect(drilled.org.name).toBe('清水乡党委');
    expect(drilled.members.total).toBe(2);
    expect((await home('secretary', '?org=530522102001')).statusCode).toBe(404);
  });

  // The items of the accounts and the organizations; other modules' are tested with them.
  const todos = async (user: string, lang = 'zh-CN') =>
    json<Todos>(await t.app.inject({ method: 'GET', url: '/api/todos', headers: { cookie: await signInAs(t.app, user), 'accept-language': lang } }))
      .items.filter((i) => i.kind.startsWith('accounts.') || i.kind.startsWith('organizations.'));

  it('puts derived items on the to-do list: an initial password, and a village without a secretary', async () => {
    const township = await todos('township');
    expect(township.map((t) => t.kind)).toEqual(['accounts.initial_password', 'organizations.vacant_secretary']);
    expect(township[1]).toMatchObject({ title: '石桥村党支部书记空缺', link: '/organizations/530522101002' });
    expect((await todos('township', 'en'))[1]).toMatchObject({ title: '石桥村党支部: secretary post vacant' });
    // The village secretary manages nothing, so sees only their own item.
    expect((await todos('secretary')).map((t) => t.kind)).toEqual(['accounts.initial_password']);
  });

  it('keeps the to-do list out of the home page, and refuses it without a session', async () => {
    expect(json<HomeView & { todos?: unknown }>(await home('township')).todos).toBeUndefined();
    expect((await t.app.inject({ method: 'GET', url: '/api/todos' })).statusCode).toBe(401);
  });
});
