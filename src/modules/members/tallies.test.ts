import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { engines } from '../../../test/support/databases.js';
import { rows } from '../../platform/db/database.js';
import { write } from '../../platform/service.js';
import { visibleOrg } from '../organizations/queries.js';
import { mergeOrganization } from '../organizations/restructure.js';
import { people } from '../people/schema.js';
import { memberships } from './schema.js';

/** The tallies as the triggers keep them and as a recount of the memberships gives them, side by side. */
async function talliesAndRecount(t: ReturnType<typeof useTestApp>) {
  const db = t.database.db;
  const kept = await rows<{ key: string; n: number }>(db, sql`
    select concat_ws('|', o.code, t.category, t.gender, t.ethnicity) as key, t.n
    from member_tallies t join organizations o on o.county_id = t.county_id and o.id = t.org_id
    where t.n <> 0 order by 1`);
  const recount = await rows<{ key: string; n: number }>(db, sql`
    select concat_ws('|', o.code, m.category, coalesce(p.gender, '0'), p.ethnicity) as key, count(*)::int as n
    from memberships m join people p on p.county_id = m.county_id and p.id = m.person_id
    join organizations o on o.county_id = m.county_id and o.id = m.org_id
    where m.ended_on is null group by 1 order by 1`);
  return { kept, recount };
}

describe.each(engines)('member tallies on %s', (engine) => {
  const t = useTestApp(engine);

  async function addMember(orgCode: string, name: string, gender: '1' | '2' | null, ethnicity: string, category: string) {
    const { operator, county } = t.county;
    return write(operator, async (w) => {
      const org = await visibleOrg(operator, orgCode, w.tx);
      const [person] = await w.tx.insert(people).values({ countyId: county.id, name, pinyin: name, gender, ethnicity, orgId: org.id, orgPath: org.path }).returning();
      await w.tx.insert(memberships).values({ countyId: county.id, personId: person!.id, orgId: org.id, orgPath: org.path, category });
      return person!;
    });
  }

  it('follow every kind of write to memberships and people', async () => {
    const { county, operator } = t.county;
    const zhang = await addMember('530522101001', '张三', '1', '01', 'full');
    const li = await addMember('530522101001', '李梅', '2', '03', 'probationary');
    await addMember('530522101002', '王五', null, '01', 'activist');
    await addMember('530522102001', '孙八', '1', '01', 'full');
    // A bulk insert of many rows in one statement.
    const orgs = await Promise.all(['530522101001', '530522101002', '530522102001'].map((c) => visibleOrg(operator, c)));
    const bulk = await t.database.db.insert(people).values(Array.from({ length: 30 }, (_, i) => ({
      countyId: county.id, name: `群众${i}`, pinyin: 'qz', gender: i % 2 ? '1' : '2', ethnicity: i % 5 ? '01' : '02',
      orgId: orgs[i % 3]!.id, orgPath: orgs[i % 3]!.path,
    }))).returning();
    await t.database.db.insert(memberships).values(bulk.map((p, i) => ({
      countyId: county.id, personId: p.id, orgId: p.orgId, orgPath: p.orgPath, category: i % 4 ? 'full' : 'applicant',
    })));
    expect((await talliesAndRecount(t)).kept.reduce((s, r) => s + r.n, 0)).toBe(34);

    // A change of category, an ended membership, a change of gender and ethnicity, a deletion.
    await t.database.db.update(memberships).set({ category: 'full' }).where(and(eq(memberships.countyId, county.id), eq(memberships.personId, li.id)));
    await t.database.db.update(memberships).set({ endedOn: '2026-03-01', endReason: 'died' }).where(eq(memberships.personId, zhang.id));
    await t.database.db.update(people).set({ gender: '2', ethnicity: '05' }).where(eq(people.id, bulk[0]!.id));
    await t.database.db.update(people).set({ name: '群众改名' }).where(eq(people.id, bulk[1]!.id));
    await t.database.db.delete(memberships).where(eq(memberships.personId, bulk[2]!.id));
    // A merge re-points every membership of 石桥村 at 马家村.
    await mergeOrganization(operator, '530522101002', { intoCode: '530522101001' });

    const { kept, recount } = await talliesAndRecount(t);
    expect(kept).toEqual(recount);
    expect(kept.some((r) => r.key.startsWith('530522101002|'))).toBe(false);
    expect(kept.find((r) => r.key === '530522101001|full|2|03')?.n).toBe(1);
    expect(kept.some((r) => r.key.includes('|0|'))).toBe(true);
  });
});
