import { describe, expect, it } from 'vitest';
import type { Indicator } from '../criteria.js';
import { indicatorHit, MIN_RATINGS, noMeasurements, type Measurements } from './indicators.js';

const hit = (indicator: Indicator, m: Partial<Measurements>) => indicatorHit(indicator, { ...noMeasurements, ...m });

describe('indicators', () => {
  it('a vacant secretary post: strictly more months than the threshold', () => {
    const i: Indicator = { kind: 'secretary_vacant_months', threshold: 3 };
    expect(hit(i, {})).toBeNull();
    expect(hit(i, { secretaryVacantMonths: 0 })).toBeNull();
    expect(hit(i, { secretaryVacantMonths: 3 })).toBeNull();
    expect(hit(i, { secretaryVacantMonths: 4 })).toBe('书记空缺 4 个月（标准：超过 3 个月）');
    expect(hit({ ...i, threshold: 0 }, { secretaryVacantMonths: 1 })).not.toBeNull();
  });

  it('meetings missed: at least the threshold, never with a threshold of nought', () => {
    const i: Indicator = { kind: 'meetings_missed', threshold: 3 };
    expect(hit(i, { meetingsMissed: 2 })).toBeNull();
    expect(hit(i, { meetingsMissed: 3 })).toBe('近 12 个月应开未开组织生活 3 次（标准：3 次及以上）');
    expect(hit({ ...i, threshold: 0 }, { meetingsMissed: 0 })).toBeNull();
  });

  it('no development target: at least the threshold of years, unknown never meets it', () => {
    const i: Indicator = { kind: 'no_development_target_years', threshold: 2 };
    expect(hit(i, { yearsWithoutTarget: null })).toBeNull();
    expect(hit(i, { yearsWithoutTarget: 1 })).toBeNull();
    expect(hit(i, { yearsWithoutTarget: 2 })).toBe('已 2 年未确定发展对象（标准：2 年及以上）');
    expect(hit({ ...i, threshold: 0 }, { yearsWithoutTarget: 5 })).toBeNull();
  });

  it('satisfaction: strictly below the percentage, with enough ratings', () => {
    const i: Indicator = { kind: 'satisfaction_below', threshold: 60 };
    expect(hit(i, { rated: MIN_RATINGS - 1, satisfied: 0 })).toBeNull();
    expect(hit(i, { rated: 10, satisfied: 6 })).toBeNull();
    expect(hit(i, { rated: 10, satisfied: 5 })).toBe('近 12 个月诉求评价满意率 50.0%（5/10，标准：低于 60%）');
    expect(hit(i, { rated: 2001, satisfied: 1200 })).toBe('近 12 个月诉求评价满意率 59.9%（1200/2001，标准：低于 60%）');
    expect(hit({ ...i, threshold: 0 }, { rated: 10, satisfied: 0 })).toBeNull();
  });

  it('petitions: strictly more than the threshold', () => {
    const i: Indicator = { kind: 'petitions_above', threshold: 3 };
    expect(hit(i, { petitions: 3 })).toBeNull();
    expect(hit(i, { petitions: 4 })).toBe('近 12 个月信访 4 件（标准：超过 3 件）');
  });

  it('a low assessment grade names the round and the grade', () => {
    const i: Indicator = { kind: 'assessment_low_grade', threshold: 0 };
    expect(hit(i, {})).toBeNull();
    expect(hit(i, { lowGrade: { grade: '后进', round: '2025年度村党组织考核' } })).toBe('2025年度村党组织考核：后进');
  });
});

describe('whole months of a vacancy', () => {
  it('counts a month once the same day of the month comes round', async () => {
    const { wholeMonths } = await import('./measure.js');
    expect(wholeMonths('2025-11-30', '2026-03-02')).toBe(3);
    expect(wholeMonths('2025-12-02', '2026-03-02')).toBe(3);
    expect(wholeMonths('2025-12-03', '2026-03-02')).toBe(2);
    expect(wholeMonths('2026-01-31', '2026-02-28')).toBe(1);
    expect(wholeMonths('2026-03-02', '2026-03-02')).toBe(0);
    expect(wholeMonths('2026-04-01', '2026-03-02')).toBe(0);
  });
});
