import { describe, expect, it } from 'vitest';
import { ageBands, defaultAgeEdges, parseAgeEdges, percent } from './rules.js';

describe('percent of the member total', () => {
  it('reproduces the figures of seed 003 (391 members)', () => {
    expect(percent(12, 391)).toBe(3.07);
    expect(percent(148, 391)).toBe(37.85);
    expect(percent(15, 391)).toBe(3.84);
    expect(percent(128, 391)).toBe(32.74);
    expect(percent(139, 391)).toBe(35.55);
  });

  it('rounds exact halves up, where floating point would round 1.005 down', () => {
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(1, 16)).toBe(6.25);
    expect(percent(1, 32)).toBe(3.13); // 3.125
    expect(percent(1, 160)).toBe(0.63); // 0.625
    expect(percent(201, 20000)).toBe(1.01); // 1.005
    expect(percent(1, 3)).toBe(33.33);
    expect(percent(2, 3)).toBe(66.67);
  });

  it('is 0 for an empty total and 100 for all', () => {
    expect(percent(0, 0)).toBe(0);
    expect(percent(5, 0)).toBe(0);
    expect(percent(391, 391)).toBe(100);
    expect(percent(0, 391)).toBe(0);
  });
});

describe('age bands', () => {
  it('are the bulletin bands by default', () => {
    expect(ageBands(defaultAgeEdges).map((b) => b.label.zh)).toEqual([
      '30岁及以下', '31–35岁', '36–40岁', '41–45岁', '46–50岁', '51–55岁', '56–60岁', '61岁及以上',
    ]);
  });

  it('follow any edges given: 35,54 → ≤35, 36–54, ≥55', () => {
    expect(ageBands([35, 54])).toEqual([
      { from: null, to: 35, label: { zh: '35岁及以下', en: '35 or under' } },
      { from: 36, to: 54, label: { zh: '36–54岁', en: '36–54' } },
      { from: 55, to: null, label: { zh: '55岁及以上', en: '55 or over' } },
    ]);
    expect(ageBands([35, 36]).map((b) => b.label.zh)).toEqual(['35岁及以下', '36岁', '37岁及以上']);
  });

  it('refuse edges that are not increasing whole ages', () => {
    expect(() => ageBands([])).toThrow(RangeError);
    expect(() => ageBands([54, 35])).toThrow(RangeError);
    expect(() => ageBands([35, 35])).toThrow(RangeError);
    expect(() => ageBands([35.5])).toThrow(RangeError);
    expect(() => ageBands([-1])).toThrow(RangeError);
  });

  it('parse from text as typed, or answer null', () => {
    expect(parseAgeEdges('35,54')).toEqual([35, 54]);
    expect(parseAgeEdges(' 30，40 50 ')).toEqual([30, 40, 50]);
    expect(parseAgeEdges('54,35')).toBeNull();
    expect(parseAgeEdges('a,35')).toBeNull();
    expect(parseAgeEdges('')).toBeNull();
    expect(parseAgeEdges('35.5')).toBeNull();
  });
});

