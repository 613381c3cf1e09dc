import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberColumns } from '../../src/modules/members/import-rows.js';
import { screenshotDir } from './browser.js';
import { demo, startWebApp, WAIT, type WebApp } from './fixture.js';

/** A branch secretary fills in the downloaded template, sees the row and column of a mistake, fixes it and imports. */
describe('member import in Chromium', () => {
  let web: WebApp;
  const secretary = demo.accounts.find((a) => a.role === 'branch_secretary')!;
  const newcomer = { 姓名: '柏启航', 性别: '男', 民族: '彝族', 出生日期: '1990-02-30', 学历: '大专', 人员类别: '正式党员', 申请入党日期: '2012-03-01', 入党日期: '2014-07-01', 转正日期: '2015-07-01', 流动党员: '否' };

  beforeAll(async () => {
    web = await startWebApp();
  });
  afterAll(async () => {
    await web?.close();
  });

  /** The template with its example rows replaced by one row for the newcomer. */
  async function filledTemplate(template: Buffer, birthDate: string): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    expect(headers).toEqual(Object.values(memberColumns));
    // The examples name the secretary's own branch: the newcomer joins it too.
    const orgCode = String(sheet.getRow(2).getCell(headers.indexOf(memberColumns.orgCode) + 1).value);
    expect(orgCode).toBe(secretary.orgCode);
    const values: Record<string, string> = { ...newcomer, 出生日期: birthDate, 所在党组织编码: orgCode };
    // Rows further down are formatted (drop-down lists) but empty.
    sheet.spliceRows(2, 2, headers.map((h) => values[h] ?? ''));
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  const upload = (page: Page, content: Buffer) =>
    page.getByTestId('import-file-input').setInputFiles({ name: '新党员.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: content });

  it('checks the file, shows the mistake by row and column, then imports the corrected file into the list', async () => {
    const page = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await web.signIn(page, secretary.username, { at: '/members' });
    await page.getByTestId('member-import').click();
    await page.waitForURL(/\/members\/import$/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-template').click()]);
    expect(download.suggestedFilename()).toBe('党员信息导入模板.xlsx');
    const template = readFileSync(await download.path());

    await upload(page, await filledTemplate(template, newcomer.出生日期));
    await expect.poll(() => page.getByTestId('import-verdict').textContent(), WAIT).toContain('有 1 处错误（1 行）');
    await expect.poll(() => page.getByTestId('import-format').textContent(), WAIT).toContain('Excel');
    const problem = page.getByTestId('import-problems').locator('tbody tr').first();
    await expect.poll(() => problem.locator('td').allTextContents(), WAIT).toEqual(['2', '出生日期', '1990-02-30', '错误', '日历上没有这一天']);
    await expect.poll(() => page.getByTestId('import-commit').isDisabled(), WAIT).toBe(true);
    await page.screenshot({ path: join(screenshotDir, 'member-import-errors.png'), fullPage: true });

    await upload(page, await filledTemplate(template, '1990-02-28'));
    await expect.poll(() => page.getByTestId('import-verdict').textContent(), WAIT).toContain('全部通过校验');
    expect(await page.getByTestId('import-count-created').locator('.ant-statistic-content').textContent()).toBe('1');
    await page.getByTestId('import-commit').click();
    await expect.poll(() => page.getByTestId('import-done').textContent(), WAIT).toContain('已导入 1 行');
    await page.screenshot({ path: join(screenshotDir, 'member-import-done.png'), fullPage: true });

    await page.getByTestId('import-to-list').click();
    await page.waitForURL(/\/members$/);
    await page.getByPlaceholder('姓名或拼音首字母，如 zs').fill('bqh');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=bqh/);
    await expect.poll(() => page.getByTestId('members-table').textContent(), WAIT).toContain(newcomer.姓名);
    await page.close();
  });

  it('fits a phone', async () => {
    const page = await web.newPage({ viewport: { width: 375, height: 800 } });
    await web.signIn(page, secretary.username, { at: '/members/import' });
    await page.getByTestId('member-import-title').waitFor();
    await page.screenshot({ path: join(screenshotDir, 'member-import-phone.png'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.close();
  });
});
