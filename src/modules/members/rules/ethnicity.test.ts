import { describe, expect, it } from 'vitest';
import { ethnicities, ethnicityByCode, ethnicityCodeOf, HAN } from './ethnicity.js';

describe('GB 3304 ethnicities', () => {
  it('has the 56 groups as 01–56 in order, then 97 and 98', () => {
    const codes = ethnicities.map((e) => e.code);
    expect(codes).toEqual([...Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0')), '97', '98']);
    expect(new Set(ethnicities.map((e) => e.zh)).size).toBe(58);
    expect(new Set(ethnicities.map((e) => e.en)).size).toBe(58);
    expect(ethnicities.slice(0, 56).every((e) => e.zh.endsWith('族'))).toBe(true);
  });

  it('matches the standard at sampled codes', () => {
    const expected: Record<string, string> = { '01': '汉族', '02': '蒙古族', '07': '彝族', '08': '壮族', '10': '朝鲜族', '29': '柯尔克孜族', '36': '毛南族', '43': '乌孜别克族', '56': '基诺族', '97': '其他', '98': '外国血统中国籍人士' };
    for (const [code, zh] of Object.entries(expected)) expect(ethnicityByCode(code)?.zh).toBe(zh);
    expect(ethnicityByCode(HAN)).toEqual({ code: '01', zh: '汉族', en: 'Han' });
    expect(ethnicityByCode('57')).toBeUndefined();
    expect(ethnicityByCode('1')).toBeUndefined();
  });

  it('finds every code by its name, with or without 族', () => {
    for (const e of ethnicities) {
      expect(ethnicityCodeOf(e.zh)).toBe(e.code);
      expect(ethnicityCodeOf(e.zh.replace(/族$/, ''))).toBe(e.code);
    }
    expect(ethnicityCodeOf('汉')).toBe('01');
    expect(ethnicityCodeOf(' 彝 族 ')).toBe('07');
    expect(ethnicityCodeOf('毛难族')).toBe('36');
  });

  it('has no code for names outside the standard', () => {
    for (const name of ['穿青人', '汉人', '族', '', 'Han', '01']) expect(ethnicityCodeOf(name), name).toBeUndefined();
  });
});
