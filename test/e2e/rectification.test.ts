import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rootOrg } from '../../src/modules/organizations/county.js';
import { memberships } from '../../src/modules/members/schema.js';
import { organizations } from '../../src/modules/organizations/schema.js';
import { people } from '../../src/modules/people/schema.js';
import { openCase } from '../../src/modules/rectification/cases/open.js';
import { reportPeriodName } from '../../src/modules/rectification/cases/rules.js';
import { rectificationItems, screeningFindings, screeningRounds } from '../../src/modules/rectification/schema.js';
import { systemActor } from '../../src/platform/access/actor.js';
import { periodOf } from '../../src/platform/cadence/periods.js';
import { chinaDate, systemClock } from '../../src/platform/clock.js';
import { addDays, addMonths } from '../../src/platform/dates.js';
import { write } from '../../src/platform/service.js';
import { screenshotDir } from './browser.js';
import { chooseOption, demo, startWebApp, tooltipOf, WAIT, type WebApp } from './fixture.js';

/**
 * 整顿台账 in a real browser: a village defined this year (opened here as screening's definition
 * would), the township writes the plan and the working group, has it approved, starts, marks the item
 * done, reports and asks for acceptance; the county fails it with a new deadline, the township asks
 * again and the county passes it into the watch, where closing is refused with the reason shown.
 * The first secretary is picked from the people on record. A second village's case has an item past its
 * deadline: the county finds it in the accountability list, narrows it to the township and exports it;
 * the county changes the report cadence, and the township reads the settings without being able to edit.
 */
describe('the rectification ledger in Chromium', () => {
  let web: WebApp;
  const township = demo.accounts.find((a) => a.role === 'township_admin')!;
  const county = demo.accounts.find((a) => a.role === 'county_admin')!;
  const today = chinaDate(systemClock.now());
  const year = Number(today.slice(0, 4));
  const caseId = { id: '' };
  const second = { name: '', secretary: '' };

  beforeAll(async () => {
    web = await startWebApp();
    const village = demo.orgs.find((o) => o.parentCode === township.orgCode && o.unitType === 'village')!;
    const [org] = await web.database.db.select().from(organizations).where(eq(organizations.code, village.code));
    const root = (await rootOrg(web.database.db, org!.countyId))!;
    const ctx = { db: web.database.db, clock: systemClock, actor: systemActor(org!.countyId, root, 'e2e') };
    caseId.id = await write(ctx, async (w) => {
      const [found] = await w.tx.select().from(screeningRounds).where(and(eq(screeningRounds.countyId, org!.countyId), eq(screeningRounds.year, year), eq(screeningRounds.period, 'Q4')));
      const round = found ?? (await w.tx.insert(screeningRounds).values({ countyId: org!.countyId, year, period: 'Q4', title: `${year}年第四季度排查`, status: 'open', openedOn: addDays(today, -10) }).returning())[0]!;
      await w.tx.insert(screeningFindings).values({
        countyId: org!.countyId, roundId: round.id, orgId: org!.id, orgPath: org!.path, criterionCode: '04', criterionTitle: '组织制度形同虚设，不开展组织活动',
        category: 'lax', channel: 'check', checkLevel: 'township', evidence: '乡镇检查：全年仅召开两次支委会', foundOn: addDays(today, -5), source: 'manual', status: 'confirmed', decidedOn: addDays(today, -3),
      });
      const opened = await openCase(w, { countyId: org!.countyId, round: { id: round.id, year }, org: { id: org!.id, path: org!.path }, definedOn: addDays(today, -3), basis: '县委常委会认定', userId: null });
      // Another village of the township with an item already past its deadline: an accountability event.
      const other = demo.orgs.find((o) => o.parentCode === township.orgCode && o.unitType === 'village' && o.code !== village.code)!;
      const [org2] = await w.tx.select().from(organizations).where(eq(organizations.code, other.code));
      second.name = org2!.name;
      const otherCase = await openCase(w, { countyId: org!.countyId, round: { id: round.id, year }, org: { id: org2!.id, path: org2!.path }, definedOn: addDays(today, -40), basis: '县委常委会认定', userId: null });
      await w.tx.insert(rectificationItems).values({
        countyId: org!.countyId, caseId: otherCase, position: 1, problem: '村务公开不及时', measure: '每季度公开村务财务', responsible: '村务监督委员会主任', deadline: addDays(today, -2),
      });
      // Someone on record in the first village, to be picked as the first secretary.
      const [person] = await w.tx.select({ name: people.name }).from(memberships)
        .innerJoin(people, and(eq(people.countyId, memberships.countyId), eq(people.id, memberships.personId)))
        .where(and(eq(memberships.countyId, org!.countyId), eq(memberships.orgId, org!.id), eq(memberships.category, 'full'), isNull(memberships.endedOn))).limit(1);
      second.secretary = person!.name;
      return opened;
    });
  }, 180_000);
  afterAll(async () => {
    await web?.close();
  });

  const input = (page: Page, id: string) => page.locator(`input[data-testid="${id}"], textarea[data-testid="${id}"], [data-testid="${id}"] input`).first();
  const saved = (page: Page, method: string, suffix: string) => page.waitForResponse((r) => r.url().includes(`/api/rectification/cases/${caseId.id}${suffix}`) && r.request().method() === method && r.status() === 200);
  /** Types a day into a date picker; Enter commits it and submits the picker's form. */
  const setDate = async (page: Page, id: string, day: string) => {
    await input(page, id).fill(day);
    await input(page, id).press('Enter');
  };
  const state = (page: Page) => page.getByTestId('case-state').textContent();
  const open = (page: Page, user: string) => web.signIn(page, user, { at: `/rectification?org=${township.orgCode}&year=${year}&case=${caseId.id}` });

  it('takes a case from plan to a failed and a passed acceptance, and shows why it cannot close yet', async () => {
    const page = await web.newPage({ viewport: { width: 1400, height: 1000 } });
    await open(page, township.username);
    await expect.poll(() => state(page), WAIT).toBe('已认定');
    // A refused action says why on hover.
    expect(await tooltipOf(page, page.getByTestId('start'))).toBe('方案批准后才能开始整顿');

    await page.getByTestId('plan-add').click();
    await input(page, 'plan-problem-0').fill('“三会一课”不落实');
    await input(page, 'plan-measure-0').fill('建立会议台账，乡镇党委每月检查');
    await input(page, 'plan-responsible-0').fill('村党支部书记');
    let done = saved(page, 'PUT', '/plan');
    await setDate(page, 'plan-deadline-0', addDays(today, 30));
    await done;

    await input(page, 'group-leader').fill('县委组织部 李干事');
    // The first secretary from the people on record: typed, then picked.
    await input(page, 'group-first-secretary').fill(second.secretary);
    await page.locator(`[data-testid="person-option-${second.secretary}"]`).first().click({ timeout: 20_000 });
    await expect.poll(() => page.getByTestId('group-first-secretary-on-record').isVisible(), WAIT).toBe(true);
    done = saved(page, 'PUT', '/group');
    await page.getByTestId('group-save').click();
    const group = await (await done).json() as { group: { firstSecretary: { id: string | null; name: string } | null } };
    expect(group.group.firstSecretary).toEqual({ id: expect.any(String), name: second.secretary });

    done = saved(page, 'POST', '/approve');
    await setDate(page, 'approve-deadline', addDays(today, 60));
    await done;
    await expect.poll(() => state(page), WAIT).toBe('方案已批准');
    done = saved(page, 'POST', '/start');
    await page.getByTestId('start').click();
    await done;
    await expect.poll(() => state(page), WAIT).toBe('整顿中');

    await input(page, 'item-evidence-1').fill('支委会记录和主题党日照片');
    done = saved(page, 'POST', `/items/`);
    await page.getByTestId('item-done-1').click();
    await done;
    await input(page, 'report-content').fill('召开支委会，建立会议台账');
    done = saved(page, 'POST', '/reports');
    await page.getByTestId('report-save').click();
    await done;
    // The week is named as people name it (2026年第48周), not by its key.
    await expect.poll(() => page.getByTestId('reports').textContent(), WAIT).toContain(reportPeriodName(periodOf('week', today).key, 'zh'));
    done = saved(page, 'POST', '/request-acceptance');
    await page.getByTestId('request-acceptance').click();
    await done;
    await expect.poll(() => state(page), WAIT).toBe('申请验收');
    await page.screenshot({ path: join(screenshotDir, 'rectification-township.png'), fullPage: true });
    await page.close();

    // The county fails it: the masses are dissatisfied, a new deadline.
    const countyPage = await web.newPage({ viewport: { width: 1400, height: 1000 } });
    await open(countyPage, county.username);
    await expect.poll(() => state(countyPage), WAIT).toBe('申请验收');
    const score = async (p: Page, scores: number[]) => { for (const [i, s] of scores.entries()) await input(p, `score-${i}`).fill(String(s)); };
    await score(countyPage, [18, 15, 18, 10, 10]);
    await input(countyPage, 'dissatisfied').fill('600');
    await countyPage.getByTestId('result-fail').click();
    await input(countyPage, 'reasons').fill('群众满意度测评不满意率超过一半');
    done = saved(countyPage, 'POST', '/acceptances');
    await setDate(countyPage, 'new-deadline', addDays(today, 90));
    await done;
    await expect.poll(() => state(countyPage), WAIT).toBe('整顿中');
    await expect.poll(() => countyPage.getByTestId('timeline').textContent(), WAIT).toContain('验收不通过，退回整改：群众满意度测评不满意率超过一半');

    // The township asks again; the county passes it into the watch.
    const again = await web.newPage();
    await open(again, township.username);
    await expect.poll(() => state(again), WAIT).toBe('整顿中');
    done = saved(again, 'POST', '/request-acceptance');
    await again.getByTestId('request-acceptance').click();
    await done;
    await again.close();

    await countyPage.reload();
    await expect.poll(() => state(countyPage), WAIT).toBe('申请验收');
    await score(countyPage, [22, 18, 22, 13, 13]);
    await input(countyPage, 'dissatisfied').fill('100');
    done = saved(countyPage, 'POST', '/acceptances');
    await countyPage.getByTestId('accept-save').click();
    await done;
    await expect.poll(() => state(countyPage), WAIT).toBe('巩固观察');
    const until = addMonths(today, 12);
    const [y, m, d] = until.split('-').map(Number);
    await expect.poll(() => countyPage.getByTestId('close-reason').textContent(), WAIT).toBe(`巩固观察期到 ${until} 结束，届时无反弹方可销号`);
    expect(await countyPage.getByTestId('close').isDisabled()).toBe(true);
    await expect.poll(() => countyPage.locator('.ant-drawer-body').textContent(), WAIT).toContain(`观察期至 ${y}年${m}月${d}日`);
    await countyPage.screenshot({ path: join(screenshotDir, 'rectification-watch.png'), fullPage: true });
    await countyPage.close();
  }, 240_000);

  it('lists the accountability events for the notice, and keeps the settings the county\'s to change', async () => {
    const page = await web.newPage({ viewport: { width: 1400, height: 1000 } });
    await web.signIn(page, county.username, { at: `/rectification?org=${township.orgCode}&year=${year}` });
    const list = page.getByTestId('accountability-list');
    await expect.poll(() => list.textContent(), WAIT).toContain(second.name);
    const row = list.locator('tr', { hasText: second.name }).filter({ hasText: '村务公开不及时' });
    await expect.poll(() => row.textContent(), WAIT).toContain('整改事项逾期');
    const [y, m, d] = addDays(today, -2).split('-').map(Number);
    expect(await row.textContent()).toContain(`${y}年${m}月${d}日`);
    const townName = demo.orgs.find((o) => o.code === township.orgCode)!.name;
    await chooseOption(page, page.getByTestId('accountability-township'), townName);
    await expect.poll(() => page.url(), WAIT).toContain(`township=${township.orgCode}`);
    const exported = page.waitForResponse((r) => r.url().includes('/api/rectification/accountability.xlsx') && r.status() === 200);
    await page.getByTestId('accountability-export').click();
    expect((await exported).headers()['content-type']).toContain('spreadsheetml');

    // A score sheet not summing to 100 is refused, the server's reason shown under the sheet.
    await page.getByTestId('rectification-settings-open').click();
    await input(page, 'settings-max-0').fill('30');
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/rectification/settings') && r.request().method() === 'PUT');
    await page.getByTestId('rectification-settings-save').click();
    expect((await refused).status()).toBe(400);
    await expect.poll(() => page.getByTestId('rectification-settings').textContent(), WAIT).toContain('评分表各项分值合计应为 100，现为 105');
    await input(page, 'settings-max-0').fill('25');
    // The county reports every three days from now on.
    await page.getByTestId('settings-cadence-days').click();
    await input(page, 'settings-every-days').fill('3');
    const put = page.waitForResponse((r) => r.url().endsWith('/api/rectification/settings') && r.request().method() === 'PUT');
    await page.getByTestId('rectification-settings-save').click();
    expect((await put).status()).toBe(200);
    await page.screenshot({ path: join(screenshotDir, 'rectification-settings.png'), fullPage: true });
    await page.close();

    // The township sees it, read-only, with the reason.
    const town = await web.newPage({ viewport: { width: 1400, height: 1000 } });
    await web.signIn(town, township.username, { at: `/rectification?org=${township.orgCode}&year=${year}&settings=1` });
    await expect.poll(() => town.getByTestId('rectification-settings-readonly').textContent(), WAIT).toMatch(/由县委组织部设置，您可以查看（(您的管辖范围不是全县|您的岗位没有管理组织的权限)）/);
    expect(await town.locator('[data-testid="rectification-settings"] .ant-radio-wrapper-checked').textContent()).toBe('每 N 天一报');
    expect(await input(town, 'settings-every-days').inputValue()).toBe('3');
    expect(await input(town, 'settings-every-days').isDisabled()).toBe(true);
    expect(await town.getByTestId('rectification-settings-save').count()).toBe(0);
    await town.close();
  }, 180_000);
});
