import { describe, expect, it } from 'vitest';
import {
  defaultSchemes, distribution, gradeOf, itemScoreProblem, letterItemProblems, letterTotal, mergeScores, needsUpgradePlan, ranks, schemeProblems,
  schemesProblems, scoreProblems, scoringOpensOn, weightSum, weightedTotal, type Scheme,
} from './rules.js';

const [threeWay, debrief] = defaultSchemes as [Scheme, Scheme];
const keys = (problems: { path: string; key: string }[]) => problems.map((p) => `${p.path} ${p.key}`);

describe('default schemes', () => {
  it('are valid: seed 001 three-way 40/20/40 and the debrief 50/50, graded 90/80/60/0 with the last low', () => {
    expect(schemesProblems(defaultSchemes)).toEqual([]);
    expect(threeWay.parts.map((p) => [p.label, p.weight])).toEqual([['党员群众评议', 40], ['支部自评', 20], ['上级党组织评价', 40]]);
    expect(threeWay.grades.map((g) => [g.label, g.min, g.low])).toEqual([['先进', 90, false], ['较好', 80, false], ['一般', 60, false], ['后进', 0, true]]);
    expect(debrief.subject).toBe('secretary');
    expect(debrief.grades.filter((g) => g.low).map((g) => g.label)).toEqual(['差']);
  });
});

describe('schemeProblems', () => {
  const edit = (change: Partial<Scheme>): Scheme => ({ ...threeWay, ...change });

  it('refuses weights that do not sum to 100, naming the sum', () => {
    const problems = schemeProblems(edit({ parts: [{ key: 'a', label: 'A', weight: 40 }, { key: 'b', label: 'B', weight: 50 }] }));
    expect(problems).toEqual([{ path: 'scheme.parts', key: 'assessments.scheme.weights_sum', params: { sum: 90 } }]);
  });

  it('accepts weights with one decimal summing to 100, and refuses zero, negative and two-decimal weights', () => {
    expect(schemeProblems(edit({ parts: [{ key: 'a', label: 'A', weight: 33.3 }, { key: 'b', label: 'B', weight: 33.3 }, { key: 'c', label: 'C', weight: 33.4 }] }))).toEqual([]);
    expect(keys(schemeProblems(edit({ parts: [{ key: 'a', label: 'A', weight: 0 }, { key: 'b', label: 'B', weight: 100 }] })))).toEqual(['scheme.parts.0.weight assessments.scheme.bad_weight']);
    expect(keys(schemeProblems(edit({ parts: [{ key: 'a', label: 'A', weight: -10 }, { key: 'b', label: 'B', weight: 110 }] })))).toEqual(['scheme.parts.0.weight assessments.scheme.bad_weight']);
    expect(keys(schemeProblems(edit({ parts: [{ key: 'a', label: 'A', weight: 49.95 }, { key: 'b', label: 'B', weight: 50.05 }] }))))
      .toEqual(['scheme.parts.0.weight assessments.scheme.bad_weight', 'scheme.parts.1.weight assessments.scheme.bad_weight']);
  });

  it('refuses no parts, bad and duplicate keys', () => {
    expect(keys(schemeProblems(edit({ parts: [] })))).toEqual(['scheme.parts assessments.scheme.no_parts']);
    expect(keys(schemeProblems(edit({ code: 'Bad Code' })))).toEqual(['scheme.code assessments.scheme.bad_key']);
    expect(keys(schemeProblems(edit({ parts: [{ key: 'a', label: 'A', weight: 50 }, { key: 'a', label: 'B', weight: 50 }] })))).toEqual(['scheme.parts.1.key assessments.scheme.duplicate_key']);
    expect(keys(schemeProblems(edit({ grades: [{ key: 'x', label: 'X', min: 50, low: false }, { key: 'x', label: 'Y', min: 0, low: true }] })))).toEqual(['scheme.grades.1.key assessments.scheme.duplicate_key']);
  });

  it('needs grade minimums strictly descending, the last at 0, and at least two grades', () => {
    const g = (min: number, key: string) => ({ key, label: key, min, low: false });
    expect(keys(schemeProblems(edit({ grades: [g(80, 'a'), g(80, 'b'), g(0, 'c')] })))).toEqual(['scheme.grades.1.min assessments.scheme.min_order']);
    expect(keys(schemeProblems(edit({ grades: [g(60, 'a'), g(80, 'b'), g(0, 'c')] })))).toEqual(['scheme.grades.1.min assessments.scheme.min_order']);
    expect(keys(schemeProblems(edit({ grades: [g(80, 'a'), g(10, 'b')] })))).toEqual(['scheme.grades.1.min assessments.scheme.last_min']);
    expect(keys(schemeProblems(edit({ grades: [g(0, 'a')] })))).toEqual(['scheme.grades assessments.scheme.few_grades']);
    expect(keys(schemeProblems(edit({ grades: [g(120, 'a'), g(0, 'b')] })))).toEqual(['scheme.grades.0.min assessments.scheme.bad_min']);
  });

  it('refuses two schemes with one code', () => {
    expect(keys(schemesProblems([threeWay, { ...debrief, code: threeWay.code }]))).toEqual(['body.schemes.1.code assessments.scheme.duplicate_code']);
  });
});

describe('scores of a result', () => {
  it('accepts 0 to 100 with one decimal for known parts, and null to clear', () => {
    expect(scoreProblems(threeWay.parts, { masses: 0, self: 100, superior: 85.5 }, 'x')).toEqual([]);
    expect(scoreProblems(threeWay.parts, { masses: null }, 'x')).toEqual([]);
  });

  it('refuses an unknown part, a score out of range and two decimals, naming the part', () => {
    expect(scoreProblems(threeWay.parts, { other: 50, masses: 101, self: -1, superior: 80.25 }, 'body.items.0.partScores')).toEqual([
      { path: 'body.items.0.partScores.other', key: 'assessments.result.unknown_part', params: { key: 'other' } },
      { path: 'body.items.0.partScores.masses', key: 'assessments.result.bad_score', params: { label: '党员群众评议', value: 101 } },
      { path: 'body.items.0.partScores.self', key: 'assessments.result.bad_score', params: { label: '支部自评', value: -1 } },
      { path: 'body.items.0.partScores.superior', key: 'assessments.result.bad_score', params: { label: '上级党组织评价', value: 80.25 } },
    ]);
  });

  it('merges a change into the scores kept: set, replace, clear, keep', () => {
    expect(mergeScores({ masses: 80, self: 90 }, { self: 95, superior: 70, masses: null })).toEqual({ self: 95, superior: 70 });
    expect(mergeScores({ masses: 80 }, {})).toEqual({ masses: 80 });
  });
});

describe('weightedTotal and gradeOf', () => {
  it('weighs the parts to a total out of 100 with one decimal', () => {
    expect(weightedTotal(threeWay.parts, { masses: 90, self: 100, superior: 80 })).toBe(88);
    expect(weightedTotal(threeWay.parts, { masses: 77.7, self: 88.8, superior: 99.9 })).toBe(88.8);
    expect(weightedTotal(debrief.parts, { representatives: 100, superior: 0 })).toBe(50);
  });

  it('is null while a part is missing', () => {
    expect(weightedTotal(threeWay.parts, { masses: 90, self: 100 })).toBeNull();
    expect(weightedTotal(threeWay.parts, {})).toBeNull();
  });

  it('grades at the boundaries: 90 先进, 89.9 较好, 80 较好, 60 一般, 59.9 后进, 0 后进', () => {
    const label = (total: number | null) => gradeOf(threeWay.grades, total)?.label ?? null;
    expect([100, 90, 89.9, 80, 79.9, 60, 59.9, 0].map(label)).toEqual(['先进', '先进', '较好', '较好', '一般', '一般', '后进', '后进']);
    expect(label(null)).toBeNull();
  });
});

describe('needsUpgradePlan', () => {
  it('asks a plan of low grades and of the grade just above the first low one', () => {
    expect(['advanced', 'good', 'fair', 'lagging'].map((k) => needsUpgradePlan(threeWay.grades, k))).toEqual([false, false, true, true]);
    expect(needsUpgradePlan(threeWay.grades, null)).toBe(false);
    expect(needsUpgradePlan(threeWay.grades, 'unknown')).toBe(false);
  });

  it('asks none above a scheme without a low grade, and only of the low grade when it is the first', () => {
    const none = threeWay.grades.map((g) => ({ ...g, low: false }));
    expect(none.map((g) => needsUpgradePlan(none, g.key))).toEqual([false, false, false, false]);
    const allLow = [{ key: 'a', label: 'A', min: 50, low: true }, { key: 'b', label: 'B', min: 0, low: true }];
    expect(allLow.map((g) => needsUpgradePlan(allLow, g.key))).toEqual([true, true]);
  });
});

describe('distribution', () => {
  it('counts each grade in the scheme order, ungraded results in none', () => {
    expect(distribution(threeWay.grades, [{ grade: 'fair' }, { grade: 'lagging' }, { grade: 'fair' }, { grade: null }]).map((d) => [d.label, d.count, d.low]))
      .toEqual([['先进', 0, false], ['较好', 0, false], ['一般', 2, false], ['后进', 1, true]]);
  });
});

describe('responsibility letters', () => {
  it('needs at least one item, each weight above 0 with one decimal; any sum is allowed', () => {
    expect(letterItemProblems([{ title: 'A', weight: 30 }, { title: 'B', weight: 40.5 }])).toEqual([]);
    expect(keys(letterItemProblems([]))).toEqual(['body.items assessments.letter.no_items']);
    expect(keys(letterItemProblems([{ title: 'A', weight: 0 }, { title: 'B', weight: 1.25 }, { title: 'C', weight: -3 }])))
      .toEqual(['body.items.0.weight assessments.letter.bad_weight', 'body.items.1.weight assessments.letter.bad_weight', 'body.items.2.weight assessments.letter.bad_weight']);
    expect(weightSum([{ weight: 33.3 }, { weight: 33.3 }, { weight: 33.3 }])).toBe(99.9);
  });

  it('scores an item from 0 to its weight with one decimal', () => {
    expect([0, 10, 20, 19.5].map((s) => itemScoreProblem(20, s))).toEqual([false, false, false, false]);
    expect([-0.1, 20.1, 19.55].map((s) => itemScoreProblem(20, s))).toEqual([true, true, true]);
  });

  it('totals the scores only when every item is scored', () => {
    expect(letterTotal([{ score: 18.5 }, { score: 30 }, { score: 0.1 }])).toBe(48.6);
    expect(letterTotal([{ score: 18.5 }, { score: null }])).toBeNull();
    expect(letterTotal([])).toBeNull();
  });

  it('opens scoring on the first day of the year’s last month', () => {
    expect(scoringOpensOn(2025)).toBe('2025-12-01');
  });

  it('ranks totals highest first, ties sharing a rank, null unranked', () => {
    expect(ranks([80, 95, null, 80, 70])).toEqual([2, 1, null, 2, 4]);
    expect(ranks([])).toEqual([]);
  });
});
