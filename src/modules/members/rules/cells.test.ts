import { describe, expect, it } from 'vitest';
import { parseGender, parseMemberCategory } from './cells.js';

const ok = <T>(value: T) => ({ ok: true, value });
const no = (reason: string) => ({ ok: false, reason });

describe('parseGender', () => {
  it('reads the ways people write it', () => {
    for (const text of ['男', '男性', '1', ' 男 ', 'M', 'male', 1]) expect(parseGender(text), String(text)).toEqual(ok('1'));
    for (const text of ['女', '女性', '2', 'F', 'Female', 2]) expect(parseGender(text), String(text)).toEqual(ok('2'));
  });

  it('refuses the rest, the unknown and unstated codes included', () => {
    for (const text of ['', '0', '9', '男女', '未知', 'x', 3]) expect(parseGender(text), String(text)).toEqual(no('unknown'));
  });
});

describe('parseMemberCategory', () => {
  it('reads the five labels, their short forms and the code names', () => {
    const cases: Record<string, string> = {
      入党申请人: 'applicant', 申请人: 'applicant', 入党积极分子: 'activist', 积极分子: 'activist', 发展对象: 'development_target',
      预备党员: 'probationary', 中共预备党员: 'probationary', 正式党员: 'full', 中共党员: 'full', ' 正式 党员 ': 'full',
      applicant: 'applicant', development_target: 'development_target', FULL: 'full',
    };
    for (const [text, category] of Object.entries(cases)) expect(parseMemberCategory(text), text).toEqual(ok(category));
  });

  it('refuses the rest, the ambiguous 党员 included', () => {
    for (const text of ['', '党员', '群众', '团员', 'member', 'constructor']) expect(parseMemberCategory(text), text).toEqual(no('unknown'));
  });
});
