import { describe, expect, it } from 'vitest';
import { occupationLabels, occupationOf, occupations } from './occupation.js';

describe('occupation categories', () => {
  it('has one label per category in each language, all distinct', () => {
    expect(occupations).toHaveLength(9);
    for (const lang of ['zh', 'en'] as const) expect(new Set(occupations.map((o) => occupationLabels[o][lang])).size).toBe(9);
  });

  it('reads its own labels, official names and code names', () => {
    for (const o of occupations) {
      expect(occupationOf(occupationLabels[o].zh)).toBe(o);
      expect(occupationOf(occupationLabels[o].official)).toBe(o);
      expect(occupationOf(o)).toBe(o);
      expect(occupationOf(o.toUpperCase())).toBe(o);
    }
  });

  it('reads common words for them', () => {
    const cases: Record<string, string> = {
      农民: 'farmer', 牧民: 'farmer', 务农: 'farmer', 工人: 'worker', 职工: 'worker', 教师: 'professional', 医生: 'professional',
      公务员: 'civil_servant', 机关干部: 'civil_servant', 在校学生: 'student', 军人: 'military', 武警: 'military',
      退休: 'retired', 离休: 'retired', 退休干部: 'retired', 管理人员: 'manager', 其它: 'other', 无业: 'other', ' 农 民 ': 'farmer',
    };
    for (const [word, o] of Object.entries(cases)) expect(occupationOf(word), word).toBe(o);
  });

  it('has no category for what it cannot read', () => {
    for (const word of ['', '程序员', '农', 'constructor', '个体']) expect(occupationOf(word), word).toBeUndefined();
  });
});
