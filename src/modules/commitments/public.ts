/**
 * A village's public commitments, as its board posts them: this year's published public commitments with
 * title, target, due date, progress and state. No person ids; the maker is 党支部 or the secretary's or
 * member's name, which the village posts anyway. Drafts and private commitments never leave.
 */
import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import { chinaDate, type Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { t, type Lang } from '../../platform/i18n/index.js';
import { publicVillage } from '../concerns/intake.js';
import type { PublicCommitments } from './contracts.js';
import { levelsOf, loadTrees, progressOf, settingsOf } from './queries.js';
import type { CommitmentState } from './rules.js';
import { commitments } from './schema.js';

const makerOrder = { branch: 0, secretary: 1, member: 2 } as Record<string, number>;

export async function publicCommitments(db: Db, clock: Clock, code: string, lang: Lang): Promise<PublicCommitments> {
  const org = await publicVillage(db, code);
  const year = Number(chinaDate(clock.now()).slice(0, 4));
  const tops = await db.select().from(commitments)
    .where(and(eq(commitments.countyId, org.countyId), eq(commitments.orgId, org.id), eq(commitments.year, year), isNull(commitments.parentId),
      eq(commitments.public, true), ne(commitments.state, 'draft')))
    .orderBy(asc(commitments.dueOn), asc(commitments.position), asc(commitments.createdAt));
  const loaded = await loadTrees(db, org.countyId, tops);
  const levels = levelsOf(await settingsOf(db, org.countyId));
  const sorted = [...tops].sort((a, b) => (makerOrder[a.maker]! - makerOrder[b.maker]!) || a.dueOn.localeCompare(b.dueOn));
  return {
    org: { code: org.code, name: org.name },
    year,
    items: sorted.map((c) => ({
      maker: c.personId === null ? t(lang, 'commitments.maker.branch') : loaded.names.get(c.personId) ?? '',
      level: levels.get(c.level) ?? c.level,
      title: c.title,
      target: c.target,
      dueOn: c.dueOn,
      progressPermille: progressOf(loaded, c),
      state: c.state as CommitmentState,
    })),
  };
}
