/**
 * Participation in organizational life (rules.md §1.4): six months in a row without a valid reason of no
 * meetings, no dues and no assigned work is treated as leaving the Party. The platform only flags such
 * members for their branch to look into; it never decides the reason is missing.
 *
 * Per member and month:
 * - attended: present at a held meeting of the organization they belonged to that day, or of one of its
 *   party groups;
 * - paid: a dues payment for that month (whenever it was paid);
 * - duty: the member held a post other than a member's account at some time in the month (a committee
 *   member, a group leader, a cadre), or earned an approved point entry dated in it (a task done, a
 *   service given, checked by the level above);
 * - a month counts only when they were a member (probationary or full, in some organization of the
 *   county) on its first and on its last day: a member admitted or arriving mid-month is not asked about
 *   that month, and a transfer (one relation ends the day the next begins) does not interrupt it.
 */
import { addMonthsTo } from '../dues/rules.js';
import { addDays } from '../../platform/dates.js';

/** Months in a row that flag a member (rules.md §1.4). */
export const IDLE_FLAG_MONTHS = 6;

/** A relation as a member (probationary or full) from `from` to `to`: days; null from: always, null to: still open; `to` is its first day out. */
export interface MemberStay { from: string | null; to: string | null }

export interface MonthActivity { attended: boolean; paid: boolean; duty: boolean }

export interface ParticipationMonth extends MonthActivity {
  month: string;
  /** A member on its first and last day: only such months are asked about. */
  member: boolean;
}

/** `count` months, oldest first, ending with `last` ('YYYY-MM'). */
export function monthsEnding(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonthsTo(last, i - count + 1));
}

/** The first and last day of a 'YYYY-MM' month. */
export function monthDays(month: string): { first: string; last: string } {
  return { first: `${month}-01`, last: addDays(`${addMonthsTo(month, 1)}-01`, -1) };
}

const memberOn = (stays: readonly MemberStay[], day: string) => stays.some((s) => (s.from === null || s.from <= day) && (s.to === null || s.to > day));

/** Whether the stays make the holder a member on the month's first and on its last day. */
export function memberThroughout(stays: readonly MemberStay[], month: string): boolean {
  const { first, last } = monthDays(month);
  return memberOn(stays, first) && memberOn(stays, last);
}

/** A span of days from `from` to `to` (its first day out; null: still open) touches the month. */
export function spanTouches(from: string, to: string | null, month: string): boolean {
  const { first, last } = monthDays(month);
  return from <= last && (to === null || to > first);
}

export const idle = (m: MonthActivity) => !m.attended && !m.paid && !m.duty;

/**
 * The run of idle months ending with the last of `months` (oldest first): its first month and length,
 * counting only months the holder was a member; a month they were not neither counts nor breaks it.
 * Null when the last member month was not idle or there is none.
 */
export function idleRun(months: readonly ParticipationMonth[]): { from: string; months: number } | null {
  let from: string | null = null;
  let count = 0;
  for (const m of [...months].reverse()) {
    if (!m.member) continue;
    if (!idle(m)) break;
    from = m.month;
    count++;
  }
  return from === null ? null : { from, months: count };
}

/** Flagged: an idle run of at least six member months ending with the last complete month. */
export function flaggedRun(months: readonly ParticipationMonth[]): { from: string; months: number } | null {
  const run = idleRun(months);
  return run && run.months >= IDLE_FLAG_MONTHS ? run : null;
}

/** The month before the one `today` falls in: the last complete month. */
export const lastCompleteMonth = (today: string) => addMonthsTo(today.slice(0, 7), -1);
