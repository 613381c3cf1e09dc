import { ApiError, fieldName } from '../../api.js';

/**
 * 元 as typed ("12.5", "0.20") into whole fen, read digit by digit so that no floating-point
 * rounding creeps in; null for anything that is not an amount with at most two decimals.
 */
export function fenOf(text: string): number | null {
  const m = /^\s*(\d{1,9})(?:\.(\d{0,2}))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** Fen as 元 with two decimals: 20 → "0.20", -1250 → "-12.50" (a balance spent beyond what was kept). */
export function yuanOf(fen: number): string {
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * The server's problems with a batch, by the row they name (`body.items.3.amountFen` → row 3):
 * each row's messages, and the message of the whole refusal for what names no row.
 */
export function rowProblems(error: unknown): { byRow: Map<number, { field: string; message: string }[]>; message: string } {
  const byRow = new Map<number, { field: string; message: string }[]>();
  if (!(error instanceof ApiError)) return { byRow, message: error instanceof Error ? error.message : String(error) };
  for (const f of error.fields) {
    const m = /^items\.(\d+)\.(\w+)/.exec(fieldName(f.path));
    if (!m) continue;
    const row = Number(m[1]);
    byRow.set(row, [...(byRow.get(row) ?? []), { field: m[2]!, message: f.message }]);
  }
  return { byRow, message: error.message };
}
