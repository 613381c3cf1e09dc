import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/modules/accounts/schema.js';
import { screenshotDir } from './browser.js';
import { choose, chooseOption, demo, selectOf, startWebApp, WAIT, type WebApp } from './fixture.js';

/**
 * 信访事项 in a real browser: the village secretary, on a phone, registers a letter referred by the
 * county's petition bureau; the township administrator accepts it and replies in writing; the
 * secretary records the double feedback. Then a petition accusing the secretary is registered, and
 * the secretary finds no trace of it: not in the register, not by its address, not on the home page.
 */
describe('petitions in Chromium', () => {
  let web: WebApp;
  const phone = { width: 390, height: 844 };
  const secretary = demo.accounts.find((a) => a.role === 'branch_secretary')!;
  const township = demo.accounts.find((a) => a.role === 'township_admin')!;
  const village = demo.orgs.find((o) => o.code === secretary.orgCode)!;
  const content = '反映灌溉水渠渗漏问题甲乙丙';
  const accusing = '举报村书记违规发放补贴丁戊';
  let id = '';
  let secretaryPage: Page;
  let adminPage: Page;

  beforeAll(async () => {
    web = await startWebApp();
  });
  afterAll(async () => {
    await web?.close();
  });

  const act = async (page: Page, action: string, fill?: () => Promise<void>) => {
    await expect.poll(() => page.getByTestId(`petition-${action}`).isEnabled(), WAIT).toBe(true);
    await page.getByTestId(`petition-${action}`).click();
    await fill?.();
    const saved = page.waitForResponse((r) => r.url().endsWith(`/api/petitions/${id}/${action}`) && r.request().method() === 'POST', { timeout: WAIT.timeout });
    await page.getByTestId('petition-action-ok').click();
    expect((await saved).status()).toBe(200);
    await expect.poll(() => page.getByTestId('petition-action-ok').count(), WAIT).toBe(0);
  };

  it('is registered by the secretary on a phone, accepted and answered by the township, and fed back by the secretary', async () => {
    secretaryPage = await web.newPage({ viewport: phone });
    const page = secretaryPage;
    await web.signIn(page, secretary.username, { at: '/petitions' });
    await page.getByTestId('petitions-title').waitFor();
    await page.getByTestId('petition-register').click();
    const modal = page.locator('.ant-modal');
    await chooseOption(page, selectOf(page, 'petition-org'), village.name, true);
    await choose(page, page.getByTestId('petition-field-channel'), '上级转交办');
    await modal.getByLabel('转交办机关').fill('县信访局');
    await page.getByTestId('petition-field-content').fill(content);
    await page.getByTestId('petition-field-name').fill('测试信访人');
    await page.getByTestId('petition-field-phone').fill('13911112222');
    const registered = page.waitForResponse((r) => r.url().endsWith('/api/petitions') && r.request().method() === 'POST', { timeout: WAIT.timeout });
    await page.getByTestId('petition-register-ok').click();
    const answer = await registered;
    expect(answer.status()).toBe(201);
    id = ((await answer.json()) as { id: string }).id;
    await expect.poll(() => page.getByTestId('petition-state').textContent(), WAIT).toBe('待决定是否受理');
    // The secretary registers but does not handle: the petitioner is masked and acceptance is the township's.
    expect(await page.getByTestId('petition-petitioner').textContent()).toContain('测**');
    expect(await page.getByTestId('petition-accept').isDisabled()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await page.screenshot({ path: join(screenshotDir, 'petition-registered-phone.png'), fullPage: true });

    adminPage = await web.newPage();
    const admin = adminPage;
    await web.signIn(admin, township.username, { at: `/petitions?id=${id}` });
    await admin.getByTestId('petition-actions').waitFor();
    expect(await admin.getByTestId('petition-petitioner').textContent()).toContain('测试信访人');
    await act(admin, 'accept');
    await expect.poll(() => admin.getByTestId('petition-state').textContent(), WAIT).toBe('办理中');
    await act(admin, 'reply', () => admin.getByTestId('petition-field-text').fill('经现场查看，水渠已安排修复。'));
    await expect.poll(() => admin.getByTestId('petition-state').textContent(), WAIT).toBe('已书面答复');
    await expect.poll(() => admin.getByTestId('petition-list').textContent(), WAIT).toContain(content);
    await admin.screenshot({ path: join(screenshotDir, 'petition-replied.png'), fullPage: true });

    await page.goto(`${web.base}/petitions?id=${id}`);
    await expect.poll(() => page.getByTestId('petition-owed').textContent(), WAIT).toContain('信访人、交办机关');
    // The way of reporting is preset (in person; a written report to the body).
    await act(page, 'feedback_petitioner', () => page.getByTestId('petition-field-by').fill('村支部书记'));
    await act(page, 'feedback_body', async () => {
      await page.getByTestId('petition-field-by').fill('村支部书记');
      await choose(page, page.getByTestId('petition-field-how'), '信息系统');
    });
    await expect.poll(() => page.getByTestId('petition-owed').count(), WAIT).toBe(0);
    await expect.poll(() => page.getByTestId('petition-timeline').textContent(), WAIT).toContain('报告交办机关');
  });

  it('leaves no trace of a petition accusing the secretary in what the secretary sees', async () => {
    const page = secretaryPage;
    const register = async () => {
      await page.goto(`${web.base}/petitions`);
      await expect.poll(() => page.getByTestId('petition-list').textContent(), WAIT).toContain(content);
      return { counts: await page.getByTestId('petition-counts').textContent(), rows: await page.locator('[data-testid^="petition-row-"]').count() };
    };
    const before = await register();
    const [account] = await web.database.db.select().from(users).where(eq(users.username, secretary.username));
    const admin = adminPage;
    const made = await admin.request.post(`${web.base}/api/petitions`, { data: {
      orgCode: village.code, receivedOn: '2026-06-01', channel: 'letter', category: 'cadre_conduct', content: accusing,
      petitioners: [{ name: '匿名举报人' }], accusedPeople: [{ personId: account!.personId }],
    } });
    expect(made.status()).toBe(201);
    const hidden = ((await made.json()) as { id: string; number: string });
    await admin.goto(`${web.base}/petitions`);
    await expect.poll(() => admin.getByTestId('petition-list').textContent(), WAIT).toContain(accusing);
    await admin.close();

    // The same register, the same counts: nothing tells the secretary a petition about them exists.
    expect(await register()).toEqual(before);
    expect(await page.content()).not.toContain(accusing);
    await page.goto(`${web.base}/petitions?id=${hidden.id}`);
    await expect.poll(() => page.getByTestId('petition-drawer').textContent(), WAIT).toContain('未找到该信访事项');
    await page.goto(`${web.base}/`);
    await page.getByTestId('todo-list').waitFor();
    const home = await page.content();
    expect(home).not.toContain(accusing);
    expect(home).not.toContain(hidden.number);
    await page.close();
  });
});
