import { ManualClock } from '../../src/platform/clock.js';
import type { Database } from '../../src/platform/db/database.js';
import type { ServiceContext } from '../../src/platform/service.js';
import { write } from '../../src/platform/service.js';
import type { Role } from '../../src/platform/access/abilities.js';
import { addUser } from '../../src/modules/accounts/users.js';
import { initCounty, operatorFor, type CountyRow } from '../../src/modules/organizations/county.js';
import { visibleOrg } from '../../src/modules/organizations/queries.js';
import { insertOrganization, type NewOrg } from '../../src/modules/organizations/service.js';

export const PASSWORD = 'Test1234';

/** The test county's organizations, by the codes the tests name them with (see the tree below). */
export const HESHUN = '530522101';
export const MAJIA = '530522101001';
export const GROUP = '530522101001-1';
export const SHIQIAO = '530522101002';
export const DONGFENG = '530522102001';

/**
 * A small county for tests: two townships with villages, and one account per role.
 *   530522 测试县委
 *   ├─ 530522101 和顺镇党委 (township)      ← township admin "township", cadre "cadre"
 *   │  ├─ 530522101001 马家村党支部 (village) ← secretary "secretary", member "member"
 *   │  │  └─ 530522101001-1 第一党小组
 *   │  └─ 530522101002 石桥村党支部 (village)
 *   └─ 530522102 清水乡党委 (township)
 *      └─ 530522102001 东风村党支部 (village) ← secretary "secretary2"
 */
export interface TestCounty {
  county: CountyRow;
  clock: ManualClock;
  operator: ServiceContext;
}

export async function buildTestCounty(database: Database, clock = new ManualClock(new Date('2026-03-02T02:00:00Z'))): Promise<TestCounty> {
  const county = await initCounty(database.db, clock, { code: '530522', name: '测试县' });
  const operator: ServiceContext = { db: database.db, clock, actor: await operatorFor(database.db, county, 'test') };
  const orgs: (NewOrg & { parent: string })[] = [
    { parent: '530522', code: '530522101', name: '和顺镇党委', type: 'committee', unitType: 'township', divisionCode: '530522101000', establishedOn: '1956-01-01' },
    { parent: '530522101', code: '530522101001', name: '马家村党支部', type: 'branch', unitType: 'village', divisionCode: '530522101001', establishedOn: '1958-05-01' },
    { parent: '530522101001', code: '530522101001-1', name: '第一党小组', type: 'party_group', establishedOn: '2001-01-01' },
    { parent: '530522101', code: '530522101002', name: '石桥村党支部', type: 'branch', unitType: 'village', divisionCode: '530522101002', establishedOn: '1960-01-01' },
    { parent: '530522', code: '530522102', name: '清水乡党委', type: 'committee', unitType: 'township', establishedOn: '1956-01-01' },
    { parent: '530522102', code: '530522102001', name: '东风村党支部', type: 'branch', unitType: 'village', establishedOn: '1970-01-01' },
  ];
  await write(operator, async (w) => {
    for (const { parent, ...org } of orgs) {
      await insertOrganization(w, await visibleOrg(operator, parent, w.tx), org, county.id);
    }
  });
  const accounts: [string, Role, string][] = [
    ['county', 'county_admin', '530522'],
    ['township', 'township_admin', '530522101'],
    ['cadre', 'cadre', '530522101'],
    ['secretary', 'branch_secretary', '530522101001'],
    ['member', 'member', '530522101001'],
    ['secretary2', 'branch_secretary', '530522102001'],
  ];
  for (const [username, role, orgCode] of accounts) {
    await addUser(operator, { username, password: PASSWORD, role, orgCode, name: username });
  }
  return { county, clock, operator };
}
