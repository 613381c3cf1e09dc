import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { requestsOf, useTestApp } from '../../../test/support/app.js';
import { HESHUN, MAJIA, SHIQIAO, type TestCounty } from '../../../test/support/county.js';
import { engines } from '../../../test/support/databases.js';
import { rows, sql, type Database, type Db } from '../../platform/db/database.js';
import { searchMatches, searchQuery } from '../../platform/text/search.js';
import { visits } from '../contracting/schema.js';
import { households } from '../households/schema.js';
import { organizations } from '../organizations/schema.js';
import { people } from '../people/schema.js';
import { users } from '../accounts/schema.js';
import type { HouseholdChoices } from '../households/contracts.js';
import type { DiaryDetail, DiaryPage } from './contracts.js';
import { visitDiaries } from './schema.js';

// The test county's clock stands at 2 March 2026.
const id: Record<string, string> = {};

/** Households and visits of 马家村 and 石桥村, as their modules would have stored them. */
async function prepare({ county }: TestCounty, { db }: Database) {
  const org = async (code: string) => (await db.select().from(organizations).where(and(eq(organizations.countyId, county.id), eq(organizations.code, code))))[0]!;
  const majia = await org(MAJIA);
  const shiqiao = await org(SHIQIAO);
  const household = async (key: string, village: typeof majia, headName: string, number: string) => {
    const [row] = await db.insert(households).values({ countyId: county.id, orgId: village.id, orgPath: village.path, headName, number, villagerGroup: '一组' }).returning();
    id[key] = row!.id;
  };
  await household('maDa', majia, '马大', '001');
  await household('maEr', majia, '马二', '002');
  await household('shiDa', shiqiao, '石大', '001');
  const visit = async (key: string, village: typeof majia, visitedOn: string) => {
    const [row] = await db.insert(visits).values({ countyId: county.id, orgId: village.id, orgPath: village.path, visitedOn, purpose: '走访困难户' }).returning();
    id[key] = row!.id;
  };
  await visit('majiaVisit', majia, '2026-02-27');
  await visit('shiqiaoVisit', shiqiao, '2026-02-27');
  for (const username of ['cadre', 'secretary']) {
    const [user] = await db.select({ personId: users.personId }).from(users).where(eq(users.username, username));
    id[username] = user!.personId!;
  }
}

describe.each(engines)('visit diaries on %s', (engine) => {
  const t = useTestApp(engine, { signIn: ['county', 'township', 'cadre', 'secretary', 'member', 'secretary2'], prepare });
  const { send, ok, refused, fieldsOf, events } = requestsOf(t);
  const diary = { orgCode: MAJIA, writtenOn: '2026-02-28', situation: '马大家三口人，以种植烤烟为主。', problems: '村道硬化工程进展缓慢，雨天出行困难。', demands: '希望尽快完工' };
  const search = (q: string, user = 'township', more = '') => send(user, 'GET', `/api/diaries?q=${encodeURIComponent(q)}${more}`);
  const found = async (q: string, user = 'township') => (await ok<DiaryPage>(await search(q, user))).items.map((i) => i.id);

  describe('writing', () => {
    it('keeps a cadre\'s diary of a village with its household and visit, the cadre its author, and audits it', async () => {
      const written = await ok<DiaryDetail>(await send('cadre', 'POST', '/api/diaries', { ...diary, householdId: id.maDa, visitId: id.majiaVisit }), 201);
      id.diary = written.id;
      expect(written).toMatchObject({
        org: { code: MAJIA }, author: { id: id.cadre, name: 'cadre' }, writtenOn: '2026-02-28', situation: diary.situation, problems: diary.problems, plan: null,
        household: { id: id.maDa, headName: '马大', number: '001', villagerGroup: '一组' }, visit: { id: id.majiaVisit, visitedOn: '2026-02-27', purpose: '走访困难户' },
        can: { edit: { allowed: true } },
      });
      expect((await events('diary.create')).at(-1)).toMatchObject({ entityId: written.id, after: { situation: diary.situation, householdId: id.maDa } });
      // The secretary records visits in 马家村 too: they read it, and cannot change what the cadre wrote.
      expect((await ok<DiaryDetail>(await send('secretary', 'GET', `/api/diaries/${written.id}`))).can.edit).toEqual({ allowed: false, reason: 'not_author' });
    });

    it('refuses a future day, a visit or household of another village, and names each field', async () => {
      expect(await fieldsOf(await send('cadre', 'POST', '/api/diaries', { ...diary, writtenOn: '2026-03-03', visitId: id.shiqiaoVisit, householdId: id.shiDa }))).toEqual([
        'body.writtenOn: 日期 2026-03-03 晚于今天（2026-03-02），不能预写日记',
        'body.visitId: 所关联的走访不是到马家村党支部的走访',
        'body.householdId: 农户“石大”不是马家村党支部的农户',
      ]);
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect(await fieldsOf(await send('cadre', 'POST', '/api/diaries', { ...diary, visitId: unknown, householdId: unknown }, 'en'))).toEqual([
        'body.visitId: The linked visit does not exist', 'body.householdId: The linked household does not exist',
      ]);
    });

    it('refuses an empty situation and text over 5,000 characters, naming the field', async () => {
      expect(await fieldsOf(await send('cadre', 'POST', '/api/diaries', { ...diary, situation: '   ' }))).toEqual(['body.situation: 至少 1 个字符']);
      expect(await fieldsOf(await send('cadre', 'POST', '/api/diaries', { ...diary, plan: '字'.repeat(5001) }))).toEqual(['body.plan: 最多 5000 个字符']);
      const { situation: _omitted, ...without } = diary;
      expect(await fieldsOf(await send('cadre', 'POST', '/api/diaries', without))).toEqual(['body.situation: 必填']);
    });

    it('refuses a township as the place, a member without the ability, and answers not found outside the scope', async () => {
      expect(await fieldsOf(await send('cadre', 'POST', '/api/diaries', { ...diary, orgCode: HESHUN }))).toEqual(['body.orgCode: “和顺镇党委”不是行政村或社区党组织：民情日记写的是村（社区）']);
      expect((await refused(await send('member', 'POST', '/api/diaries', diary), 403)).message).toBe('您的岗位不能为马家村党支部写民情日记');
      expect((await refused(await send('secretary2', 'POST', '/api/diaries', diary), 404)).code).toBe('not_found');
      expect((await refused(await send('secretary2', 'GET', `/api/diaries/${id.diary}`), 404)).code).toBe('not_found');
      expect((await refused(await send('member', 'GET', `/api/diaries/${id.diary}`), 404)).code).toBe('not_found');
    });
  });

  describe('searching', () => {
    it('finds a diary by 2, 3 and 5 characters from the middle of a word, and not by characters that are no substring', async () => {
      for (const q of ['道硬', '道硬化', '硬化工程进']) expect(await found(q), q).toEqual([id.diary]);
      expect(await found('硬道')).toEqual([]);
      expect(await found('工程缓慢')).toEqual([]);
    });

    it('marks the matched characters in the snippet of the field they were found in', async () => {
      const page = await ok<DiaryPage>(await search('道硬化'));
      expect(page.items[0]!.snippets).toEqual([{
        field: 'problems',
        segments: [{ text: '村', mark: false }, { text: '道硬化', mark: true }, { text: '工程进展缓慢，雨天出行困难。', mark: false }],
      }]);
      expect(page).toMatchObject({ page: 1, hasMore: false, can: { write: { allowed: true } } });
    });

    it('answers a single Chinese character with a clear 400 in the reader\'s language', async () => {
      expect(await fieldsOf(await search('道'))).toEqual(['query.q: 检索词“道”太短：每个中文检索词至少需要两个字']);
      expect((await refused(await send('township', 'GET', '/api/diaries?q=%E9%81%93', undefined, 'en'), 400)).message).toContain('needs at least two characters');
    });

    it('reads only the diaries in the reader\'s scope', async () => {
      expect(await found('道硬', 'secretary2')).toEqual([]);
      expect(await found('道硬', 'member')).toEqual([]);
      expect((await refused(await search('道硬', 'secretary2', `&org=${MAJIA}`), 404)).code).toBe('not_found');
    });
  });

  describe('correcting', () => {
    it('lets the author change the text, finds the new words and no longer the old, and audits before and after', async () => {
      const edited = await ok<DiaryDetail>(await send('cadre', 'PATCH', `/api/diaries/${id.diary}`, { problems: '饮水管道老化，需要更换。', householdId: id.maEr, demands: null }));
      expect(edited).toMatchObject({ problems: '饮水管道老化，需要更换。', demands: null, household: { headName: '马二' }, situation: diary.situation });
      expect(await found('管道老')).toEqual([id.diary]);
      expect(await found('道硬')).toEqual([]);
      expect((await events('diary.update')).at(-1)).toMatchObject({
        before: { problems: diary.problems, demands: '希望尽快完工', householdId: id.maDa },
        after: { problems: '饮水管道老化，需要更换。', demands: null, householdId: id.maEr },
      });
    });

    it('refuses anyone but the author, and checks a correction like a new diary', async () => {
      expect((await refused(await send('secretary', 'PATCH', `/api/diaries/${id.diary}`, { plan: '改写' }), 403)).message).toBe('只有作者本人可以修改这篇民情日记');
      expect((await refused(await send('township', 'PATCH', `/api/diaries/${id.diary}`, { plan: '改写' }), 403)).code).toBe('forbidden');
      expect((await refused(await send('secretary2', 'PATCH', `/api/diaries/${id.diary}`, { plan: '改写' }), 404)).code).toBe('not_found');
      expect(await fieldsOf(await send('cadre', 'PATCH', `/api/diaries/${id.diary}`, { householdId: id.shiDa, writtenOn: '2026-02-20', visitId: id.majiaVisit }))).toEqual([
        'body.writtenOn: 日记日期 2026-02-20 早于所关联走访的日期 2026-02-27', 'body.householdId: 农户“石大”不是马家村党支部的农户',
      ]);
      expect(await fieldsOf(await send('cadre', 'PATCH', `/api/diaries/${id.diary}`, { situation: null }))).toHaveLength(1);
    });
  });

  describe('filtering and paging', () => {
    it('filters by village, author, household and dates, newest first, a page at a time', async () => {
      for (const [writtenOn, situation] of [['2026-01-05', '一月走访记录'], ['2026-02-10', '二月走访记录'], ['2026-03-01', '三月走访记录']]) {
        await ok(await send('secretary', 'POST', '/api/diaries', { orgCode: MAJIA, writtenOn, situation, householdId: id.maDa }), 201);
      }
      await ok(await send('township', 'POST', '/api/diaries', { orgCode: SHIQIAO, writtenOn: '2026-02-01', situation: '石桥村走访记录' }), 201);
      const list = async (query: string) => (await ok<DiaryPage>(await send('township', 'GET', `/api/diaries?${query}`))).items.map((i) => i.writtenOn);
      expect(await list('')).toEqual(['2026-03-01', '2026-02-28', '2026-02-10', '2026-02-01', '2026-01-05']);
      expect(await list(`org=${SHIQIAO}`)).toEqual(['2026-02-01']);
      expect(await list(`author=${id.secretary}`)).toEqual(['2026-03-01', '2026-02-10', '2026-01-05']);
      expect((await ok<DiaryPage>(await send('secretary', 'GET', '/api/diaries?mine=true'))).items.map((i) => i.writtenOn)).toEqual(['2026-03-01', '2026-02-10', '2026-01-05']);
      expect(await list(`household=${id.maDa}`)).toEqual(['2026-03-01', '2026-02-10', '2026-01-05']);
      expect(await list('from=2026-02-01&to=2026-02-28')).toEqual(['2026-02-28', '2026-02-10', '2026-02-01']);
      expect(await list('q=走访记录&to=2026-02-15')).toEqual(['2026-02-10', '2026-02-01', '2026-01-05']);
      const first = await ok<DiaryPage>(await send('township', 'GET', '/api/diaries?pageSize=2'));
      const last = await ok<DiaryPage>(await send('township', 'GET', '/api/diaries?pageSize=2&page=3'));
      expect([first.hasMore, last.hasMore, last.items.length]).toEqual([true, false, 1]);
      expect(await fieldsOf(await send('township', 'GET', '/api/diaries?from=2026-03-01&to=2026-02-01'))).toEqual(['query.to: 结束日期 2026-02-01 早于开始日期 2026-03-01']);
      expect(await list(`org=${MAJIA}&q=石桥`)).toEqual([]);
    });

    it('answers a search from the GIN index on the character pairs', async () => {
      const { db } = t.database;
      // Five rows do not make the planner prefer the index; turning off the scan shows it can answer the condition alone.
      const plan = await db.transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        return rows<{ 'QUERY PLAN': string }>(tx as unknown as Db, sql`explain select ${visitDiaries.id} from ${visitDiaries} where ${searchMatches(visitDiaries.search, searchQuery('管道老')!)}`);
      });
      expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('visit_diaries_search');
    });
  });

  describe('households to pick from', () => {
    it('lists a village\'s households by head name or number, within the scope', async () => {
      const pick = async (user: string, q = '') => (await ok<HouseholdChoices>(await send(user, 'GET', `/api/households/choices?org=${MAJIA}${q}`))).items.map((h) => h.headName);
      expect(await pick('cadre')).toEqual(['马大', '马二']);
      expect(await pick('cadre', '&q=二')).toEqual(['马二']);
      expect(await pick('cadre', '&q=001')).toEqual(['马大']);
      await refused(await send('member', 'GET', `/api/households/choices?org=${MAJIA}`), 404);
      expect((await refused(await send('secretary2', 'GET', `/api/households/choices?org=${MAJIA}`), 404)).code).toBe('not_found');
    });
  });

  it('names the author in the list from the people register', async () => {
    const [cadre] = await t.database.db.select({ name: people.name }).from(people).where(eq(people.id, id.cadre!));
    const page = await ok<DiaryPage>(await send('township', 'GET', `/api/diaries?author=${id.cadre}`));
    expect(page.items.map((i) => i.author.name)).toEqual([cadre!.name]);
  });
});
