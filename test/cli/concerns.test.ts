// End-to-end: `grassroots concerns stats` prints the statistics the service computes, as JSON and as Chinese text.
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { concernStatistics } from '../../src/modules/concerns/statistics.js';
import { operatorFor } from '../../src/modules/organizations/county.js';
import { insertStatisticsCases } from '../support/concern-cases.js';
import { killLeftovers, runCli, shown } from '../support/cli.js';
import { buildTestCounty } from '../support/county.js';
import { openTestDatabase } from '../support/databases.js';

describe('grassroots concerns stats', () => {
  afterAll(() => killLeftovers());

  it('prints the figures by category, village and township as JSON, and a readable Chinese text', async () => {
    // On the PostgreSQL server (DATABASE_URL): no embedded engine to start and migrate in each child.
    const database = await openTestDatabase('postgres');
    onTestFinished(() => database.close());
    const env = { DATABASE_URL: database.location };
    const span = { org: '530522', from: '2026-01-01', to: '2026-02-28' };
    const t = await buildTestCounty(database);
    await insertStatisticsCases(database.db, t.county.id);
    // The span has ended, so the system clock of the command judges it as the test county's does.
    const expected = await concernStatistics({ db: database.db, clock: t.clock, actor: await operatorFor(database.db, t.county, 'test') }, span);
    const args = ['concerns', 'stats', '--org', span.org, '--from', span.from, '--to', span.to];
    const json = await runCli([...args, '--format', 'json'], { env });
    expect(json.code, shown(json)).toBe(0);
    const printed = JSON.parse(json.stdout) as typeof expected;
    const { asOf: _asOf, ...figures } = expected;
    expect(printed).toEqual(figures);
    expect(printed).toMatchObject({ received: 8, answered: 4, onTime: 3, overdue: 2, satisfied: 2, satisfactionRate: 0.6667 });
    expect(printed.byTownship.map((x) => x.name)).toEqual(['和顺镇党委', '清水乡党委']);

    const text = await runCli(args, { env });
    expect(text.code, shown(text)).toBe(0);
    expect(text.stdout).toContain('测试县委（530522）民情诉求统计，2026-01-01 至 2026-02-28 受理');
    expect(text.stdout).toContain('受理 8 件，已答复 4 件（按期 3 件，按期率 75.0%），超期 2 件；已评价 3 件，满意（含基本满意）2 件，满意率 66.7%。');
    expect(text.stdout).toMatch(/按村（社区）\n.*\n {2}530522101001 马家村党支部\t4\t2\t1\t2\t50\.0%\t50\.0%/);
  }, 240_000);
});
