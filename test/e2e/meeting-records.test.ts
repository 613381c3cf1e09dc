import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../web/src/contracts.js';
import { chinaDate, systemClock } from '../../src/platform/clock.js';
import { tinyPng } from '../support/files.js';
import { screenshotDir } from './browser.js';
import { demo, startWebApp, WAIT, type WebApp } from './fixture.js';

/**
 * A meeting's attachments and the record book in a real browser, on a phone: the secretary records a
 * meeting, attaches a photo, sees it listed and opens it, is refused a ".jpg" that is really a zip,
 * and exports the branch's record book.
 */
describe('meeting attachments and the record book in Chromium', () => {
  let web: WebApp;
  const phone = { width: 390, height: 844 };
  const secretary = demo.accounts.find((a) => a.role === 'branch_secretary')!;
  const topic = `党员活动照片（${Date.now().toString(36)}）`;

  beforeAll(async () => {
    web = await startWebApp();
  });
  afterAll(async () => {
    await web?.close();
  });

  const fitsPhone = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);

  it('attaches a photo to a meeting, refuses a fake image, and exports the record book', async () => {
    const page = await web.newPage({ viewport: phone, acceptDownloads: true });
    await web.signIn(page, secretary.username, { at: '/meetings' });
    // A committee meeting held today, everyone expected present: the form's defaults.
    await page.getByTestId('meeting-new').click();
    await page.getByTestId('meeting-form').getByTestId('meeting-topic').fill(topic);
    await page.getByTestId('meeting-save').click();
    await page.getByTestId('meeting-drawer').waitFor({ state: 'hidden', ...WAIT });
    await page.getByTestId('meetings-table').getByText(topic).click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    const meetingId = page.url().split('/').pop()!;

    const section = page.getByTestId('meeting-attachments');
    await expect.poll(() => section.textContent(), WAIT).toContain('暂无附件');
    const picker = section.locator('input[type="file"]');
    expect(await picker.getAttribute('accept')).toBe('image/*,application/pdf');
    const png = tinyPng();
    await picker.setInputFiles({ name: '活动照片.png', mimeType: 'image/png', buffer: png });
    await expect.poll(() => section.getByTestId('attachment-item').count(), WAIT).toBe(1);
    // The thumbnail is the stored image itself, decoded by the browser.
    await expect.poll(() => section.locator('img[alt="活动照片.png"]').evaluate((img) => (img as HTMLImageElement).naturalWidth), WAIT).toBe(1);

    // Opening it serves the stored bytes as the image.
    const [opened] = await Promise.all([page.context().waitForEvent('page'), section.getByTestId('attachment-open').click()]);
    const served = await page.request.get(opened.url());
    expect(served.headers()['content-type']).toBe('image/png');
    expect(Buffer.from(await served.body()).equals(png)).toBe(true);
    await opened.close();

    // A ".jpg" that is really a zip archive: refused, naming the file.
    await picker.setInputFiles({ name: '假照片.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]) });
    await expect.poll(() => page.getByTestId('attachments-error').textContent(), WAIT).toContain('文件“假照片.jpg”不是 JPEG、PNG、WebP 图片或 PDF 文件');
    expect(await section.getByTestId('attachment-item').count()).toBe(1);
    await fitsPhone(page);
    await page.screenshot({ path: join(screenshotDir, 'meeting-attachments-phone.png'), fullPage: true });

    const stored = await (await page.request.get(`${web.base}/api/meetings/${meetingId}`)).json() as MeetingDetail;
    expect(stored.attachments).toMatchObject([{ fileName: '活动照片.png', mediaType: 'image/png', sizeBytes: png.length }]);

    // The record book of the branch (the secretary's own organization), with the meeting in it.
    await page.goto(`${web.base}/meetings`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('record-book-export').click()]);
    expect(download.suggestedFilename()).toMatch(/会议记录簿\.xlsx$/);
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const list = workbook.getWorksheet('会议一览')!;
    const topics = list.getColumn(6).values.map(String);
    expect(topics).toContain(topic);
    expect(workbook.worksheets.length).toBe(list.rowCount - 2 + 1);
    await fitsPhone(page);
    await page.screenshot({ path: join(screenshotDir, 'meetings-record-book-phone.png'), fullPage: true });
    await page.close();
  }, 180_000);

  it('shows a member\'s last twelve months of organizational life, and the branch\'s list to look into', async () => {
    const page = await web.newPage({ viewport: phone });
    await web.signIn(page, secretary.username);
    const members = await (await page.request.get(`${web.base}/api/members?org=${secretary.orgCode}&pageSize=1`)).json() as { items: { personId: string }[] };
    await page.goto(`${web.base}/members/${members.items[0]!.personId}`);
    const card = page.getByTestId('participation-card');
    await expect.poll(() => card.getByTestId('participation-month').count(), WAIT).toBe(12);
    const months = await card.getByTestId('participation-month').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-month')));
    expect(months.at(-1)).toBe(chinaDate(systemClock.now()).slice(0, 7));
    await fitsPhone(page);
    await page.screenshot({ path: join(screenshotDir, 'member-participation-phone.png'), fullPage: true });

    await page.goto(`${web.base}/participation?org=${secretary.orgCode}`);
    await expect.poll(() => page.getByTestId('participation-title').textContent(), WAIT).toBe('需了解情况的党员');
    await page.getByTestId('participation-flagged').waitFor(WAIT);
    await fitsPhone(page);
    await page.close();
  }, 120_000);
});
