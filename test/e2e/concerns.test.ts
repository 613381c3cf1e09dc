import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotDir } from './browser.js';
import { choose, chooseOption, demo, selectOf, startWebApp, WAIT, type WebApp } from './fixture.js';

/**
 * 民情诉求 in a real browser: a villager on a phone raises a concern on the village's public page and
 * keeps the tracking code; the branch secretary accepts it and assigns the township cadre, who works
 * it and drafts the answer; the secretary publishes it; the villager sees the reply on the tracking
 * page and rates it, which closes the case. Markup typed by the villager stays text throughout.
 */
describe('concerns in Chromium', () => {
  let web: WebApp;
  const phone = { width: 390, height: 844 };
  const secretary = demo.accounts.find((a) => a.role === 'branch_secretary')!;
  const cadre = demo.accounts.find((a) => a.role === 'cadre')!;
  const cadreName = demo.people.find((p) => p.key === cadre.personKey)!.name;
  const content = '村口<b>路灯</b>坏了三天，晚上看不见路';
  let code = '';

  beforeAll(async () => {
    web = await startWebApp();
  });
  afterAll(async () => {
    await web?.close();
  });

  const openConcern = async (page: Page, user: string) => {
    await web.signIn(page, user, { at: `/concerns?state=all&q=${encodeURIComponent('路灯')}` });
    await page.getByTestId(`concern-row-${code}`).click();
    await page.getByTestId('concern-actions').waitFor();
  };
  const act = async (page: Page, action: string, fill?: () => Promise<void>) => {
    await expect.poll(() => page.getByTestId(`concern-${action}`).isEnabled(), WAIT).toBe(true);
    await page.getByTestId(`concern-${action}`).click();
    await fill?.();
    const saved = page.waitForResponse((r) => r.url().endsWith(`/${action}`) && r.request().method() === 'POST', { timeout: WAIT.timeout });
    await page.getByTestId('concern-action-ok').click();
    const response = await saved;
    expect(response.status(), await response.text()).toBe(200);
    await expect.poll(() => page.getByTestId('concern-action-ok').count(), WAIT).toBe(0);
  };

  it('is raised by a villager on a phone, without an account', async () => {
    const page = await web.newPage({ viewport: phone });
    await page.goto(`${web.base}/v/${secretary.orgCode}`);
    await expect.poll(() => page.getByTestId('public-title').textContent(), WAIT).toContain(demo.orgs.find((o) => o.code === secretary.orgCode)!.name);
    await page.getByTestId('public-content').fill('短');
    await page.getByTestId('public-submit').click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').count(), WAIT).toBeGreaterThan(0);
    await page.getByTestId('public-content').fill(content);
    await choose(page, page.getByTestId('public-category'), '基础设施');
    await page.getByTestId('public-name').fill('马大爷');
    await page.getByTestId('public-submit').click();
    await page.getByTestId('public-tracking-code').waitFor();
    code = (await page.getByTestId('public-tracking-code').textContent())!.trim().slice(0, 10);
    expect(code).toMatch(/^[23456789A-HJKMNP-Z]{10}$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await page.screenshot({ path: join(screenshotDir, 'concern-public-form-phone.png'), fullPage: true });
    await page.getByTestId('public-track-link').click();
    await expect.poll(() => page.getByTestId('public-state').textContent(), WAIT).toBe('待受理');
    expect(await page.getByTestId('public-content-text').textContent()).toBe(content);
    await page.close();
  });

  it('is accepted and assigned by the secretary, answered by the handler and published by the secretary', async () => {
    const page = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await openConcern(page, secretary.username);
    expect(await page.getByTestId('concern-content').textContent()).toBe(content);
    // Not this secretary's to work before it is assigned: disabled, with why.
    expect(await page.getByTestId('concern-reply').isDisabled()).toBe(true);
    await act(page, 'accept', () => choose(page, page.getByTestId('concern-field-category'), '基础设施'));
    await expect.poll(() => page.getByTestId('concern-state').textContent(), WAIT).toBe('已受理');
    await act(page, 'assign', () => choose(page, page.getByTestId('concern-field-handler'), cadreName));
    await expect.poll(() => page.getByTestId('concern-state').textContent(), WAIT).toBe('已分派');
    await page.close();

    const handler = await web.newPage({ viewport: phone });
    await openConcern(handler, cadre.username);
    await act(handler, 'start');
    await expect.poll(() => handler.getByTestId('concern-state').textContent(), WAIT).toBe('办理中');
    await act(handler, 'answer', () => handler.getByTestId('concern-field-answer').fill('已联系供电所，路灯已于今日修复。'));
    await expect.poll(() => handler.getByTestId('concern-draft').textContent(), WAIT).toContain('路灯已于今日修复');
    // Publishing is the dispatcher's: disabled for the handler, with the reason on hover.
    expect(await handler.getByTestId('concern-reply').isDisabled()).toBe(true);
    await handler.getByTestId('concern-reply').locator('xpath=..').hover();
    await expect.poll(() => handler.getByRole('tooltip').textContent(), WAIT).toBe('您的岗位不能执行此操作');
    await handler.screenshot({ path: join(screenshotDir, 'concern-handler-phone.png'), fullPage: true });
    await handler.close();

    const review = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await openConcern(review, secretary.username);
    await act(review, 'reply');
    await expect.poll(() => review.getByTestId('concern-state').textContent(), WAIT).toBe('已答复');
    await expect.poll(() => review.getByTestId('concern-timeline').locator('.ant-timeline-item').count(), WAIT).toBe(6);
    await review.screenshot({ path: join(screenshotDir, 'concern-detail.png'), fullPage: true });
    await review.close();
  });

  it('shows the villager the reply, who rates it', async () => {
    const page = await web.newPage({ viewport: phone });
    await page.goto(`${web.base}/t/${code}`);
    await expect.poll(() => page.getByTestId('public-reply').textContent(), WAIT).toContain('路灯已于今日修复');
    const timeline = await page.getByTestId('public-timeline').textContent();
    expect(timeline).not.toContain(cadreName);
    await page.getByTestId('public-rate-satisfied').click();
    await page.getByTestId('public-rate-submit').click();
    await expect.poll(() => page.getByTestId('public-state').textContent(), WAIT).toBe('已办结');
    expect(await page.getByTestId('public-rating').textContent()).toContain('满意');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await page.screenshot({ path: join(screenshotDir, 'concern-tracking-phone.png'), fullPage: true });
    await page.close();
  });

  it('is entered by a cadre for a villager, marked as entered on their behalf', async () => {
    const page = await web.newPage({ viewport: phone });
    const village = demo.orgs.find((o) => o.code === secretary.orgCode)!;
    await web.signIn(page, cadre.username, { at: '/concerns' });
    await page.getByTestId('concern-new').click();
    const modal = page.locator('.ant-modal');
    await chooseOption(page, selectOf(page, 'concern-village'), village.name, true);
    await modal.locator('#content').fill('代登记：水窖渗漏需要修补');
    await modal.locator('#submitterName').fill('马二婶');
    const created = page.waitForResponse((r) => r.url().endsWith('/api/concerns') && r.request().method() === 'POST', { timeout: WAIT.timeout });
    await modal.locator('.ant-btn-primary').click();
    expect((await created).status()).toBe(201);
    await page.goto(`${web.base}/concerns?state=all&q=${encodeURIComponent('水窖渗漏')}`);
    await page.getByTestId('concern-inbox').locator('tbody tr.ant-table-row').first().click();
    await expect.poll(() => page.locator('.ant-drawer').textContent(), WAIT).toContain('干部代为登记');
    expect(await page.locator('.ant-drawer').textContent()).toContain('马二婶');
    await page.close();
  });

  it('has its settings edited by the county administrator and read by a township administrator', async () => {
    const county = demo.accounts.find((a) => a.role === 'county_admin')!;
    const township = demo.accounts.find((a) => a.role === 'township_admin')!;
    const page = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await web.signIn(page, county.username, { at: '/concerns?view=settings' });
    const limit = page.getByTestId('concern-category-limit-3');
    await limit.waitFor();
    const before = await limit.inputValue();
    const changed = String(Number(before) + 1);
    await limit.fill(changed);
    await page.getByTestId('concern-category-name-3').fill('邻里纠纷');
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/concerns/settings') && r.request().method() === 'PUT', { timeout: WAIT.timeout });
    await page.getByTestId('concern-settings-save').click();
    expect((await saved).status()).toBe(200);
    await page.close();

    const reader = await web.newPage({ viewport: phone });
    await web.signIn(reader, township.username, { at: '/concerns?view=settings' });
    await reader.getByTestId('concern-settings-readonly').waitFor();
    await expect.poll(() => reader.getByTestId('concern-category-limit-3').inputValue(), WAIT).toBe(changed);
    expect(await reader.getByTestId('concern-category-name-3').inputValue()).toBe('邻里纠纷');
    expect(await reader.getByTestId('concern-category-limit-3').isDisabled()).toBe(true);
    expect(await reader.getByTestId('concern-settings-save').count()).toBe(0);
    expect(await reader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await reader.close();
  });
});
