import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.js';
import type { TestCounty } from '../../../../test/support/county.js';
import { engines } from '../../../../test/support/databases.js';
import { json } from '../../../../test/support/http.js';
import { write } from '../../../platform/service.js';
import { visibleOrg } from '../../organizations/queries.js';
import { insertOrganization } from '../../organizations/service.js';
import { people } from '../../people/schema.js';
import { memberships } from '../schema.js';
import type { StatisticsView } from './contracts.js';
import { HESHUN_AS_OF, HESHUN_BRANCHES, HESHUN_CODE, HESHUN_MEMBERS, heshunBranchCode, heshunPeople, isYoung, spread } from '../../../../test/support/heshun.js';

/** 和顺镇 built through the database, then changed after 2019: one member died, one was transferred, a probationary one became full. */
const AS_OF = HESHUN_AS_OF;
const N = HESHUN_MEMBERS;
const young = isYoung;

async function buildHeshun({ operator, county }: TestCounty) {
  await write(operator, async (w) => {
    const town = await visibleOrg(operator, HESHUN_CODE, w.tx);
    // The test county has the first two branches.
    for (let b = 2; b < HESHUN_BRANCHES; b++) {
      await insertOrganization(w, town, { code: heshunBranchCode(b), name: `第${b + 1}村党支部`, type: 'branch', unitType: 'village', establishedOn: '1990-01-01' }, county.id);
    }
  });
  const branches = await Promise.all(Array.from({ length: HESHUN_BRANCHES }, (_, b) => visibleOrg(operator, heshunBranchCode(b))));
  const rows = heshunPeople();
  const inserted = await operator.db.insert(people).values(rows.map((r) => ({
    countyId: county.id, name: r.name, pinyin: 'dy', gender: r.gender, ethnicity: r.ethnicity, birthDate: r.birthDate,
    education: r.education, occupation: r.occupation, orgId: branches[r.branch]!.id, orgPath: branches[r.branch]!.path,
  }))).returning({ id: people.id });
  await operator.db.insert(memberships).values(rows.map((r, i) => ({
    countyId: county.id, personId: inserted[i]!.id, orgId: branches[r.branch]!.id, orgPath: branches[r.branch]!.path, ...r.membership,
  })));
  // Member 20 died in 2021; member 21 (branch 5) was transferred to branch 6 in 2021.
  await operator.db.update(memberships).set({ endedOn: '2021-05-01', endReason: 'died' }).where(eq(memberships.personId, inserted[20]!.id));
  const [moved] = await operator.db.update(memberships).set({ endedOn: '2021-03-01', endReason: 'transferred' })
    .where(eq(memberships.personId, inserted[21]!.id)).returning();
  const { id: _id, createdAt: _c, updatedAt: _u, ...copy } = moved!;
  await operator.db.insert(memberships).values({ ...copy, orgId: branches[6]!.id, orgPath: branches[6]!.path, startedOn: '2021-03-01', endedOn: null, endReason: null });
  // Member 0 became full in 2020.
  await operator.db.update(memberships).set({ category: 'full', fullOn: '2020-06-01' }).where(eq(memberships.personId, inserted[0]!.id));
}

describe.each(engines)('Party statistics on %s', (engine) => {
  const t = useTestApp(engine, { signIn: ['county', 'township', 'secretary', 'member'], prepare: buildHeshun });
  const get = (user: string, url: string, lang?: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: t.cookies[user]!, ...(lang ? { 'accept-language': lang } : {}) } });
  const stats = async (query: string, user = 'township') => {
    const res = await get(user, `/api/statistics/members?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return json<StatisticsView>(res);
  };

  it("reproduces seed 003's figures for the town at the end of 2019", async () => {
    const s = await stats(`org=530522101&asOf=${AS_OF}`);
    expect(s.members).toEqual({
      total: 391, full: 379, probationary: 12, male: 243, female: 148, minority: 15,
      aged35OrUnder: 128, collegeOrAbove: 139, bachelorOrAbove: s.members.bachelorOrAbove, mobile: 7,
    });
    expect(s.percents).toMatchObject({ probationary: 3.07, female: 37.85, minority: 3.84, aged35OrUnder: 32.74, collegeOrAbove: 35.55 });
    expect(s.pipeline).toEqual({ applicants: 0, activists: 71, developmentTargets: 9 });
    expect(s.organizations).toMatchObject({ branch: 16, party_group: 1 });
    // Bachelor or above: the even-numbered among the college-or-above members.
    const bachelors = Array.from({ length: N }, (_, i) => i).filter((i) => spread(i, 5, 139) && i % 2 === 0).length;
    expect(s.members.bachelorOrAbove).toBe(bachelors);
    expect(s.education.find((e) => e.level === 'bachelor')!.count).toBe(bachelors);
    expect(s.ethnicity.map((e) => [e.name, e.count])).toEqual([['汉族', 376], ['回族', 15]]);
  });

  it('gives per-branch figures that add up to the town', async () => {
    const s = await stats(`org=530522101&asOf=${AS_OF}`);
    expect(s.children).toHaveLength(16);
    const sum = (pick: (c: StatisticsView['children'][number]) => number) => s.children.reduce((n, c) => n + pick(c), 0);
    for (const key of Object.keys(s.members) as (keyof StatisticsView['members'])[]) expect(sum((c) => c.members[key]), key).toBe(s.members[key]);
    expect(sum((c) => c.pipeline.activists)).toBe(71);
    s.ageBands.forEach((band, i) => expect(sum((c) => c.ageBands[i]!.count)).toBe(band.count));
    expect(sum((c) => c.organizations.branch + c.organizations.party_group)).toBe(17);
    expect(s.children[0]).toMatchObject({ code: '530522101001', own: false });
  });

  it('counts each day as it was: deaths, transfers, admissions and full membership after it', async () => {
    const then = await stats(`org=530522101&asOf=${AS_OF}`);
    const now = await stats('org=530522101');
    expect(now.asOf).toBe('2026-03-02');
    // One died, one joined: the total is the same, but 12 probationary became 11 + 1 new.
    expect(now.members.total).toBe(391);
    expect(now.members.probationary).toBe(12);
    expect(now.members.full).toBe(379);
    const branch = (s: StatisticsView, code: string) => s.children.find((c) => c.code === code)!.members.total;
    expect(branch(now, '530522101006')).toBe(branch(then, '530522101006') - 1);
    expect(branch(now, '530522101007')).toBe(branch(then, '530522101007') + 1);
    // In the middle of 2020 member 0 was still probationary, and the new member had not applied.
    const mid2020 = await stats('org=530522101&asOf=2020-03-01');
    expect(mid2020.members.probationary).toBe(12);
    expect(mid2020.members.total).toBe(391);
    // Before the activists were chosen (2019-04-01) they were applicants.
    const early = await stats('org=530522101&asOf=2019-03-01');
    // The probationary members of 2019 were still development targets then.
    expect(early.pipeline).toEqual({ applicants: 71, activists: 0, developmentTargets: 21 });
    expect(early.members.probationary).toBe(0);
    expect(early.members.total).toBe(379);
  });

  it('puts ages in full years at the as-of date into the bands asked for', async () => {
    const s = await stats(`org=530522101&asOf=${AS_OF}&ageBands=35,54`);
    expect(s.ageBands.map((b) => b.label)).toEqual(['35岁及以下', '36–54岁', '55岁及以上']);
    expect(s.ageBands[0]!.count).toBe(128);
    expect(s.ageBands.reduce((n, b) => n + b.count, 0)).toBe(391);
    // Born 1983-12-31 is 36 on 2019-12-31 and still 35 the day before.
    const turning36 = Array.from({ length: N }, (_, i) => i).filter((i) => !young(i) && i % 2 === 1 && i % 37 === 0).length;
    expect(turning36).toBeGreaterThan(0);
    const dayBefore = await stats('org=530522101&asOf=2019-12-30&ageBands=35,54');
    expect(dayBefore.ageBands[0]!.count).toBe(128 + turning36);
    const defaults = await stats(`org=530522101&asOf=${AS_OF}`);
    expect(defaults.ageBands).toHaveLength(8);
    expect(defaults.joinPeriods.find((p) => p.key === 'to_2012')!.count).toBe(379);
  });

  it('writes the basic-situation paragraph in Chinese and English, and as a Word file', async () => {
    const zh = json<{ text: string }>(await get('township', `/api/statistics/basic-situation?org=530522101&asOf=${AS_OF}`));
    expect(zh.text).toContain('截至2019年12月31日，和顺镇党委下设基层党组织16个（党支部16个），党小组1个；');
    expect(zh.text).toContain('共有党员391名，其中预备党员12名，占党员总数的3.07%；女党员148名，占党员总数的37.85%；少数民族党员15名，占党员总数的3.84%；35岁及以下党员128名，占党员总数的32.74%；大专及以上学历党员139名，占党员总数的35.55%；流动党员7名。');
    expect(zh.text).toContain('入党积极分子71名、发展对象9名');
    const en = json<{ text: string }>(await get('township', `/api/statistics/basic-situation?org=530522101&asOf=${AS_OF}&lang=en`));
    expect(en.text).toContain('As of 31 December 2019');
    expect(en.text).toContain('391 Party members: 12 probationary members (3.07%), 148 women (37.85%)');
    const docx = await get('township', `/api/statistics/basic-situation.docx?org=530522101&asOf=${AS_OF}`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const { default: JSZip } = await import('jszip');
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('共有党员391名');
  });

  it('answers bad input with the field and the reason', async () => {
    const future = await get('township', '/api/statistics/members?org=530522101&asOf=2030-01-01');
    expect(future.statusCode).toBe(400);
    expect(json(future)).toMatchObject({ error: { code: 'invalid', fields: [{ path: 'asOf' }] } });
    const bands = await get('township', '/api/statistics/members?org=530522101&ageBands=54,35');
    expect(bands.statusCode).toBe(400);
    expect(json<{ error: { message: string } }>(bands).error.message).toContain('年龄分段“54,35”无效');
    const date = await get('township', '/api/statistics/members?asOf=2019-02-30');
    expect(date.statusCode).toBe(400);
  });

  it('keeps to the caller’s scope', async () => {
    const own = await stats('', 'secretary');
    expect(own.org.code).toBe('530522101001');
    expect((await get('secretary', '/api/statistics/members?org=530522102001')).statusCode).toBe(404);
    expect((await get('secretary', '/api/statistics/members?org=530522101')).statusCode).toBe(404);
    expect((await get('member', '/api/statistics/members')).statusCode).toBe(403);
    const county = await stats('', 'county');
    expect(county.org.code).toBe('530522');
    expect(county.children.find((c) => c.code === '530522101')!.members.total).toBe(391);
  });
});
