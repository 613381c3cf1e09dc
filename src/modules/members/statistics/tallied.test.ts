import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.js';
import { breakdownsAndRecount } from '../../../../test/support/members.js';
import { engines } from '../../../../test/support/databases.js';
import { write } from '../../../platform/service.js';
import { visibleOrg } from '../../organizations/queries.js';
import { mergeOrganization, moveOrganization } from '../../organizations/restructure.js';
import { insertOrganization } from '../../organizations/service.js';
import { people } from '../../people/schema.js';
import { memberships } from '../schema.js';
import { countMembers, type Group } from './query.js';
import { defaultAgeEdges } from './rules.js';
import { boundaryYears, tallyMembers } from './tallied.js';

describe('boundary years', () => {
  it('are the birth years whose members change band on their birthday', () => {
    // Born 1990: 35 before the birthday in 2026, 36 after; 35 is an edge, so 1990 is a boundary year.
    expect(boundaryYears('2026-11-21', [35, 54])).toEqual([1971, 1990]);
    expect(boundaryYears('2026-11-21', [30, 60])).toEqual([1965, 1990, 1995]);
    expect(boundaryYears('2026-01-01', defaultAgeEdges)).toEqual([1965, 1970, 1975, 1980, 1985, 1990, 1995]);
  });
});

/** Birth dates around every boundary that ages can cross: edges, leap days, the year's ends. */
const birthDates = [
  null, '1990-11-20', '1990-11-21', '1990-11-22', '1991-11-21', '1989-11-21', '1971-02-28', '1972-02-29', '1992-02-29',
  '1995-01-01', '1995-12-31', '1965-06-30', '1966-07-01', '1955-03-01', '2000-02-29', '1985-11-21', '1985-11-22', '1980-12-31',
];
const joinDates = [null, '1949-09-30', '1949-10-01', '1978-12-17', '1978-12-18', '2012-11-07', '2012-11-08', '2010-05-05'];
const categories = ['full', 'full', 'probationary', 'applicant', 'activist', 'development_target', 'full'] as const;
const educations = [null, '11', '21', '31', '41', '61', '71', '90'];
const occupations = [null, 'farmer', 'retired', 'student', 'other'];

/** Every stage date of a category, on or before the admission when there is one, all before 2013. */
function stages(category: (typeof categories)[number], joinedOn: string | null) {
  const joined = joinedOn ?? '2005-06-01';
  switch (category) {
    case 'applicant': return { appliedOn: '2011-01-01' };
    case 'activist': return { appliedOn: '2010-01-01', activistOn: '2011-01-01' };
    case 'development_target': return { appliedOn: '2009-01-01', activistOn: '2010-01-01', targetOn: '2011-06-01' };
    case 'probationary': return { joinedOn: joined };
    case 'full': return { joinedOn: joined, fullOn: joinedOn ? null : '2006-06-01' };
  }
}

const normalized = (groups: Group[]) => groups.map((g) => JSON.stringify([g.seq, g.stage, g.dimension, g.value, g.n])).sort();

describe.each(engines)('statistics of today from the maintained breakdowns on %s', (engine) => {
  const t = useTestApp(engine, {
    async prepare({ operator, county }) {
      await write(operator, async (w) => {
        const village = await visibleOrg(operator, '530522101001', w.tx);
        await insertOrganization(w, village, { code: '530522101001-2', name: '第二党小组', type: 'party_group', establishedOn: '2001-01-01' }, county.id);
      });
      // Members in the township itself, in villages, in a party group, and in another township.
      const orgs = await Promise.all(['530522101', '530522101001', '530522101001-1', '530522101002', '530522102001', '530522101001-2'].map((c) => visibleOrg(operator, c)));
      const n = 120;
      const inserted = await operator.db.insert(people).values(Array.from({ length: n }, (_, i) => ({
        countyId: county.id, name: `成员${i}`, pinyin: 'cy', gender: i % 9 === 0 ? null : i % 3 ? '1' : '2', ethnicity: i % 7 ? '01' : '03',
        birthDate: birthDates[i % birthDates.length], education: educations[i % educations.length], occupation: occupations[i % occupations.length],
        orgId: orgs[i % orgs.length]!.id, orgPath: orgs[i % orgs.length]!.path,
      }))).returning();
      await operator.db.insert(memberships).values(inserted.map((p, i) => {
        const category = categories[i % categories.length]!;
        return { countyId: county.id, personId: p.id, orgId: p.orgId, orgPath: p.orgPath, category, mobile: i % 5 === 0, ...stages(category, joinDates[i % joinDates.length]!) };
      }));
    },
  });

  /** Both ways of counting, for days on which every record is already in its present state. */
  async function expectSameCounts(days: string[]) {
    const { county } = t.county;
    for (const code of ['530522', '530522101', '530522101001', '530522102']) {
      const org = await visibleOrg(t.county.operator, code);
      const subtree = { countyId: county.id, path: org.path };
      for (const day of days) {
        for (const edges of [defaultAgeEdges, [35, 54], [18, 60]]) {
          const scanned = await countMembers(t.database.db, subtree, day, edges);
          const tallied = await tallyMembers(t.database.db, { ...subtree, orgId: org.id }, day, edges);
          expect(normalized(tallied), `${code} ${day} ${edges.join(',')}`).toEqual(normalized(scanned));
        }
      }
    }
  }

  async function expectBreakdownsKept() {
    const { kept, recount } = await breakdownsAndRecount(t.database.db);
    expect(kept).toEqual(recount);
    expect(kept.length).toBeGreaterThan(100);
  }

  it('counts exactly what a scan of the memberships counts, ages on every side of a birthday included', async () => {
    await expectSameCounts(['2026-11-21', '2026-02-28', '2028-02-29', '2026-03-01', '2026-12-31', '2027-01-01']);
    await expectBreakdownsKept();
  });

  it('follows edits of people, category changes, ends, deletions, moves and merges', async () => {
    const { county, operator } = t.county;
    const db = t.database.db;
    const someone = (i: number) => db.select().from(people).where(eq(people.name, `成员${i}`)).then((r) => r[0]!);
    await db.update(people).set({ birthDate: '1990-11-22', education: '21', occupation: null }).where(eq(people.id, (await someone(3)).id));
    await db.update(people).set({ gender: '2', ethnicity: '05' }).where(eq(people.id, (await someone(4)).id));
    await db.update(memberships).set({ category: 'full', fullOn: '2012-01-01' }).where(eq(memberships.personId, (await someone(2)).id));
    await db.update(memberships).set({ endedOn: '2026-03-01', endReason: 'died' }).where(eq(memberships.personId, (await someone(0)).id));
    await db.update(memberships).set({ mobile: true }).where(eq(memberships.personId, (await someone(1)).id));
    await db.delete(memberships).where(eq(memberships.personId, (await someone(5)).id));
    // 石桥村 moves to 清水乡, then 马家村's second party group merges into its first.
    await moveOrganization(operator, '530522101002', { parentCode: '530522102' });
    await mergeOrganization(operator, '530522101001-2', { intoCode: '530522101001-1' });
    expect((await visibleOrg(operator, '530522101002')).countyId).toBe(county.id);
    await expectBreakdownsKept();
    // From the day of the last change on, both ways count the same records.
    await expectSameCounts(['2026-03-02', '2026-11-21', '2028-02-29', '2027-01-01']);
  });
});
