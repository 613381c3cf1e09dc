import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotDir } from './browser.js';
import { demo, startWebApp, WAIT, type WebApp } from './fixture.js';

/**
 * 民情联系卡 in a real browser, on a phone: a branch secretary prints the village's batch four to an
 * A4 sheet, then one household's card, and gets PDFs with one page per sheet of four and per card;
 * the county administrator sets the public address the QR codes lead to, also found in the concern settings.
 */
describe('concern cards in Chromium', () => {
  let web: WebApp;
  const secretary = demo.accounts.find((a) => a.role === 'branch_secretary')!;
  const county = demo.accounts.find((a) => a.role === 'county_admin')!;

  beforeAll(async () => {
    web = await startWebApp();
  }, 400_000);
  afterAll(async () => {
    await web?.close();
  });

  const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
  async function downloaded(page: Page, testId: string): Promise<{ name: string; pdf: Buffer }> {
    const [download] = await Promise.all([page.waitForEvent('download', WAIT), page.getByTestId(testId).click()]);
    return { name: download.suggestedFilename(), pdf: readFileSync((await download.path())!) };
  }

  it('prints the village batch four to a sheet and one household\'s card, on a phone', async () => {
    const page = await web.newPage({ viewport: { width: 390, height: 844 } });
    await web.signIn(page, secretary.username);
    const village = secretary.orgCode;
    const listed = await page.request.get(`${web.base}/api/households?org=${village}&pageSize=1`);
    const { total } = (await listed.json()) as { total: number };
    expect(total).toBeGreaterThan(4);

    await page.goto(`${web.base}/households?org=${village}`);
    await page.getByTestId('cards-print').click();
    const dialog = page.getByTestId('cards-dialog');
    await dialog.waitFor(WAIT);
    await expect.poll(() => page.getByTestId('cards-qr-target').textContent(), WAIT).toContain(`${web.base}/v/${village}`);
    await page.getByTestId('cards-layout-sheet').click();
    await page.screenshot({ path: join(screenshotDir, 'concern-cards-dialog-phone.png') });
    const batch = await downloaded(page, 'cards-download');
    expect(batch.name).toMatch(/^.+民情联系卡\.pdf$/);
    expect(batch.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pages(batch.pdf)).toBe(Math.ceil(total / 4));
    await dialog.waitFor({ state: 'hidden', ...WAIT });

    await page.getByTestId('households-table').locator('tbody tr.ant-table-row').first().click();
    await page.getByTestId('household-detail').waitFor(WAIT);
    await page.getByTestId('household-card').click();
    await dialog.waitFor(WAIT);
    const one = await downloaded(page, 'cards-download');
    expect(one.name).toMatch(/民情联系卡-.+户\.pdf$/);
    expect(pages(one.pdf)).toBe(1);
    await page.close();
  });

  it('lets the county administrator set the address the QR codes lead to, refusing one that is not a web address', async () => {
    const page = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await web.signIn(page, county.username, { at: `/households?org=${secretary.orgCode}` });
    await page.getByTestId('cards-print').click();
    const input = page.getByTestId('cards-address-input');
    await input.fill('dangjian.example.gov.cn');
    await page.getByTestId('cards-address-save').click();
    await expect.poll(() => page.getByTestId('cards-address').textContent(), WAIT).toContain('应为以 http:// 或 https:// 开头的网址');
    await input.fill('https://dangjian.example.gov.cn');
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/concern-cards/settings') && r.request().method() === 'PUT', WAIT);
    await page.getByTestId('cards-address-save').click();
    expect((await saved).status()).toBe(200);
    await expect.poll(() => page.getByTestId('cards-qr-target').textContent(), WAIT).toContain(`https://dangjian.example.gov.cn/v/${secretary.orgCode}`);
    // The cleared error leaves through antd's fade-out, slower under load.
    await expect.poll(() => page.getByTestId('cards-address').textContent(), WAIT).not.toContain('应为以');
    await page.screenshot({ path: join(screenshotDir, 'concern-cards-address.png') });
    // The same setting sits with the concern settings.
    await page.goto(`${web.base}/concerns?view=settings`);
    await expect.poll(() => page.getByTestId('cards-address-input').inputValue().catch(() => ''), WAIT).toBe('https://dangjian.example.gov.cn');
    await page.close();
  });
});
