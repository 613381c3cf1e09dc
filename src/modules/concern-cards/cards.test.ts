import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { requestsOf, useTestApp } from '../../../test/support/app.js';
import { DONGFENG, HESHUN, MAJIA, SHIQIAO, type TestCounty } from '../../../test/support/county.js';
import { engines } from '../../../test/support/databases.js';
import type { Database } from '../../platform/db/database.js';
import { personPinyinKey } from '../../platform/text/pinyin.js';
import { users } from '../accounts/schema.js';
import { contractingTeamMembers, contractingTeams, contractingVillages } from '../contracting/schema.js';
import { households } from '../households/schema.js';
import { visibleOrg } from '../organizations/queries.js';
import { organizations } from '../organizations/schema.js';
import { pairings } from '../pairing/schema.js';
import { people, posts } from '../people/schema.js';
import { gatherCards } from './cards.js';
import type { CardSettingsView } from './contracts.js';
import { CARD, NO_PHONE } from './rules.js';

// The test county's clock stands at 2 March 2026.
const id: Record<string, string> = {};
const HOUSEHOLD_PHONE = '13711112222';

/**
 * 和顺镇's cadres, 马家村's households, pairings and this year's contracting team, stored as their
 * modules keep them: 马大 is paired with 李书记 (and was with 王镇长, ended); 马二 with 赵委员, who
 * has no phone; the 2026 team of 王镇长 with 赵委员 and 钱干事 has 马家村; last year's had another leader.
 */
async function prepare({ county }: TestCounty, { db }: Database) {
  const org = async (code: string) => (await db.select().from(organizations).where(and(eq(organizations.countyId, county.id), eq(organizations.code, code))))[0]!;
  const heshun = await org(HESHUN);
  const majia = await org(MAJIA);
  const cadre = async (key: string, name: string, title: string, phone: string | null) => {
    const [person] = await db.insert(people).values({ countyId: county.id, name, pinyin: personPinyinKey(name), phone, orgId: heshun.id, orgPath: heshun.path }).returning();
    await db.insert(posts).values({ countyId: county.id, personId: person!.id, orgId: heshun.id, orgPath: heshun.path, role: 'cadre', title, startedOn: '2024-01-01' });
    id[key] = person!.id;
  };
  await cadre('li', '李书记', '党委书记', '13900000001');
  await cadre('wang', '王镇长', '党委副书记、镇长', '13900000002');
  await cadre('zhao', '赵委员', '组织委员', null);
  await cadre('qian', '钱干事', '党政办干事', '0871-5551234');
  await cadre('old', '孙前任', '党委副书记', '13900000009');
  const [secretary] = await db.select({ personId: users.personId }).from(users).where(eq(users.username, 'secretary'));
  await db.update(people).set({ name: '马支书', phone: '13800002222' }).where(eq(people.id, secretary!.personId!));
  id.secretary = secretary!.personId!;

  const household = async (key: string, code: string, headName: string, more: Partial<typeof households.$inferInsert> = {}) => {
    const village = await org(code);
    const [row] = await db.insert(households).values({ countyId: county.id, orgId: village.id, orgPath: village.path, headName, phone: HOUSEHOLD_PHONE, ...more }).returning();
    id[key] = row!.id;
  };
  await household('maDa', MAJIA, '马大', { villagerGroup: '一组', number: '1', address: '马家村一组' });
  await household('maEr', MAJIA, '马二', { villagerGroup: '一组', number: '2' });
  await household('maSan', MAJIA, '马三', { villagerGroup: '二组' });
  await household('maSi', MAJIA, '马四', { villagerGroup: '二组', number: '7' });
  await household('maWu', MAJIA, '马五', { villagerGroup: '三组' });
  await household('moved', MAJIA, '马迁', { status: 'moved' });
  await household('shiDa', SHIQIAO, '石大');

  const pair = (cadreId: string, householdId: string, startedOn: string, endedOn: string | null = null) =>
    db.insert(pairings).values({ countyId: county.id, cadreId, householdId, orgId: majia.id, orgPath: majia.path, startedOn, endedOn });
  await pair(id.wang!, id.maDa!, '2025-01-01', '2025-12-31');
  await pair(id.li!, id.maDa!, '2026-01-10');
  await pair(id.zhao!, id.maEr!, '2026-01-10');
  // Paired from next week: not yet the household's cadre.
  await pair(id.old!, id.maSan!, '2026-03-09');

  const team = async (year: number, leaderId: string, memberIds: string[]) => {
    const [row] = await db.insert(contractingTeams).values({ countyId: county.id, orgId: heshun.id, orgPath: heshun.path, year, name: `第一组${year}`, leaderId }).returning();
    for (const personId of memberIds) await db.insert(contractingTeamMembers).values({ countyId: county.id, teamId: row!.id, personId });
    await db.insert(contractingVillages).values({ countyId: county.id, teamId: row!.id, year, orgId: majia.id, orgPath: majia.path });
  };
  await team(2025, id.old!, []);
  await team(2026, id.wang!, [id.zhao!, id.qian!, id.li!]);
}

const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

describe.each(engines)('concern cards on %s', (engine) => {
  const t = useTestApp(engine, { signIn: ['county', 'township', 'cadre', 'secretary', 'member', 'secretary2'], prepare });
  const { send, ok, refused, fieldsOf, events } = requestsOf(t);
  const print = (user: string, query: string, lang?: string) => send(user, 'GET', `/api/concern-cards?${query}`, undefined, lang);
  const fontBefore = process.env.GRASSROOTS_CJK_FONT;
  afterEach(() => {
    if (fontBefore === undefined) delete process.env.GRASSROOTS_CJK_FONT;
    else process.env.GRASSROOTS_CJK_FONT = fontBefore;
  });

  it('names each household\'s contact cadres: pairing first, then the team, then the secretary; each once, those with a phone first', async () => {
    const majia = await visibleOrg(t.county.operator, MAJIA);
    const batch = await gatherCards(t.database.db, majia, undefined, 'https://x.cn/v/1', '2026-03-02');
    expect(batch.place).toBe('马家村');
    const shown = batch.cards.map((c) => [c.household, c.whereabouts, c.cadres.map((x) => `${x.name}|${x.role}|${x.title ?? ''}|${x.phone}`)]);
    expect(shown).toEqual([
      ['马大 户', '一组 · 1号 · 马家村一组', ['李书记|结对帮扶干部|党委书记|139 0000 0001', '王镇长|包村工作组组长|党委副书记、镇长|139 0000 0002', '钱干事|包村干部|党政办干事|0871-5551234']],
      ['马二 户', '一组 · 2号', ['王镇长|包村工作组组长|党委副书记、镇长|139 0000 0002', '李书记|包村干部|党委书记|139 0000 0001', '钱干事|包村干部|党政办干事|0871-5551234']],
      ['马四 户', '二组 · 7号', expect.any(Array)],
      ['马三 户', '二组', expect.any(Array)],
      ['马五 户', '三组', expect.any(Array)],
    ]);
    expect(batch.cards.every((c) => c.place === '和顺镇 马家村' && c.url === 'https://x.cn/v/1' && c.issuer === '中共测试县委组织部 监制')).toBe(true);
    expect(JSON.stringify(batch.cards)).not.toContain(HOUSEHOLD_PHONE.slice(3));
  });

  it('falls back to the secretary, and to cadres without a phone, when the team is short', async () => {
    await t.database.db.delete(contractingTeamMembers).where(eq(contractingTeamMembers.personId, id.qian!));
    await t.database.db.delete(contractingTeamMembers).where(eq(contractingTeamMembers.personId, id.li!));
    try {
      const majia = await visibleOrg(t.county.operator, MAJIA);
      const { cards } = await gatherCards(t.database.db, majia, id.maEr, 'u', '2026-03-02');
      expect(cards.map((c) => c.cadres.map((x) => `${x.name}|${x.role}|${x.phone}`))).toEqual([
        ['王镇长|包村工作组组长|139 0000 0002', '马支书|村党组织书记|138 0000 2222', `赵委员|结对帮扶干部|${NO_PHONE}`],
      ]);
    } finally {
      const [team] = await t.database.db.select().from(contractingTeams).where(eq(contractingTeams.year, 2026));
      await t.database.db.insert(contractingTeamMembers).values([id.qian!, id.li!].map((personId) => ({ countyId: t.county.county.id, teamId: team!.id, personId })));
    }
  });

  it('prints the village batch as one card per page or four to an A4 sheet, named after the village, and audits the batch once', async () => {
    const cards = await print('secretary', `village=${MAJIA}&layout=card`);
    expect(cards.statusCode, cards.body).toBe(200);
    expect(cards.headers['content-type']).toBe('application/pdf');
    expect(cards.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('马家村民情联系卡.pdf')}`);
    const pdf = cards.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(5);
    expect(pdf.toString('latin1')).toContain(`/MediaBox [0 0 ${CARD.width.toFixed(6)} ${CARD.height.toFixed(6)}]`);

    const sheet = await print('township', `village=${MAJIA}&layout=sheet`);
    expect(sheet.statusCode, sheet.body).toBe(200);
    expect(pageCount(sheet.rawPayload)).toBe(2);
    expect(sheet.rawPayload.toString('latin1')).toContain('/MediaBox [0 0 595.275591 841.889764]');

    const printed = await events('concern_cards.print');
    expect(printed).toHaveLength(2);
    expect(printed[0]).toMatchObject({ entityLabel: `马家村党支部（${MAJIA}）`, after: { layout: 'card', cards: 5, url: expect.stringMatching(new RegExp(`^http://[^/]+/v/${MAJIA}$`)) } });
    expect(printed[1]).toMatchObject({ after: { layout: 'sheet', cards: 5 } });
  });

  it('prints one household\'s card', async () => {
    const one = await print('secretary', `village=${MAJIA}&household=${id.maDa}`);
    expect(one.statusCode, one.body).toBe(200);
    expect(pageCount(one.rawPayload)).toBe(1);
    expect(one.headers['content-disposition']).toContain(encodeURIComponent('马家村民情联系卡-马大户.pdf'));
    expect((await events('concern_cards.print')).at(-1)).toMatchObject({ after: { layout: 'card', cards: 1, household: id.maDa } });
    for (const other of [id.moved, id.shiDa]) {
      expect((await refused(await print('secretary', `village=${MAJIA}&household=${other}`), 404)).code).toBe('not_found');
    }
  });

  it('leads the QR codes to the county\'s public address once the county administrator sets it', async () => {
    const before = await ok<CardSettingsView>(await send('township', 'GET', '/api/concern-cards/settings'));
    expect(before).toEqual({ publicAddress: null, can: { edit: { allowed: false, reason: 'out_of_scope' } } });
    expect((await refused(await send('township', 'PUT', '/api/concern-cards/settings', { publicAddress: 'https://a.cn' }), 403)).message).toBe('平台公网地址由县委组织部管理员设置');
    for (const bad of ['dangjian.xx.gov.cn', 'ftp://x.cn', 'https://x.cn/?a=1', 'https://x .cn']) {
      expect(await fieldsOf(await send('county', 'PUT', '/api/concern-cards/settings', { publicAddress: bad })), bad)
        .toEqual(['body.publicAddress: 应为以 http:// 或 https:// 开头的网址，如 https://dangjian.xx.gov.cn']);
    }
    const saved = await ok<CardSettingsView>(await send('county', 'PUT', '/api/concern-cards/settings', { publicAddress: ' https://dangjian.xx.gov.cn/ ' }));
    expect(saved).toEqual({ publicAddress: 'https://dangjian.xx.gov.cn/', can: { edit: { allowed: true } } });
    expect((await events('concern_cards.settings')).at(-1)).toMatchObject({ before: { publicAddress: null }, after: { publicAddress: 'https://dangjian.xx.gov.cn/' } });
    expect((await print('secretary', `village=${MAJIA}&household=${id.maSan}`)).statusCode).toBe(200);
    expect((await events('concern_cards.print')).at(-1)).toMatchObject({ after: { url: `https://dangjian.xx.gov.cn/v/${MAJIA}` } });
    await ok(await send('county', 'PUT', '/api/concern-cards/settings', { publicAddress: null }));
  });

  it('refuses those outside the village, those who do not manage its households, a township, a village without households, and a bad layout', async () => {
    expect((await refused(await print('secretary2', `village=${MAJIA}`), 404)).code).toBe('not_found');
    for (const user of ['member', 'cadre']) {
      expect((await refused(await print(user, `village=${MAJIA}`), 403)).message, user).toBe('您的岗位不能为马家村党支部打印民情联系卡（须能管理该村农户信息）');
    }
    expect((await refused(await print('township', `village=${HESHUN}`), 400)).message).toBe('和顺镇党委不是在册的村（社区）党组织，没有农户可印联系卡');
    expect((await refused(await print('secretary2', `village=${DONGFENG}`), 400)).message).toBe('东风村没有在册农户，无卡可印');
    expect((await refused(await print('secretary2', `village=${DONGFENG}`, 'en'), 400)).message).toBe('东风村 has no registered households to print cards for');
    expect(await fieldsOf(await print('secretary', `village=${MAJIA}&layout=poster`))).toEqual(['querystring.layout: 取值无效，可选值：card、sheet']);
    expect(await fieldsOf(await print('secretary', `village=${MAJIA}&household=1`))).toHaveLength(1);
  });

  it('tells the administrator which package to install when the server has no Chinese font', async () => {
    process.env.GRASSROOTS_CJK_FONT = '/nowhere/NotoSansCJK-Regular.ttc';
    const error = await refused(await print('secretary', `village=${MAJIA}`), 503);
    expect(error).toMatchObject({ code: 'font_missing' });
    expect(error.message).toContain('/nowhere/NotoSansCJK-Regular.ttc');
    expect(error.message).toContain('apt install fonts-noto-cjk');
    expect((await refused(await print('secretary', `village=${MAJIA}`, 'en'), 503)).message).toContain('install the fonts-noto-cjk package');
  });
});
