import { describe, expect, it } from 'vitest';
import {
  flaggedRun, idle, IDLE_FLAG_MONTHS, idleRun, lastCompleteMonth, memberThroughout, monthDays, monthsEnding, spanTouches, type ParticipationMonth,
} from './rules.js';

const month = (m: string, activity: Partial<ParticipationMonth> = {}): ParticipationMonth => ({ month: m, member: true, attended: false, paid: false, duty: false, ...activity });
/** Idle member months, oldest first, ending with `last`. */
const idleMonths = (last: string, n: number) => monthsEnding(last, n).map((m) => month(m));

describe('months', () => {
  it('lists months ending with one, across years', () => {
    expect(monthsEnding('2026-02', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsEnding('2026-02', 1)).toEqual(['2026-02']);
    expect(monthsEnding('2026-02', 0)).toEqual([]);
  });
  it.each([
    ['2026-01', '2026-01-31'], ['2026-02', '2026-02-28'], ['2024-02', '2024-02-29'], ['2026-04', '2026-04-30'], ['2026-12', '2026-12-31'],
  ])('knows the days of %s', (m, last) => {
    expect(monthDays(m)).toEqual({ first: `${m}-01`, last });
  });
  it.each([['2026-03-02', '2026-02'], ['2026-01-01', '2025-12'], ['2026-03-31', '2026-02']])('on %s the last complete month is %s', (today, last) => {
    expect(lastCompleteMonth(today)).toBe(last);
  });
});

describe('a month as a member', () => {
  it('counts a relation covering the whole month, or still open', () => {
    expect(memberThroughout([{ from: '2020-01-01', to: null }], '2026-02')).toBe(true);
    expect(memberThroughout([{ from: null, to: null }], '2026-02')).toBe(true);
    expect(memberThroughout([{ from: '2026-02-01', to: '2026-03-01' }], '2026-02')).toBe(true);
  });
  it('does not ask about the month a member was admitted or arrived in after its first day', () => {
    expect(memberThroughout([{ from: '2026-02-02', to: null }], '2026-02')).toBe(false);
    expect(memberThroughout([{ from: '2026-02-02', to: null }], '2026-03')).toBe(true);
  });
  it('does not ask about the month a relation ended in (its end is the first day out)', () => {
    expect(memberThroughout([{ from: null, to: '2026-02-28' }], '2026-02')).toBe(false);
    expect(memberThroughout([{ from: null, to: '2026-02-01' }], '2026-01')).toBe(true);
    expect(memberThroughout([{ from: null, to: '2026-02-01' }], '2026-02')).toBe(false);
  });
  it('keeps a transfer (one relation ends the day the next begins) a member throughout', () => {
    const stays = [{ from: '2000-07-01', to: '2026-01-15' }, { from: '2026-01-15', to: null }];
    expect(memberThroughout(stays, '2026-01')).toBe(true);
  });
  it('does not count a month with a gap between two relations', () => {
    expect(memberThroughout([{ from: null, to: '2026-01-10' }, { from: '2026-01-20', to: null }], '2026-01')).toBe(true);
    expect(memberThroughout([{ from: null, to: '2025-12-20' }, { from: '2026-02-10', to: null }], '2026-01')).toBe(false);
    expect(memberThroughout([], '2026-01')).toBe(false);
  });
});

describe('a post in a month', () => {
  it.each([
    ['2026-01-31', null, true], ['2026-02-01', null, true], ['2026-02-28', null, true], ['2026-03-01', null, false],
    ['2020-01-01', '2026-02-02', true], ['2020-01-01', '2026-02-01', false], ['2020-01-01', '2026-01-31', false],
  ])('held from %s to %s (first day out) touches February: %s', (from, to, expected) => {
    expect(spanTouches(from, to, '2026-02')).toBe(expected);
  });
});

describe('an idle month', () => {
  it.each([
    [{}, true], [{ attended: true }, false], [{ paid: true }, false], [{ duty: true }, false], [{ attended: true, paid: true, duty: true }, false],
  ])('%o is idle: %s', (activity, expected) => {
    expect(idle(month('2026-01', activity))).toBe(expected);
  });
});

describe('the idle run and the flag', () => {
  it('flags six idle months ending with the last complete month, from the first of them', () => {
    expect(IDLE_FLAG_MONTHS).toBe(6);
    expect(flaggedRun(idleMonths('2026-02', 6))).toEqual({ from: '2025-09', months: 6 });
    expect(flaggedRun(idleMonths('2026-02', 11))).toEqual({ from: '2025-04', months: 11 });
  });
  it('does not flag five', () => {
    expect(idleRun(idleMonths('2026-02', 5))).toEqual({ from: '2025-10', months: 5 });
    expect(flaggedRun(idleMonths('2026-02', 5))).toBeNull();
  });
  it.each(['attended', 'paid', 'duty'] as const)('breaks the run at a month with %s', (what) => {
    const active = (at: string) => idleMonths('2026-02', 10).map((m) => (m.month === at ? { ...m, [what]: true } : m));
    expect(flaggedRun(active('2025-08'))).toEqual({ from: '2025-09', months: 6 });
    expect(flaggedRun(active('2025-09'))).toBeNull();
    expect(idleRun(active('2026-01'))).toEqual({ from: '2026-02', months: 1 });
  });
  it('has no run when the last month was active', () => {
    const months = [...idleMonths('2026-01', 8), month('2026-02', { paid: true })];
    expect(idleRun(months)).toBeNull();
    expect(flaggedRun(months)).toBeNull();
  });
  it('neither counts nor breaks on months the holder was not a member', () => {
    const months = idleMonths('2026-02', 7).map((m) => (m.month === '2025-12' ? { ...m, member: false } : m));
    expect(flaggedRun(months)).toEqual({ from: '2025-08', months: 6 });
    const joined = idleMonths('2026-02', 8).map((m) => (m.month < '2025-10' ? { ...m, member: false } : m));
    expect(idleRun(joined)).toEqual({ from: '2025-10', months: 5 });
    expect(flaggedRun(joined)).toBeNull();
  });
  it('has no run without any member month', () => {
    expect(idleRun([])).toBeNull();
    expect(idleRun(idleMonths('2026-02', 9).map((m) => ({ ...m, member: false })))).toBeNull();
  });
  it('does not let activity in a month as a non-member break the run', () => {
    const months = idleMonths('2026-02', 7).map((m) => (m.month === '2025-11' ? { ...m, member: false, paid: true } : m));
    expect(flaggedRun(months)).toEqual({ from: '2025-08', months: 6 });
  });
});
