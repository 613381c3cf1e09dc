import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizations } from '../../src/modules/organizations/schema.js';
import { screenshotDir } from './browser.js';
import { demo, startWebApp, WAIT, type WebApp } from './fixture.js';

/** The foundation's main journey in a real browser: sign in, see one's own home page, find an organization. */
describe('web app in Chromium', () => {
  let web: WebApp;
  const secretary = demo.accounts.find((a) => a.role === 'branch_secretary')!;
  const rootName = demo.orgs.find((o) => o.parentCode === null)!.name;

  beforeAll(async () => {
    web = await startWebApp();
  });
  afterAll(async () => {
    await web?.close();
  });

  it('signs the county administrator in to the county home page with live figures', async () => {
    const page = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await web.signInWithForm(page, 'county');
    await expect.poll(() => page.getByTestId('home-title').textContent(), WAIT).toContain(rootName);
    const members = demo.people.filter((p) => p.membership?.category === 'full' || p.membership?.category === 'probationary').length;
    await expect.poll(async () => (await page.getByTestId('stat-members').textContent())?.replace(/[,\s]/g, ''), WAIT).toContain(String(members));
    await expect.poll(() => page.getByTestId('todo-list').textContent(), WAIT).toContain('请修改初始密码');
    await page.screenshot({ path: join(screenshotDir, 'county-home.png'), fullPage: true });
    await page.close();
  });

  it('shows a branch secretary their own village, and "not found" for another village', async () => {
    const village = demo.orgs.find((o) => o.code === secretary.orgCode)!;
    const other = demo.orgs.find((o) => o.unitType === 'village' && o.parentCode !== village.parentCode)!;
    const page = await web.newPage({ viewport: { width: 375, height: 800 } });
    await web.signIn(page, secretary.username);
    await expect.poll(() => page.getByTestId('home-title').textContent(), WAIT).toContain(village.name);
    await page.screenshot({ path: join(screenshotDir, 'secretary-home-phone.png'), fullPage: true });
    await page.goto(`${web.base}/organizations/${other.code}`);
    await expect.poll(() => page.locator('body').textContent(), WAIT).toContain('404');
    await expect.poll(() => page.locator('body').textContent(), WAIT).not.toContain(other.name);
    await page.close();
  });

  it('finds an organization in the tree by pinyin initials and shows its details', async () => {
    const township = demo.orgs.find((o) => o.unitType === 'township')!;
    const page = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await web.signIn(page, 'county', { at: '/organizations' });
    await page.getByTestId('org-tree').waitFor();
    const initials = (await web.database.db.select().from(organizations).where(eq(organizations.code, township.code)))[0]!.pinyin.split(' ')[0]!;
    await page.getByPlaceholder(/搜索/).fill(initials.slice(0, 3));
    await page.getByTestId('org-tree').getByText(township.name, { exact: true }).first().click();
    await expect.poll(() => page.getByTestId('org-detail-name').textContent(), WAIT).toContain(township.name);
    await page.screenshot({ path: join(screenshotDir, 'organizations.png'), fullPage: true });
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('body').textContent(), WAIT).toMatch(/Organizations|Organization/);
    await page.close();
  });
});
