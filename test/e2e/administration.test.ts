import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCsv } from '../../src/platform/files/table-file.js';
import { screenshotDir } from './browser.js';
import { choose, chooseOption, demo, startWebApp, WAIT, type WebApp } from './fixture.js';

/** An administrator's journeys: importing organizations from a county office's file, and creating an account. */
describe('administration in Chromium', () => {
  let web: WebApp;
  const township = demo.orgs.find((o) => o.unitType === 'township')!;

  beforeAll(async () => {
    web = await startWebApp();
  });
  afterAll(async () => {
    await web?.close();
  });

  it('imports organizations from a GB18030 CSV: checks every row first, then writes them', async () => {
    const page = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await web.signIn(page, 'county', { at: '/organizations' });
    await page.getByTestId('import-button').click();
    const csv = encodeCsv(['组织编码', '组织名称', '上级组织编码', '组织类型', '单位类型'], [
      [`${township.code}777`, '新建示范村党支部', township.code, '党支部', '行政村'],
      [`${township.code}777-1`, '新建示范村第一党小组', `${township.code}777`, '党小组', ''],
    ], 'gb18030');
    await page.getByTestId('import-file-input').setInputFiles({ name: '新建组织.csv', mimeType: 'text/csv', buffer: csv });
    await expect.poll(() => page.getByTestId('import-summary').textContent(), WAIT).toMatch(/2 行通过/);
    await page.screenshot({ path: join(screenshotDir, 'import-report.png') });
    await page.getByTestId('import-commit').click();
    await page.goto(`${web.base}/organizations/${township.code}777`);
    await expect.poll(() => page.getByTestId('org-detail-name').textContent(), WAIT).toContain('新建示范村党支部');
    await page.close();
  });

  it('creates an account that can then sign in and is asked to change its initial password', async () => {
    const page = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await web.signIn(page, 'county', { at: '/users' });
    await page.getByTestId('users-table').waitFor();
    await page.getByTestId('user-create').click();
    await page.getByTestId('user-username').fill('zhangwei');
    await page.getByTestId('user-name').fill('张伟');
    await choose(page, page.getByTestId('user-role'), '干部', true);
    await chooseOption(page, page.locator('.ant-modal .ant-select').nth(1), township.name, true);
    await page.getByTestId('user-password').fill('Start2026');
    await page.locator('.ant-modal').getByRole('button', { name: /确\s*定|创\s*建|保\s*存/ }).click();
    await expect.poll(() => page.getByTestId('users-table').textContent(), WAIT).toContain('zhangwei');
    await page.screenshot({ path: join(screenshotDir, 'users.png') });

    const fresh = await web.newPage({ viewport: { width: 375, height: 800 } });
    await web.signInWithForm(fresh, 'zhangwei', 'Start2026');
    await expect.poll(() => fresh.getByTestId('home-title').textContent(), WAIT).toContain(township.name);
    await expect.poll(() => fresh.getByTestId('todo-list').textContent(), WAIT).toContain('请修改初始密码');
    await fresh.close();
    await page.close();
  });
});
