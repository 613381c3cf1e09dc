/**
 * The branch's grades (rules.md §7.1): every full member once, no probationary member, 不合格 with
 * its reason, 优秀 within the round's cap, decided at a members' meeting or life meeting of the
 * branch. Grading again replaces the grades, audited with the earlier ones.
 */
import { and, eq } from 'drizzle-orm';
import { chinaDate } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { FieldProblem } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n/index.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { meetingKindLabels, type MeetingKind } from '../meetings/kinds.js';
import { meetings } from '../meetings/schema.js';
import { orgLabel, type OrgRow } from '../organizations/queries.js';
import type { GradeInput, RoundView } from './contracts.js';
import { refuseAll } from './problems.js';
import { appraisalPost, entriesOf, getRound, visibleRound, type EntryRow, type RoundRow } from './queries.js';
import { checkGrades, gradeLabels, type EntryCategory, type Grade, type GradeProblem } from './rules.js';
import { appraisalEntries, appraisalFollowups, appraisalRounds } from './schema.js';

/** The kinds of meeting that decide grades: the members' meeting, or the life meeting it is combined with (rules.md §1.3). */
export const decidingKinds: readonly MeetingKind[] = ['members_meeting', 'life_meeting'];

function gradeProblem(p: GradeProblem, nameOf: (id: string) => string, lang: Lang): FieldProblem {
  const path = `body.${p.field}`;
  switch (p.rule) {
    case 'full_not_graded': return { path, key: 'appraisal.grade.full_not_graded', params: { names: p.personIds.map(nameOf).join('、') } };
    case 'over_cap': return { path, key: 'appraisal.grade.over_cap', params: { count: p.count, cap: p.cap, full: p.full, permille: p.permille, excellent: gradeLabels.excellent[lang] } };
    default: return { path, key: `appraisal.grade.${p.rule}`, params: { row: p.index + 1, name: nameOf(p.personId) } };
  }
}

/** The deciding meeting: held by this branch, of a deciding kind, on or before the day of the grades. */
async function meetingProblems(db: Db, round: RoundRow, org: OrgRow, meetingId: string, gradedOn: string, lang: Lang): Promise<FieldProblem[]> {
  const [m] = await db.select().from(meetings).where(and(eq(meetings.countyId, round.countyId), eq(meetings.id, meetingId)));
  const path = 'body.meetingId';
  if (!m || m.orgId !== org.id) return [{ path, key: 'appraisal.meeting_not_of_branch', params: { org: org.name } }];
  const kind = meetingKindLabels[m.kind as MeetingKind][lang];
  if (!decidingKinds.includes(m.kind as MeetingKind)) {
    return [{ path, key: 'appraisal.meeting_wrong_kind', params: { kind, kinds: decidingKinds.map((k) => meetingKindLabels[k][lang]).join(lang === 'zh' ? '、' : ', ') } }];
  }
  if (m.status !== 'held' || m.heldOn === null || m.heldOn > gradedOn) return [{ path, key: 'appraisal.meeting_not_held', params: { topic: m.topic, date: gradedOn } }];
  return [];
}

const snapshot = (round: RoundRow, entries: Pick<EntryRow, 'personId' | 'grade' | 'gradeNote'>[]) => ({
  status: round.status, gradedOn: round.gradedOn, meetingId: round.meetingId,
  grades: entries.filter((e) => e.grade !== null).map((e) => ({ personId: e.personId, grade: e.grade, note: e.gradeNote })).sort((a, b) => (a.personId < b.personId ? -1 : 1)),
});

export async function gradeRound(ctx: ServiceContext, roundId: string, input: GradeInput, lang: Lang): Promise<RoundView> {
  await write(ctx, async (w) => {
    const { round, org } = await visibleRound(ctx, w.tx, roundId, true);
    const post = appraisalPost(ctx, org);
    const entries = await entriesOf(w.tx, round);
    const names = new Map(entries.map((e) => [e.personId, e.name]));
    const nameOf = (id: string) => names.get(id) ?? id;
    const today = chinaDate(w.now);
    const problems = checkGrades(entries.map((e) => ({ personId: e.personId, category: e.category as EntryCategory })), input.grades, round.excellentCapPermille)
      .map((p) => gradeProblem(p, nameOf, lang));
    if (input.gradedOn > today) problems.push({ path: 'body.gradedOn', key: 'appraisal.future', params: { date: input.gradedOn, today } });
    if (input.gradedOn < round.openedOn) problems.push({ path: 'body.gradedOn', key: 'appraisal.graded_before_opened', params: { date: input.gradedOn, openedOn: round.openedOn } });
    if (input.meetingId) problems.push(...await meetingProblems(w.tx, round, org, input.meetingId, input.gradedOn, lang));
    // A member whose 不合格 is being followed up keeps it until the follow-ups are withdrawn from the record.
    const followed = await w.tx.selectDistinct({ personId: appraisalFollowups.personId }).from(appraisalFollowups)
      .where(and(eq(appraisalFollowups.countyId, round.countyId), eq(appraisalFollowups.roundId, round.id)));
    input.grades.forEach((g, index) => {
      if (g.grade !== 'unqualified' && followed.some((f) => f.personId === g.personId)) {
        problems.push({ path: `body.grades.${index}.grade`, key: 'appraisal.grade.has_followups', params: { row: index + 1, name: nameOf(g.personId) } });
      }
    });
    refuseAll(lang, problems);
    const before = snapshot(round, entries);
    const given = new Map(input.grades.map((g) => [g.personId, g]));
    for (const e of entries) {
      const g = given.get(e.personId);
      await w.tx.update(appraisalEntries).set({ grade: g?.grade ?? null, gradeNote: g?.note ?? null })
        .where(and(eq(appraisalEntries.countyId, round.countyId), eq(appraisalEntries.roundId, round.id), eq(appraisalEntries.personId, e.personId)));
    }
    const [saved] = await w.tx.update(appraisalRounds).set({ status: 'graded', gradedOn: input.gradedOn, meetingId: input.meetingId ?? null, updatedAt: w.now })
      .where(and(eq(appraisalRounds.countyId, round.countyId), eq(appraisalRounds.id, round.id))).returning();
    w.audit({
      action: round.status === 'graded' ? 'appraisal.regrade' : 'appraisal.grade', entityType: 'appraisal_round', entityId: round.id,
      entityLabel: `${orgLabel(org)} ${round.year}`, orgPath: org.path, postId: post.postId,
      before, after: snapshot(saved!, input.grades.map((g) => ({ personId: g.personId, grade: g.grade as Grade, gradeNote: g.note ?? null }))),
    });
  });
  return getRound(ctx, roundId);
}
