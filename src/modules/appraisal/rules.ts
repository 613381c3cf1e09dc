/**
 * The democratic appraisal of members (民主评议党员, rules.md §0, §7.1, §7.2): the grades, the cap on
 * 优秀, what the evaluations suggest, and the limits of a 不合格 member's follow-up. Pure functions.
 */
import { addMonths } from '../../platform/dates.js';

export const grades = ['excellent', 'qualified', 'basically_qualified', 'unqualified'] as const;
export type Grade = (typeof grades)[number];

export const gradeLabels: Record<Grade, { zh: string; en: string }> = {
  excellent: { zh: '优秀', en: 'excellent' },
  qualified: { zh: '合格', en: 'qualified' },
  basically_qualified: { zh: '基本合格', en: 'basically qualified' },
  unqualified: { zh: '不合格', en: 'unqualified' },
};

export const entryCategories = ['full', 'probationary'] as const;
export type EntryCategory = (typeof entryCategories)[number];

/** 帮助教育, 限期改正, 劝其退党, 除名 (the 2024 rules on members graded 不合格). */
export const followupActions = ['help', 'correct', 'advise_withdraw', 'remove'] as const;
export type FollowupAction = (typeof followupActions)[number];

export const followupOutcomes = ['corrected', 'not_corrected', 'withdrew', 'removed'] as const;
export type FollowupOutcome = (typeof followupOutcomes)[number];

export const followupActionLabels: Record<FollowupAction, { zh: string; en: string }> = {
  help: { zh: '帮助教育', en: 'help and education' },
  correct: { zh: '限期改正', en: 'deadline to correct' },
  advise_withdraw: { zh: '劝其退党', en: 'advice to withdraw' },
  remove: { zh: '除名', en: 'removal' },
};

export const followupOutcomeLabels: Record<FollowupOutcome, { zh: string; en: string }> = {
  corrected: { zh: '已改正', en: 'corrected' },
  not_corrected: { zh: '未改正', en: 'not corrected' },
  withdrew: { zh: '已退党', en: 'withdrew' },
  removed: { zh: '已除名', en: 'removed' },
};

/** Which outcomes close which action: a member advised to withdraw who refuses is removed. */
export const outcomesOf: Record<FollowupAction, readonly FollowupOutcome[]> = {
  help: ['corrected', 'not_corrected'],
  correct: ['corrected', 'not_corrected'],
  advise_withdraw: ['withdrew', 'removed'],
  remove: ['removed'],
};

/** The county's default cap: about a third of the full members graded (rules.md §7.1). */
export const DEFAULT_CAP_PERMILLE = 333;

/**
 * The most 优秀 a round may give: as many as keep their share of the full members graded within the
 * cap, shares compared to the thousandth as the cap is given, so that the default 333‰ means "a
 * third" (3 full members allow 1, 6 allow 2, 4 allow 1, 5 allow 1). Probationary members are not in
 * the base.
 */
export function excellentCap(fullMembers: number, capPermille: number): number {
  const within = (n: number) => Math.round((n * 1000) / fullMembers) <= capPermille;
  let n = Math.floor((fullMembers * capPermille) / 1000);
  while (n < fullMembers && within(n + 1)) n += 1;
  return n;
}

/** Mutual votes for one member: everyone else in the round may rate them once. */
export function mutualVotesAllowed(membersInRound: number): number {
  return Math.max(0, membersInRound - 1);
}

export interface MutualCounts { mutualExcellent: number; mutualQualified: number; mutualBasic: number; mutualUnqualified: number }
export interface MassesCounts { massesSatisfied: number; massesBasic: number; massesUnsatisfied: number }

export const mutualTotal = (c: MutualCounts) => c.mutualExcellent + c.mutualQualified + c.mutualBasic + c.mutualUnqualified;

/** Whether anything of a member's evaluation has been recorded. */
export const isEvaluated = (e: MutualCounts & MassesCounts & { selfAssessment: string | null }) =>
  e.selfAssessment !== null || mutualTotal(e) > 0 || e.massesSatisfied + e.massesBasic + e.massesUnsatisfied > 0;

export interface SuggestEntry extends MutualCounts { personId: string; category: EntryCategory }

const byVotes: Record<Grade, (c: MutualCounts) => number> = {
  excellent: (c) => c.mutualExcellent,
  qualified: (c) => c.mutualQualified,
  basically_qualified: (c) => c.mutualBasic,
  unqualified: (c) => c.mutualUnqualified,
};

/** A tie with 合格 stays 合格; other ties go to the milder grade. */
const suggestionOrder: Grade[] = ['qualified', 'excellent', 'basically_qualified', 'unqualified'];

/**
 * A starting point for the branch, never its decision (the grade is not decided by votes alone):
 * each full member gets the grade most of their mutual votes gave (no votes: 合格). 优秀 goes only to the members with the most 优秀 votes within the cap;
 * the others it would exceed drop to 合格. Probationary members get no grade.
 */
export function suggestGrades(entries: SuggestEntry[], capPermille: number): Map<string, Grade> {
  const full = entries.filter((e) => e.category === 'full');
  const suggested = new Map<string, Grade>();
  for (const e of full) {
    suggested.set(e.personId, suggestionOrder.reduce((top, g) => (byVotes[g](e) > byVotes[top](e) ? g : top)));
  }
  const cap = excellentCap(full.length, capPermille);
  const excellent = full.filter((e) => suggested.get(e.personId) === 'excellent')
    .sort((a, b) => b.mutualExcellent - a.mutualExcellent || mutualTotal(b) - mutualTotal(a) || (a.personId < b.personId ? -1 : 1));
  for (const e of excellent.slice(cap)) suggested.set(e.personId, 'qualified');
  return suggested;
}

export type GradeProblem =
  | { field: string; rule: 'not_in_round' | 'graded_twice' | 'probationary_graded' | 'unqualified_needs_note'; index: number; personId: string }
  | { field: 'grades'; rule: 'full_not_graded'; personIds: string[] }
  | { field: 'grades'; rule: 'over_cap'; count: number; cap: number; full: number; permille: number };

/**
 * The checks of a round's grades: every full member graded once, probationary members not at all,
 * 不合格 with the reason noted, and no more 优秀 than the cap.
 */
export function checkGrades(
  entries: { personId: string; category: EntryCategory }[],
  given: { personId: string; grade: Grade; note?: string | null }[],
  capPermille: number,
): GradeProblem[] {
  const categoryOf = new Map(entries.map((e) => [e.personId, e.category]));
  const problems: GradeProblem[] = [];
  const seen = new Set<string>();
  given.forEach((g, index) => {
    const category = categoryOf.get(g.personId);
    const at = (rule: 'not_in_round' | 'graded_twice' | 'probationary_graded' | 'unqualified_needs_note', field = 'personId') =>
      problems.push({ field: `grades.${index}.${field}`, rule, index, personId: g.personId });
    if (category === undefined) return at('not_in_round');
    if (seen.has(g.personId)) at('graded_twice');
    seen.add(g.personId);
    if (category === 'probationary') at('probationary_graded', 'grade');
    else if (g.grade === 'unqualified' && !g.note?.trim()) at('unqualified_needs_note', 'note');
  });
  const missing = entries.filter((e) => e.category === 'full' && !seen.has(e.personId)).map((e) => e.personId);
  if (missing.length > 0) problems.push({ field: 'grades', rule: 'full_not_graded', personIds: missing });
  const full = entries.filter((e) => e.category === 'full').length;
  const excellentIds = new Set(given.filter((g) => g.grade === 'excellent' && categoryOf.get(g.personId) === 'full').map((g) => g.personId));
  const cap = excellentCap(full, capPermille);
  if (excellentIds.size > cap) problems.push({ field: 'grades', rule: 'over_cap', count: excellentIds.size, cap, full, permille: capPermille });
  return problems;
}

/** 限期改正: usually six months from the decision. */
export const usualCorrectionDeadline = (decidedOn: string) => addMonths(decidedOn, 6);
/** …and at most a year (党员教育管理工作条例 Art.30). */
export const latestCorrectionDeadline = (decidedOn: string) => addMonths(decidedOn, 12);

export type DeadlineProblem = 'deadline_required' | 'deadline_not_applicable' | 'deadline_not_after_decision' | 'deadline_beyond_a_year';

/** A deadline belongs to 限期改正 only; it falls after the decision and at most a year from it. */
export function checkDeadline(action: FollowupAction, decidedOn: string, deadline: string | null | undefined): DeadlineProblem | null {
  if (action !== 'correct') return deadline ? 'deadline_not_applicable' : null;
  if (!deadline) return 'deadline_required';
  if (deadline <= decidedOn) return 'deadline_not_after_decision';
  if (deadline > latestCorrectionDeadline(decidedOn)) return 'deadline_beyond_a_year';
  return null;
}

/** After withdrawing on advice or removal, no re-admission for five years (2024 rules): the first day it may be considered again. */
export function readmissionFrom(outcome: FollowupOutcome | null, outcomeOn: string | null): string | null {
  if ((outcome !== 'withdrew' && outcome !== 'removed') || outcomeOn === null) return null;
  return addMonths(outcomeOn, 60);
}

/** A deadline to correct that has passed without an outcome: the branch must decide what follows. */
export const correctionOverdue = (f: { action: string; deadline: string | null; outcome: string | null }, today: string) =>
  f.action === 'correct' && f.outcome === null && f.deadline !== null && f.deadline < today;

/** The year's round is expected once its month has come (the life meeting is normally in Q4: from October by default). */
export const roundDue = (today: string, fromMonth: number) => Number(today.slice(5, 7)) >= fromMonth;
