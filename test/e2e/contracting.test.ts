import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate, systemClock } from '../../src/platform/clock.js';
import { screenshotDir } from './browser.js';
import { choose, demo, startWebApp, WAIT, type WebApp } from './fixture.js';

/**
 * 包村走访 in a real browser: the township administrator forms a team for this year that they lead
 * with the first village, records a visit there on a phone (today, their village and themselves
 * offered at once, a household found by two characters, a problem found), sees the board count it
 * against the quota, and turns the problem into a concern from the visit.
 */
describe('contracting in Chromium', () => {
  let web: WebApp;
  const phone = { width: 390, height: 844 };
  const township = demo.accounts.find((a) => a.role === 'township_admin')!;
  const secretary = demo.accounts.find((a) => a.role === 'branch_secretary')!;
  const leader = demo.people.find((p) => p.key === township.personKey)!.name;
  const village = demo.orgs.find((o) => o.code === secretary.orgCode)!;
  const today = chinaDate(systemClock.now());
  const year = Number(today.slice(0, 4));
  const team = `测试包村组${Date.now() % 10_000}`;

  /**
   * Adds an option to a multiple select, typing to find it: such a list stays open after a choice,
   * so it is closed by clicking `away` (a title), which leaves the modal or drawer open.
   */
  async function pickMany(page: Page, select: Locator, typed: string, label: string, away: Locator): Promise<void> {
    await expect.poll(async () => {
      if ((await select.textContent())?.includes(label)) return true;
      await select.click();
      await page.keyboard.type(typed);
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: label }).first().click({ timeout: 5_000 }).catch(() => undefined);
      return false;
    }, WAIT).toBe(true);
    await expect.poll(async () => {
      await away.click();
      return page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count();
    }, WAIT).toBe(0);
  }

  beforeAll(async () => {
    web = await startWebApp();
    // The village's contracting of this year, if demo data has any, makes room for the test's team;
    // and a household to meet (households are another module's page).
    await web.database.db.execute(sql`delete from contracting_villages cv using organizations o
      where o.county_id = cv.county_id and o.id = cv.org_id and o.code = ${village.code} and cv.year = ${year}`);
    await web.database.db.execute(sql`insert into households (county_id, org_id, org_path, head_name, villager_group)
      select county_id, id, path, '包村测试户', '测试组' from organizations where code = ${village.code}`);
  });
  afterAll(async () => {
    await web?.close();
  });

  it('forms a team, records a visit on a phone and sees the board count it', async () => {
    const desk = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await web.signIn(desk, township.username);
    await desk.getByRole('menuitem', { name: '联系群众' }).click();
    await desk.getByRole('menuitem', { name: '包村走访' }).click();
    await desk.waitForURL(/\/contracting/);
    await desk.getByTestId('contracting-tab-teams').click();
    await desk.getByTestId('contracting-team-add').click();
    const form = desk.getByTestId('contracting-team-form');
    await form.getByTestId('contracting-team-name').fill(team);
    await choose(desk, form.getByTestId('contracting-team-leader'), leader);
    await pickMany(desk, form.getByTestId('contracting-team-villages'), village.name, village.name, desk.locator('.ant-modal-title'));
    await desk.getByTestId('contracting-team-save').click();
    await expect.poll(() => desk.locator('.ant-table-row').filter({ hasText: team }).count(), WAIT).toBe(1);
    await desk.getByTestId('contracting-tab-board').click();
    const card = desk.getByTestId('contracting-board-team').filter({ hasText: team });
    await expect.poll(() => card.getByTestId('contracting-board-held').textContent(), WAIT).toContain('0/3');
    await desk.close();

    const page = await web.newPage({ viewport: phone });
    await web.signIn(page, township.username, { at: '/contracting' });
    await page.getByTestId('contracting-record').click();
    const visit = page.getByTestId('visit-form');
    // Today, the contracted village and the user are there already.
    await expect.poll(() => visit.getByTestId('visit-village').textContent(), WAIT).toContain(village.name);
    await expect.poll(() => visit.getByTestId('visit-participants').textContent(), WAIT).toContain(leader);
    expect(await page.locator('input[data-testid="visit-date"], [data-testid="visit-date"] input').first().inputValue()).toBe(today);
    await pickMany(page, visit.getByTestId('visit-households'), '测试户', '包村测试户', page.locator('.ant-drawer-title'));
    await visit.getByTestId('visit-purpose').fill('了解秋收情况');
    await visit.getByTestId('visit-found').fill('村道破损');
    await page.screenshot({ path: join(screenshotDir, 'contracting-visit-phone.png'), fullPage: true });
    await visit.getByTestId('visit-submit').click();
    await page.getByTestId('visit-form').waitFor({ state: 'detached', ...WAIT });

    const phoneCard = page.getByTestId('contracting-board-team').filter({ hasText: team });
    await expect.poll(() => phoneCard.getByTestId('contracting-board-held').textContent(), WAIT).toContain('1/3');
    expect(await phoneCard.getByTestId('contracting-board-village').filter({ hasText: village.name }).textContent()).toContain(today);
    await page.screenshot({ path: join(screenshotDir, 'contracting-board-phone.png'), fullPage: true });

    // The problem found becomes a concern from the visit.
    await page.getByTestId('contracting-tab-visits').click();
    await page.getByTestId('contracting-visit-row').filter({ hasText: '了解秋收情况' }).first().click();
    const problem = page.getByTestId('contracting-visit-problem').filter({ hasText: '村道破损' });
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/concerns') && r.request().method() === 'POST', { timeout: 20_000 }).catch(() => null);
    await problem.getByTestId('contracting-to-concern').click();
    const response = await answered;
    await page.screenshot({ path: join(screenshotDir, 'contracting-visit-concern-phone.png'), fullPage: true });
    expect(response && `${response.status()} ${await response.text()}`).toMatch(/^201 /);
    await expect.poll(async () => (await page.locator('.ant-message-notice').allTextContents()).join(' '), WAIT).toContain('已转为诉求');
    expect(await problem.getByTestId('contracting-to-concern').count()).toBe(0);
    await page.close();
  });
});
