/**
 * Generation of GB 11643-1999 citizen ID numbers for demo data:
 * 6-digit address code + 8-digit birth date + 3-digit sequence (odd = male, even = female) + check character.
 * The check character and the reading of numbers are the registry's rules (members/rules/id-number.ts).
 */
import { isCalendarDate } from '../platform/dates.js';
import { idCheckCharacter, parseIdNumber, type GenderCode } from '../modules/members/rules/id-number.js';

export { idCheckCharacter };

/**
 * A citizen ID number for a person born on `birthDate` (YYYY-MM-DD) and registered in `areaCode6`.
 * `sequence` is 0..999; its parity carries the gender (odd = male, even = female).
 */
export function citizenIdNumber(areaCode6: string, birthDate: string, sequence: number): string {
  if (!/^\d{6}$/.test(areaCode6)) throw new RangeError(`area code must be 6 digits: ${areaCode6}`);
  if (!isCalendarDate(birthDate)) throw new RangeError(`birth date must be YYYY-MM-DD: ${birthDate}`);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) throw new RangeError(`sequence must be 0..999: ${sequence}`);
  const first17 = `${areaCode6}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

/** What a generated number carries; it throws on a number that is not valid, which a generator never makes. */
function facts(idNumber: string) {
  const parsed = parseIdNumber(idNumber);
  if (!parsed.ok) throw new RangeError(`invalid ID number (${parsed.reason}): ${idNumber}`);
  return parsed.value;
}

/** Gender code implied by an ID number's sequence: '1' male (odd), '2' female (even). */
export function genderOfIdNumber(idNumber: string): GenderCode {
  return facts(idNumber).gender;
}

/** Birth date (YYYY-MM-DD) carried by an 18-character ID number. */
export function birthDateOfIdNumber(idNumber: string): string {
  return facts(idNumber).birthDate;
}
