import { describe, expect, it } from 'vitest';
import {
  checkDeadline, checkGrades, correctionOverdue, excellentCap, isEvaluated, mutualVotesAllowed, readmissionFrom, roundDue, suggestGrades,
  usualCorrectionDeadline, type SuggestEntry,
} from './rules.js';

const votes = (personId: string, e: number, q: number, b = 0, u = 0, category: 'full' | 'probationary' = 'full'): SuggestEntry =>
  ({ personId, category, mutualExcellent: e, mutualQualified: q, mutualBasic: b, mutualUnqualified: u });

describe('the cap on 优秀', () => {
  it('gives as many as keep their share within the cap, to the thousandth, so 333‰ is a third', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 31, 100].map((full) => excellentCap(full, 333))).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 10, 10, 33]);
  });

  it('never lets one more through, for every branch size and cap', () => {
    for (let full = 1; full <= 120; full++) {
      for (let cap = 0; cap <= 1000; cap += 37) {
        const n = excellentCap(full, cap);
        expect(Math.round((n * 1000) / full)).toBeLessThanOrEqual(cap);
        if (n < full) expect(Math.round(((n + 1) * 1000) / full)).toBeGreaterThan(cap);
      }
    }
  });

  it('follows the county setting at its edges', () => {
    expect(excellentCap(6, 332)).toBe(1);
    expect(excellentCap(4, 250)).toBe(1);
    expect(excellentCap(5, 250)).toBe(1);
    expect(excellentCap(10, 0)).toBe(0);
    expect(excellentCap(10, 1000)).toBe(10);
    expect(excellentCap(7, 500)).toBe(3);
    expect(excellentCap(0, 333)).toBe(0);
  });
});

describe('mutual votes', () => {
  it('allows every other member of the round one vote', () => {
    expect([0, 1, 2, 12].map(mutualVotesAllowed)).toEqual([0, 0, 1, 11]);
  });

  it('counts a member as evaluated once anything is recorded', () => {
    const none = { ...votes('a', 0, 0), massesSatisfied: 0, massesBasic: 0, massesUnsatisfied: 0, selfAssessment: null };
    expect(isEvaluated(none)).toBe(false);
    expect(isEvaluated({ ...none, selfAssessment: '认真学习' })).toBe(true);
    expect(isEvaluated({ ...none, mutualBasic: 1 })).toBe(true);
    expect(isEvaluated({ ...none, massesUnsatisfied: 1 })).toBe(true);
  });
});

describe('suggested grades', () => {
  it('gives each full member the grade of most votes, 合格 without votes or on a tie with it', () => {
    const s = suggestGrades([votes('a', 0, 5, 1), votes('b', 0, 1, 4), votes('c', 0, 1, 1, 4), votes('d', 0, 0), votes('e', 3, 3), votes('f', 0, 2, 2)], 1000);
    expect(Object.fromEntries(s)).toEqual({ a: 'qualified', b: 'basically_qualified', c: 'unqualified', d: 'qualified', e: 'qualified', f: 'qualified' });
  });

  it('breaks other ties toward the milder grade', () => {
    const s = suggestGrades([votes('a', 3, 1, 3), votes('b', 0, 0, 2, 2)], 1000);
    expect(Object.fromEntries(s)).toEqual({ a: 'excellent', b: 'basically_qualified' });
  });

  it('gives 优秀 within the cap to the most 优秀 votes, the rest 合格', () => {
    const entries = [votes('a', 5, 1), votes('b', 7, 0), votes('c', 6, 1), votes('d', 0, 7), votes('e', 0, 7), votes('f', 0, 7)];
    // Six full members at 332‰: one 优秀; at 333‰ (a third): two.
    expect(Object.fromEntries(suggestGrades(entries, 332))).toEqual({ a: 'qualified', b: 'excellent', c: 'qualified', d: 'qualified', e: 'qualified', f: 'qualified' });
    expect(Object.fromEntries(suggestGrades(entries, 333))).toEqual({ a: 'qualified', b: 'excellent', c: 'excellent', d: 'qualified', e: 'qualified', f: 'qualified' });
    // At 500‰: three, the three with most 优秀 votes.
    expect([...suggestGrades(entries, 500)].filter(([, g]) => g === 'excellent').map(([id]) => id).sort()).toEqual(['a', 'b', 'c']);
  });

  it('orders equal 优秀 votes by more votes cast, then by id', () => {
    const entries = [votes('b', 4, 2), votes('a', 4, 2), votes('c', 4, 3), votes('d', 0, 9), votes('e', 0, 9), votes('f', 0, 9)];
    expect([...suggestGrades(entries, 200)].filter(([, g]) => g === 'excellent').map(([id]) => id)).toEqual(['c']);
    expect([...suggestGrades(entries, 333)].filter(([, g]) => g === 'excellent').map(([id]) => id).sort()).toEqual(['a', 'c']);
  });

  it('suggests nothing for probationary members, who are outside the base of the cap', () => {
    const three = [votes('a', 5, 0), votes('b', 4, 0), votes('c', 0, 5), votes('p', 9, 0, 0, 0, 'probationary')];
    const s = suggestGrades(three, 250);
    expect(s.has('p')).toBe(false);
    // Three full members at 250‰ allow none (the probationary member would have made it four, and one).
    expect(Object.fromEntries(s)).toEqual({ a: 'qualified', b: 'qualified', c: 'qualified' });
    expect(Object.fromEntries(suggestGrades([...three, votes('d', 0, 5)], 250))).toEqual({ a: 'excellent', b: 'qualified', c: 'qualified', d: 'qualified' });
  });
});

describe('checking grades', () => {
  const entries = [
    { personId: 'a', category: 'full' as const }, { personId: 'b', category: 'full' as const }, { personId: 'c', category: 'full' as const },
    { personId: 'd', category: 'full' as const }, { personId: 'p', category: 'probationary' as const },
  ];
  const all = (overrides: Record<string, string> = {}) => ['a', 'b', 'c', 'd'].map((personId) => ({ personId, grade: (overrides[personId] ?? 'qualified') as 'qualified' }));

  it('accepts every full member graded once within the cap', () => {
    expect(checkGrades(entries, all({ a: 'excellent', b: 'basically_qualified' }), 333)).toEqual([]);
    expect(checkGrades(entries, [...all({ a: 'excellent' }).slice(1), { personId: 'a', grade: 'excellent' }], 333)).toEqual([]);
  });

  it('refuses more 优秀 than the cap, naming the cap and its base', () => {
    expect(checkGrades(entries, all({ a: 'excellent', b: 'excellent' }), 333)).toEqual([{ field: 'grades', rule: 'over_cap', count: 2, cap: 1, full: 4, permille: 333 }]);
    expect(checkGrades(entries, all({ a: 'excellent', b: 'excellent' }), 500)).toEqual([]);
  });

  it('refuses a full member left out, a probationary member graded, a person outside the round, a member twice', () => {
    const problems = checkGrades(entries, [
      { personId: 'a', grade: 'qualified' }, { personId: 'a', grade: 'qualified' }, { personId: 'p', grade: 'qualified' }, { personId: 'x', grade: 'qualified' },
    ], 333);
    expect(problems).toEqual([
      { field: 'grades.1.personId', rule: 'graded_twice', index: 1, personId: 'a' },
      { field: 'grades.2.grade', rule: 'probationary_graded', index: 2, personId: 'p' },
      { field: 'grades.3.personId', rule: 'not_in_round', index: 3, personId: 'x' },
      { field: 'grades', rule: 'full_not_graded', personIds: ['b', 'c', 'd'] },
    ]);
  });

  it('needs the reason of a 不合格', () => {
    const given = all({ d: 'unqualified' });
    expect(checkGrades(entries, given, 333)).toEqual([{ field: 'grades.3.note', rule: 'unqualified_needs_note', index: 3, personId: 'd' }]);
    expect(checkGrades(entries, given.map((g) => (g.personId === 'd' ? { ...g, note: '  ' } : g)), 333)).toHaveLength(1);
    expect(checkGrades(entries, given.map((g) => (g.personId === 'd' ? { ...g, note: '长期不参加组织生活' } : g)), 333)).toEqual([]);
  });
});

describe('the follow-up of 不合格', () => {
  it('puts the usual deadline six months on', () => {
    expect(usualCorrectionDeadline('2026-01-15')).toBe('2026-07-15');
    expect(usualCorrectionDeadline('2025-08-31')).toBe('2026-02-28');
  });

  it('gives a deadline to 限期改正 only, after the decision and at most a year from it', () => {
    expect(checkDeadline('correct', '2026-01-15', '2026-07-15')).toBeNull();
    expect(checkDeadline('correct', '2026-01-15', '2027-01-15')).toBeNull();
    expect(checkDeadline('correct', '2026-01-15', '2027-01-16')).toBe('deadline_beyond_a_year');
    expect(checkDeadline('correct', '2024-02-29', '2025-02-28')).toBeNull();
    expect(checkDeadline('correct', '2024-02-29', '2025-03-01')).toBe('deadline_beyond_a_year');
    expect(checkDeadline('correct', '2026-01-15', '2026-01-15')).toBe('deadline_not_after_decision');
    expect(checkDeadline('correct', '2026-01-15', undefined)).toBe('deadline_required');
    for (const action of ['help', 'advise_withdraw', 'remove'] as const) {
      expect(checkDeadline(action, '2026-01-15', '2026-03-01')).toBe('deadline_not_applicable');
      expect(checkDeadline(action, '2026-01-15', null)).toBeNull();
    }
  });

  it('keeps re-admission closed five years after withdrawing or removal', () => {
    expect(readmissionFrom('withdrew', '2026-02-10')).toBe('2031-02-10');
    expect(readmissionFrom('removed', '2024-02-29')).toBe('2029-02-28');
    expect(readmissionFrom('corrected', '2026-02-10')).toBeNull();
    expect(readmissionFrom('not_corrected', '2026-02-10')).toBeNull();
    expect(readmissionFrom(null, null)).toBeNull();
  });

  it('flags a passed deadline to correct without an outcome', () => {
    const f = { action: 'correct', deadline: '2026-03-01', outcome: null };
    expect(correctionOverdue(f, '2026-03-01')).toBe(false);
    expect(correctionOverdue(f, '2026-03-02')).toBe(true);
    expect(correctionOverdue({ ...f, outcome: 'corrected' }, '2026-03-02')).toBe(false);
    expect(correctionOverdue({ ...f, action: 'help', deadline: null }, '2026-03-02')).toBe(false);
  });
});

describe('when the round is expected', () => {
  it('from the configured month to the end of the year', () => {
    expect(roundDue('2026-09-30', 10)).toBe(false);
    expect(roundDue('2026-10-01', 10)).toBe(true);
    expect(roundDue('2026-12-31', 10)).toBe(true);
    expect(roundDue('2026-01-01', 1)).toBe(true);
  });
});
