import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { excellentCap } from '../../src/modules/appraisal/rules.js';
import { t } from '../../src/platform/i18n/index.js';
import { screenshotDir } from './browser.js';
import { choose, chooseOption, demo, startWebApp, WAIT, type WebApp } from './fixture.js';

/**
 * 民主评议党员 in a real browser: a branch secretary opens this year's round, enters the evaluations
 * of two members, fills the grades the votes suggest, is refused for more 优秀 than the cap, grades,
 * and records a deadline to correct for the member graded 不合格. The township sees the round among
 * its branches'; the grid fits a phone.
 */
describe('democratic appraisal in Chromium', () => {
  let web: WebApp;
  const secretary = demo.accounts.find((a) => a.role === 'branch_secretary')!;
  const township = demo.accounts.find((a) => a.role === 'township_admin')!;

  beforeAll(async () => {
    web = await startWebApp();
  });
  afterAll(async () => {
    await web?.close();
  });

  const inputOf = (scope: Locator, testId: string) => scope.locator(`input[data-testid="${testId}"], textarea[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
  const row = (page: Page, name: string) => page.locator(`[data-testid="appraisal-row"][data-person="${name}"]`);
  it('opens the round, evaluates, grades within the cap and follows up a 不合格', async () => {
    const page = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await web.signIn(page, secretary.username);
    await page.getByRole('menuitem', { name: '民主评议' }).click();
    await page.waitForURL(/\/appraisal$/);
    const branch = demo.orgs.find((o) => o.code === secretary.orgCode)!.name;
    await expect.poll(() => page.getByTestId('appraisal-title').textContent(), WAIT).toContain(branch);

    // The demo leaves this branch's round of the year for the secretary to open.
    await page.getByTestId('appraisal-open').click();
    const rows = page.getByTestId('appraisal-row');
    await expect.poll(() => rows.count(), WAIT).toBeGreaterThanOrEqual(4);
    const full = await rows.evaluateAll((els) => els.filter((e) => e.textContent?.includes('正式党员')).map((e) => e.getAttribute('data-person')!));
    const [best, worst] = [full[0]!, full[1]!];

    await inputOf(row(page, best), 'appraisal-self').fill('带头发展产业，按时参加组织生活');
    await inputOf(row(page, best), 'appraisal-mutualExcellent').fill('3');
    await inputOf(row(page, worst), 'appraisal-mutualUnqualified').fill('3');
    await inputOf(row(page, worst), 'appraisal-massesUnsatisfied').fill('5');
    await page.getByTestId('appraisal-save-evaluations').click();
    await expect.poll(() => row(page, best).textContent(), WAIT).toContain('建议：优秀');
    await expect.poll(() => row(page, worst).textContent(), WAIT).toContain('建议：不合格');

    await page.getByTestId('appraisal-suggest').click();
    await expect.poll(() => row(page, best).getByTestId('appraisal-grade').textContent(), WAIT).toContain('优秀');
    const cap = excellentCap(full.length, 333);
    await expect.poll(() => page.getByTestId('appraisal-cap').textContent(), WAIT).toBe(`优秀 1/${cap}（正式党员 ${full.length} 人）`);
    // One 优秀 more than the cap: the server refuses and names the cap.
    for (const name of full.slice(2, 2 + cap)) await choose(page, row(page, name).getByTestId('appraisal-grade'), '优秀', true);
    await inputOf(row(page, worst), 'appraisal-note').fill('长期不参加组织生活，经教育仍无改进');
    await page.getByTestId('appraisal-save-grades').click();
    const overCap = t('zh', 'appraisal.grade.over_cap', { count: cap + 1, cap, full: full.length, permille: 333, excellent: '优秀' });
    await expect.poll(() => page.getByTestId('appraisal-error').textContent(), WAIT).toContain(overCap);

    await page.getByTestId('appraisal-suggest').click();
    await expect.poll(() => page.getByTestId('appraisal-cap').textContent(), WAIT).toContain('优秀 1/');
    await page.getByTestId('appraisal-save-grades').click();
    await expect.poll(() => page.getByTestId('appraisal-status').textContent(), WAIT).toBe('已评定');
    await page.screenshot({ path: join(screenshotDir, 'appraisal-round.png'), fullPage: true });

    // The deadline to correct defaults to six months on.
    const followups = page.getByTestId('appraisal-followups');
    await chooseOption(page, followups.getByTestId('appraisal-followup-person'), worst);
    await inputOf(followups, 'appraisal-followup-responsible').fill('支部书记');
    await page.getByTestId('appraisal-followup-save').click();
    await expect.poll(() => followups.getByTestId('appraisal-followup-row').count(), WAIT).toBe(1);
    expect(await followups.getByTestId('appraisal-followup-row').textContent()).toContain('限期改正');
    await page.screenshot({ path: join(screenshotDir, 'appraisal-followup.png'), fullPage: true });
    await page.close();
    // The whole round in one journey takes about a minute beside other tests.
  }, 180_000);

  it('shows the township its branches’ rounds, and fits a phone', async () => {
    const page = await web.newPage({ viewport: { width: 390, height: 844 } });
    await web.signIn(page, township.username, { at: `/appraisal?org=${township.orgCode}` });
    await page.getByTestId('appraisal-subtree').waitFor();
    await expect.poll(() => page.getByTestId('appraisal-subtree-summary').textContent(), WAIT).toMatch(/已评定 [1-9]/);
    await page.screenshot({ path: join(screenshotDir, 'appraisal-township-phone.png'), fullPage: true });
    await page.goto(`${web.base}/appraisal?org=${secretary.orgCode}`);
    await page.getByTestId('appraisal-entries').waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(screenshotDir, 'appraisal-round-phone.png'), fullPage: true });
    await page.close();
  });
});
