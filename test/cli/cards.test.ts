// `grassroots cards` as an operator runs it, on a PostgreSQL server (DATABASE_URL: no embedded
// engine to start in the child): refused with a clear message while no public address is known,
// written once one is given.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { households } from '../../src/modules/households/schema.js';
import { organizations } from '../../src/modules/organizations/schema.js';
import type { Database } from '../../src/platform/db/database.js';
import { killLeftovers, runCli, shown, tempDirs } from '../support/cli.js';
import { buildTestCounty, MAJIA } from '../support/county.js';
import { openTestDatabase } from '../support/databases.js';

const dirs = tempDirs('grassroots-cards-');

describe('grassroots cards', () => {
  let database: Database;
  let out = '';
  beforeAll(async () => {
    out = join(dirs.make(), '马家村.pdf');
    database = await openTestDatabase('postgres');
    const { county } = await buildTestCounty(database);
    const [village] = await database.db.select().from(organizations).where(and(eq(organizations.countyId, county.id), eq(organizations.code, MAJIA)));
    await database.db.insert(households).values(['马甲', '马乙', '马丙', '马丁', '马戊'].map((headName, i) => ({
      countyId: county.id, orgId: village!.id, orgPath: village!.path, headName, villagerGroup: '一组', number: String(i + 1),
    })));
  }, 120_000);
  afterAll(async () => {
    killLeftovers();
    dirs.cleanup();
    await database?.close();
  });

  it('asks for --base-url while the county has no public address, then writes four cards to each A4 sheet', async () => {
    const args = ['cards', '--village', MAJIA, '--out', out, '--layout', 'sheet'];
    const env = { DATABASE_URL: database.location };
    const refused = await runCli(args, { env });
    expect(refused.code, shown(refused)).toBe(1);
    expect(refused.stderr).toContain('尚未设置平台的公网访问地址');
    expect(refused.stderr).toContain('--base-url');

    const printed = await runCli([...args, '--base-url', 'https://dangjian.xx.gov.cn'], { env });
    expect(printed.code, shown(printed)).toBe(0);
    expect(printed.stdout).toContain('已生成马家村民情联系卡（5 张）');
    const pdf = readFileSync(out);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(2);
  }, 120_000);
});
