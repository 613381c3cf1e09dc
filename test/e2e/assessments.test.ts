import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentRound, AssessmentSettingsView } from '../../web/src/contracts.js';
import { screenshotDir } from './browser.js';
import { choose, chooseOption, demo, selectOf, startWebApp, WAIT, type WebApp } from './fixture.js';

/**
 * 责任书 and 考核评定 in a real browser: a township drafts last year's letter to one of its villages with
 * weighted items (warned while the weights do not sum to 100), signs it and scores it item by item; the
 * county opens this year's three-way evaluation of the villages, enters a village's scores in the grid
 * (the others through the API, as a clerk would over days), writes the 后进 village's upgrade plan,
 * finishes the round and sees the grade distribution. The county then adds a trial debrief scheme in
 * the schemes editor (the running sum of weights, grade minimums checked before saving) and opens a
 * round with it; a township reads the schemes and is told why it cannot edit them.
 */
describe('responsibility letters and assessments in Chromium', () => {
  let web: WebApp;
  const township = demo.accounts.find((a) => a.role === 'township_admin')!;
  const county = demo.accounts.find((a) => a.role === 'county_admin')!;
  const village = demo.orgs.find((o) => o.parentCode === township.orgCode && o.unitType === 'village' && o.type !== 'party_group')!;
  const lastYear = new Date().getFullYear() - 1;

  beforeAll(async () => {
    web = await startWebApp();
  });
  afterAll(async () => {
    await web?.close();
  });

  const inputOf = (scope: Locator | Page, testId: string) => scope.locator(`input[data-testid="${testId}"], textarea[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
  const answer = (page: Page, method: string, path: RegExp) => page.waitForResponse((r) => r.request().method() === method && path.test(new URL(r.url()).pathname), { timeout: WAIT.timeout });

  it('issues a letter with weighted items, signs it and scores it', async () => {
    const page = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await web.signIn(page, township.username, { at: `/assessments?tab=letters&year=${lastYear}` });
    await page.getByTestId('assessments-letter-new').click();
    const modal = page.locator('.ant-modal');
    await chooseOption(page, selectOf(page, 'assessments-letter-org'), village.name, true);
    await inputOf(modal, 'assessments-letter-title').fill(`${lastYear}年度人居环境整治责任书`);
    await inputOf(modal, 'assessments-item-title-0').fill('垃圾治理');
    await inputOf(modal, 'assessments-item-target-0').fill('生活垃圾集中收运，村庄无积存垃圾');
    await inputOf(modal, 'assessments-item-weight-0').fill('60');
    await modal.getByTestId('assessments-item-add').click();
    await inputOf(modal, 'assessments-item-title-1').fill('厕所革命');
    await inputOf(modal, 'assessments-item-target-1').fill('新建改建卫生户厕30户');
    await inputOf(modal, 'assessments-item-weight-1').fill('30');
    // Weights other than 100 are warned of, not refused.
    await expect.poll(() => modal.getByTestId('assessments-items-sum-warning').textContent(), WAIT).toContain('90');
    await inputOf(modal, 'assessments-item-weight-1').fill('40');
    await expect.poll(() => modal.getByTestId('assessments-items-sum').textContent(), WAIT).toBe('权重合计 100');
    const created = answer(page, 'POST', /^\/api\/assessments\/letters$/);
    await modal.getByTestId('assessments-letter-create').click();
    expect((await created).status()).toBe(201);

    const drawer = page.locator('.ant-drawer');
    await expect.poll(() => drawer.getByTestId('assessments-letter-status').textContent(), WAIT).toBe('草稿');
    const signed = answer(page, 'POST', /\/sign$/);
    await drawer.getByTestId('assessments-sign').click();
    expect((await signed).status()).toBe(200);
    await expect.poll(() => drawer.getByTestId('assessments-letter-status').textContent(), WAIT).toBe('已签订');

    await inputOf(drawer, 'assessments-item-score-0').fill('55');
    await inputOf(drawer, 'assessments-item-score-1').fill('36.5');
    const scored = answer(page, 'PUT', /\/scores$/);
    await drawer.getByTestId('assessments-score-save').click();
    expect((await scored).status()).toBe(200);
    await expect.poll(() => drawer.getByTestId('assessments-letter-status').textContent(), WAIT).toBe('已评分');
    await expect.poll(() => drawer.getByTestId('assessments-letter-total').textContent(), WAIT).toContain('91.5');
    await page.screenshot({ path: join(screenshotDir, 'assessments-letter.png'), fullPage: true });

    // The list shows the total, and exports as a workbook.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('assessments-letter-row').filter({ hasText: `${lastYear}年度人居环境整治责任书` }).textContent(), WAIT).toContain('91.5');
    const exported = await page.request.get(`${web.base}/api/assessments/letters/export.xlsx?year=${lastYear}&issuer=${township.orgCode}`);
    expect(exported.status()).toBe(200);

    // A draft made by mistake is deleted from its drawer, after a confirmation.
    const mistake = `${lastYear}年度误建责任书`;
    const draft = await page.request.post(`${web.base}/api/assessments/letters`, { data: { issuerCode: township.orgCode, orgCode: village.code, year: lastYear, title: mistake, items: [{ title: '误建', target: '误建', weight: 100 }] } });
    expect(draft.status()).toBe(201);
    await page.reload();
    await page.getByTestId('assessments-letter-row').filter({ hasText: mistake }).getByTestId('assessments-letter-link').click();
    await drawer.getByTestId('assessments-letter-delete').click();
    const deleted = answer(page, 'DELETE', /^\/api\/assessments\/letters\/[^/]+$/);
    await page.locator('.ant-popconfirm').getByRole('button', { name: /删\s*除|确\s*定|OK/ }).click();
    expect((await deleted).status()).toBe(204);
    await expect.poll(() => page.getByTestId('assessments-letter-row').filter({ hasText: mistake }).count(), WAIT).toBe(0);
    await expect.poll(() => page.locator('.ant-drawer:visible').count(), WAIT).toBe(0);
    await page.close();
  }, 180_000);

  it('opens an assessment, enters results in the grid, plans the 后进 village’s upgrade, finishes and charts it', async () => {
    const page = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await web.signIn(page, county.username, { at: '/assessments' });
    await page.getByTestId('assessments-open').waitFor();
    const opened = answer(page, 'POST', /^\/api\/assessments\/rounds$/);
    await page.getByTestId('assessments-open').click();
    const response = await opened;
    expect(response.status(), await response.text()).toBe(201);
    const round = (await response.json()) as AssessmentRound;
    await page.getByTestId('assessments-round').waitFor();
    expect(await page.getByTestId('assessments-screening-notice').textContent()).toContain('后进等次将作为下一轮软弱涣散排查的研判依据');

    // Every village but one scored through the API; the last one in the grid.
    const others = round.resultsList.filter((r) => r.org.code !== village.code)
      .map((r, i) => ({ orgCode: r.org.code, partScores: { masses: 80 + (i % 15), self: 90, superior: 78 + (i % 20) } }));
    const filled = await page.request.put(`${web.base}/api/assessments/rounds/${round.id}/results`, { data: { items: others } });
    expect(filled.status(), await filled.text()).toBe(200);
    await page.reload();
    const row = page.getByTestId(`assessments-result-${village.code}`);
    await row.waitFor();
    await inputOf(row, `assessments-score-${village.code}-masses`).fill('52');
    await inputOf(row, `assessments-score-${village.code}-self`).fill('70');
    await inputOf(row, `assessments-score-${village.code}-superior`).fill('48');
    await expect.poll(() => row.getByTestId(`assessments-total-${village.code}`).textContent(), WAIT).toBe('54');
    await expect.poll(() => row.getByTestId(`assessments-grade-${village.code}`).textContent(), WAIT).toBe('后进');
    const saved = answer(page, 'PUT', /\/results$/);
    await page.getByTestId('assessments-save').click();
    expect((await saved).status()).toBe(200);

    await row.getByTestId(`assessments-plan-${village.code}`).click();
    await inputOf(page, 'assessments-plan-text').fill('选派第一书记驻村，每月召开一次支委会，年底前整改到位');
    const planned = answer(page, 'PUT', /\/plan$/);
    await page.getByTestId('assessments-plan-save').click();
    expect((await planned).status()).toBe(200);
    await expect.poll(() => row.textContent(), WAIT).toContain('选派第一书记驻村');

    const finished = answer(page, 'POST', /\/finish$/);
    await page.getByTestId('assessments-finish').click();
    expect((await finished).status()).toBe(200);
    await expect.poll(() => page.getByTestId('assessments-round-status').textContent(), WAIT).toContain('完成');
    await page.getByTestId('assessments-chart-grades').locator('canvas').waitFor();
    await page.getByTestId('assessments-chart-townships').locator('canvas').waitFor();
    await page.screenshot({ path: join(screenshotDir, 'assessments-round.png'), fullPage: true });
    await page.close();
  }, 180_000);

  it('lets the county add a debrief scheme in the editor and open a round with it; a township only reads them', async () => {
    const page = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await web.signIn(page, county.username, { at: '/assessments' });
    const before = (await (await page.request.get(`${web.base}/api/assessments/settings`)).json()) as AssessmentSettingsView;
    const n = before.schemes.length;
    const name = '书记抓党建述职评议（试行）';
    await page.getByTestId('assessments-schemes-edit').click();
    const drawer = page.getByTestId('assessments-schemes-editor');
    await expect.poll(() => drawer.getByTestId('assessments-schemes-copy-notice').textContent(), WAIT).toContain('不会改变已经开展的考核评定');
    await drawer.getByTestId('assessments-scheme-add').click();
    await inputOf(drawer, `assessments-scheme-code-${n}`).fill('debrief_trial');
    await inputOf(drawer, `assessments-scheme-name-${n}`).fill(name);
    await inputOf(drawer, `assessments-part-label-${n}-0`).fill('党员群众代表测评');
    await inputOf(drawer, `assessments-part-weight-${n}-0`).fill('60');
    await drawer.getByTestId(`assessments-part-add-${n}`).click();
    await inputOf(drawer, `assessments-part-label-${n}-1`).fill('乡镇党委评价');
    await inputOf(drawer, `assessments-part-weight-${n}-1`).fill('30');
    await expect.poll(() => drawer.getByTestId(`assessments-weight-sum-${n}`).textContent(), WAIT).toBe('权重合计 90');
    await inputOf(drawer, `assessments-part-weight-${n}-1`).fill('40');
    await expect.poll(() => drawer.getByTestId(`assessments-weight-sum-${n}`).textContent(), WAIT).toBe('权重合计 100');
    // Two grades to start with (the last at 0 and low); a new one goes above the last.
    await inputOf(drawer, `assessments-grade-label-${n}-0`).fill('称职');
    await inputOf(drawer, `assessments-grade-label-${n}-1`).fill('不称职');
    await drawer.getByTestId(`assessments-grade-add-${n}`).click();
    await inputOf(drawer, `assessments-grade-label-${n}-1`).fill('基本称职');
    await inputOf(drawer, `assessments-grade-min-${n}-1`).fill('70');
    // 70 is above 称职's 60: refused on the field before anything is sent.
    let sent = 0;
    page.on('request', (r) => { if (r.method() === 'PUT' && r.url().includes('/api/assessments/settings')) sent += 1; });
    await drawer.getByTestId('assessments-schemes-save').click();
    await expect.poll(() => drawer.locator('.ant-form-item-explain-error').allTextContents(), WAIT).toContain('等次“基本称职”的分数线须低于上一等次');
    expect(sent).toBe(0);
    await page.screenshot({ path: join(screenshotDir, 'assessments-schemes-editor.png') });
    await inputOf(drawer, `assessments-grade-min-${n}-0`).fill('85');
    const saved = answer(page, 'PUT', /^\/api\/assessments\/settings$/);
    await drawer.getByTestId('assessments-schemes-save').click();
    const response = await saved;
    expect(response.status(), await response.text()).toBe(200);
    const after = ((await response.json()) as AssessmentSettingsView).schemes.at(-1)!;
    expect(after).toMatchObject({
      code: 'debrief_trial', name, subject: 'secretary',
      parts: [{ label: '党员群众代表测评', weight: 60 }, { label: '乡镇党委评价', weight: 40 }],
      grades: [{ label: '称职', min: 85, low: false }, { label: '基本称职', min: 70, low: false }, { label: '不称职', min: 0, low: true }],
    });
    await expect.poll(() => drawer.count(), WAIT).toBe(0);
    await page.getByTestId('assessments-schemes').getByText('本县考核方案').click();
    await expect.poll(() => page.getByTestId('assessments-schemes').textContent(), WAIT).toContain(name);
    await page.screenshot({ path: join(screenshotDir, 'assessments-schemes.png'), fullPage: true });

    // The round form offers the new scheme at once; the round copies it.
    await choose(page, page.getByTestId('assessments-open-scheme'), name);
    const opened = answer(page, 'POST', /^\/api\/assessments\/rounds$/);
    await page.getByTestId('assessments-open').click();
    const created = await opened;
    expect(created.status(), await created.text()).toBe(201);
    const round = (await created.json()) as AssessmentRound;
    expect(round).toMatchObject({ schemeCode: 'debrief_trial', subject: 'secretary', scheme: { grades: after.grades } });
    await page.getByTestId('assessments-round').waitFor();
    await page.close();

    const other = await web.newPage({ viewport: { width: 1280, height: 900 } });
    await web.signIn(other, township.username, { at: '/assessments' });
    await other.getByTestId('assessments-schemes').getByText('本县考核方案').click();
    await expect.poll(() => other.getByTestId('assessments-schemes-readonly').textContent(), WAIT).toContain('考核方案由县委组织部');
    expect(await other.getByTestId('assessments-schemes').textContent()).toContain(name);
    expect(await other.getByTestId('assessments-schemes-edit').count()).toBe(0);
    await other.close();
  }, 180_000);
});
