import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotDir } from './browser.js';
import { choose, demo, startWebApp, WAIT, type WebApp } from './fixture.js';

/** A branch secretary's journey through the member register: list, filter, open a profile, show full numbers. */
describe('member register in Chromium', () => {
  let web: WebApp;
  const secretary = demo.accounts.find((a) => a.role === 'branch_secretary')!;
  const subtree = new Set([secretary.orgCode]);
  for (let grown = true; grown;) {
    const before = subtree.size;
    for (const org of demo.orgs) if (org.parentCode && subtree.has(org.parentCode)) subtree.add(org.code);
    grown = subtree.size > before;
  }
  const members = demo.people.filter((p) => subtree.has(p.orgCode) && (p.membership?.category === 'full' || p.membership?.category === 'probationary'));
  const total = (text: string | null) => Number(/共\s*([\d,]+)\s*人/.exec(text ?? '')?.[1]?.replace(/,/g, '') ?? NaN);

  beforeAll(async () => {
    web = await startWebApp();
  });
  afterAll(async () => {
    await web?.close();
  });

  it('lists the village\'s members, filters them, and opens a profile with the full numbers on request', async () => {
    expect(members.length).toBeGreaterThan(2);
    const page = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await web.signIn(page, secretary.username);
    await page.getByRole('menuitem', { name: '党员管理' }).click();
    await page.waitForURL(/\/members$/);
    await expect.poll(async () => total(await page.getByTestId('members-total').textContent()), WAIT).toBe(members.length);
    await expect.poll(() => page.getByTestId('members-table').textContent(), WAIT).toMatch(/\d{6}\*+[\dX]{4}/);

    await choose(page, page.getByTestId('member-gender'), '女', true);
    await page.getByTestId('member-filter-apply').click();
    await page.waitForURL(/gender=2/);
    const women = members.filter((p) => p.gender === '2');
    await expect.poll(async () => total(await page.getByTestId('members-total').textContent()), WAIT).toBe(women.length);
    await page.screenshot({ path: join(screenshotDir, 'members.png'), fullPage: true });

    const person = women[0] ?? members[0]!;
    await page.getByPlaceholder('姓名或拼音首字母，如 zs').fill(person.name);
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=/);
    await page.getByTestId('member-link').filter({ hasText: person.name }).first().click();
    await page.waitForURL(/\/members\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('member-name').textContent(), WAIT).toBe(person.name);
    await expect.poll(() => page.getByTestId('member-pipeline').textContent(), WAIT).toContain('接收为预备党员');
    const masked = await page.getByTestId('member-id-number').textContent();
    expect(masked).toContain('*');
    expect(masked).not.toBe(person.idNumber);

    await page.getByTestId('member-show-full').click();
    await expect.poll(() => page.getByTestId('member-id-number').textContent(), WAIT).toBe(person.idNumber);
    await page.screenshot({ path: join(screenshotDir, 'member-profile.png'), fullPage: true });
    await page.close();
  });

  it('fits a phone: the list collapses its columns', async () => {
    const page = await web.newPage({ viewport: { width: 375, height: 800 } });
    await web.signIn(page, secretary.username, { at: '/members' });
    await expect.poll(async () => total(await page.getByTestId('members-total').textContent()), WAIT).toBe(members.length);
    await page.screenshot({ path: join(screenshotDir, 'members-phone.png'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.close();
  });
});
