// Opening a rectification case directly (as screening's definition does), for tests of the ledger.
import { and, eq } from 'drizzle-orm';
import { visibleOrg } from '../../src/modules/organizations/queries.js';
import { openCase } from '../../src/modules/rectification/cases/open.js';
import { screeningFindings, screeningRounds } from '../../src/modules/rectification/schema.js';
import { write } from '../../src/platform/service.js';
import type { TestCounty } from './county.js';

/** A yearly round of `year` (made once), a confirmed finding for the village and its case, defined on `definedOn`. */
export async function openTestCase({ operator, county }: TestCounty, orgCode: string, year: number, definedOn: string, category = 'lax'): Promise<string> {
  return write(operator, async (w) => {
    const org = await visibleOrg(operator, orgCode, w.tx);
    const [existing] = await w.tx.select().from(screeningRounds).where(and(eq(screeningRounds.year, year), eq(screeningRounds.period, 'year')));
    const round = existing ?? (await w.tx.insert(screeningRounds).values({
      countyId: county.id, year, period: 'year', title: `${year}年度软弱涣散排查`, status: 'open', openedOn: `${year}-01-05`,
    }).returning())[0]!;
    await w.tx.insert(screeningFindings).values({
      countyId: county.id, roundId: round.id, orgId: org.id, orgPath: org.path, criterionCode: '04', criterionTitle: '组织制度形同虚设，不开展组织活动',
      category, channel: 'check', checkLevel: 'township', evidence: '2025年“三会一课”记录缺失', foundOn: definedOn, source: 'manual', status: 'confirmed', decidedOn: definedOn,
    });
    return openCase(w, { countyId: county.id, round: { id: round.id, year: round.year }, org: { id: org.id, path: org.path }, definedOn, basis: '县委常委会认定', userId: null });
  });
}
