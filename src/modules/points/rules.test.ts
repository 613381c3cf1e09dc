import { describe, expect, it } from 'vitest';
import { defaultPointsSettings } from './catalogue.js';
import type { PointItem, PointsSettings } from './contracts.js';
import { approvedStars, capped, checkScores, checkSettings, ledgerOf, ranked, scoreTotal, signed, stageBefore, starsFor, type RecordCounts } from './rules.js';

const none: RecordCounts = { full: false, attended: 0, absent: 0, duesOnTime: 0 };
const settings = defaultPointsSettings;
const entry = (itemId: string, points: number, occurredOn = '2026-01-10', id = `${itemId}-${occurredOn}`) => ({ id, itemId, occurredOn, description: '说明', points });

describe('signs, caps and stars', () => {
  it('takes a deduction off and adds the rest', () => {
    expect(signed({ kind: 'deduction' }, 2)).toBe(-2);
    expect(signed({ kind: 'addition' }, 2)).toBe(2);
    expect(signed({ kind: 'base' }, 60)).toBe(60);
  });

  it.each([[0, 24, 0], [23, 24, 23], [24, 24, 24], [25, 24, 24], [1000, 24, 24], [1000, null, 1000]] as const)('caps %s at %s: %s', (n, cap, expected) => {
    expect(capped(n, cap)).toBe(expected);
  });

  const thresholds = [60, 70, 80, 90, 100];
  it.each([[-10, 0], [0, 0], [59, 0], [60, 1], [69, 1], [70, 2], [79, 2], [80, 3], [89, 3], [90, 4], [99, 4], [100, 5], [250, 5]])('a total of %s gives %s stars', (total, stars) => {
    expect(starsFor(total, thresholds)).toBe(stars);
  });
});

describe('a member\'s ledger', () => {
  it('is empty and zero for someone with no record', () => {
    expect(ledgerOf(settings, none, [])).toEqual({ lines: [], total: 0, stars: 0 });
  });

  it('gives a full member the base, and each automatic source its count under its cap', () => {
    const { lines, total, stars } = ledgerOf(settings, { full: true, attended: 13, absent: 1, duesOnTime: 12 }, []);
    expect(lines.map((l) => [l.itemId, l.count, l.uncapped, l.points, l.cap])).toEqual([
      ['base', 1, 60, 60, null],
      ['attendance', 13, 26, 24, 24],
      ['dues_on_time', 12, 12, 12, 12],
      ['absent_members_meeting', 1, -2, -2, 12],
    ]);
    expect(total).toBe(94);
    expect(stars).toBe(4);
  });

  it('never counts visits until they are recorded, and gives a probationary member no base', () => {
    const { lines } = ledgerOf(settings, { full: false, attended: 2, absent: 0, duesOnTime: 0 }, []);
    expect(lines.map((l) => l.itemId)).toEqual(['attendance']);
  });

  it('caps a deduction by its magnitude', () => {
    const { lines, total } = ledgerOf(settings, { ...none, absent: 9 }, []);
    expect(lines[0]).toMatchObject({ itemId: 'absent_members_meeting', count: 9, uncapped: -18, points: -12 });
    expect(total).toBe(-12);
  });

  it('sums approved claims per item with their stored points, under the item\'s cap, each claim listed', () => {
    const claims = [
      ...Array.from({ length: 11 }, (_, i) => entry('volunteer', 2, `2026-01-${String(i + 1).padStart(2, '0')}`)),
      entry('commended_county', 10), entry('sanction', -20),
    ];
    const { lines, total } = ledgerOf(settings, none, claims);
    expect(lines.map((l) => [l.itemId, l.count, l.uncapped, l.points])).toEqual([['volunteer', 11, 22, 20], ['commended_county', 1, 10, 10], ['sanction', 1, -20, -20]]);
    expect(lines[0]!.entries).toHaveLength(11);
    expect(lines[0]!.entries[0]).toEqual({ id: 'volunteer-2026-01-01', occurredOn: '2026-01-01', description: '说明', points: 2 });
    expect(total).toBe(10);
  });

  it('keeps the points a claim was made with when the catalogue changes them', () => {
    const changed = { ...settings, items: settings.items.map((i) => (i.id === 'volunteer' ? { ...i, points: 5, cap: null } : i)) };
    expect(ledgerOf(changed, none, [entry('volunteer', 2), entry('volunteer', 5, '2026-02-01')]).total).toBe(7);
  });

  it('lists claims of an item the county has since removed, uncapped, after the catalogue', () => {
    const { lines, total } = ledgerOf(settings, { ...none, full: true }, [entry('old_item', 3), entry('old_item', 4, '2026-03-01')]);
    expect(lines.map((l) => [l.itemId, l.name, l.kind, l.points])).toEqual([['base', '基础分', 'base', 60], ['old_item', 'old_item', 'addition', 7]]);
    expect(total).toBe(67);
    expect(ledgerOf(settings, none, [entry('old_penalty', -5)]).lines[0]).toMatchObject({ kind: 'deduction', points: -5 });
  });

  it('gives the stars of the county\'s own thresholds', () => {
    expect(ledgerOf({ ...settings, memberStars: [10, 20, 30, 40, 50] }, { ...none, full: true }, []).stars).toBe(5);
  });
});

describe('ranking', () => {
  it('ranks highest first, ties sharing a rank and the next skipping, ties in their given order', () => {
    const out = ranked([{ n: 'a', total: 70 }, { n: 'b', total: 90 }, { n: 'c', total: 70 }, { n: 'd', total: 60 }, { n: 'e', total: 90 }]);
    expect(out.map((o) => `${o.rank}${o.n}`)).toEqual(['1b', '1e', '3a', '3c', '5d']);
    expect(ranked([])).toEqual([]);
  });
});

describe('the county\'s settings', () => {
  const ok = (s: PointsSettings) => checkSettings(s).map((p) => `${p.path} ${p.rule}`);
  const item = (over: Partial<PointItem>): PointItem => ({ id: 'x', name: '某项', kind: 'addition', source: 'manual', points: 2, cap: null, evidenceRequired: false, ...over });
  const withItems = (...items: PointItem[]) => ({ ...settings, items: [...settings.items, ...items] });

  it('accepts the defaults', () => {
    expect(ok(settings)).toEqual([]);
  });

  it('refuses an item id used twice, and an indicator id used twice in one list (not across lists)', () => {
    expect(ok(withItems(item({ id: 'volunteer' })))).toEqual(['items.9.id duplicate_id']);
    const twice = { ...settings, branchIndicators: [...settings.branchIndicators, { id: 'leadership', name: '又一', max: 5 }], ratingStars: { ...settings.ratingStars } };
    expect(ok(twice)).toEqual(['branchIndicators.5.id duplicate_id']);
    expect(ok({ ...settings, memberIndicators: [...settings.memberIndicators.slice(0, 3), { id: 'leadership', name: '班子', max: 25 }] })).toEqual([]);
  });

  it('refuses a cap below the points of one occurrence, and takes a cap equal to them', () => {
    expect(ok(withItems(item({ points: 5, cap: 4 })))).toEqual(['items.9.cap cap_below_points']);
    expect(ok(withItems(item({ points: 5, cap: 5 })))).toEqual([]);
  });

  it('refuses thresholds that do not rise, in every list', () => {
    expect(ok({ ...settings, memberStars: [60, 70, 70, 90, 80] })).toEqual(['memberStars.2 thresholds_not_ascending', 'memberStars.4 thresholds_not_ascending']);
    expect(ok({ ...settings, ratingStars: { branch: [60, 50, 80, 90, 95], member: [1, 2, 3, 4, 4] } }))
      .toEqual(['ratingStars.branch.1 thresholds_not_ascending', 'ratingStars.member.4 thresholds_not_ascending']);
  });

  it('refuses an indicator with no maximum', () => {
    expect(ok({ ...settings, memberIndicators: [...settings.memberIndicators, { id: 'extra', name: '其他', max: 0 }] })).toEqual(['memberIndicators.4.max indicator_max']);
  });

  it('refuses a 5-star rating threshold above what the indicators add up to, and takes one equal to it', () => {
    expect(ok({ ...settings, ratingStars: { ...settings.ratingStars, branch: [60, 70, 80, 90, 101] } })).toEqual(['ratingStars.branch.4 threshold_unreachable']);
    expect(ok({ ...settings, ratingStars: { ...settings.ratingStars, member: [60, 70, 80, 90, 100] } })).toEqual([]);
  });

  it('ties the base to full membership both ways', () => {
    expect(ok(withItems(item({ kind: 'base', source: 'manual' })))).toEqual(['items.9.source base_source']);
    const noBase = { ...settings, items: settings.items.filter((i) => i.kind !== 'base') };
    expect(ok({ ...noBase, items: [...noBase.items, item({ source: 'full_membership' })] })).toEqual(['items.8.source base_source']);
  });

  it('lets absence only deduct and the other automatic sources only add; manual items either way', () => {
    const without = (source: string) => settings.items.filter((i) => i.source !== source);
    expect(ok({ ...settings, items: [...without('meeting_absence'), item({ source: 'meeting_absence' })] })).toEqual(['items.8.kind source_kind']);
    expect(ok({ ...settings, items: [...without('dues_on_time'), item({ source: 'dues_on_time', kind: 'deduction' })] })).toEqual(['items.8.kind source_kind']);
    expect(ok(withItems(item({ kind: 'deduction' }), item({ id: 'y' })))).toEqual([]);
  });

  it('refuses a second item of one automatic source, which would count the same records twice', () => {
    expect(ok(withItems(item({ source: 'meeting_attendance' })))).toEqual(['items.9.source source_twice']);
    expect(ok(withItems(item({ id: 'b2', kind: 'base', source: 'full_membership' })))).toEqual(['items.9.source source_twice']);
  });
});

describe('rating scores', () => {
  const indicators = settings.branchIndicators;
  const all = (score: number) => Object.fromEntries(indicators.map((i) => [i.id, score]));
  const rules = (scores: Record<string, number>) => checkScores(scores, indicators).map((p) => `${p.path} ${p.rule}`);

  it('takes every indicator from 0 up to its maximum, halves included', () => {
    expect(rules(all(0))).toEqual([]);
    expect(rules(all(20))).toEqual([]);
    expect(rules({ ...all(18), leadership: 19.5 })).toEqual([]);
  });

  it('refuses a missing indicator, an unknown one and a score above the maximum, each by its path', () => {
    const { institutions: _gone, ...rest } = all(10);
    expect(rules({ ...rest, leadership: 20.5, extra: 3 })).toEqual(['scores.leadership score_above_max', 'scores.institutions score_missing', 'scores.extra score_unknown']);
  });

  it('totals to a tenth', () => {
    expect(scoreTotal({ a: 18.5, b: 19.5, c: 0.1, d: 0.2 })).toBe(38.3);
    expect(scoreTotal({})).toBe(0);
  });
});

describe('rating stages', () => {
  it('goes back one stage, and not before the self-assessment', () => {
    expect(stageBefore('approved')).toBe('reviewed');
    expect(stageBefore('reviewed')).toBe('self_assessed');
    expect(stageBefore('self_assessed')).toBeNull();
  });

  it('approves the proposed stars, or others with a reason', () => {
    expect(approvedStars(3, undefined, undefined)).toEqual({ stars: 3 });
    expect(approvedStars(3, 3, undefined)).toEqual({ stars: 3 });
    expect(approvedStars(3, 4, undefined)).toEqual({ problem: 'reason_required' });
    expect(approvedStars(3, 0, '受到党纪处分')).toEqual({ stars: 0 });
  });
});
