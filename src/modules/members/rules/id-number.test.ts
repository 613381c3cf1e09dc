import { describe, expect, it } from 'vitest';
import { idCheckCharacter, idNumberDisagreements, parseIdNumber } from './id-number.js';

/** ISO 7064 MOD 11-2 stated another way: with weights 2^(17-i) mod 11 and X = 10, the 18 characters sum to 1 mod 11. */
function satisfiesMod11_2(id: string): boolean {
  let sum = 0;
  for (let i = 0; i < 18; i++) {
    const value = id[i] === 'X' ? 10 : Number(id[i]);
    sum += value * (2 ** (17 - i) % 11);
  }
  return sum % 11 === 1;
}

// The standard's own example, and numbers of the test county's shape.
const EXAMPLE = '11010519491231002X';
const withCheck = (first17: string) => first17 + idCheckCharacter(first17);

describe('idCheckCharacter', () => {
  it('gives the standard example its X', () => {
    expect(idCheckCharacter(EXAMPLE.slice(0, 17))).toBe('X');
  });

  it('makes every number satisfy MOD 11-2, for every check value', () => {
    const seen = new Set<string>();
    for (let n = 0; n < 2000; n++) {
      const first17 = `530522${String(19000101 + n * 37).slice(0, 8)}${String(n % 1000).padStart(3, '0')}`;
      const id = withCheck(first17);
      expect(satisfiesMod11_2(id), id).toBe(true);
      seen.add(id[17]!);
    }
    expect([...seen].sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']);
  });

  it('refuses anything but 17 digits', () => {
    for (const bad of ['', '1234567890123456', '123456789012345678', '1101051949123100X']) {
      expect(() => idCheckCharacter(bad)).toThrow(RangeError);
    }
  });
});

describe('parseIdNumber', () => {
  it('reads birth date and gender, and normalizes a lower-case x', () => {
    expect(parseIdNumber(EXAMPLE)).toEqual({ ok: true, value: { idNumber: EXAMPLE, birthDate: '1949-12-31', gender: '2' } });
    expect(parseIdNumber(` ${EXAMPLE.toLowerCase()} `)).toEqual({ ok: true, value: { idNumber: EXAMPLE, birthDate: '1949-12-31', gender: '2' } });
  });

  it('takes the gender from the parity of the 17th digit', () => {
    for (let digit = 0; digit <= 9; digit++) {
      const parsed = parseIdNumber(withCheck(`5305221988022913${digit}`));
      expect(parsed.ok && parsed.value.gender).toBe(digit % 2 === 1 ? '1' : '2');
    }
  });

  it('accepts 29 February only in leap years', () => {
    expect(parseIdNumber(withCheck('53052220000229001'))).toMatchObject({ ok: true, value: { birthDate: '2000-02-29' } });
    expect(parseIdNumber(withCheck('53052219000229001'))).toEqual({ ok: false, reason: 'birth_date' });
    expect(parseIdNumber(withCheck('53052219870229001'))).toEqual({ ok: false, reason: 'birth_date' });
  });

  it('refuses birth dates that are not real days, or before 1800', () => {
    for (const date of ['19871301', '19870001', '19870100', '19870431', '19870632', '09851010', '17991231']) {
      expect(parseIdNumber(withCheck(`530522${date}001`)), date).toEqual({ ok: false, reason: 'birth_date' });
    }
    expect(parseIdNumber(withCheck('53052218000101001')).ok).toBe(true);
  });

  it('names the length, then the characters', () => {
    for (const bad of ['', '53052219880229137', '5305221988022913711', '530522880229137']) {
      expect(parseIdNumber(bad), bad).toEqual({ ok: false, reason: 'length' });
    }
    for (const bad of ['53052219880229137Y', '5305221988X229137X', '53052219880229１37X', '530522-9880229137X']) {
      expect(parseIdNumber(bad), bad).toEqual({ ok: false, reason: 'characters' });
    }
  });

  it('catches every single mistyped character', () => {
    const valid = withCheck('53052219880229137');
    for (let position = 0; position < 18; position++) {
      for (const c of '0123456789X') {
        if (c === valid[position] || (c === 'X' && position < 17)) continue;
        const typo = valid.slice(0, position) + c + valid.slice(position + 1);
        const parsed = parseIdNumber(typo);
        expect(parsed.ok, typo).toBe(false);
      }
    }
  });

  it('catches every swap of two neighbouring different digits', () => {
    const valid = withCheck('53052219660713042');
    for (let position = 0; position < 17; position++) {
      if (valid[position] === valid[position + 1]) continue;
      const swapped = valid.slice(0, position) + valid[position + 1] + valid[position] + valid.slice(position + 2);
      expect(parseIdNumber(swapped).ok, swapped).toBe(false);
    }
  });
});

describe('idNumberDisagreements', () => {
  const facts = { idNumber: EXAMPLE, birthDate: '1949-12-31', gender: '2' as const };

  it('finds nothing when the record agrees or says nothing', () => {
    expect(idNumberDisagreements(facts, { birthDate: '1949-12-31', gender: '2' })).toEqual([]);
    expect(idNumberDisagreements(facts, {})).toEqual([]);
    expect(idNumberDisagreements(facts, { birthDate: null, gender: null })).toEqual([]);
  });

  it('names each field that contradicts the number, with what the number says', () => {
    expect(idNumberDisagreements(facts, { birthDate: '1949-12-30', gender: '1' })).toEqual([
      { field: 'birthDate', expected: '1949-12-31' },
      { field: 'gender', expected: '2' },
    ]);
  });
});
