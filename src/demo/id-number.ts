/**
 * Generation of GB 11643-1999 citizen ID numbers for demo data:
 * 6-digit address code + 8-digit birth date + 3-digit sequence (odd = male, even = female) + check character.
 * Validation of entered numbers belongs to the registry module; this file only builds numbers.
 */
import { isValidDate } from './random.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'] as const;

/** The check character for the first 17 digits of an ID number. */
export function idCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`need 17 digits, got ${JSON.stringify(first17)}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] as string;
}

/**
 * A citizen ID number for a person born on `birthDate` (YYYY-MM-DD) and registered in `areaCode6`.
 * `sequence` is 0..999; its parity carries the gender (odd = male, even = female).
 */
export function citizenIdNumber(areaCode6: string, birthDate: string, sequence: number): string {
  if (!/^\d{6}$/.test(areaCode6)) throw new RangeError(`area code must be 6 digits: ${areaCode6}`);
  if (!isValidDate(birthDate)) throw new RangeError(`birth date must be YYYY-MM-DD: ${birthDate}`);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) throw new RangeError(`sequence must be 0..999: ${sequence}`);
  const first17 = `${areaCode6}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

/** Gender code implied by an ID number's sequence: '1' male (odd), '2' female (even). */
export function genderOfIdNumber(idNumber: string): '1' | '2' {
  return Number(idNumber.charAt(16)) % 2 === 1 ? '1' : '2';
}

/** Birth date (YYYY-MM-DD) carried by an 18-character ID number. */
export function birthDateOfIdNumber(idNumber: string): string {
  return `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
}
