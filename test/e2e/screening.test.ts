import { join } from 'node:path';
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotDir } from './browser.js';
import { choose, chooseOption, demo, startWebApp, WAIT, type WebApp } from './fixture.js';

/**
 * 排查认定 in a real browser: the county opens a round, records a county check and a department's report
 * for a village, runs the automatic indicators, confirms one proposal, defines the village with the
 * decision as basis, and reads the round's figures beside the quota policy.
 */
describe('screening in Chromium', () => {
  let web: WebApp;
  const county = demo.accounts.find((a) => a.role === 'county_admin')!;
  const village = demo.accounts.find((a) => a.role === 'branch_secretary')!.orgCode;

  beforeAll(async () => {
    web = await startWebApp();
  });
  afterAll(async () => {
    await web?.close();
  });

  const answered = (page: Page, method: string, path: RegExp, status = 200) =>
    page.waitForResponse((r: Response) => r.request().method() === method && path.test(new URL(r.url()).pathname) && r.status() === status, WAIT);

  it('opens a round, records findings, confirms a proposal, defines the village and reads the figures', async () => {
    const page = await web.newPage({ viewport: { width: 1360, height: 900 } });
    await web.signIn(page, county.username);
    await page.getByRole('menuitem', { name: '整顿提升' }).click();
    await page.getByRole('menuitem', { name: '排查认定' }).click();
    await page.waitForURL(/\/screening/);

    // A quarter's round, so that a yearly round of the demo does not stand in the way.
    await page.getByTestId('screening-open').click();
    const modal = page.locator('.ant-modal').filter({ hasText: '开展软弱涣散党组织排查' });
    await choose(page, modal.locator('.ant-select').first(), '第四季度');
    await modal.getByTestId('screening-open-title').fill('2026年第四季度软弱涣散村党组织排查');
    const opened = answered(page, 'POST', /^\/api\/screening\/rounds$/, 201);
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await opened;
    await expect.poll(() => page.getByTestId('screening-round').textContent(), WAIT).toContain('2026年第四季度软弱涣散村党组织排查');
    await page.getByTestId(`screening-row-${village}`).waitFor(WAIT);

    // A county check, then a department's report.
    await page.getByTestId(`screening-row-${village}`).click();
    const drawer = page.locator('.ant-drawer').filter({ has: page.getByTestId('screening-finding-form') });
    await drawer.waitFor(WAIT);
    await chooseOption(page, drawer.getByTestId('screening-finding-criterion'), '03 班子不团结', true);
    await choose(page, drawer.getByTestId('screening-finding-channel'), '检查');
    await drawer.getByTestId('screening-finding-evidence').fill('县委组织部督查组检查：班子成员分歧大，村务会议多次流会');
    let saved = answered(page, 'POST', /\/findings$/, 201);
    await drawer.getByTestId('screening-finding-save').click();
    await saved;
    await expect.poll(() => drawer.getByTestId('screening-findings').textContent(), WAIT).toContain('县级检查');

    await chooseOption(page, drawer.getByTestId('screening-finding-criterion'), '06 宗族宗教', true);
    await choose(page, drawer.getByTestId('screening-finding-channel'), '部门报告');
    await chooseOption(page, drawer.getByTestId('screening-finding-department'), '县公安局', true);
    await drawer.getByTestId('screening-finding-evidence').fill('县公安局通报：村内存在宗族势力干扰村务的线索');
    saved = answered(page, 'POST', /\/findings$/, 201);
    await drawer.getByTestId('screening-finding-save').click();
    await saved;
    await expect.poll(() => drawer.getByTestId('screening-findings').textContent(), WAIT).toContain('部门报告：县公安局');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId(`screening-cell-${village}-03`).textContent(), WAIT).toBe('1');

    // The automatic indicators over every village; one proposal confirmed.
    const proposing = answered(page, 'POST', /\/proposals$/);
    await page.getByTestId('screening-propose').click();
    const proposals = await (await proposing).json() as { created: number; proposals: { id: string; org: { code: string }; criterion: { code: string } }[] };
    await expect.poll(() => page.getByTestId('screening-proposed').textContent(), WAIT).toContain('暂无村集体经济收入数据');
    expect(proposals.created).toBeGreaterThan(0);
    const first = proposals.proposals[0]!;
    await page.getByTestId(`screening-cell-${first.org.code}-${first.criterion.code}`).click();
    const proposalDrawer = page.locator('.ant-drawer').filter({ has: page.getByTestId(`screening-finding-${first.id}`) });
    const confirming = answered(page, 'POST', new RegExp(`/api/screening/findings/${first.id}/confirm$`));
    await proposalDrawer.getByTestId(`screening-finding-${first.id}`).getByTestId('screening-confirm').click();
    await confirming;
    await expect.poll(() => proposalDrawer.getByTestId(`screening-finding-${first.id}`).textContent(), WAIT).toContain('已确认');
    await page.keyboard.press('Escape');

    // The county defines the village, with the decision as basis.
    await page.getByTestId(`screening-row-${village}`).click();
    const defineDrawer = page.locator('.ant-drawer').filter({ has: page.getByTestId('screening-define-form') });
    await defineDrawer.getByTestId('screening-define-basis').fill('县委常委会 2026年11月会议研究决定');
    const defining = answered(page, 'POST', /\/definitions$/, 201);
    await defineDrawer.getByTestId('screening-define-save').click();
    await defining;
    await expect.poll(() => page.getByTestId(`screening-row-${village}`).textContent(), WAIT).toContain('已认定');
    await page.keyboard.press('Escape');

    await page.getByTestId('screening-tab-summary').click();
    await expect.poll(() => page.getByTestId('screening-quota').textContent(), WAIT).toMatch(/已认定 1 个/);
    await expect.poll(() => page.getByTestId('screening-summary').textContent(), WAIT).toContain('03 班子不团结');
    await page.screenshot({ path: join(screenshotDir, 'screening-summary.png'), fullPage: true });
    await page.close();
  }, 240_000);
});
