import { ApiError, fieldName } from '../../api.js';

/**
 * The server's refusal of a batch split by row: `items.N.…` (evaluations) or `grades.N.…` (grades)
 * to the row sent N-th, the rest (the cap, a meeting, a date) as the whole message.
 */
export function problemsByRow(error: unknown, list: 'items' | 'grades'): { byRow: Map<number, string[]>; others: string[]; message: string } {
  const byRow = new Map<number, string[]>();
  const others: string[] = [];
  if (!(error instanceof ApiError)) return { byRow, others, message: error instanceof Error ? error.message : String(error) };
  for (const f of error.fields) {
    const m = new RegExp(`^${list}\\.(\\d+)\\.`).exec(fieldName(f.path));
    if (m) byRow.set(Number(m[1]), [...(byRow.get(Number(m[1])) ?? []), f.message]);
    else others.push(f.message);
  }
  return { byRow, others, message: error.message };
}
