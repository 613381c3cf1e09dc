import { describe, expect, it } from 'vitest';
import { parsePeriodKey } from './periods.js';
import { cellStatus } from './status.js';

const march = parsePeriodKey('2026-03')!;
const year = parsePeriodKey('2026')!;

describe('cellStatus', () => {
  it('is done once the events reach the minimum, whenever that is asked', () => {
    for (const today of ['2026-02-01', '2026-03-01', '2026-03-31', '2027-01-01']) {
      expect(cellStatus({ period: march, held: 1, min: 1 }, today), today).toBe('done');
      expect(cellStatus({ period: march, held: 4, min: 3 }, today), today).toBe('done');
    }
  });

  it('is due from the first day to the last, overdue from the day after, not due before', () => {
    const cell = { period: march, held: 2, min: 3 };
    expect(cellStatus(cell, '2026-02-28')).toBe('not_due');
    expect(cellStatus(cell, '2026-03-01')).toBe('due');
    expect(cellStatus(cell, '2026-03-31')).toBe('due');
    expect(cellStatus(cell, '2026-04-01')).toBe('overdue');
  });

  it('opens a "normally in Q4" rule only in its window, but counts an event held earlier in the year', () => {
    const q4 = { period: year, held: 0, min: 1, dueFrom: '2026-10-01' };
    expect(cellStatus(q4, '2026-06-30')).toBe('not_due');
    expect(cellStatus(q4, '2026-09-30')).toBe('not_due');
    expect(cellStatus(q4, '2026-10-01')).toBe('due');
    expect(cellStatus(q4, '2026-12-31')).toBe('due');
    expect(cellStatus(q4, '2027-01-01')).toBe('overdue');
    expect(cellStatus({ ...q4, held: 1 }, '2026-05-01')).toBe('done');
  });
});
