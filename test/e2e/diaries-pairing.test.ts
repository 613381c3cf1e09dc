import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { households } from '../../src/modules/households/schema.js';
import { organizations } from '../../src/modules/organizations/schema.js';
import { chinaDate, systemClock } from '../../src/platform/clock.js';
import { screenshotDir } from './browser.js';
import { choose, demo, startWebApp, WAIT, type WebApp } from './fixture.js';

/**
 * 民情日记 and 结对帮扶 in a real browser. A township cadre writes a diary of a village on a phone
 * and finds it again by two characters from the middle of a word, the match marked; the township
 * administrator pairs the cadre with a household, and the cadre records a contact on a phone.
 */
describe('diaries and pairing in Chromium', () => {
  let web: WebApp;
  const phone = { width: 390, height: 844 };
  const township = demo.accounts.find((a) => a.role === 'township_admin')!;
  const cadre = demo.accounts.find((a) => a.role === 'cadre' && a.orgCode === township.orgCode)!;
  const cadreName = demo.people.find((p) => p.key === cadre.personKey)!.name;
  const village = demo.orgs.find((o) => o.parentCode === township.orgCode && o.unitType === 'village' && o.type !== 'party_group')!;
  const today = chinaDate(systemClock.now());
  // Distinct from anything the demo county may hold, so the search finds this diary alone.
  const problem = '村口水窖开裂漏水，群众反映吃水紧张';
  const head = '测试结对户主';

  beforeAll(async () => {
    web = await startWebApp();
    // Households are another module's records: one is stored here as that module keeps them.
    const { db } = web.database;
    const [org] = await db.select().from(organizations).where(and(eq(organizations.code, village.code)));
    await db.insert(households).values({ countyId: org!.countyId, orgId: org!.id, orgPath: org!.path, headName: head, number: 'E2E-1', villagerGroup: '一组' });
  });
  afterAll(async () => {
    await web?.close();
  });

  it('writes a diary on a phone and finds it by two characters from the middle of a word, marked', async () => {
    const page = await web.newPage({ viewport: phone });
    await web.signIn(page, cadre.username, { at: `/diaries?org=${village.code}` });
    await page.getByTestId('diary-write').click();
    const drawer = page.getByTestId('diary-drawer');
    await drawer.getByTestId('diary-situation').fill('户主务农，家中四口人');
    await drawer.getByTestId('diary-problems').fill(problem);
    await drawer.getByTestId('diary-plan').fill('联系水利站尽快维修');
    // The form fits the phone: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await page.screenshot({ path: join(screenshotDir, 'diary-form-phone.png') });
    await drawer.getByTestId('diary-save').click();
    const detail = page.getByTestId('diary-detail');
    await expect.poll(() => detail.getByTestId('diary-detail-problems').textContent().catch(() => null), WAIT).toBe(problem);
    expect(await detail.textContent()).toContain(cadreName);
    await page.goto(`${web.base}/diaries`);
    // 窖开 sits inside 水窖开裂: two characters from the middle of a word.
    await page.getByTestId('diaries-search').locator('input').fill('窖开');
    await page.getByTestId('diaries-search').locator('input').press('Enter');
    await page.waitForURL(/q=/);
    const items = page.getByTestId('diary-item');
    await expect.poll(() => items.first().getByTestId('diary-mark').allTextContents(), WAIT).toEqual(['窖开']);
    expect(await items.count()).toBe(1);
    expect(await items.first().getByTestId('diary-snippet').textContent()).toContain(problem);
    await page.screenshot({ path: join(screenshotDir, 'diary-search-phone.png') });
    // One character is too short for the pairs: the server says so.
    await page.getByTestId('diaries-search').locator('input').fill('窖');
    await page.getByTestId('diaries-search').locator('input').press('Enter');
    await expect.poll(() => page.getByText('至少需要两个字').count(), WAIT).toBeGreaterThan(0);
    await page.close();
  });

  it('pairs the cadre with a household, and the cadre records a contact on a phone', async () => {
    const admin = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await web.signIn(admin, township.username, { at: `/pairing?org=${village.code}` });
    await admin.getByTestId('pairing-new').click();
    const drawer = admin.getByTestId('pair-drawer');
    await choose(admin, drawer.getByTestId('pair-household'), head);
    await choose(admin, drawer.getByTestId('pair-cadre'), cadreName);
    await drawer.getByTestId('pair-help').getByText('产业帮扶').click();
    await drawer.getByTestId('pair-save').click();
    const card = admin.getByTestId('pairing-card').filter({ hasText: head });
    await expect.poll(() => card.count(), WAIT).toBe(1);
    expect(await card.getByTestId('pairing-status').textContent()).toBe('本期待联系');
    await admin.getByTestId('pairing-tab-quotas').click();
    await expect.poll(() => admin.getByTestId('quota-table').textContent(), WAIT).toContain(cadreName);
    await admin.getByTestId('pairing-tab-compliance').click();
    await expect.poll(() => admin.getByTestId('pairing-compliance').textContent(), WAIT).toContain(`${cadreName} → ${head}`);
    // The quotas are the county's to set: the township reads them.
    await admin.getByTestId('pairing-tab-settings').click();
    await expect.poll(() => admin.getByTestId('pairing-settings').textContent(), WAIT).toContain('主要领导');
    expect(await admin.getByTestId('pairing-settings-save').count()).toBe(0);
    await admin.close();

    const page = await web.newPage({ viewport: phone });
    await web.signIn(page, cadre.username, { at: '/pairing?mine=1' });
    const mine = page.getByTestId('pairing-card').filter({ hasText: head });
    await expect.poll(() => mine.count(), WAIT).toBe(1);
    await mine.getByTestId('pairing-contact').click();
    await page.getByTestId('contact-note').fill('了解灌溉用水情况');
    await page.getByRole('button', { name: '保 存' }).or(page.getByRole('button', { name: '保存' })).click();
    await expect.poll(() => mine.getByTestId('pairing-last').textContent(), WAIT).toBe(`最近联系：${today}`);
    expect(await mine.getByTestId('pairing-status').textContent()).toBe('本期已联系');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await page.screenshot({ path: join(screenshotDir, 'pairing-contact-phone.png') });
    await page.close();
  });
});
