import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate, systemClock } from '../../src/platform/clock.js';
import { screenshotDir } from './browser.js';
import { chooseOption, demo, startWebApp, WAIT, type WebApp } from './fixture.js';

/**
 * 积分与星级 in a real browser: a member claims a volunteer service, the township administrator
 * approves it from the to-do list, and the member's ledger total follows (on a phone too); the member
 * is told why the ranking is not theirs to see. The branch secretary self-assesses the branch, the
 * township reviews it and the county approves its stars.
 */
describe('points and star ratings in Chromium', () => {
  let web: WebApp;
  const account = (role: string) => demo.accounts.find((a) => a.role === role)!;
  const [member, secretary, township, county] = [account('member'), account('branch_secretary'), account('township_admin'), account('county_admin')];
  const branch = demo.orgs.find((o) => o.code === secretary.orgCode)!;
  const description = `清扫村道志愿服务（${Date.now().toString(36)}）`;

  beforeAll(async () => {
    web = await startWebApp();
  });
  afterAll(async () => {
    await web?.close();
  });

  const inputOf = (scope: Locator, testId: string) => scope.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
  const total = async (page: Page) => Number(await page.getByTestId('points-ledger-total').locator('.ant-statistic-content').textContent());
  const signedIn = async (username: string, viewport = { width: 1280, height: 900 }) => {
    const page = await web.newPage({ viewport });
    await web.signIn(page, username);
    return page;
  };

  it('takes a member\'s claim, approved by the township from the to-do list, into the ledger total', async () => {
    const page = await signedIn(member.username);
    await page.getByRole('menuitem', { name: '积分与星级' }).click();
    await page.waitForURL(/\/points$/);
    await page.getByTestId('points-ledger').waitFor();
    const before = await total(page);

    await page.getByTestId('points-tab-claims').click();
    const form = page.getByTestId('points-claim-form');
    await form.waitFor();
    await chooseOption(page, form.getByTestId('points-claim-item'), '参加志愿服务');
    await inputOf(form, 'points-claim-date').click();
    await page.keyboard.type(chinaDate(systemClock.now()));
    await page.keyboard.press('Enter');
    await form.getByTestId('points-claim-description').fill(description);
    await page.getByTestId('points-claim-submit').click();
    // Evidence is required for this item: the form says so before anything is sent.
    await expect.poll(() => form.locator('.ant-form-item-explain-error').count(), WAIT).toBe(1);
    await inputOf(form, 'points-claim-evidence').fill('村委会出具的志愿服务证明');
    await page.getByTestId('points-claim-submit').click();
    const mine = page.getByTestId('points-queue').locator('tr').filter({ hasText: description });
    await expect.poll(() => mine.textContent(), WAIT).toContain('待审核');
    // The member may not see the ranking and is told why.
    await page.getByTestId('points-tab-ranking').click();
    await expect.poll(() => page.getByTestId('points-ranking-refused').textContent(), WAIT).toContain('仅本组织管理员可见');
    await page.close();

    const approver = await signedIn(township.username);
    const todo = approver.getByTestId('todo-list').locator('.todo-item').filter({ hasText: `${branch.name}：` }).filter({ hasText: '积分申报待审核' });
    await todo.click();
    await approver.waitForURL(/\/points\?tab=claims/);
    const claim = approver.getByTestId('points-queue').locator('tr').filter({ hasText: description });
    await claim.getByTestId('points-approve').click();
    await expect.poll(() => claim.count(), WAIT).toBe(0);
    await approver.close();

    const phone = await signedIn(member.username, { width: 390, height: 844 });
    await phone.goto(`${web.base}/points`);
    await phone.getByTestId('points-ledger').waitFor();
    await expect.poll(() => total(phone), WAIT).toBe(before + 2);
    await expect.poll(() => phone.getByTestId('points-ledger').textContent(), WAIT).toContain(description);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.screenshot({ path: join(screenshotDir, 'points-ledger-phone.png'), fullPage: true });
    await phone.close();
  });

  /** Opens the action on the branch's row, fills the scores when asked, and submits. */
  const act = async (username: string, action: 'self' | 'review' | 'approve', score?: number) => {
    const page = await signedIn(username);
    await page.goto(`${web.base}/points?tab=ratings&org=${branch.code}`);
    const row = page.getByTestId(`points-rating-row-${branch.name}`);
    await row.getByTestId(`points-rating-${action}`).click();
    const modal = page.locator('.ant-modal');
    if (score !== undefined) {
      for (const id of ['leadership', 'organizational_life', 'member_management', 'serving_people', 'institutions']) await inputOf(modal, `points-score-${id}`).fill(String(score));
    }
    await page.getByTestId('points-rating-submit').click();
    return { page, row };
  };

  it('runs a branch\'s star rating: self-assessed, reviewed by the township, approved by the county', async () => {
    const self = await act(secretary.username, 'self', 18);
    await expect.poll(() => self.row.getByTestId('points-rating-stage').textContent(), WAIT).toBe('已自评，待审核');
    await self.page.close();

    const review = await act(township.username, 'review', 17);
    await expect.poll(() => review.row.getByTestId('points-rating-stage').textContent(), WAIT).toBe('已审核，待审定');
    // 85 points: 3 stars by the county's default thresholds.
    await expect.poll(() => review.row.textContent(), WAIT).toContain('按得分 3 星');
    await review.page.close();

    const approve = await act(county.username, 'approve');
    await expect.poll(() => approve.row.getByTestId('points-rating-stage').textContent(), WAIT).toBe('已审定');
    await approve.page.screenshot({ path: join(screenshotDir, 'points-ratings.png'), fullPage: true });
    await approve.page.close();
  });

  it('shows a branch\'s ranking to its members once the county turns public display on', async () => {
    const admin = await signedIn(county.username);
    await admin.goto(`${web.base}/points?tab=settings`);
    await admin.getByTestId('points-settings').waitFor();
    await admin.getByTestId('points-settings-public').click();
    expect(await admin.getByTestId('points-settings-public').getAttribute('aria-checked')).toBe('true');
    // The switch flips at once; the member may look only once the county's save has landed.
    await Promise.all([
      admin.waitForResponse((r) => r.url().endsWith('/api/points/settings') && r.request().method() === 'PUT' && r.status() === 200, { timeout: WAIT.timeout }),
      admin.getByTestId('points-settings-save').click(),
    ]);
    await admin.close();

    const page = await signedIn(member.username, { width: 390, height: 844 });
    await page.goto(`${web.base}/points?tab=ranking`);
    await expect.poll(() => page.getByTestId('points-ranking').locator('tbody tr').count(), WAIT).toBeGreaterThan(1);
    await page.screenshot({ path: join(screenshotDir, 'points-ranking-phone.png'), fullPage: true });
    await page.close();
  });
});
