/**
 * Masking of citizen ID numbers and phone numbers (DESIGN §4): lists, profiles and exports show
 * masked values unless the reader's post allows the full ones. Pure functions.
 */

/**
 * Keeps the address code (first 6) and the last 4 characters of an ID number: enough to tell two
 * people apart on a list without revealing the birth date. A value too short to be an ID number
 * (15 or 18 characters) is masked whole, since keeping 10 characters of it could reveal all of it.
 */
export function maskIdNumber(value: string | null): string | null {
  if (value === null || value === '') return value;
  if (value.length < 15) return '*'.repeat(value.length);
  return value.slice(0, 6) + '*'.repeat(value.length - 10) + value.slice(-4);
}

/**
 * 138****5678 for a mobile number; shorter numbers (landlines without area code) keep only their
 * last 4, and anything under 8 characters is masked whole so that at least 4 stay hidden.
 */
export function maskPhone(value: string | null): string | null {
  if (value === null || value === '') return value;
  if (value.length < 8) return '*'.repeat(value.length);
  if (value.length < 11) return '*'.repeat(value.length - 4) + value.slice(-4);
  return value.slice(0, 3) + '*'.repeat(value.length - 7) + value.slice(-4);
}

export interface SensitiveFields {
  idNumber: string | null;
  phone: string | null;
}

/** The fields as a reader sees them: full when allowed, otherwise masked. */
export function shownSensitive(fields: SensitiveFields, full: boolean): SensitiveFields {
  return full ? fields : { idNumber: maskIdNumber(fields.idNumber), phone: maskPhone(fields.phone) };
}
