import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figuresOf, type Rating, type StateType } from '../../src/modules/concerns/rules.js';
import { concerns } from '../../src/modules/concerns/schema.js';
import { organizations } from '../../src/modules/organizations/schema.js';
import { chinaDate } from '../../src/platform/clock.js';
import { screenshotDir } from './browser.js';
import { demo, startWebApp, WAIT, type WebApp } from './fixture.js';

/**
 * Concern statistics and the monthly digest in a real browser, over the demo county's year of
 * concerns: the figures shown are the ones counted here from the rows with the same rules.
 */
describe('concern statistics and the digest in Chromium', () => {
  let web: WebApp;
  const admin = demo.accounts.find((a) => a.role === 'county_admin')!;
  const township = demo.accounts.find((a) => a.role === 'township_admin')!;
  const [from, to] = ['2026-01-01', '2026-06-30'];

  // Building the demo county's template takes minutes on a busy machine when the sources changed.
  beforeAll(async () => {
    web = await startWebApp();
  }, 600_000);
  afterAll(async () => {
    await web?.close();
  });

  /** The county's concerns received in the span, each with what it counts as (judged on the span's end, which has passed). */
  const counted = async () => {
    const rows = await web.database.db.select({ c: concerns, village: organizations.code }).from(concerns)
      .innerJoin(organizations, eq(organizations.id, concerns.orgId));
    return rows.map(({ c, village }) => {
      const repliedOn = c.repliedAt ? chinaDate(c.repliedAt) : null;
      return {
        village, received: chinaDate(c.receivedAt), repliedOn, stateType: c.stateType as StateType,
        f: figuresOf({ stateType: c.stateType as StateType, replied: repliedOn !== null, repliedLate: repliedOn !== null && c.dueOn !== null && repliedOn > c.dueOn, pastDue: c.dueOn !== null && c.dueOn < to, rating: c.rating as Rating | null }),
      };
    });
  };

  it('shows the county its figures, charts and villages, exports them, and the township its villages\' digest', async () => {
    const all = await counted();
    const inSpan = all.filter((r) => r.received >= from && r.received <= to);
    const sum = (key: 'answered' | 'overdue', rows = inSpan) => rows.reduce((n, r) => n + r.f[key], 0);
    expect(inSpan.length).toBeGreaterThan(20);

    const page = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await web.signIn(page, admin.username, { at: `/concerns?view=statistics&org=${admin.orgCode}&from=${from}&to=${to}` });
    const figure = (key: string) => page.getByTestId(`concern-stats-${key}`).locator('.ant-statistic-content-value').textContent();
    await expect.poll(() => figure('received'), WAIT).toBe(String(inSpan.length));
    expect(await figure('answered')).toBe(String(sum('answered')));
    expect(await figure('overdue')).toBe(String(sum('overdue')));
    await expect.poll(() => page.getByTestId('concern-stats-trend').locator('canvas').count(), WAIT).toBe(1);
    expect(await page.getByTestId('concern-stats-categories').locator('canvas').count()).toBe(1);
    const village = inSpan[0]!.village;
    const ofVillage = inSpan.filter((r) => r.village === village);
    const row = page.getByTestId(`concern-stats-row-${village}`).locator('td');
    expect(await row.nth(1).textContent()).toBe(String(ofVillage.length));
    expect(await row.nth(2).textContent()).toBe(String(sum('answered', ofVillage)));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('concern-stats-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^民情诉求统计-.*\.xlsx$/);
    await page.screenshot({ path: join(screenshotDir, 'concern-statistics.png'), fullPage: true });
    await page.close();

    // The township's month: every village of it, each with what it collected that month.
    const month = '2026-05';
    const digest = await web.newPage({ viewport: { width: 390, height: 844 } });
    await web.signIn(digest, township.username, { at: `/concerns?view=digest&org=${township.orgCode}&month=${month}` });
    const villages = demo.orgs.filter((o) => o.code.startsWith(township.orgCode!) && o.code !== township.orgCode && /^\d{12}$/.test(o.code));
    const busy = villages.find((v) => all.some((r) => r.village === v.code && r.received.startsWith(month))) ?? villages[0]!;
    const collected = all.filter((r) => r.village === busy.code && r.received.startsWith(month)).length;
    await expect.poll(() => digest.getByTestId(`concern-digest-counts-${busy.code}`).textContent(), WAIT).toContain(`收集 ${collected} 件`);
    expect(await digest.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const [notice] = await Promise.all([digest.waitForEvent('download'), digest.getByTestId('concern-digest-docx').click()]);
    expect(notice.suggestedFilename()).toMatch(/2026年5月民情诉求办理情况公示\.docx$/);
    await digest.screenshot({ path: join(screenshotDir, 'concern-digest-phone.png'), fullPage: true });

    // The village's public page: last month's counts, nothing else of its concerns.
    await digest.goto(`${web.base}/v/${busy.code}`);
    await expect.poll(() => digest.getByTestId('public-last-month').textContent(), WAIT).toMatch(/本村收集群众诉求 \d+ 件/);
    await digest.close();
  });
});
