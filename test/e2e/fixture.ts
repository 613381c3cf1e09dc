import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { createApp } from '../../src/app.js';
import { systemClock } from '../../src/platform/clock.js';
import type { Database } from '../../src/platform/db/database.js';
import type { App } from '../../src/platform/http/app-types.js';
import { DEMO_PASSWORD, generateCounty, type DemoCounty } from '../../src/demo/generate.js';
import { loadDemoCounty } from '../../src/demo/load.js';
import { openFilledServerDatabase } from '../support/databases.js';
import { ensureWebBuilt, launchChromium } from './browser.js';

/** The browser shares two cores with other test workers: give the page time. */
export const WAIT = { timeout: 20_000, interval: 200 };

/**
 * Chooses an option of an Ant Design select or tree select by its text, typing it first when `search`. On a busy
 * machine the options may still be loading or re-rendering as they are clicked, and the click is
 * lost, or the list closes under it: choose again until the select shows the option.
 */
export async function chooseOption(page: Page, select: Locator, text: string, search = false): Promise<void> {
  for (let attempt = 1; !(await select.textContent())?.includes(text); attempt++) {
    if (attempt > 5) throw new Error(`could not choose "${text}"`);
    await select.click();
    if (search) {
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(text);
    }
    // A list that closes under the click (it was still moving) is opened again on the next attempt.
    await page.locator('.ant-select-item-option, .ant-select-tree-node-content-wrapper').filter({ hasText: text }).first().click({ timeout: 5_000 }).catch(() => undefined);
    await page.waitForTimeout(300 * attempt);
  }
}

/** The select around a form's input (antd gives the input the field's id). */
export const selectOf = (page: Page, inputId: string): Locator => page.locator(`.ant-select:has(#${inputId})`);

/**
 * Chooses an option of a select (also one among many, as in a grid's rows): the option of the dropdown
 * that is open, clicked again until the select shows it, as a list still moving may swallow the click;
 * then waits for the list to close, as an open one covers the fields below it.
 * `exact` for labels that are part of others (合格 in 基本合格).
 */

export async function choose(page: Page, select: Locator, label: string, exact = false): Promise<void> {
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  const option = open.locator('.ant-select-item-option')
    .filter({ hasText: exact ? new RegExp(`^${label}$`) : label }).last();
  await expect.poll(async () => {
    if ((await select.textContent())?.includes(label)) return true;
    if (!(await option.isVisible())) await select.click();
    await option.click({ timeout: 5_000 }).catch(() => undefined);
    return false;
  }, WAIT).toBe(true);
  // Not Escape: in a modal that closes the modal once the list has gone.
  await expect.poll(() => open.count(), WAIT).toBe(0);
}

/** The tooltip a disabled button shows on hover (the span around it takes the pointer: see Refused.tsx). */
export async function tooltipOf(page: Page, button: Locator): Promise<string | null> {
  // Another tooltip may be open where the pointer was left (a drawer that closed under it uncovers the header's):
  // it goes first, so the one read is the button's.
  await page.mouse.move(0, 0);
  const tip = page.locator('.ant-tooltip:visible').last();
  await tip.waitFor({ state: 'hidden', timeout: WAIT.timeout });
  await button.locator('xpath=..').hover();
  await tip.waitFor({ timeout: WAIT.timeout });
  const text = await tip.textContent();
  await page.mouse.move(0, 0);
  await tip.waitFor({ state: 'hidden', timeout: WAIT.timeout });
  return text;
}

export interface WebApp {
  base: string;
  database: Database;
  /**
   * A page in a new context, as `browser.newPage` gives it, with reduced motion asked for: the app then
   * opens dialogs and lists without animating, so no click lands on one still moving.
   */
  newPage(options?: Parameters<Browser['newPage']>[0]): Promise<Page>;
  demo: DemoCounty;
  /**
   * Signs in through the API and opens `at` (a path or an address; the home page by default): a second
   * or two less per journey than the login page and a home page the journey does not look at.
   */
  signIn(page: Page, username: string, options?: { at?: string; password?: string }): Promise<void>;
  /** Signs in through the login page, as a user does. */
  signInWithForm(page: Page, username: string, password?: string): Promise<void>;
  close(): Promise<void>;
}

/** The demo county every browser test runs on. */
const DEMO = { seed: 7, code: '530522', asOf: '2026-06-30' };
export const demo: DemoCounty = generateCounty(DEMO);

/**
 * The built web app served by the real server over a demo county, and a browser to use it. The county
 * is on the PostgreSQL server: a copy there takes half a second, an embedded one six; every route is
 * also tested on the embedded engine, and `serve` on it by the CLI tests.
 */
export async function startWebApp(): Promise<WebApp> {
  ensureWebBuilt();
  const database = await openFilledServerDatabase(`demo-${DEMO.seed}-${DEMO.code}-${DEMO.asOf}`, async ({ db }) => {
    await loadDemoCounty(db, systemClock, demo);
  });
  const app: App = await createApp(database);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await launchChromium();
  return {
    base, database, demo,
    newPage: (options) => browser.newPage({ reducedMotion: 'reduce', ...options }),
    async signIn(page, username, { at, password = DEMO_PASSWORD } = {}) {
      const response = await page.request.post(`${base}/api/session`, { data: { username, password } });
      expect(response.status(), await response.text()).toBe(200);
      if (at) {
        await page.goto(at.startsWith('http') ? at : `${base}${at}`);
        return;
      }
      await page.goto(`${base}/`);
      await page.getByTestId('home-title').waitFor();
    },
    async signInWithForm(page, username, password = DEMO_PASSWORD) {
      await page.goto(`${base}/`);
      await page.waitForURL(/\/login/);
      await page.getByTestId('login-username').fill(username);
      await page.getByTestId('login-password').fill(password);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('home-title').waitFor();
    },
    async close() {
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}
