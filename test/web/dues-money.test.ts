import { describe, expect, it } from 'vitest';
import { fenOf, yuanOf } from '../../web/src/components/dues/money.js';

describe('元 and fen on the dues pages', () => {
  it('shows fen as 元 with two decimals, negative balances included', () => {
    expect([0, 1, 20, 99, 100, 1250, 123456789].map(yuanOf)).toEqual(['0.00', '0.01', '0.20', '0.99', '1.00', '12.50', '1234567.89']);
    expect([-1, -20, -1250, -100].map(yuanOf)).toEqual(['-0.01', '-0.20', '-12.50', '-1.00']);
  });

  it('reads what people type, and nothing that is not an amount', () => {
    expect(['0.2', '0.20', '12.5', ' 12 ', '7.', '0'].map(fenOf)).toEqual([20, 20, 1250, 1200, 700, 0]);
    expect(['', '1.234', '-1', '1,000', 'abc', '1e3'].map(fenOf)).toEqual([null, null, null, null, null, null]);
  });

  it('gives back every amount it shows', () => {
    for (let fen = 0; fen < 20000; fen += 7) expect(fenOf(yuanOf(fen))).toBe(fen);
  });
});
