import { describe, expect, it } from 'vitest';
import {
  bachelorOrAbove, collegeOrAbove, educationCodeOf, educationCodes, educationLevelDigits, educationLevelOf, educationLevels,
} from './education.js';

const codes = Object.keys(educationCodes);

describe('GB/T 4658-2006 education codes', () => {
  it('has the standard\'s codes', () => {
    expect(codes.sort()).toEqual([
      '10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20', '21', '22', '23', '28', '30', '31', '32', '33',
      '40', '41', '42', '43', '44', '45', '46', '47', '48', '49', '60', '61', '62', '63', '70', '71', '73', '80', '81', '83', '90',
    ]);
  });

  it('puts every code in the level of its first digit', () => {
    const expected: Record<string, string> = { 1: 'postgraduate', 2: 'bachelor', 3: 'college', 4: 'secondary_vocational', 6: 'high_school', 7: 'junior_or_below', 8: 'junior_or_below', 9: 'junior_or_below' };
    for (const code of codes) expect(educationLevelOf(code), code).toBe(expected[code[0]!]);
    for (const level of educationLevels) {
      expect(codes.filter((c) => educationLevelOf(c) === level).every((c) => educationLevelDigits[level].includes(c[0]!))).toBe(true);
    }
  });

  it('has no level for codes outside the table', () => {
    for (const code of ['', '1', '38', '50', '51', '72', '99', '00', 'ab', null, undefined]) expect(educationLevelOf(code), String(code)).toBeUndefined();
  });

  it('counts 大专及以上 as codes 10–33 and 本科及以上 as 10–28', () => {
    for (const code of codes) {
      expect(collegeOrAbove(code), code).toBe(Number(code) <= 33);
      expect(bachelorOrAbove(code), code).toBe(Number(code) <= 28);
    }
    expect(collegeOrAbove(null)).toBe(false);
    expect(bachelorOrAbove('38')).toBe(false);
  });

  it('reads the names registers use', () => {
    const cases: Record<string, string> = {
      大专: '31', 大学专科: '31', 专科: '31', 中专: '41', 中等专科: '41', 本科: '21', 大学本科: '21', 大学: '21',
      硕士: '14', 硕士研究生: '14', 研究生: '14', 博士: '11', 博士研究生: '11', 初中: '71', 小学: '81', 高中: '61',
      职高: '44', 技校: '47', 其他: '90', 本科毕业: '21', 大专毕业: '31', ' 大 专 ': '31', '大专（学历）': '31',
      大学专科肄业: '33', 技工学校结业: '48', 大学普通班毕业: '28', 普通高中毕业: '61',
    };
    for (const [name, code] of Object.entries(cases)) expect(educationCodeOf(name), name).toBe(code);
  });

  it('takes every code, and every name of the table, as itself', () => {
    for (const [code, name] of Object.entries(educationCodes)) {
      expect(educationCodeOf(code)).toBe(code);
      expect(educationCodeOf(name)).toBe(code);
    }
  });

  it('reads the demo\'s codes', () => {
    for (const code of ['14', '21', '31', '41', '61', '71', '81']) expect(educationLevelOf(code)).toBeDefined();
  });

  it('has no code for what it cannot read', () => {
    for (const text of ['', '幼儿园', '38', 'constructor', 'toString', '大专及以上', '本科在读']) expect(educationCodeOf(text), text).toBeUndefined();
  });
});
