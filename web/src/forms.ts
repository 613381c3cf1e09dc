import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, fieldName } from './api.js';
import { chinaToday } from './format.js';

/**
 * Puts the server's field problems on the form's fields. Returns the message still to show
 * above the form: the whole error when no problem found a field.
 */
export function showServerErrors(form: FormInstance, error: unknown, fields: readonly string[]): string | null {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const placed = error.fields
    .map((f) => ({ name: fieldName(f.path), message: f.message }))
    .filter((f) => fields.includes(f.name));
  if (placed.length === 0) return error.message;
  const byName = new Map<string, string[]>();
  for (const f of placed) byName.set(f.name, [...(byName.get(f.name) ?? []), f.message]);
  form.setFields([...byName].map(([name, errors]) => ({ name, errors })));
  return null;
}

export const today = (): Dayjs => dayjs(chinaToday());

/** Effective dates cannot lie in the future, nor before `earliest` (e.g. the founding date). */
export function disabledDate(earliest?: string | null) {
  const last = today();
  return (d: Dayjs) => d.isAfter(last, 'day') || (earliest ? d.isBefore(dayjs(earliest), 'day') : false);
}

export const isoDay = (d: Dayjs | null | undefined): string | undefined => (d ? d.format('YYYY-MM-DD') : undefined);

/** Trims a note and leaves it out when empty. */
export const noteOf = (note: string | undefined): string | undefined => (note?.trim() ? note.trim() : undefined);

/** The same rule the server applies to passwords: at least 8 characters with letters and digits. */
export const strongPassword = (value: string): boolean => value.length >= 8 && /[A-Za-z]/.test(value) && /[0-9]/.test(value);

/** A form rule for `strongPassword`, with the message to show. */
export const strongPasswordRule = (message: string) => ({
  validator: (_: unknown, value: string | undefined) => (!value || strongPassword(value) ? Promise.resolve() : Promise.reject(new Error(message))),
});
