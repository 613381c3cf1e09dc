import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate, systemClock } from '../../src/platform/clock.js';
import { t } from '../../src/platform/i18n/index.js';
import { screenshotDir } from './browser.js';
import { choose, demo, startWebApp, WAIT, type WebApp } from './fixture.js';

/**
 * 党费收缴 in a real browser: a branch secretary sets next year's bases of two members (a farmer at the
 * county's fixed amount, a wage earner by their pay, refused first for paying less without a reason),
 * records the month's dues of both (one by the quick action, one in a batch) and sees the totals follow;
 * a second, stale sheet paying the same month again gets the server's refusal on the row. A township
 * administrator manages the same sheet, a township cadre only reads it, and it fits a phone, where a
 * payment recorded by mistake is deleted.
 */
describe('dues in Chromium', () => {
  let web: WebApp;
  const phone = { width: 390, height: 844 };
  const secretary = demo.accounts.find((a) => a.role === 'branch_secretary')!;
  const township = demo.accounts.find((a) => a.role === 'township_admin')!;
  const cadre = demo.accounts.find((a) => a.role === 'cadre')!;
  const today = chinaDate(systemClock.now());
  // The demo county has this year's dues already: the test keeps to next January, paid in advance.
  const month = `${Number(today.slice(0, 4)) + 1}-01`;
  const names: string[] = [];

  beforeAll(async () => {
    web = await startWebApp();
  });
  afterAll(async () => {
    await web?.close();
  });

  const inputOf = (scope: Locator, testId: string) => scope.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
  const row = (page: Page, testId: string, name: string) => page.locator(`[data-testid="${testId}"][data-person="${name}"]`);
  const total = (page: Page, which: string) => page.getByTestId(`dues-total-${which}`).locator('.ant-statistic-content').textContent();
  it('sets the bases of the year, records the month and refuses paying it twice', async () => {
    const page = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await web.signIn(page, secretary.username);
    await page.getByRole('menuitem', { name: '党费收缴' }).click();
    await page.waitForURL(/\/dues$/);
    // The secretary lands on their own branch, this month.
    await page.getByTestId('dues-sheet').waitFor();
    const branch = demo.orgs.find((o) => o.code === secretary.orgCode)!.name;
    await expect.poll(() => page.getByTestId('dues-title').textContent(), WAIT).toContain(branch);
    expect(await inputOf(page.locator('body'), 'dues-month').inputValue()).toBe(today.slice(0, 7));
    // Next January: nobody has a base for next year yet.
    await page.goto(`${web.base}/dues?month=${month}`);
    await expect.poll(() => total(page, 'expected'), WAIT).toBe('0.00');

    await page.getByTestId('dues-tab-bases').click();
    const rows = page.getByTestId('dues-base-row');
    await expect.poll(() => rows.count(), WAIT).toBeGreaterThanOrEqual(2);
    names.push(...(await rows.evaluateAll((els) => els.slice(0, 2).map((e) => e.getAttribute('data-person')!))));
    const [farmer, earner] = [row(page, 'dues-base-row', names[0]!), row(page, 'dues-base-row', names[1]!)];

    await choose(page, farmer.getByTestId('dues-base-kind'), '农民党员');
    await expect.poll(() => farmer.getByTestId('dues-base-rule').textContent(), WAIT).toBe('0.20');
    await choose(page, earner.getByTestId('dues-base-kind'), '在职（工资收入）');
    await inputOf(earner, 'dues-base-base').fill('4000');
    // 4000 元 a month pays 1 %: 40.00; 30 without a reason is the server's to refuse.
    await expect.poll(() => earner.getByTestId('dues-base-rule').textContent(), WAIT).toBe('40.00');
    await inputOf(earner, 'dues-base-monthly').fill('30');
    await page.getByTestId('dues-bases-save').click();
    const belowRule = t('zh', 'dues.row.below_rule', { row: 2, name: names[1]!, monthly: '30.00', rule: '40.00' });
    await expect.poll(() => earner.getByTestId('dues-row-error').textContent(), WAIT).toBe(belowRule);
    await inputOf(earner, 'dues-base-monthly').fill('');
    await page.getByTestId('dues-bases-save').click();
    await expect.poll(() => page.getByTestId('dues-row-error').count(), WAIT).toBe(0);
    await expect.poll(() => inputOf(earner, 'dues-base-monthly').inputValue(), WAIT).toBe('40.00');
    expect(await inputOf(farmer, 'dues-base-monthly').inputValue()).toBe('0.20');

    await page.getByTestId('dues-tab-sheet').click();
    await expect.poll(() => total(page, 'expected'), WAIT).toBe('40.20');
    expect(await total(page, 'collected')).toBe('0.00');
    const members = await page.getByTestId('dues-row').count();
    expect(await total(page, 'members')).toBe(`0 / ${members}`);

    // A second window keeps the sheet as it stands now, before anything is paid.
    const stale = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await web.signIn(stale, secretary.username, { at: `/dues?month=${month}` });
    await expect.poll(() => total(stale, 'expected'), WAIT).toBe('40.20');

    await row(page, 'dues-row', names[0]!).getByTestId('dues-quick-pay').click();
    await expect.poll(() => total(page, 'collected'), WAIT).toBe('0.20');
    expect(await row(page, 'dues-row', names[0]!).getByTestId('dues-payment').textContent()).toContain(`0.20 · ${today}`);
    await row(page, 'dues-row', names[1]!).getByTestId('dues-select').click();
    await page.getByTestId('dues-batch-pay').click();
    await expect.poll(() => total(page, 'collected'), WAIT).toBe('40.20');
    expect(await total(page, 'members')).toBe(`2 / ${members}`);
    await page.screenshot({ path: join(screenshotDir, 'dues-sheet.png'), fullPage: true });

    await row(stale, 'dues-row', names[1]!).getByTestId('dues-select').click();
    await stale.getByTestId('dues-batch-pay').click();
    const twice = t('zh', 'dues.row.already_paid', { row: 1, name: names[1]!, month });
    await expect.poll(() => row(stale, 'dues-row', names[1]!).getByTestId('dues-row-error').textContent(), WAIT).toBe(twice);
    await expect.poll(() => stale.getByTestId('dues-sheet-error').textContent(), WAIT).toContain(twice);
    await stale.close();

    // A correction below the monthly amount needs a reason: the server says so on the field.
    await row(page, 'dues-row', names[1]!).getByTestId('dues-edit').click();
    await page.getByTestId('dues-payment-amount').fill('20.5');
    await page.getByTestId('dues-payment-save').click();
    const below = t('zh', 'dues.row.below_monthly', { row: 1, name: names[1]!, amount: '20.50', monthly: '40.00' });
    await expect.poll(() => page.getByTestId('dues-payment-form').locator('.ant-form-item-explain-error').allTextContents(), WAIT).toContain(below);
    await page.getByTestId('dues-payment-note').fill('本月先交一半');
    await page.getByTestId('dues-payment-save').click();
    await expect.poll(() => total(page, 'collected'), WAIT).toBe('20.70');
    await page.close();
  });

  it('lets the township administrator manage the sheet and the cadre only read it', async () => {
    const admin = await web.newPage();
    await web.signIn(admin, township.username, { at: `/dues?org=${secretary.orgCode}&month=${month}` });
    await expect.poll(() => total(admin, 'collected'), WAIT).toBe('20.70');
    expect(await row(admin, 'dues-row', names[1]!).getByTestId('dues-edit').isEnabled()).toBe(true);
    await admin.close();

    const reader = await web.newPage();
    await web.signIn(reader, cadre.username, { at: `/dues?org=${secretary.orgCode}&month=${month}` });
    await expect.poll(() => total(reader, 'collected'), WAIT).toBe('20.70');
    expect(await row(reader, 'dues-row', names[1]!).getByTestId('dues-edit').isDisabled()).toBe(true);
    expect(await reader.getByTestId('dues-batch-pay').isDisabled()).toBe(true);
    await reader.getByTestId('dues-batch-pay').locator('xpath=..').hover();
    await expect.poll(() => reader.getByRole('tooltip').textContent(), WAIT).toBe('您的岗位没有管理党费的权限');
    await reader.getByTestId('dues-tab-bases').click();
    await expect.poll(() => reader.getByTestId('dues-bases-save').isDisabled(), WAIT).toBe(true);
    await reader.close();
  });

  it('fits a phone', async () => {
    const page = await web.newPage({ viewport: phone });
    await web.signIn(page, secretary.username);
    await page.getByRole('button', { name: '菜单' }).click();
    await page.getByRole('menuitem', { name: '党费收缴' }).click();
    await page.getByTestId('dues-sheet').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await page.goto(`${web.base}/dues?month=${month}`);
    await expect.poll(() => total(page, 'collected'), WAIT).toBe('20.70');
    await expect.poll(() => row(page, 'dues-row', names[0]!).getByTestId('dues-payment').count(), WAIT).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await page.screenshot({ path: join(screenshotDir, 'dues-sheet-phone.png'), fullPage: true });

    // A payment recorded by mistake goes after a confirmation.
    await row(page, 'dues-row', names[0]!).getByTestId('dues-delete').click();
    const [removed] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/dues/payments/') && r.request().method() === 'DELETE', { timeout: WAIT.timeout }),
      page.getByTestId('dues-delete-confirm').click(),
    ]);
    expect(removed.status()).toBe(204);
    await expect.poll(() => total(page, 'collected'), WAIT).toBe('20.50');
    expect(await row(page, 'dues-row', names[0]!).getByTestId('dues-payment').count()).toBe(0);
    await page.getByTestId('dues-tab-bases').click();
    await page.getByTestId('dues-bases').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await page.close();
  });
});
