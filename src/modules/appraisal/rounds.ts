/**
 * Opening a branch's round for a year: its members that day take part, full members to be graded and
 * probationary members evaluated only (rules.md §7.1), under the county's cap on 优秀 as it stands then.
 */
import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { chinaDate } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { conflict } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n/index.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { stageOn } from '../members/rules/pipeline.js';
import type { MemberCategory } from '../members/rules/pipeline.js';
import { memberships } from '../members/schema.js';
import { orgLabel, type OrgRow } from '../organizations/queries.js';
import type { OpenRoundInput, RoundView } from './contracts.js';
import { refusal } from './problems.js';
import { appraisalPost, getRound, isAppraising, readableOrg, settingsOf } from './queries.js';
import type { EntryCategory } from './rules.js';
import { appraisalEntries, appraisalRounds } from './schema.js';

/** Full and probationary members of the branch on `on`, by the stage each had reached that day. */
async function membersOn(db: Db, org: OrgRow, on: string): Promise<{ personId: string; category: EntryCategory }[]> {
  const rows = await db.select({
    personId: memberships.personId, category: memberships.category, startedOn: memberships.startedOn, appliedOn: memberships.appliedOn,
    activistOn: memberships.activistOn, targetOn: memberships.targetOn, joinedOn: memberships.joinedOn, fullOn: memberships.fullOn,
  }).from(memberships)
    .where(and(eq(memberships.countyId, org.countyId), eq(memberships.orgId, org.id),
      sql`coalesce(${memberships.startedOn}, date '0001-01-01') <= ${on}::date`, or(isNull(memberships.endedOn), gt(memberships.endedOn, on))));
  const found = new Map<string, EntryCategory>();
  for (const m of rows) {
    const stage = stageOn({ ...m, category: m.category as MemberCategory }, on);
    if (stage === 'full' || stage === 'probationary') found.set(m.personId, stage);
  }
  return [...found].map(([personId, category]) => ({ personId, category }));
}

export async function openRound(ctx: ServiceContext, input: OpenRoundInput, lang: Lang): Promise<RoundView> {
  const id = await write(ctx, async (w) => {
    const org = await readableOrg(ctx, input.orgCode, w.tx);
    const post = appraisalPost(ctx, org);
    if (!isAppraising(org.type)) throw refusal(lang, [{ path: 'body.orgCode', key: 'appraisal.not_a_branch', params: { org: org.name } }]);
    const today = chinaDate(w.now);
    if (input.openedOn > today) throw refusal(lang, [{ path: 'body.openedOn', key: 'appraisal.future', params: { date: input.openedOn, today } }]);
    const openedYear = Number(input.openedOn.slice(0, 4));
    // A year is appraised during it or early in the next (the life meeting of Q4 sometimes slips into January).
    if (input.year !== openedYear && input.year !== openedYear - 1) {
      throw refusal(lang, [{ path: 'body.year', key: 'appraisal.year_mismatch', params: { year: input.year, date: input.openedOn } }]);
    }
    const [existing] = await w.tx.select({ id: appraisalRounds.id }).from(appraisalRounds)
      .where(and(eq(appraisalRounds.countyId, org.countyId), eq(appraisalRounds.orgId, org.id), eq(appraisalRounds.year, input.year)));
    if (existing) throw conflict('appraisal.round_exists', { org: org.name, year: input.year });
    const members = await membersOn(w.tx, org, input.openedOn);
    if (members.length === 0) throw refusal(lang, [{ path: 'body.openedOn', key: 'appraisal.no_members', params: { org: org.name, date: input.openedOn } }]);
    const { excellentCapPermille } = await settingsOf(w.tx, org.countyId);
    const [round] = await w.tx.insert(appraisalRounds).values({
      countyId: org.countyId, orgId: org.id, orgPath: org.path, year: input.year, status: 'open', openedOn: input.openedOn,
      excellentCapPermille, createdBy: ctx.actor.userId,
    }).onConflictDoNothing().returning();
    // Two secretaries opening the same round at once: the second finds the first's.
    if (!round) throw conflict('appraisal.round_exists', { org: org.name, year: input.year });
    await w.tx.insert(appraisalEntries).values(members.map((m) => ({ countyId: org.countyId, roundId: round.id, ...m })));
    w.audit({
      action: 'appraisal.open', entityType: 'appraisal_round', entityId: round.id, entityLabel: `${orgLabel(org)} ${input.year}`, orgPath: org.path, postId: post.postId,
      after: { year: input.year, openedOn: input.openedOn, excellentCapPermille, members: members.length, full: members.filter((m) => m.category === 'full').length },
    });
    return round.id;
  });
  return getRound(ctx, id);
}
