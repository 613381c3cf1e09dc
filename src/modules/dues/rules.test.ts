import { describe, expect, it } from 'vitest';
import {
  addMonthsTo, ancestorPaths, checkBase, checkRemittance, duesKindLabels, duesKinds, hasRate, heldDuring, monthsBehind, ruleMonthlyFen, usePurposeLabels, usePurposes,
  receivingTypes, withinBackPayment, yearMonths,
} from './rules.js';

const fixed = { farmerFen: 50, lowIncomeFen: 20 };
const yuan = (n: number) => Math.round(n * 100);

describe('the monthly amount a kind and base give', () => {
  // [base in 元, expected fen]: each band's edges, just above them, and rounding half up.
  const wageCases: [number, number][] = [
    [0, 0], [0.01, 0], [0.99, 0], [1, 1], [3, 2], [2999.99, 1500], [3000, 1500], [3000.01, 3000], [4000, 4000],
    [5000, 5000], [5000.01, 7500], [8000, 12000], [10000, 15000], [10000.01, 20000], [12345.67, 24691], [100000, 200000],
  ];
  for (const kind of ['wage', 'annual_salary', 'self_employed'] as const) {
    it.each(wageCases)(`${kind}: a base of %s 元 gives %s fen`, (base, expected) => {
      expect(ruleMonthlyFen(kind, yuan(base), fixed)).toBe(expected);
    });
  }

  it.each([
    [0, 0], [1000, 500], [3000, 1500], [4999.99, 2500], [5000, 2500], [5000.01, 5000], [8000, 8000], [10000.01, 10000], [20000, 20000],
  ])('retiree: a pension of %s 元 gives %s fen (≤5000 0.5 %, above 1 %)', (base, expected) => {
    expect(ruleMonthlyFen('retiree', yuan(base), fixed)).toBe(expected);
  });

  it('rounds half a fen up, and less than half down', () => {
    expect(ruleMonthlyFen('wage', 100, fixed)).toBe(1); // 0.5 fen
    expect(ruleMonthlyFen('wage', 99, fixed)).toBe(0); // 0.495 fen
    expect(ruleMonthlyFen('wage', 300_001, fixed)).toBe(3000); // 3000.01 fen
    expect(ruleMonthlyFen('wage', 500_001, fixed)).toBe(7500); // 7500.015 fen
    expect(ruleMonthlyFen('wage', 300_050, fixed)).toBe(3001); // 3000.5 fen
    expect(ruleMonthlyFen('wage', 1_000_025, fixed)).toBe(20001); // 20000.5 fen
    expect(ruleMonthlyFen('retiree', 500_100, fixed)).toBe(5001);
    expect(ruleMonthlyFen('retiree', 100_100, fixed)).toBe(501); // 500.5 fen
  });

  it('gives farmers the county amount, and the low-income kinds the county low-income amount, whatever the base', () => {
    expect(ruleMonthlyFen('farmer', null, fixed)).toBe(50);
    for (const kind of ['student', 'unemployed', 'subsistence', 'relief'] as const) {
      expect(ruleMonthlyFen(kind, null, fixed)).toBe(20);
      expect(ruleMonthlyFen(kind, null, { farmerFen: 100, lowIncomeFen: 30 })).toBe(30);
    }
  });

  it('gives nothing for a rate kind without a base', () => {
    for (const kind of ['wage', 'annual_salary', 'self_employed', 'retiree'] as const) expect(ruleMonthlyFen(kind, null, fixed)).toBeNull();
  });
});

describe('a base row', () => {
  it('takes the rule amount when none is given', () => {
    expect(checkBase({ kind: 'wage', baseFen: 400_000 }, fixed)).toEqual({ monthlyFen: 4000, ruleFen: 4000 });
    expect(checkBase({ kind: 'farmer' }, fixed)).toEqual({ monthlyFen: 50, ruleFen: 50 });
  });
  it('accepts more than the rule (voluntary) without a reason, and less only with one', () => {
    expect(checkBase({ kind: 'wage', baseFen: 400_000, monthlyFen: 4001 }, fixed)).toEqual({ monthlyFen: 4001, ruleFen: 4000 });
    expect(checkBase({ kind: 'wage', baseFen: 400_000, monthlyFen: 4000 }, fixed)).toEqual({ monthlyFen: 4000, ruleFen: 4000 });
    expect(checkBase({ kind: 'wage', baseFen: 400_000, monthlyFen: 3999 }, fixed)).toEqual({ problem: 'below_rule', ruleFen: 4000 });
    expect(checkBase({ kind: 'wage', baseFen: 400_000, monthlyFen: 0, reason: '困难，经党委批准免交' }, fixed)).toEqual({ monthlyFen: 0, ruleFen: 4000 });
    expect(checkBase({ kind: 'farmer', monthlyFen: 20 }, fixed)).toEqual({ problem: 'below_rule', ruleFen: 50 });
  });
  it('needs a base for a rate kind, and none for a fixed amount', () => {
    expect(checkBase({ kind: 'retiree' }, fixed)).toEqual({ problem: 'base_required' });
    expect(checkBase({ kind: 'retiree', baseFen: null }, fixed)).toEqual({ problem: 'base_required' });
    expect(checkBase({ kind: 'retiree', baseFen: 0 }, fixed)).toEqual({ monthlyFen: 0, ruleFen: 0 });
    expect(checkBase({ kind: 'student', baseFen: 100 }, fixed)).toEqual({ problem: 'base_not_applicable' });
  });
});

describe('months behind', () => {
  const months = (...m: string[]) => new Set(m);
  const year = new Set(yearMonths(2025));

  it('counts the unpaid months up to and including the month, back to the last paid one', () => {
    expect(monthsBehind('2025-12', year, months(...yearMonths(2025)))).toBe(0);
    expect(monthsBehind('2025-12', year, months('2025-11'))).toBe(1);
    expect(monthsBehind('2025-12', year, months('2025-06'))).toBe(6);
    expect(monthsBehind('2025-12', year, months('2025-07'))).toBe(5);
    expect(monthsBehind('2025-12', year, months())).toBe(12);
    expect(monthsBehind('2025-06', year, months('2025-12'))).toBe(6);
  });
  it('skips months not owed without breaking the run, and counts nothing before the first month owed', () => {
    const owed = months('2025-01', '2025-02', '2025-05', '2025-06');
    expect(monthsBehind('2025-06', owed, months())).toBe(4);
    expect(monthsBehind('2025-06', owed, months('2025-04'))).toBe(4);
    expect(monthsBehind('2025-06', owed, months('2025-02'))).toBe(2);
    expect(monthsBehind('2025-04', owed, months())).toBe(2);
    expect(monthsBehind('2024-12', owed, months())).toBe(0);
  });
  it('ignores payments of later months', () => {
    expect(monthsBehind('2025-03', year, months('2025-04', '2025-05'))).toBe(3);
  });
});

describe('back-payment and membership months', () => {
  it('allows a month up to the limit before the month of payment, and any month in advance', () => {
    expect(withinBackPayment('2025-09', '2026-03-01', 6)).toBe(true);
    expect(withinBackPayment('2025-08', '2026-03-31', 6)).toBe(false);
    expect(withinBackPayment('2026-03', '2026-03-15', 6)).toBe(true);
    expect(withinBackPayment('2026-12', '2026-03-15', 6)).toBe(true);
    expect(withinBackPayment('2026-02', '2026-03-15', 1)).toBe(true);
    expect(withinBackPayment('2026-01', '2026-03-15', 1)).toBe(false);
    expect(withinBackPayment('2024-03', '2026-03-15', 24)).toBe(true);
    expect(withinBackPayment('2024-02', '2026-03-15', 24)).toBe(false);
  });
  it('counts a membership as held in every month it touches', () => {
    expect(heldDuring('2026-01', '2026-01-31', null)).toBe(true);
    expect(heldDuring('2025-12', '2026-01-01', null)).toBe(false);
    expect(heldDuring('2026-01', null, '2026-01-01')).toBe(true);
    expect(heldDuring('2026-02', null, '2026-01-31')).toBe(false);
    expect(heldDuring('1990-01', null, null)).toBe(true);
  });
  it('steps months across years', () => {
    expect(addMonthsTo('2026-01', -1)).toBe('2025-12');
    expect(addMonthsTo('2025-12', 1)).toBe('2026-01');
    expect(addMonthsTo('2026-03', -14)).toBe('2025-01');
    expect(yearMonths(2026)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
  });
});

describe('the lists', () => {
  it('labels every kind and purpose in both languages', () => {
    for (const k of duesKinds) expect(duesKindLabels[k].zh && duesKindLabels[k].en).toBeTruthy();
    for (const p of usePurposes) expect(usePurposeLabels[p].zh && usePurposeLabels[p].en).toBeTruthy();
    expect(duesKinds.filter(hasRate)).toEqual(['wage', 'annual_salary', 'self_employed', 'retiree']);
  });
});

describe('remittance', () => {
  it('lists the organizations above, nearest last', () => {
    expect(ancestorPaths('1.7.42.')).toEqual(['1.', '1.7.']);
    expect(ancestorPaths('1.7.')).toEqual(['1.']);
    expect(ancestorPaths('1.')).toEqual([]);
    expect(ancestorPaths('12.345.6789.1.')).toEqual(['12.', '12.345.', '12.345.6789.']);
  });

  it('goes up to committees, working committees and general branches only', () => {
    expect(receivingTypes).toEqual(['committee', 'working_committee', 'general_branch']);
  });

  const today = '2026-03-02';
  const ok = { month: '2026-02', amountFen: 1000, remittedOn: '2026-03-01' };
  it.each([
    ['a past month, at most what came in, dated today or before', ok, 1000, []],
    ['the month in course', { ...ok, month: '2026-03' }, 1000, []],
    ['dated today', { ...ok, remittedOn: today }, 1000, []],
    ['a month not yet begun', { ...ok, month: '2026-04' }, 1000, ['month']],
    ['next year', { ...ok, month: '2027-01' }, 1000, ['month']],
    ['dated tomorrow', { ...ok, remittedOn: '2026-03-03' }, 1000, ['remittedOn']],
    ['one fen more than came in', { ...ok, amountFen: 1001 }, 1000, ['amountFen']],
    ['nothing came in', ok, 0, ['amountFen']],
    ['everything wrong at once', { month: '2026-05', amountFen: 5, remittedOn: '2026-06-01' }, 4, ['month', 'remittedOn', 'amountFen']],
  ] as const)('%s', (_, r, availableFen, fields) => {
    expect(checkRemittance(r, { today, availableFen }).map((p) => p.field)).toEqual(fields);
  });

  it('names the problem of each field', () => {
    expect(checkRemittance({ month: '2026-04', amountFen: 2, remittedOn: '2026-04-01' }, { today, availableFen: 1 })).toEqual([
      { field: 'month', problem: 'month_not_started' }, { field: 'remittedOn', problem: 'future' }, { field: 'amountFen', problem: 'exceeds' },
    ]);
  });
});
