// End-to-end: `grassroots rectification summary` prints the year's figures the service computes, as JSON and as text.
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { rootOrg } from '../../src/modules/organizations/county.js';
import { yearSummary } from '../../src/modules/rectification/summary.js';
import { killLeftovers, runCli, shown } from '../support/cli.js';
import { buildTestCounty, DONGFENG, MAJIA } from '../support/county.js';
import { openTestDatabase } from '../support/databases.js';
import { openTestCase } from '../support/rectification.js';

describe('grassroots rectification summary', () => {
  afterAll(() => killLeftovers());

  it('prints the screening and ledger figures of a subtree and year', async () => {
    const database = await openTestDatabase('postgres');
    onTestFinished(() => database.close());
    const env = { DATABASE_URL: database.location };
    const t = await buildTestCounty(database);
    await openTestCase(t, MAJIA, 2026, '2026-02-20', 'lax');
    await openTestCase(t, DONGFENG, 2026, '2026-02-21', 'chaotic');
    const root = (await rootOrg(database.db, t.county.id))!;
    const expected = await yearSummary(database.db, { countyId: t.county.id, path: root.path }, 2026);

    const json = await runCli(['rectification', 'summary', '--org', '530522', '--year', '2026', '--format', 'json'], { env });
    expect(json.code, shown(json)).toBe(0);
    const printed = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(printed).toMatchObject({
      screened: 3, defined: 2, rectifying: 2, accepted: 0, failedAcceptance: 0, inWatch: 0, closed: 0, rebounds: 0,
      byCategory: [{ category: 'lax', organizations: 1 }, { category: 'chaotic', organizations: 1 }],
      byTownship: [{ code: '530522101', name: '和顺镇党委', screened: 2, withFindings: 1, defined: 1 }, { code: '530522102', name: '清水乡党委', screened: 1, withFindings: 1, defined: 1 }],
    });
    expect(printed).toEqual(expected);

    const township = await runCli(['rectification', 'summary', '--org', '530522101', '--year', '2026', '--format', 'json'], { env });
    expect(JSON.parse(township.stdout)).toMatchObject({ screened: 2, defined: 1 });

    const text = await runCli(['rectification', 'summary', '--org', '530522', '--year', '2026'], { env });
    expect(text.code, shown(text)).toBe(0);
    expect(text.stdout).toContain('测试县委 2026 年软弱涣散党组织整顿');
    expect(text.stdout).toContain('认定\t2');
    expect(text.stdout).toContain('530522102\t清水乡党委\t1\t1\t1');

    const bad = await runCli(['rectification', 'summary', '--org', '530522', '--year', '26'], { env });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--year 应为四位年份：26');
  }, 240_000);
});
