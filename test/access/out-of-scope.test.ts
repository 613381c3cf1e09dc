import { describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/http/app-types.js';
import { useTestApp } from '../support/app.js';
import { engines } from '../support/databases.js';
import { json } from '../support/http.js';
// members: list, profile, privacy and export
import { write } from '../../src/platform/service.js';
import { personPinyinKey } from '../../src/platform/text/pinyin.js';
import { memberships } from '../../src/modules/members/schema.js';
import { visibleOrg } from '../../src/modules/organizations/queries.js';
import { people } from '../../src/modules/people/schema.js';
import type { TestCounty } from '../support/county.js';

/**
 * Every API route must prove that a user outside its scope is refused. Adding a route without a
 * case here fails the suite. Outsiders: "secretary2" (东风村, in 清水乡) against 和顺镇's data,
 * and "member" (no administrative ability) where a route needs an ability rather than a subtree.
 */
type Case = (app: App, cookie: (user: string) => string) => Promise<void>;

const T1_VILLAGE = '530522101001';

const refusedAsNotFound = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object): Case => async (app, cookie) => {
  const response = await app.inject({ method, url, payload, headers: { cookie: cookie('secretary2') } });
  expect(response.statusCode, `${method} ${url}`).toBe(404);
  expect(json(response)).toMatchObject({ error: { code: 'not_found' } });
};

const ownOnly = (method: 'GET' | 'DELETE' | 'POST', url: string, payload?: object): Case => async (app) => {
  // A session route acts on the caller's own account only: without one it is refused.
  const response = await app.inject({ method, url, payload });
  expect(response.statusCode).toBe(401);
};

// members: one member of 马家村, so that the member routes' cases refuse something that exists.
const t1Member = { id: '' };
async function addT1Member({ operator, county }: TestCounty): Promise<void> {
  await write(operator, async (w) => {
    const org = await visibleOrg(operator, T1_VILLAGE, w.tx);
    const [person] = await w.tx.insert(people).values({
      countyId: county.id, name: '马成', pinyin: personPinyinKey('马成'), gender: '1', idNumber: '53052219700101001X', phone: '13800001111', orgId: org.id, orgPath: org.path,
    }).returning();
    await w.tx.insert(memberships).values({ countyId: county.id, personId: person!.id, orgId: org.id, orgPath: org.path, category: 'full' });
    t1Member.id = person!.id;
  });
}

const cases: Record<string, Case | 'public'> = {
  'GET /api/health': 'public',
  'GET /api/openapi.json': 'public',
  'POST /api/session': 'public',
  'GET /api/session': ownOnly('GET', '/api/session'),
  'DELETE /api/session': ownOnly('DELETE', '/api/session'),
  'POST /api/session/password': ownOnly('POST', '/api/session/password', { currentPassword: 'x', newPassword: 'y' }),
  'GET /api/organizations': async (app, cookie) => {
    const response = await app.inject({ method: 'GET', url: '/api/organizations?includeDissolved=true', headers: { cookie: cookie('secretary2') } });
    const codes = json<{ items: { code: string }[] }>(response).items.map((o) => o.code);
    expect(codes).toEqual(['530522102001']);
  },
  'GET /api/organizations/:code': refusedAsNotFound('GET', `/api/organizations/${T1_VILLAGE}`),
  'POST /api/organizations': refusedAsNotFound('POST', '/api/organizations', { code: 'Z1', name: '越权党支部', type: 'branch', parentCode: '530522101' }),
  'PATCH /api/organizations/:code': refusedAsNotFound('PATCH', `/api/organizations/${T1_VILLAGE}`, { name: '越权更名党支部' }),
  'POST /api/organizations/:code/move': refusedAsNotFound('POST', `/api/organizations/${T1_VILLAGE}/move`, { parentCode: '530522102' }),
  'POST /api/organizations/:code/merge': refusedAsNotFound('POST', `/api/organizations/${T1_VILLAGE}/merge`, { intoCode: '530522102001' }),
  'POST /api/organizations/:code/dissolve': refusedAsNotFound('POST', `/api/organizations/${T1_VILLAGE}/dissolve`, {}),
  'POST /api/organizations/:code/villager-groups': refusedAsNotFound('POST', `/api/organizations/${T1_VILLAGE}/villager-groups`, { name: '越权村民小组' }),
  'GET /api/organizations/import-template': async (app, cookie) => {
    expect((await app.inject({ method: 'GET', url: '/api/organizations/import-template', headers: { cookie: cookie('member') } })).statusCode).toBe(403);
  },
  'POST /api/organizations/import': async (app, cookie) => {
    const csv = '组织编码,组织名称,上级组织编码,组织类型\nZ9,越权村党支部,530522101,党支部\n';
    const payload = { fileName: 'orgs.csv', content: Buffer.from(csv).toString('base64'), commit: true };
    expect((await app.inject({ method: 'POST', url: '/api/organizations/import', headers: { cookie: cookie('member') }, payload })).statusCode).toBe(403);
    const outsider = await app.inject({ method: 'POST', url: '/api/organizations/import', headers: { cookie: cookie('secretary2') }, payload });
    expect(outsider.statusCode).toBe(403);
  },
  'GET /api/home': refusedAsNotFound('GET', '/api/home?org=530522101'),
  // members: statistics
  'GET /api/statistics/members': refusedAsNotFound('GET', '/api/statistics/members?org=530522101'),
  'GET /api/statistics/basic-situation': refusedAsNotFound('GET', '/api/statistics/basic-situation?org=530522101'),
  'GET /api/statistics/basic-situation.docx': refusedAsNotFound('GET', '/api/statistics/basic-situation.docx?org=530522101'),
  'GET /api/users': async (app, cookie) => {
    expect((await app.inject({ method: 'GET', url: '/api/users', headers: { cookie: cookie('member') } })).statusCode).toBe(403);
    const township = await app.inject({ method: 'GET', url: '/api/users', headers: { cookie: cookie('township') } });
    expect(json<{ items: { username: string }[] }>(township).items.map((u) => u.username)).not.toContain('secretary2');
  },
  'POST /api/users': async (app, cookie) => {
    const response = await app.inject({ method: 'POST', url: '/api/users', headers: { cookie: cookie('township') }, payload: { username: 'intruder', password: 'Passw0rd1', name: '越权用户', role: 'cadre', orgCode: '530522102' } });
    expect(response.statusCode).toBe(404);
  },
  'POST /api/users/:username/password': async (app, cookie) => {
    const response = await app.inject({ method: 'POST', url: '/api/users/secretary2/password', headers: { cookie: cookie('township') }, payload: { newPassword: 'Passw0rd1' } });
    expect(response.statusCode).toBe(404);
    expect(json(response)).toEqual({ error: { code: 'not_found', message: '用户“secretary2”不存在' } });
  },
  'POST /api/users/:username/disable': async (app, cookie) => {
    expect((await app.inject({ method: 'POST', url: '/api/users/secretary2/disable', headers: { cookie: cookie('township') } })).statusCode).toBe(404);
  },
  'POST /api/users/:username/enable': async (app, cookie) => {
    expect((await app.inject({ method: 'POST', url: '/api/users/county/enable', headers: { cookie: cookie('township') } })).statusCode).toBe(404);
  },
  'GET /api/audit': async (app, cookie) => {
    const member = await app.inject({ method: 'GET', url: '/api/audit', headers: { cookie: cookie('member') } });
    expect(member.statusCode).toBe(403);
    // A township administrator reads their own township's trail and nothing of the other's.
    const township = await app.inject({ method: 'GET', url: '/api/audit?pageSize=200', headers: { cookie: cookie('township') } });
    const labels = json<{ items: { actorLabel: string; action: string }[] }>(township).items;
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.some((e) => e.actorLabel === 'secretary2')).toBe(false);
  },
  // members: list, profile, privacy and export
  'GET /api/members': async (app, cookie) => {
    await refusedAsNotFound('GET', `/api/members?org=${T1_VILLAGE}`)(app, cookie);
    const inside = await app.inject({ method: 'GET', url: `/api/members?org=${T1_VILLAGE}`, headers: { cookie: cookie('township') } });
    expect(json<{ items: { personId: string }[] }>(inside).items.map((m) => m.personId)).toEqual([t1Member.id]);
    // Asked for no subtree, an outsider gets their own village, where nobody is registered.
    const own = await app.inject({ method: 'GET', url: '/api/members', headers: { cookie: cookie('secretary2') } });
    expect(json<{ total: number }>(own).total).toBe(0);
    expect((await app.inject({ method: 'GET', url: '/api/members', headers: { cookie: cookie('member') } })).statusCode).toBe(403);
  },
  'GET /api/members/export.xlsx': async (app, cookie) => {
    await refusedAsNotFound('GET', `/api/members/export.xlsx?org=${T1_VILLAGE}`)(app, cookie);
    expect((await app.inject({ method: 'GET', url: '/api/members/export.xlsx', headers: { cookie: cookie('member') } })).statusCode).toBe(403);
  },
  'GET /api/members/:id': async (app, cookie) => {
    expect((await app.inject({ method: 'GET', url: `/api/members/${t1Member.id}`, headers: { cookie: cookie('township') } })).statusCode).toBe(200);
    await refusedAsNotFound('GET', `/api/members/${t1Member.id}`)(app, cookie);
  },
  'GET /api/members/:id/sensitive': async (app, cookie) => {
    await refusedAsNotFound('GET', `/api/members/${t1Member.id}/sensitive`)(app, cookie);
    expect((await app.inject({ method: 'GET', url: `/api/members/${t1Member.id}/sensitive`, headers: { cookie: cookie('member') } })).statusCode).toBe(404);
  },
  // members: import
  'GET /api/members/import-template': async (app, cookie) => {
    expect((await app.inject({ method: 'GET', url: '/api/members/import-template', headers: { cookie: cookie('member') } })).statusCode).toBe(403);
  },
  'POST /api/members/import': async (app, cookie) => {
    const csv = `姓名,性别,人员类别,所在党组织编码\n越权,男,入党申请人,${T1_VILLAGE}\n`;
    const payload = { fileName: 'members.csv', content: Buffer.from(csv).toString('base64'), commit: true };
    expect((await app.inject({ method: 'POST', url: '/api/members/import', headers: { cookie: cookie('member') }, payload })).statusCode).toBe(403);
    // Another village's secretary may import, but not into 马家村, which for them does not exist.
    const outsider = await app.inject({ method: 'POST', url: '/api/members/import', headers: { cookie: cookie('secretary2') }, payload });
    expect(json(outsider)).toMatchObject({
      committed: false, rowsWithErrors: 1, problems: [{ rowNumber: 2, column: '所在党组织编码', message: `党组织“${T1_VILLAGE}”不存在` }],
    });
  },
};

describe.each(engines)('access on %s', (engine) => {
  const t = useTestApp(engine, { signIn: ['township', 'secretary2', 'member'], prepare: addT1Member });
  const cookie = (user: string) => t.cookies[user]!;

  const apiRoutes = () => t.app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));

  it('has an out-of-scope case for every API route, and no case for a route that is gone', () => {
    const keys = apiRoutes().map((r) => `${r.method} ${r.url}`).sort();
    expect(keys).toEqual(Object.keys(cases).sort());
  });

  it('marks as public exactly the routes the cases call public', () => {
    const open = apiRoutes().filter((r) => r.public).map((r) => `${r.method} ${r.url}`).sort();
    expect(open).toEqual(Object.entries(cases).filter(([, c]) => c === 'public').map(([k]) => k).sort());
  });

  it('refuses every non-public route without a session', async () => {
    for (const route of apiRoutes().filter((r) => !r.public)) {
      const url = route.url.replace(':code', T1_VILLAGE);
      const response = await t.app.inject({ method: route.method as 'GET', url, payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {} });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(json(response)).toEqual({ error: { code: 'unauthenticated', message: '请先登录' } });
    }
  });

  for (const [key, check] of Object.entries(cases)) {
    if (check === 'public') continue;
    it(`refuses an outsider: ${key}`, () => check(t.app, cookie));
  }
});
