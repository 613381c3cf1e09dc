import { describe, expect, it } from 'vitest';
import { defaultScreeningSetting } from '../criteria.js';
import { allDepartments, checkLevelOf, definitionDateProblem, duplicateCodes, findingDateProblem, quotaLimit, quotaLine } from './rules.js';

describe('screening rules', () => {
  it('a finding is dated within the round’s year up to today', () => {
    const round = { year: 2026 };
    expect(findingDateProblem('2026-03-02', round, '2026-03-02')).toBeNull();
    expect(findingDateProblem('2026-01-01', round, '2026-03-02')).toBeNull();
    expect(findingDateProblem('2026-03-03', round, '2026-03-02')).toEqual({ key: 'screening.date_ahead', params: { date: '2026-03-03', today: '2026-03-02' } });
    expect(findingDateProblem('2025-12-31', round, '2026-03-02')).toEqual({ key: 'screening.date_before_year', params: { date: '2025-12-31', year: 2026 } });
    // A round of last year still takes findings made this year.
    expect(findingDateProblem('2026-01-05', { year: 2025 }, '2026-03-02')).toBeNull();
  });

  it('a definition is dated from the round’s opening up to today', () => {
    const round = { openedOn: '2026-02-01' };
    expect(definitionDateProblem('2026-02-01', round, '2026-03-02')).toBeNull();
    expect(definitionDateProblem('2026-01-31', round, '2026-03-02')?.key).toBe('screening.date_before_round');
    expect(definitionDateProblem('2026-03-03', round, '2026-03-02')?.key).toBe('screening.date_ahead');
  });

  it('a check from the county root is the county’s, any other the township’s', () => {
    expect(checkLevelOf('1.', '1.')).toBe('county');
    expect(checkLevelOf('1.2.', '1.')).toBe('township');
  });

  it('the quota rounds half up and is only shown', () => {
    expect(quotaLimit(115, 100)).toBe(12);
    expect(quotaLimit(114, 100)).toBe(11);
    expect(quotaLimit(0, 100)).toBe(0);
    expect(quotaLine({ kind: 'share', permille: 100 }, 115, 11, 'zh')).toBe('限额 10%：115 个村应不超过 12 个，已认定 11 个');
    expect(quotaLine({ kind: 'share', permille: 100 }, 115, 13, 'zh')).toBe('限额 10%：115 个村应不超过 12 个，已认定 13 个（超出限额）');
    expect(quotaLine({ kind: 'share', permille: 85 }, 100, 3, 'en')).toBe('Quota 8.5%: at most 9 of 100, 3 defined');
    expect(quotaLine({ kind: 'none' }, 115, 15, 'zh')).toBe('不设比例，应整尽整：115 个村（社区）已认定 15 个');
  });

  it('finds codes given twice and lists each department once', () => {
    expect(duplicateCodes([{ code: 'a' }, { code: 'b' }, { code: 'a' }, { code: 'a' }])).toEqual(['a']);
    expect(duplicateCodes(defaultScreeningSetting.criteria)).toEqual([]);
    const departments = allDepartments(defaultScreeningSetting);
    expect(departments.filter((d) => d === '县委组织部')).toHaveLength(1);
    expect(departments).toContain('县委政法委');
  });
});
