import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/modules/accounts/users.js';
import { findCounty, operatorFor } from '../../src/modules/organizations/county.js';
import { idNumberOf } from '../support/members.js';
import { people } from '../../src/modules/people/schema.js';
import type { TransferView } from '../../web/src/components/members/transfers/types.js';
import { systemClock } from '../../src/platform/clock.js';
import { screenshotDir } from './browser.js';
import { chooseOption, demo, selectOf, startWebApp, WAIT, type WebApp } from './fixture.js';

/** 组织关系转接 in a real browser: a village secretary sends a member, another village's secretary receives them. */
describe('membership transfers in Chromium', () => {
  let web: WebApp;
  const secretary = demo.accounts.find((a) => a.role === 'branch_secretary')!;
  const member = demo.people.find((p) => p.orgCode === secretary.orgCode && p.membership?.category === 'full')!;
  const holdsMembers = (code: string) => !demo.orgs.some((o) => o.parentCode === code && o.type !== 'party_group');
  const target = demo.orgs.find((o) => o.type === 'branch' && o.unitType === 'village' && o.code !== secretary.orgCode && holdsMembers(o.code))!;
  const receiver = { username: 'receiver', password: 'Recv2026' };
  let personId = '';

  beforeAll(async () => {
    web = await startWebApp();
    // The demo has one village secretary; the receiving village gets its own for this test.
    const county = await findCounty(web.database.db, demo.code);
    const operator = { db: web.database.db, clock: systemClock, actor: await operatorFor(web.database.db, county!, 'test') };
    await addUser(operator, { ...receiver, role: 'branch_secretary', orgCode: target.code, name: '接收方书记' });
    const [person] = await web.database.db.select({ id: people.id }).from(people).where(eq(people.idNumber, member.idNumber));
    personId = person!.id;
  });
  afterAll(async () => {
    await web?.close();
  });

  const okButton = (page: Page) => page.locator('.ant-modal').getByRole('button', { name: /确\s*定/ });

  it('sends a member from one village and receives them in another', async () => {
    expect(member).toBeDefined();
    expect(target).toBeDefined();
    const sender = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await web.signIn(sender, secretary.username, { at: `/members/${personId}` });
    await expect.poll(() => sender.getByTestId('member-name').textContent(), WAIT).toBe(member.name);
    await sender.getByTestId('transfer-send').click();
    await sender.getByRole('menuitem', { name: '转往本县其他党组织' }).click();
    await chooseOption(sender, sender.getByTestId('transfer-target'), target.name, true);
    await okButton(sender).click();
    await expect.poll(() => sender.getByTestId('member-transfer-table').textContent(), WAIT).toContain('待接收');
    const [sent] = (await (await sender.request.get(`${web.base}/api/members/${personId}/transfers`)).json() as { items: TransferView[] }).items;
    expect(sent).toMatchObject({ state: 'sent', to: { code: target.code } });
    // Until received, the member is still the sender's.
    await expect.poll(() => sender.getByTestId('member-membership').textContent(), WAIT).toContain(demo.orgs.find((o) => o.code === secretary.orgCode)!.name);
    await sender.screenshot({ path: join(screenshotDir, 'transfer-sent.png'), fullPage: true });
    await sender.close();

    const page = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await web.signIn(page, receiver.username, { password: receiver.password });
    await page.getByRole('menuitem', { name: '组织关系转接' }).click();
    await page.waitForURL(/\/transfers/);
    await expect.poll(() => page.getByTestId('transfers-table').textContent(), WAIT).toContain(member.name);
    await page.screenshot({ path: join(screenshotDir, 'transfers-incoming.png'), fullPage: true });
    await page.getByTestId(`transfer-receive-${sent!.id}`).click();
    await okButton(page).click();
    await expect.poll(() => page.getByTestId(`transfer-state-${sent!.id}`).textContent(), WAIT).toBe('已办结');
    // Now the member is the receiver's: the profile opens and shows the new organization.
    await page.getByRole('link', { name: member.name }).click();
    await page.waitForURL(/\/members\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('member-membership').textContent(), WAIT).toContain(target.name);
    await page.screenshot({ path: join(screenshotDir, 'transfer-received.png'), fullPage: true });
    await page.close();
  });

  it('registers a member arriving from outside the county, then records their death', async () => {
    const page = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await web.signIn(page, receiver.username, { at: '/transfers', password: receiver.password });
    await page.getByTestId('transfer-arrival').click();
    await chooseOption(page, selectOf(page, 'orgCode'), target.name, true);
    await page.getByTestId('arrival-external-org').fill('大理市下关镇党委');
    await page.getByTestId('arrival-letter-no').fill('大组〔2026〕18号');
    await page.getByTestId('arrival-name').fill('何新来');
    await page.getByTestId('arrival-id-number').fill(idNumberOf('11010119850315002'));
    for (const [field, date] of [['joinedOn', '2010-07-01'], ['fullOn', '2011-07-01']] as const) {
      await page.locator(`#${field}`).click();
      await page.keyboard.type(date);
      await page.keyboard.press('Enter');
    }
    await page.screenshot({ path: join(screenshotDir, 'transfer-arrival-form.png'), fullPage: true });
    await okButton(page).click();
    await page.waitForURL(/box=arrivals/);
    await expect.poll(() => page.getByTestId('transfers-table').textContent(), WAIT).toContain('何新来');
    await page.getByRole('link', { name: '何新来' }).click();
    await expect.poll(() => page.getByTestId('member-membership').textContent(), WAIT).toContain(target.name);

    await page.getByTestId('member-end').click();
    await page.getByTestId('end-note').fill('因病去世');
    await okButton(page).click();
    await expect.poll(() => page.locator('.ant-card').filter({ hasText: '组织关系' }).first().textContent(), WAIT).toContain('目前没有组织关系');
    await expect.poll(() => page.getByTestId('member-history').textContent(), WAIT).toContain('去世');
    await page.screenshot({ path: join(screenshotDir, 'membership-ended.png'), fullPage: true });
    await page.close();
  });
});
