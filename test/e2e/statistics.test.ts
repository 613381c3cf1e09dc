import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatisticsView } from '../../web/src/contracts.js';
import { screenshotDir } from './browser.js';
import { demo, startWebApp, WAIT, type WebApp } from './fixture.js';

/** 党员统计 in a real browser: the county administrator's figures, paragraph, another day and a drill-down. */
describe('Party statistics in Chromium', () => {
  let web: WebApp;
  const root = demo.orgs.find((o) => o.parentCode === null)!;
  // The demo's history ends before today, so today every open membership past admission counts.
  const membersToday = demo.people.filter((p) => p.membership?.joinedOn).length;

  beforeAll(async () => {
    web = await startWebApp();
  });
  afterAll(async () => {
    await web?.close();
  });

  const shown = (page: Page) => page.getByTestId('stats-view');
  const digits = async (page: Page, testId: string) => (await page.getByTestId(testId).locator('.ant-statistic-content').textContent())?.replace(/\D/g, '');
  const apiGet = async <T,>(page: Page, path: string, query: Record<string, string>): Promise<T> => {
    const response = await page.request.get(`${web.base}${path}?${new URLSearchParams(query).toString()}`, { headers: { 'Accept-Language': 'zh-CN' } });
    expect(response.status()).toBe(200);
    return await response.json() as T;
  };

  it('shows the county administrator the figures and the paragraph the API writes, on any day and for any child', async () => {
    const page = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await web.signIn(page, 'county');
    await page.getByRole('menuitem', { name: /统计/ }).click();
    await page.waitForURL(/\/statistics/);
    await expect.poll(() => shown(page).getAttribute('data-org'), WAIT).toBe(root.code);
    await expect.poll(() => digits(page, 'stats-total'), WAIT).toBe(String(membersToday));

    const today = (await shown(page).getAttribute('data-as-of'))!;
    const paragraph = await apiGet<{ text: string }>(page, '/api/statistics/basic-situation', { org: root.code, asOf: today });
    expect(paragraph.text).toContain(`共有党员${membersToday}名`);
    await expect.poll(() => page.getByTestId('stats-paragraph').textContent(), WAIT).toBe(paragraph.text);

    // An earlier day: the date picker takes a typed date.
    const earlier = '2018-06-30';
    const before = await apiGet<StatisticsView>(page, '/api/statistics/members', { org: root.code, asOf: earlier });
    await page.getByTestId('stats-as-of').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(earlier);
    await page.keyboard.press('Enter');
    await expect.poll(() => shown(page).getAttribute('data-as-of'), WAIT).toBe(earlier);
    expect(new URL(page.url()).searchParams.get('asOf')).toBe(earlier);
    await expect.poll(() => digits(page, 'stats-total'), WAIT).toBe(String(before.members.total));
    await expect.poll(() => digits(page, 'stats-probationary'), WAIT).toBe(String(before.members.probationary));
    await expect.poll(() => page.getByTestId('stats-probationary').textContent(), WAIT).toContain(`${before.percents.probationary.toFixed(2)}%`);
    await expect.poll(() => page.getByTestId('stats-paragraph').textContent(), WAIT).toContain('截至2018年6月30日');
    await page.getByTestId('stats-chart-age').locator('canvas').first().waitFor();
    await page.screenshot({ path: join(screenshotDir, 'statistics-county.png'), fullPage: true });

    // A child's row drills into it, keeping the day.
    const child = before.children.find((c) => !c.own && c.members.total > 0)!;
    await page.getByTestId(`stats-child-${child.code}`).click();
    await expect.poll(() => shown(page).getAttribute('data-org'), WAIT).toBe(child.code);
    await expect.poll(() => page.getByTestId('stats-title').textContent(), WAIT).toContain(child.name);
    await expect.poll(() => digits(page, 'stats-total'), WAIT).toBe(String(child.members.total));
    expect(await shown(page).getAttribute('data-as-of')).toBe(earlier);
    await page.close();
  });

  it('refuses age bands that leave gaps, and redraws the bands that are valid', async () => {
    const page = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await web.signIn(page, 'county', { at: '/statistics' });
    await shown(page).waitFor(WAIT);
    const bands = page.getByTestId('stats-age-bands');
    await bands.fill('54,35');
    await bands.press('Enter');
    await expect.poll(() => page.locator('.ant-form-item-explain-error').textContent(), WAIT).toContain('年龄分段');
    expect(new URL(page.url()).searchParams.get('ageBands')).toBeNull();
    await bands.fill('35，54');
    await bands.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('ageBands'), WAIT).toBe('35,54');
    await expect.poll(() => page.locator('.ant-form-item-explain-error').count(), WAIT).toBe(0);
    await expect.poll(() => page.getByTestId('stats-chart-age').textContent(), WAIT).toContain('年龄结构');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('stats-title').textContent(), WAIT).toContain('Party statistics');
    await expect.poll(() => page.getByTestId('stats-paragraph').textContent(), WAIT).toMatch(/^As of /);
    await page.close();
  });

  it('fits a phone screen for a branch secretary, who sees their own village only', async () => {
    const secretary = demo.accounts.find((a) => a.role === 'branch_secretary')!;
    const page = await web.newPage({ viewport: { width: 375, height: 800 } });
    await web.signIn(page, secretary.username, { at: '/statistics' });
    await expect.poll(() => shown(page).getAttribute('data-org'), WAIT).toBe(secretary.orgCode);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(screenshotDir, 'statistics-secretary-phone.png'), fullPage: true });
    await page.goto(`${web.base}/statistics?org=${root.code}`);
    await expect.poll(() => page.locator('body').textContent(), WAIT).toContain('404');
    await page.close();
  });
});
