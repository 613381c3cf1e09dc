import { describe, expect, it } from 'vitest';
import { checkPipeline } from '../modules/members/rules/pipeline.js';
import { earliestOn, memberStages, pipelineStages, type StageDates } from './pipeline.js';
import { Random, addDays, addYears, toDayNumber } from './random.js';

const AS_OF = '2026-06-30';
const days = (from: string, to: string) => toDayNumber(to) - toDayNumber(from);

/**
 * The order and gaps of rules.md §2.2 on whatever dates are present: the registry's rules, which
 * the import applies, find nothing (not even a warning), and the demo's own gaps hold.
 */
function expectLawful(s: StageDates, birthDate: string, asOf: string): void {
  expect(checkPipeline({ ...s, birthDate }, asOf), `${JSON.stringify(s)}, born ${birthDate}`).toEqual([]);
  expect(s.appliedOn >= addYears(birthDate, 18), `applied ${s.appliedOn}, born ${birthDate}`).toBe(true);
  if (s.activistOn !== null) {
    expect(days(s.appliedOn, s.activistOn)).toBeGreaterThanOrEqual(30);
    expect(days(s.appliedOn, s.activistOn)).toBeLessThanOrEqual(240);
  }
  if (s.targetOn !== null) expect(s.targetOn >= addYears(s.activistOn!, 1), `target ${s.targetOn}, activist ${s.activistOn}`).toBe(true);
  if (s.joinedOn !== null) expect(s.joinedOn > s.targetOn!).toBe(true);
}

const BIRTHS = ['1950-03-01', '1984-02-29', '1996-12-31', '2000-01-01', '2004-02-29', '2006-06-30', '2007-06-29'];

describe('earliestOn', () => {
  it('puts the application on the 18th birthday and each stage after the shortest gap', () => {
    expect(earliestOn('applied', '2000-05-10')).toBe('2018-05-10');
    expect(earliestOn('activist', '2000-05-10')).toBe('2018-06-09');
    expect(earliestOn('target', '2000-05-10')).toBe('2019-06-10');
    expect(earliestOn('joined', '2000-05-10')).toBe('2019-08-09');
    // Born on 29 February: 18 on 1 March of a common year, as the registry counts age.
    expect(earliestOn('applied', '2004-02-29')).toBe('2022-03-01');
    expect(earliestOn('applied', '1986-02-28')).toBe('2004-02-28');
    expect(earliestOn('applied', '1986-03-01')).toBe('2004-03-01');
  });
});

describe('memberStages', () => {
  it('obeys every rule, for any birth date and any admission date from the earliest on', () => {
    const rng = new Random('member-stages');
    for (const birth of BIRTHS) {
      const first = earliestOn('joined', birth);
      for (const joined of [first, addDays(first, 1), addDays(first, 45), addDays(first, 400), addDays(first, 5000)]) {
        for (let i = 0; i < 40; i++) {
          const s = memberStages(rng, birth, joined, null, '2090-01-01');
          expectLawful(s, birth, '2090-01-01');
          expect(s.joinedOn).toBe(joined);
        }
      }
    }
  });

  it('refuses an admission before the rules allow one', () => {
    const birth = '2000-05-10';
    expect(() => memberStages(new Random(1), birth, addDays(earliestOn('joined', birth), -1), null, AS_OF)).toThrow(/too early/);
  });

  it('makes a member full when probation ends on or before asOf, otherwise probationary', () => {
    const rng = new Random(2);
    const full = memberStages(rng, '1990-01-01', '2025-06-30', null, AS_OF);
    expect(full).toMatchObject({ category: 'full', fullOn: '2026-06-30', probationExtensionMonths: null });
    const probationary = memberStages(rng, '1990-01-01', '2025-07-01', null, AS_OF);
    expect(probationary).toMatchObject({ category: 'probationary', fullOn: null });
    const extended = memberStages(rng, '1990-01-01', '2024-10-15', 9, AS_OF);
    expect(extended).toMatchObject({ category: 'probationary', fullOn: null, probationExtensionMonths: 9 });
    expect(memberStages(rng, '1990-01-01', '2024-09-15', 9, AS_OF)).toMatchObject({ category: 'full', fullOn: '2026-06-15' });
  });
});

describe('pipelineStages', () => {
  it('keeps each stage in its window and obeys every rule, even for the youngest', () => {
    const rng = new Random('pipeline');
    const youngest = { applicant: '2008-06-30', activist: '2007-06-30', development_target: '2006-06-30' } as const;
    for (const stage of ['applicant', 'activist', 'development_target'] as const) {
      for (const birth of [youngest[stage], '2000-02-29', '1985-11-11']) {
        for (let i = 0; i < 200; i++) {
          const s = pipelineStages(rng, stage, birth, AS_OF);
          expect(s.category).toBe(stage);
          expectLawful(s, birth, AS_OF);
          expect([s.joinedOn, s.fullOn, s.probationExtensionMonths]).toEqual([null, null, null]);
          const last = s.targetOn ?? s.activistOn ?? s.appliedOn;
          expect(last <= AS_OF).toBe(true);
          if (stage === 'applicant') expect(days(s.appliedOn, AS_OF)).toBeLessThanOrEqual(330);
          if (stage === 'activist') expect(s.activistOn! >= addYears(AS_OF, -2) && s.targetOn === null).toBe(true);
          if (stage === 'development_target') expect(days(s.targetOn!, AS_OF)).toBeLessThanOrEqual(300);
        }
      }
    }
  });
});
