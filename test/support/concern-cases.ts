/**
 * Concerns of the test county in every state the statistics tell apart, for the statistics tests
 * and the CLI's: each case's figures are spelled out in src/modules/concerns/statistics.test.ts.
 */
import { eq } from 'drizzle-orm';
import { DONGFENG, MAJIA, SHIQIAO } from './county.js';
import type { Db } from '../../src/platform/db/database.js';
import { searchVector } from '../../src/platform/text/search.js';
import { organizations } from '../../src/modules/organizations/schema.js';
import { stateTypeOf, type ConcernState } from '../../src/modules/concerns/rules.js';
import { concerns } from '../../src/modules/concerns/schema.js';

interface Case {
  village: string; received: string; category: string | null; state: ConcernState;
  dueOn?: string; replied?: string; rating?: 'satisfied' | 'basically_satisfied' | 'unsatisfied'; content?: string;
}

/** China instants; the clock stands at Monday 2 March 2026. */
export const statisticsCases: Case[] = [
  { village: MAJIA, received: '2026-01-05T09:00', category: 'infrastructure', state: 'closed', dueOn: '2026-01-19', replied: '2026-01-15T10:00', rating: 'satisfied' },
  { village: MAJIA, received: '2026-01-20T09:00', category: 'infrastructure', state: 'replied', dueOn: '2026-02-03', replied: '2026-02-05T10:00', rating: 'unsatisfied' },
  { village: MAJIA, received: '2026-02-10T09:00', category: 'disputes', state: 'in_progress', dueOn: '2026-02-20', content: '邻里宅基地纠纷，请联系13812345678协调' },
  { village: SHIQIAO, received: '2026-02-11T09:00', category: 'disputes', state: 'paused' },
  { village: SHIQIAO, received: '2026-02-25T09:00', category: 'policy', state: 'closed_unrated', dueOn: '2026-03-02', replied: '2026-02-27T10:00' },
  { village: DONGFENG, received: '2026-02-15T09:00', category: 'sanitation', state: 'closed', dueOn: '2026-02-25', replied: '2026-02-20T10:00', rating: 'basically_satisfied' },
  { village: DONGFENG, received: '2026-02-16T09:00', category: null, state: 'rejected' },
  // Reopened after a reply: worked on again, so neither answered nor (yet) overdue.
  { village: MAJIA, received: '2026-02-26T09:00', category: 'agriculture', state: 'reopened', dueOn: '2026-03-10', replied: '2026-02-27T10:00' },
  // Outside the span: the last day of December, and 1 March in China while still 28 February in UTC.
  { village: MAJIA, received: '2025-12-31T20:00', category: 'other', state: 'closed', dueOn: '2026-01-10', replied: '2026-01-05T10:00' },
  { village: MAJIA, received: '2026-03-01T07:00', category: null, state: 'submitted' },
];
const china = (local: string) => new Date(`${local}:00+08:00`);

export async function insertStatisticsCases(db: Db, countyId: string): Promise<void> {
  const orgs = await db.select().from(organizations).where(eq(organizations.countyId, countyId));
  const org = (code: string) => orgs.find((o) => o.code === code)!;
  await db.insert(concerns).values(statisticsCases.map((c, i) => ({
    countyId, trackingCode: `STATS${String(i).padStart(5, '0')}`, orgId: org(c.village).id, orgPath: org(c.village).path,
    handlerOrgId: org(c.village).id, handlerOrgPath: org(c.village).path, channel: 'public', content: c.content ?? `诉求第${i}件`,
    category: c.category, state: c.state, stateType: stateTypeOf[c.state], receivedAt: china(c.received), dueOn: c.dueOn ?? null,
    reply: c.replied ? `答复第${i}件` : null, repliedAt: c.replied ? china(c.replied) : null, rating: c.rating ?? null,
    search: searchVector(c.content ?? `诉求第${i}件`),
  })));
}
