import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LecturerSuggestion, MeetingDetail, MeetingPage } from '../../web/src/contracts.js';
import { chinaDate, systemClock } from '../../src/platform/clock.js';
import { t } from '../../src/platform/i18n/index.js';
import { screenshotDir } from './browser.js';
import { chooseOption, demo, startWebApp, WAIT, type WebApp } from './fixture.js';

/**
 * 会议活动 in a real browser: a village secretary records a held committee meeting on a phone, with
 * its attendance and one resolution; a resolution marked passed without a quorum is refused with the
 * server's reason on the form; the meeting then shows in the list, the calendar and its own page.
 */
describe('meetings in Chromium', () => {
  let web: WebApp;
  const phone = { width: 390, height: 844 };
  const secretary = demo.accounts.find((a) => a.role === 'branch_secretary')!;
  const member = demo.accounts.find((a) => a.role === 'member' && a.orgCode === secretary.orgCode)!;
  const township = demo.accounts.find((a) => a.role === 'township_admin')!;
  const name = (key: string) => demo.people.find((p) => p.key === key)!.name;
  // The branch committee: who holds an office in the village branch (a member's account is no office).
  const committee = [...new Set(demo.posts.filter((p) => p.orgCode === secretary.orgCode && p.role !== 'member').map((p) => name(p.personKey)))];
  const excused = committee.find((n) => n !== name(secretary.personKey))!;
  const topic = `研究发展对象人选（${Date.now().toString(36)}）`;
  const resolution = '同意将入党积极分子列为发展对象';
  const today = chinaDate(systemClock.now());

  beforeAll(async () => {
    web = await startWebApp();
  });
  afterAll(async () => {
    await web?.close();
  });

  /** The input of an antd field by its test id, which sits on the input itself or on a wrapper. */
  const inputOf = (scope: Locator, testId: string) => scope.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
  const fitsPhone = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);

  it('records a held committee meeting on a phone, refusing a resolution passed without a quorum', async () => {
    expect(committee.length).toBeGreaterThanOrEqual(3);
    const page = await web.newPage({ viewport: phone });
    await web.signIn(page, secretary.username);
    await page.getByRole('button', { name: '菜单' }).click();
    await page.getByRole('menuitem', { name: '组织生活' }).click();
    await page.waitForURL(/\/meetings$/);

    await page.getByTestId('meeting-new').click();
    const form = page.getByTestId('meeting-form');
    // A branch records a committee meeting held today, expecting its committee, all present.
    await expect.poll(async () => (await page.getByTestId('attendee-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-person')))).sort(), WAIT)
      .toEqual([...committee].sort());
    await expect.poll(() => form.getByTestId('meeting-kind').textContent(), WAIT).toContain('支委会');
    expect(await inputOf(form, 'meeting-held-on').inputValue()).toBe(today);
    await expect.poll(() => form.getByTestId('meeting-host').textContent(), WAIT).toContain(name(secretary.personKey));

    await form.getByTestId('meeting-topic').fill(topic);
    await form.getByTestId('meeting-place').fill('村党员活动室');
    const row = form.getByTestId('attendee-row').filter({ hasText: excused });
    await row.getByText('请假', { exact: true }).click();
    await row.getByTestId('attendee-reason').fill('外出务工');
    await expect.poll(() => form.getByTestId('attendee-tally').textContent(), WAIT).toContain(`出席 ${committee.length - 1}，请假 1`);

    // The resolution starts from the attendance: every voter should attend, those present are present.
    await form.getByTestId('resolution-add').click();
    const card = form.getByTestId('resolution');
    await card.getByTestId('resolution-title').fill(resolution);
    expect(await inputOf(card, 'resolution-shouldAttend').inputValue()).toBe(String(committee.length));
    expect(await inputOf(card, 'resolution-present').inputValue()).toBe(String(committee.length - 1));

    // Bad input: one present of three, yet marked passed.
    await inputOf(card, 'resolution-present').fill('1');
    await inputOf(card, 'resolution-yes').fill('1');
    await card.getByTestId('resolution-passed').click();
    await page.getByTestId('meeting-save').click();
    const refusal = t('zh', 'meetings.rule.passed_without_quorum', { title: resolution, shouldAttend: committee.length, present: 1 });
    await expect.poll(() => card.locator('.ant-form-item-explain-error').allTextContents(), WAIT).toContain(refusal);
    await page.screenshot({ path: join(screenshotDir, 'meeting-form-refused-phone.png'), fullPage: true });

    await inputOf(card, 'resolution-present').fill(String(committee.length - 1));
    await inputOf(card, 'resolution-yes').fill(String(committee.length - 1));
    await page.getByTestId('meeting-save').click();
    await page.getByTestId('meeting-drawer').waitFor({ state: 'hidden', ...WAIT });

    // The list: the meeting with its attendance.
    const listed = page.getByTestId('meetings-table').locator('tr').filter({ hasText: topic });
    await expect.poll(() => listed.textContent(), WAIT).toContain(`${committee.length - 1}/${committee.length}`);
    await fitsPhone(page);
    await page.screenshot({ path: join(screenshotDir, 'meetings-phone.png'), fullPage: true });

    // The calendar: today has a mark, and today's list names the meeting.
    await page.getByTestId('meetings-view').getByText('日历').click();
    await page.waitForURL(/view=calendar/);
    await expect.poll(() => page.getByTestId('meeting-calendar-list').textContent(), WAIT).toContain(topic);
    expect(await page.locator(`td[title="${today}"]`).getByTestId('meeting-calendar-dot').count()).toBe(1);
    await fitsPhone(page);
    await page.screenshot({ path: join(screenshotDir, 'meetings-calendar-phone.png'), fullPage: true });

    await page.getByTestId('meeting-calendar-list').getByText(topic).click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('meeting-topic-title').textContent(), WAIT).toBe(topic);
    expect(await page.getByTestId('meeting-attendance').textContent()).toContain(`实到 ${committee.length - 1}/应到 ${committee.length}`);
    expect(await page.getByTestId('meeting-attendance-excused').textContent()).toContain(`${excused}（外出务工）`);
    expect(await page.getByTestId('meeting-resolution').textContent()).toContain('通过');
    expect(await page.getByTestId('meeting-facts').textContent()).toContain('村党员活动室');

    // A correction goes through the same form, starting from the record.
    await page.getByTestId('meeting-edit').click();
    await expect.poll(() => page.getByTestId('attendee-row').count(), WAIT).toBe(committee.length);
    await page.getByTestId('meeting-minutes').fill('会议同意将一名入党积极分子列为发展对象。');
    await page.getByTestId('meeting-save').click();
    await expect.poll(() => page.getByTestId('meeting-minutes-view').textContent(), WAIT).toContain('会议同意将一名入党积极分子列为发展对象。');
    expect(await page.getByTestId('meeting-attendance-excused').textContent()).toContain(`${excused}（外出务工）`);
    await fitsPhone(page);
    await page.screenshot({ path: join(screenshotDir, 'meeting-phone.png'), fullPage: true });

    const id = page.url().split('/').pop()!;
    const stored = await (await page.request.get(`${web.base}/api/meetings/${id}`)).json() as MeetingDetail;
    expect(stored).toMatchObject({ kind: 'committee_meeting', status: 'held', heldOn: today, expected: committee.length, present: committee.length - 1 });
    expect(stored.resolutions).toMatchObject([{ title: resolution, shouldAttend: committee.length, present: committee.length - 1, passed: true }]);
    await page.close();
  }, 180_000);

  it('plans a meeting and calls it off with the reason kept on the record', async () => {
    const page = await web.newPage({ viewport: phone });
    await web.signIn(page, secretary.username, { at: '/meetings' });
    await page.getByTestId('meeting-new').click();
    const form = page.getByTestId('meeting-form');
    await form.getByTestId('meeting-status').getByText('计划召开').click();
    await expect.poll(() => inputOf(form, 'meeting-planned-on').inputValue(), WAIT).toBe(today);
    await form.getByTestId('meeting-topic').fill(`${topic}（计划）`);
    await page.getByTestId('meeting-save').click();
    await page.getByTestId('meeting-drawer').waitFor({ state: 'hidden', ...WAIT });
    await page.getByTestId('meetings-table').getByText(`${topic}（计划）`).click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('meeting-status-tag').textContent(), WAIT).toBe('计划召开');

    await page.getByTestId('meeting-cancel').click();
    await page.getByTestId('meeting-cancel-reason').fill('与乡镇会议时间冲突');
    await page.locator('.ant-modal').getByRole('button', { name: '确认取消' }).click();
    await expect.poll(() => page.getByTestId('meeting-status-tag').textContent(), WAIT).toBe('已取消');
    expect(await page.getByTestId('meeting-facts').textContent()).toContain('与乡镇会议时间冲突');
    // A cancelled meeting is kept as it was: neither edited nor cancelled again.
    expect(await page.getByTestId('meeting-edit').count()).toBe(0);
    expect(await page.getByTestId('meeting-cancel').count()).toBe(0);
    await page.close();
  }, 120_000);

  it('shows a member the branch\'s meetings on the month calendar, with recording disabled and explained', async () => {
    const page = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await web.signIn(page, member.username, { at: '/meetings?view=calendar' });
    await expect.poll(() => page.locator(`td[title="${today}"]`).getByTestId('meeting-calendar-day').textContent(), WAIT).toContain(topic);
    expect(await page.getByTestId('meeting-new').isDisabled()).toBe(true);
    await page.getByTestId('meeting-new-reason').hover();
    await expect.poll(() => page.getByRole('tooltip').textContent(), WAIT).toBe('您的岗位没有记录会议的权限');
    await page.screenshot({ path: join(screenshotDir, 'meetings-calendar.png'), fullPage: true });

    const list = await (await page.request.get(`${web.base}/api/meetings`)).json() as MeetingPage;
    expect(list.items.map((m) => m.topic)).toContain(topic);
    await page.close();
  });

  it('proposes the next lecturer of a township\'s Friday study', async () => {
    const page = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await web.signIn(page, township.username);
    const suggestion = await (await page.request.get(`${web.base}/api/meetings/lecturer-suggestion?org=${township.orgCode}`)).json() as LecturerSuggestion;
    expect(suggestion.person).not.toBeNull();
    await page.goto(`${web.base}/meetings`);
    await page.getByTestId('meeting-new').click();
    const form = page.getByTestId('meeting-form');
    // A township committee's usual record is its Monday meeting; the study is one pick away.
    await expect.poll(() => form.getByTestId('meeting-kind').textContent(), WAIT).toContain('周一例会');
    await chooseOption(page, form.getByTestId('meeting-kind'), '周五学习');
    await expect.poll(() => form.getByTestId('meeting-lecturer').textContent(), WAIT).toContain(suggestion.person!.name);
    await page.screenshot({ path: join(screenshotDir, 'meeting-form-friday-study.png'), fullPage: true });
    await page.close();
  }, 120_000);
});
