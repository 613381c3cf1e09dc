import { describe, expect, it } from 'vitest';
import { summaryOf } from './digest.js';
import { noticeLines } from './digest-files.js';
import { figuresOf, ratings, shareOf, stateTypes, type CountedFacts } from './rules.js';
import { monthsBetween } from './statistics.js';

const every: CountedFacts[] = stateTypes.flatMap((stateType) => [true, false].flatMap((replied) => [true, false].flatMap((repliedLate) =>
  [true, false].flatMap((pastDue) => [null, ...ratings].map((rating) => ({ stateType, replied, repliedLate, pastDue, rating }))))));

describe('what a concern counts as', () => {
  it('covers every combination of facts', () => expect(every).toHaveLength(5 * 2 * 2 * 2 * 4));

  it('is answered only while a published reply stands, on time unless it came late', () => {
    for (const c of every) {
      const f = figuresOf(c);
      expect(f.answered, JSON.stringify(c)).toBe(c.replied && ['resolved', 'closed'].includes(c.stateType) ? 1 : 0);
      expect(f.onTime + (f.answered && c.repliedLate ? 1 : 0), JSON.stringify(c)).toBe(f.answered);
    }
  });

  it('is overdue when open past its day or answered late, never when new, paused, or answered in time', () => {
    for (const c of every) {
      const f = figuresOf(c);
      const expected = (c.stateType === 'open' && c.pastDue) || (f.answered === 1 && c.repliedLate);
      expect(f.overdue, JSON.stringify(c)).toBe(expected ? 1 : 0);
      if (c.stateType === 'new' || c.stateType === 'paused') expect(f.overdue).toBe(0);
      expect(f.onTime + f.overdue).toBeLessThanOrEqual(1);
    }
  });

  it('counts satisfaction as the county does: satisfied and basically satisfied of those rated', () => {
    for (const c of every) {
      const f = figuresOf(c);
      expect(f.rated).toBe(c.rating === null ? 0 : 1);
      expect(f.satisfied).toBe(c.rating === 'satisfied' || c.rating === 'basically_satisfied' ? 1 : 0);
    }
  });

  it('reads a reopened case (open, with an earlier reply) as neither answered nor on time', () => {
    expect(figuresOf({ stateType: 'open', replied: true, repliedLate: false, pastDue: false, rating: null })).toEqual({ answered: 0, onTime: 0, overdue: 0, satisfied: 0, rated: 0 });
    expect(figuresOf({ stateType: 'open', replied: true, repliedLate: false, pastDue: true, rating: null }).overdue).toBe(1);
  });

  it('divides to four decimals, and nothing by nothing is no share', () => {
    expect(shareOf(2, 3)).toBe(0.6667);
    expect(shareOf(3, 3)).toBe(1);
    expect(shareOf(0, 5)).toBe(0);
    expect(shareOf(0, 0)).toBeNull();
  });
});

describe('months and the digest text', () => {
  it('lists every month a span touches, across a year\'s end', () => {
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03-01', '2026-03-31')).toEqual(['2026-03']);
  });

  it('cuts a summary to a line and hides phone and ID numbers', () => {
    expect(summaryOf('  路灯\n坏了  ')).toBe('路灯 坏了');
    expect(summaryOf('请回电13812345678或0871-1234567')).toBe('请回电138****或0871-123****');
    expect(summaryOf('身份证530522196604151314有误')).toBe('身份证530****有误');
    expect(summaryOf('身份证53052219660415131X有误')).toBe('身份证530****有误');
    const long = '村'.repeat(41);
    expect(summaryOf(long)).toBe(`${'村'.repeat(40)}…`);
    expect(summaryOf('村'.repeat(40))).toBe('村'.repeat(40));
  });

  it('opens the notice with the month\'s counts, naming categories only when something was collected', () => {
    const v = { org: { code: 'V', name: '马家村党支部' }, collected: 3, answered: 2, onTime: 1, open: 4, items: [],
      byCategory: [{ name: '基础设施', collected: 2, answered: 1 }, { name: '矛盾纠纷', collected: 1, answered: 0 }, { name: '其他', collected: 0, answered: 1 }] };
    expect(noticeLines(v, '2026-02')[0]).toBe('2026年2月，本村共收集群众诉求3件（基础设施2件、矛盾纠纷1件），当月答复2件，其中按期答复1件；目前尚在办理4件。');
    expect(noticeLines({ ...v, collected: 0, byCategory: [] }, '2026-12')[0]).toBe('2026年12月，本村共收集群众诉求0件，当月答复2件，其中按期答复1件；目前尚在办理4件。');
  });
});
