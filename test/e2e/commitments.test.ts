import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotDir } from './browser.js';
import { demo, startWebApp, tooltipOf, WAIT, type WebApp } from './fixture.js';

/**
 * 承诺践诺评诺 in a real browser: a branch secretary makes a commitment with two items, publishes it,
 * records progress on an item, and the village's public page shows it with its progress (at phone width);
 * the secretary marks it kept and the township appraises it, then sees the branch on its completion board.
 */
describe('commitments in Chromium', () => {
  let web: WebApp;
  const secretary = demo.accounts.find((a) => a.role === 'branch_secretary')!;
  const township = demo.accounts.find((a) => a.role === 'township_admin')!;
  const title = `修缮村道和路灯（浏览器测试 ${Date.now() % 100_000}）`;

  beforeAll(async () => {
    web = await startWebApp();
  });
  afterAll(async () => {
    await web?.close();
  });

  const inputOf = (scope: Locator, testId: string) => scope.locator(`input[data-testid="${testId}"], textarea[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
  const card = (page: Page) => page.getByTestId('commitment-card').filter({ hasText: title });
  /** Clicks the open modal's OK and waits for the request it sends. */
  const confirm = async (page: Page, path: RegExp, status = 200) => {
    const saved = page.waitForResponse((r) => path.test(new URL(r.url()).pathname) && r.request().method() !== 'GET');
    await page.locator('.ant-modal:visible .ant-modal-footer .ant-btn-primary').click();
    expect((await saved).status()).toBe(status);
    await expect.poll(() => page.locator('.ant-modal:visible').count(), WAIT).toBe(0);
  };

  it('makes a commitment with two items, publishes it, records progress, and shows it on the public page', async () => {
    const page = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await web.signIn(page, secretary.username);
    await page.getByRole('menuitem', { name: '承诺践诺' }).click();
    await page.waitForURL(/\/commitments$/);
    await page.getByTestId('commitments-branch').waitFor();

    await page.getByTestId('commitment-make').click();
    const form = page.getByTestId('commitment-form');
    await form.waitFor();
    await inputOf(form, 'commitment-title').fill(title);
    await inputOf(form, 'commitment-target').fill('硬化村道 2 公里，主干道安装路灯');
    await page.getByTestId('commitment-add-item').click();
    await page.getByTestId('commitment-add-item').click();
    const items = form.getByTestId('commitment-item');
    await expect.poll(() => items.count(), WAIT).toBe(2);
    await inputOf(items.nth(0), 'commitment-item-title').fill('硬化村道');
    await inputOf(items.nth(0), 'commitment-item-target').fill('硬化村道 2 公里');
    await inputOf(items.nth(0), 'commitment-item-value').fill('2');
    await inputOf(items.nth(0), 'commitment-item-unit').fill('公里');
    await inputOf(items.nth(1), 'commitment-item-title').fill('安装路灯');
    await inputOf(items.nth(1), 'commitment-item-target').fill('主干道安装路灯');
    const made = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/commitments' && r.request().method() === 'POST');
    await page.getByTestId('commitment-save').click();
    expect((await made).status()).toBe(201);
    await expect.poll(() => card(page).getByTestId('commitment-state').textContent(), WAIT).toBe('草稿');
    // A draft's keeping actions are disabled, each saying why.
    expect(await card(page).getByTestId('commitment-update').isDisabled()).toBe(true);
    expect(await tooltipOf(page, card(page).getByTestId('commitment-update'))).toBe('草稿尚未公开，不能登记践诺情况');

    await card(page).getByTestId('commitment-publish').click();
    await confirm(page, /\/publish$/);
    await expect.poll(() => card(page).getByTestId('commitment-state').textContent(), WAIT).toBe('已公开承诺');

    // Progress on the first item (a number): 1 of 2 km, so the item is at half and the commitment at a quarter.
    await card(page).getByTestId('commitment-update').click();
    const action = page.getByTestId('commitment-action-form');
    await inputOf(action, 'commitment-update-value').fill('1');
    await inputOf(action, 'commitment-update-note').fill('已完成路基和1公里路面');
    await inputOf(action, 'commitment-update-evidence').fill('照片 01');
    await confirm(page, /\/updates$/);
    await expect.poll(() => card(page).getByTestId('commitment-state').textContent(), WAIT).toBe('践诺中');
    await expect.poll(() => card(page).getByTestId('commitment-progress').textContent(), WAIT).toContain('25%');
    await page.screenshot({ path: join(screenshotDir, 'commitments-branch.png'), fullPage: true });
    await page.close();

    // The village's public page, no account, at phone width.
    const phone = await web.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(`${web.base}/v/${secretary.orgCode}`);
    const shown = phone.getByTestId('public-commitment').filter({ hasText: title });
    await expect.poll(() => shown.count(), WAIT).toBe(1);
    expect(await shown.textContent()).toContain('践诺中');
    expect(await shown.textContent()).toContain('25%');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.screenshot({ path: join(screenshotDir, 'commitments-public-phone.png'), fullPage: true });
    await phone.close();
  }, 180_000);

  it('is kept, then appraised by the township, which sees the branch on its board', async () => {
    const page = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await web.signIn(page, secretary.username, { at: `/commitments?org=${secretary.orgCode}` });
    await card(page).waitFor();
    // The secretary cannot appraise the branch's own commitment: the level above does.
    expect(await card(page).getByTestId('commitment-appraise').isDisabled()).toBe(true);
    expect(await tooltipOf(page, card(page).getByTestId('commitment-appraise'))).toBe('不在您的管理范围内');
    // Delayed from the end of the year to the next spring, with its reason: the history says so.
    await card(page).getByTestId('commitment-delay').click();
    const delayForm = page.getByTestId('commitment-action-form');
    const due = inputOf(delayForm, 'commitment-delay-due');
    await due.click();
    await due.fill('2027-03-31');
    await due.press('Enter');
    await inputOf(delayForm, 'commitment-reason').fill('路灯采购延后');
    await confirm(page, /\/delay$/);
    await expect.poll(() => card(page).getByTestId('commitment-state').textContent(), WAIT).toBe('已延期');
    await expect.poll(() => card(page).getByTestId('commitment-history-delay').textContent(), WAIT).toContain('延期：完成时限由2026年12月31日改为2027年3月31日。原因：路灯采购延后');
    await card(page).getByTestId('commitment-complete').click();
    await confirm(page, /\/complete$/);
    await expect.poll(() => card(page).getByTestId('commitment-state').textContent(), WAIT).toBe('已完成');
    expect(await tooltipOf(page, card(page).getByTestId('commitment-delay'))).toBe('已完成的承诺不能再延期');
    await page.close();

    const tp = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await web.signIn(tp, township.username, { at: `/commitments?org=${secretary.orgCode}` });
    await card(tp).waitFor();
    await card(tp).getByTestId('commitment-appraise').click();
    const action = tp.getByTestId('commitment-action-form');
    await inputOf(action, 'commitment-selfScore').fill('95');
    await inputOf(action, 'commitment-massesScore').fill('90');
    await inputOf(action, 'commitment-superiorScore').fill('88');
    await confirm(tp, /\/appraisal$/);
    // 95×20% + 90×40% + 88×40%
    await expect.poll(() => card(tp).getByTestId('commitment-appraisal').textContent(), WAIT).toContain('90.2');

    await tp.goto(`${web.base}/commitments?org=${township.orgCode}`);
    await tp.getByTestId('commitments-subtree').waitFor();
    const branchName = demo.orgs.find((o) => o.code === secretary.orgCode)!.name;
    const row = tp.getByTestId('commitments-subtree-row').filter({ hasText: branchName });
    await expect.poll(() => row.count(), WAIT).toBe(1);
    // A rate, whatever else the demo's branch has made (once the demo loads commitments).
    await expect.poll(() => row.textContent(), WAIT).toMatch(/\d+\.\d%/);
    await tp.screenshot({ path: join(screenshotDir, 'commitments-township.png'), fullPage: true });
    await tp.close();
  }, 180_000);
});
