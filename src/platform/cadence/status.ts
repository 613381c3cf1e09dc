/**
 * Where one subject stands with one cadence rule in one period: done once the events reach the
 * minimum; otherwise due while the period (or its window) is open, overdue once it has ended, and
 * not yet due before it (or its window) opens.
 */
import type { Period } from './periods.js';

export const cellStatuses = ['done', 'due', 'overdue', 'not_due'] as const;
export type CellStatus = (typeof cellStatuses)[number];

export interface Cell {
  period: Period;
  /** Events counted in the period. */
  held: number;
  min: number;
  /** The day the rule becomes due within the period ("normally in Q4": 1 October); default its start. */
  dueFrom?: string;
}

export function cellStatus(cell: Cell, today: string): CellStatus {
  if (cell.held >= cell.min) return 'done';
  if (today > cell.period.end) return 'overdue';
  if (today < (cell.dueFrom ?? cell.period.start)) return 'not_due';
  return 'due';
}
