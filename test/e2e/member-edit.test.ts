import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberPage } from '../../web/src/contracts.js';
import { screenshotDir } from './browser.js';
import { demo, startWebApp, WAIT, type WebApp } from './fixture.js';

/** A branch secretary corrects a member's record on the profile page; a cadre sees why they cannot. */
describe('editing a member record in Chromium', () => {
  let web: WebApp;
  const secretary = demo.accounts.find((a) => a.role === 'branch_secretary')!;
  const village = demo.people.filter((p) => p.orgCode === secretary.orgCode);
  // Someone with a phone on record who stays at home, and whose name no one else in the village shares.
  const person = village.find((p) => p.membership?.category === 'full' && !p.membership.mobile && p.phone !== null
    && village.filter((o) => o.name === p.name).length === 1)!;

  beforeAll(async () => {
    web = await startWebApp();
  });
  afterAll(async () => {
    await web?.close();
  });

  /** The profile page of the person, found through the API as the signed-in user. */
  async function openProfile(page: Page): Promise<void> {
    const response = await page.request.get(`${web.base}/api/members?org=${secretary.orgCode}&q=${encodeURIComponent(person.name)}`);
    expect(response.status()).toBe(200);
    const [item] = ((await response.json()) as MemberPage).items;
    await page.goto(`${web.base}/members/${item!.personId}`);
    await expect.poll(() => page.getByTestId('member-name').textContent(), WAIT).toBe(person.name);
  }

  it('lets the secretary replace the phone number, fix the address and mark a mobile member, with errors on the field', async () => {
    expect(person).toBeDefined();
    const page = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await web.signIn(page, secretary.username);
    await openProfile(page);

    await page.getByTestId('member-edit').click();
    const drawer = page.getByTestId('member-edit-drawer');
    await drawer.getByTestId('member-edit-name').waitFor(WAIT);
    // The form holds masked numbers only: the full ones are never fetched to edit.
    const maskedId = await drawer.getByTestId('member-edit-id-number-masked').inputValue();
    expect(maskedId).toMatch(/^\d{6}\*+[\dX]{4}$/);
    expect(maskedId).not.toBe(person.idNumber);

    await drawer.getByTestId('member-edit-id-number-replace').click();
    await drawer.getByTestId('member-edit-id-number').fill(`${person.idNumber.slice(0, 17)}${person.idNumber.endsWith('1') ? '2' : '1'}`);
    await page.getByTestId('member-edit-save').click();
    await expect.poll(() => drawer.locator('.ant-form-item-explain-error').allTextContents(), WAIT)
      .toEqual(['公民身份号码的校验码不对，号码可能有录入错误']);
    await page.screenshot({ path: join(screenshotDir, 'member-edit-error.png'), fullPage: true });

    await drawer.getByTestId('member-edit-id-number-keep').click();
    await expect.poll(() => drawer.locator('.ant-form-item-explain-error').count(), WAIT).toBe(0);
    await drawer.getByTestId('member-edit-phone-replace').click();
    await drawer.getByTestId('member-edit-phone').fill('139 0000 1234');
    await drawer.getByTestId('member-edit-address').fill('马家村七组');
    await drawer.getByTestId('member-edit-mobile').click();
    await drawer.getByTestId('member-edit-mobile-destination').fill('广州市');
    await drawer.getByLabel('外出日期').fill('2025-10-01');
    await drawer.getByLabel('外出日期').press('Enter');
    await page.screenshot({ path: join(screenshotDir, 'member-edit.png'), fullPage: true });
    await page.getByTestId('member-edit-save').click();

    await expect.poll(() => page.getByTestId('member-facts').textContent(), WAIT).toContain('马家村七组');
    expect(await page.getByTestId('member-phone').textContent()).toBe('139****1234');
    await expect.poll(() => page.getByTestId('member-flags').textContent(), WAIT).toContain('流动党员：广州市（自 2025-10-01）');
    await page.close();
  });

  it('shows a cadre the action disabled, with the reason', async () => {
    const page = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await web.signIn(page, 'cadre');
    await openProfile(page);
    const action = page.getByTestId('member-edit');
    await expect.poll(() => action.isDisabled(), WAIT).toBe(true);
    // A hover can land before the page settles: hover again on each try, and never wait on a tooltip that is not there.
    await expect.poll(async () => {
      await action.locator('..').hover();
      return page.getByRole('tooltip').textContent({ timeout: 1_000 }).catch(() => null);
    }, WAIT).toBe('您的岗位不能修改党员信息');
    await page.close();
  });
});
