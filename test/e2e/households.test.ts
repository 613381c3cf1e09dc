import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCsv } from '../../src/platform/files/table-file.js';
import { screenshotDir } from './browser.js';
import { choose, demo, startWebApp, WAIT, type WebApp } from './fixture.js';

/**
 * 农户 and 工作日历 in a real browser: a branch secretary records a household with two members on a
 * phone and finds it by its tag, imports a file whose mistake is reported by row and column and then
 * the corrected file; the county administrator marks a day off on the work calendar.
 */
describe('households and the work calendar in Chromium', () => {
  let web: WebApp;
  const phone = { width: 390, height: 844 };
  const secretary = demo.accounts.find((a) => a.role === 'branch_secretary')!;
  const county = demo.accounts.find((a) => a.role === 'county_admin')!;
  const columns = ['户号', '村民小组', '姓名', '与户主关系', '性别', '出生日期', '身份证号', '联系电话', '家庭住址', '标签'];

  // The demo county is loaded afresh whenever a source changes, which on a shared machine takes minutes.
  beforeAll(async () => {
    web = await startWebApp();
  }, 400_000);
  afterAll(async () => {
    await web?.close();
  });

  it('records a household with two members on a phone, then finds it by its tag', async () => {
    const page = await web.newPage({ viewport: phone });
    await web.signIn(page, secretary.username, { at: `/households?org=${secretary.orgCode}` });
    await page.getByTestId('household-create').click();
    const form = page.getByTestId('household-form');
    await form.getByTestId('household-head').fill('测试户主');
    await form.getByTestId('household-number').fill('E2E-01');
    // A multiple select stays open after a choice: the option is clicked, then the list closed by leaving it.
    const tags = form.getByTestId('household-tags');
    await expect.poll(async () => {
      if ((await tags.textContent())?.includes('种养大户')) return true;
      await tags.click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '种养大户' }).click({ timeout: 5_000 }).catch(() => undefined);
      return false;
    }, WAIT).toBe(true);
    await form.getByTestId('household-number').click();
    const members = form.getByTestId('household-member');
    await members.nth(0).getByTestId('member-name').fill('测试户主');
    await form.getByTestId('household-add-member').click();
    await members.nth(1).getByTestId('member-name').fill('测试配偶');
    await page.screenshot({ path: join(screenshotDir, 'household-form-phone.png') });
    await page.getByTestId('household-save').click();
    const detail = page.getByTestId('household-detail');
    await detail.waitFor(WAIT);
    await expect.poll(() => detail.getByTestId('household-members').locator('.ant-list-item').count(), WAIT).toBe(2);
    await page.keyboard.press('Escape');

    await page.goto(`${web.base}/households?org=${secretary.orgCode}`);
    // The village's own households carry tags too: the tag and the head's name find this one alone.
    await choose(page, page.getByTestId('households-tag'), '种养大户');
    await page.getByTestId('households-search').locator('input').fill('测试');
    await page.getByTestId('households-search').locator('input').press('Enter');
    const rows = page.getByTestId('households-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.allTextContents(), WAIT).toEqual([expect.stringContaining('测试户主')]);
    await page.screenshot({ path: join(screenshotDir, 'households-phone.png') });
    await page.close();
  });

  it('imports a file with a mistake reported by row and column, then the corrected file', async () => {
    const page = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await web.signIn(page, secretary.username, { at: `/households?org=${secretary.orgCode}&tab=import` });
    const wrong = encodeCsv(columns, [['E2E-02', '一组', '导入户主', '户主', '男', '1970-01-01', '', '1381234', '', ''], ['E2E-02', '一组', '导入子女', '子', '', '', '', '', '', '']], 'gb18030');
    await page.getByTestId('import-file-input').setInputFiles({ name: '农户.csv', mimeType: 'text/csv', buffer: wrong });
    const problems = page.getByTestId('import-problems');
    await expect.poll(() => problems.textContent(), WAIT).toContain('联系电话');
    expect(await problems.textContent()).toContain('1381234');
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);

    const right = encodeCsv(columns, [['E2E-02', '一组', '导入户主', '户主', '男', '1970-01-01', '', '13812340000', '', ''], ['E2E-02', '一组', '导入子女', '子', '', '', '', '', '', '']], 'gb18030');
    await page.getByTestId('import-file-input').setInputFiles({ name: '农户.csv', mimeType: 'text/csv', buffer: right });
    await expect.poll(() => page.getByTestId('import-summary').textContent(), WAIT).toContain('0 处错误');
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor(WAIT);
    await page.goto(`${web.base}/households?org=${secretary.orgCode}&q=${encodeURIComponent('导入子女')}`);
    await expect.poll(() => page.getByTestId('households-table').locator('tbody tr.ant-table-row').allTextContents(), WAIT).toEqual([expect.stringContaining('导入户主')]);
    await page.close();
  });

  it('lets the county administrator mark a day off on the work calendar; others only read it', async () => {
    const page = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await web.signIn(page, county.username, { at: '/calendar?year=2026' });
    await expect.poll(() => page.getByTestId('calendar-day-2026-10-01').getAttribute('data-kind'), WAIT).toBe('holiday');
    const day = page.getByTestId('calendar-day-2026-03-02');
    expect(await day.getAttribute('data-kind')).toBe('normal');
    const before = await page.getByTestId('calendar-working-days').textContent();
    await day.click();
    await page.getByTestId('calendar-day-name').fill('县庆');
    await page.getByTestId('calendar-day-save').click();
    await expect.poll(() => day.getAttribute('data-kind'), WAIT).toBe('holiday');
    await expect.poll(() => page.getByTestId('calendar-source').textContent(), WAIT).toBe('本县修改');
    expect(await page.getByTestId('calendar-working-days').textContent()).not.toBe(before);
    await page.close();

    const reader = await web.newPage({ viewport: phone });
    await web.signIn(reader, secretary.username, { at: '/calendar?year=2026' });
    await reader.getByTestId('calendar-read-only').waitFor(WAIT);
    await expect.poll(() => reader.getByTestId('calendar-day-2026-03-02').getAttribute('data-kind'), WAIT).toBe('holiday');
    await reader.screenshot({ path: join(screenshotDir, 'calendar-phone.png') });
    await reader.close();
  });
});
