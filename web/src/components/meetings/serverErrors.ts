import type { FormInstance } from 'antd';
import { ApiError, fieldName } from '../../api.js';

type NamePath = (string | number)[];

/**
 * Where a server problem belongs in the meeting form: `resolutions.0.passed` on that resolution's
 * switch, anything about an attendee on the attendee list, a top-level field on itself.
 */
function formName(path: string, fields: readonly string[]): NamePath | null {
  const [head, index, leaf] = fieldName(path).split(/[.[\]/]+/).filter(Boolean);
  if (head === 'attendees') return ['attendees'];
  if (head === 'resolutions' && index !== undefined && /^\d+$/.test(index)) return ['resolutions', Number(index), leaf ?? 'title'];
  return head !== undefined && index === undefined && fields.includes(head) ? [head] : null;
}

/**
 * Puts the server's problems on the fields they name (the form's lists included) and scrolls to the
 * first. Returns what is left to show above the form: the problems no field holds, or the message.
 */
export function placeServerErrors(form: FormInstance, error: unknown, fields: readonly string[]): string | null {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const placed = new Map<string, { name: NamePath; errors: string[] }>();
  const left: string[] = [];
  for (const problem of error.fields) {
    const name = formName(problem.path, fields);
    if (!name) {
      left.push(problem.message);
      continue;
    }
    const entry = placed.get(name.join('.')) ?? { name, errors: [] };
    entry.errors.push(problem.message);
    placed.set(name.join('.'), entry);
  }
  if (placed.size === 0) return error.message;
  const entries = [...placed.values()];
  form.setFields(entries);
  form.scrollToField(entries[0]!.name, { block: 'center' });
  return left.length ? left.join(' · ') : null;
}

/** Clears the server's verdicts on the fields a change touched, down to a resolution's field. */
export function clearChanged(form: FormInstance, changed: Record<string, unknown>): void {
  const names = Object.entries(changed).flatMap(([key, value]): NamePath[] => (key === 'resolutions' && Array.isArray(value)
    ? value.flatMap((r: unknown, i) => (r && typeof r === 'object' ? Object.keys(r).map((f) => ['resolutions', i, f]) : []))
    : [[key]]));
  form.setFields(names.map((name) => ({ name, errors: [] })));
}
