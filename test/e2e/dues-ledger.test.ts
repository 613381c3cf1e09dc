import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/platform/i18n/index.js';
import { screenshotDir } from './browser.js';
import { chooseOption, demo, startWebApp, WAIT, type WebApp } from './fixture.js';

/**
 * The rest of Party dues in a real browser: a branch secretary remits a month's collection to the
 * committee above (refused first for more than was collected), records a use of dues, finds both on
 * the yearly published list and downloads the branch's register; only the county administrator may
 * change the county's dues settings; the collections table fits a phone.
 */
describe('dues collections, uses and the published list in Chromium', () => {
  let web: WebApp;
  const phone = { width: 390, height: 844 };
  const secretary = demo.accounts.find((a) => a.role === 'branch_secretary')!;
  const county = demo.accounts.find((a) => a.role === 'county_admin')!;
  const member = demo.accounts.find((a) => a.role === 'member')!;
  const branch = demo.orgs.find((o) => o.code === secretary.orgCode)!.name;
  // The demo county's dues run to its as-of day: the page shows that year.
  const year = demo.asOf.slice(0, 4);
  const yearUrl = (tab: string) => `${web.base}/dues?tab=${tab}&month=${demo.asOf.slice(0, 7)}`;
  const fen = (yuan: string) => Math.round(Number(yuan) * 100);
  const yuan = (f: number) => (f / 100).toFixed(2);
  const description = '七一走访慰问老党员（浏览器测试）';
  let remitted: { month: string; amount: string } | undefined;

  beforeAll(async () => {
    web = await startWebApp();
  });
  afterAll(async () => {
    await web?.close();
  });

  const branchRow = (page: Page) => page.locator(`[data-testid="dues-collections-row"][data-org="${secretary.orgCode}"]`);

  it('remits a month, records a use, and finds both on the published list and in the register', async () => {
    const page = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await web.signIn(page, secretary.username, { at: yearUrl('collections') });
    await page.getByTestId('dues-collections').waitFor();
    // A month the branch collected and has not remitted yet.
    const cell = branchRow(page).locator('[data-testid="dues-cell"]').filter({ has: page.getByTestId('dues-remit') }).first();
    const remit = cell.getByTestId('dues-remit');
    await remit.waitFor({ timeout: WAIT.timeout });
    const month = (await cell.getAttribute('data-month'))!;
    const collected = (await cell.locator('span').first().textContent())!.split(' / ')[0]!;
    expect(fen(collected)).toBeGreaterThan(0);
    await remit.click();
    // Prefilled with what is not remitted yet: the month's whole collection.
    await expect.poll(() => page.getByTestId('dues-remit-amount').inputValue(), WAIT).toBe(collected);
    await page.getByTestId('dues-remit-amount').fill(yuan(fen(collected) + 1));
    await page.getByTestId('dues-remit-save').click();
    const exceeds = t('zh', 'dues.remit_exceeds', { amount: yuan(fen(collected) + 1), month, collected });
    await expect.poll(() => page.getByTestId('dues-remit-form').locator('.ant-form-item-explain-error').allTextContents(), WAIT).toContain(exceeds);
    await page.getByTestId('dues-remit-amount').fill(collected);
    await page.getByTestId('dues-remit-note').fill('交镇党委组织办');
    await page.getByTestId('dues-remit-save').click();
    await expect.poll(() => branchRow(page).locator(`[data-testid="dues-cell"][data-month="${month}"]`).getByTestId('dues-remitted').textContent(), WAIT)
      .toBe(`已上缴 ${collected}`);
    remitted = { month, amount: collected };
    await page.screenshot({ path: join(screenshotDir, 'dues-collections.png'), fullPage: true });

    await page.getByTestId('dues-tab-uses').click();
    await page.getByTestId('dues-use-add').click();
    await chooseOption(page, page.getByTestId('dues-use-form').locator('.ant-select'), '走访慰问老党员、困难党员');
    await page.getByTestId('dues-use-description').fill(description);
    await page.getByTestId('dues-use-amount').fill('12.5');
    await page.getByTestId('dues-use-save').click();
    const used = page.locator(`[data-testid="dues-use-row"][data-description="${description}"]`);
    await expect.poll(() => used.getByTestId('dues-use-amount').textContent(), WAIT).toBe('12.50');

    await page.getByTestId('dues-tab-published').click();
    await page.getByTestId('dues-published').waitFor();
    await expect.poll(() => page.locator(`[data-testid="dues-published-use"][data-description="${description}"]`).count(), WAIT).toBe(1);
    const monthRow = page.locator(`[data-testid="dues-published-month"][data-month="${month}"]`);
    await expect.poll(() => monthRow.locator('td').allTextContents(), WAIT).toEqual([`${Number(month.slice(5))}月`, collected, collected]);
    // The balance is what the figures above it leave.
    const figure = async (key: string) => fen((await page.getByTestId(`dues-published-${key}`).textContent())!);
    expect(await figure('balance')).toBe(await figure('opening') + await figure('collected') - await figure('remitted') - await figure('used'));
    expect(await figure('used')).toBeGreaterThanOrEqual(1250);
    await page.screenshot({ path: join(screenshotDir, 'dues-published.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dues-ledger').click()]);
    expect(download.suggestedFilename()).toBe(`党费收缴台账-${branch}-${year}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const register = book.getWorksheet('党费收缴台账')!;
    expect(register.getCell('A1').value).toBe(`${branch}${year}年党费收缴台账`);
    const totals = register.getRow(register.rowCount);
    expect(totals.getCell(2).value).toBe('合计');
    expect(Math.round(Number(totals.getCell(4 + Number(month.slice(5))).value) * 100)).toBe(fen(collected));
    const flows: unknown[][] = [];
    book.getWorksheet('上缴与使用')!.eachRow((row) => flows.push((row.values as unknown[]).slice(1)));
    expect(flows.find((r) => r[0] === month)?.slice(1, 2)).toEqual([Number(collected)]);
    expect(flows.some((r) => r[3] === description && r[1] === 12.5)).toBe(true);
    await page.close();
  });

  it('leaves the county settings to the county administrator', async () => {
    const page = await web.newPage();
    await web.signIn(page, secretary.username, { at: yearUrl('settings') });
    await expect.poll(() => page.getByTestId('dues-settings-readonly').textContent(), WAIT).toContain('县委组织部');
    expect(await page.getByTestId('dues-settings-farmer').isDisabled()).toBe(true);
    expect(await page.getByTestId('dues-settings-save').count()).toBe(0);
    await page.close();

    const admin = await web.newPage();
    await web.signIn(admin, county.username, { at: yearUrl('settings') });
    await admin.getByTestId('dues-settings-save').waitFor();
    expect(await admin.getByTestId('dues-settings-readonly').count()).toBe(0);
    await admin.getByTestId('dues-settings-farmer').fill('1.5');
    await admin.getByTestId('dues-settings-save').click();
    await expect.poll(() => admin.getByTestId('dues-settings').locator('.ant-form-item-explain-error').allTextContents(), WAIT).toContain('请输入 0.20–1.00 元之间的金额');
    await admin.getByTestId('dues-settings-farmer').fill('0.50');
    await Promise.all([
      admin.waitForResponse((r) => r.url().endsWith('/api/dues/settings') && r.request().method() === 'PUT' && r.status() === 200, { timeout: WAIT.timeout }),
      admin.getByTestId('dues-settings-save').click(),
    ]);
    await admin.close();
  });

  it('fits a phone', async () => {
    const page = await web.newPage({ viewport: phone });
    await web.signIn(page, secretary.username, { at: yearUrl('collections') });
    await page.getByTestId('dues-collections').waitFor();
    await expect.poll(() => branchRow(page).locator(`[data-testid="dues-cell"][data-month="${remitted!.month}"]`).getByTestId('dues-remitted').textContent(), WAIT)
      .toBe(`已上缴 ${remitted!.amount}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await page.screenshot({ path: join(screenshotDir, 'dues-collections-phone.png'), fullPage: true });
    // The tabs that do not fit are behind the tab bar's "more".
    await page.locator('.ant-tabs-nav-more').click();
    await page.locator('.ant-tabs-dropdown-menu-item').filter({ hasText: '年度公示' }).click();
    await page.getByTestId('dues-published').waitFor();
    await expect.poll(() => page.locator(`[data-testid="dues-published-use"][data-description="${description}"]`).count(), WAIT).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await page.screenshot({ path: join(screenshotDir, 'dues-published-phone.png'), fullPage: true });
    await page.close();

    // A member of the branch opens 党费 and lands on what is published to them, with no other tab.
    const reader = await web.newPage({ viewport: phone });
    await web.signIn(reader, member.username, { at: `/dues?month=${demo.asOf.slice(0, 7)}` });
    await reader.getByTestId('dues-published').waitFor();
    await expect.poll(() => reader.locator(`[data-testid="dues-published-use"][data-description="${description}"]`).count(), WAIT).toBe(1);
    expect(await reader.getByTestId('dues-tab-sheet').count()).toBe(0);
    expect(await reader.getByTestId('dues-ledger').count()).toBe(0);
    await reader.close();
  });
});
