/**
 * GB 11643-1999 citizen ID numbers: 6-digit address code (GB/T 2260), 8-digit birth date,
 * 3-digit sequence whose parity is the gender (odd male, even female), and an ISO 7064
 * MOD 11-2 check character ('X' stands for 10).
 */
import { formatDate, isRealDay } from '../../../platform/dates.js';
import { accept, refuse, type Parsed } from '../../../platform/parsed.js';

/** GB/T 2261.1 gender codes as people.gender stores them: '1' male, '2' female. */
export type GenderCode = '1' | '2';

export type IdNumberProblem = 'length' | 'characters' | 'check_digit' | 'birth_date';

export interface IdNumberFacts {
  /** The number as stored: trimmed, a final lower-case x made upper-case. */
  idNumber: string;
  birthDate: string;
  gender: GenderCode;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

/** The check character for the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`need 17 digits, got ${JSON.stringify(first17)}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

/** Checks a number and reads the birth date and gender it carries. */
export function parseIdNumber(text: string): Parsed<IdNumberFacts, IdNumberProblem> {
  const idNumber = text.trim().toUpperCase();
  if (idNumber.length !== 18) return refuse('length');
  if (!/^\d{17}[\dX]$/.test(idNumber)) return refuse('characters');
  const year = Number(idNumber.slice(6, 10));
  const month = Number(idNumber.slice(10, 12));
  const day = Number(idNumber.slice(12, 14));
  // The date is checked before the check character: a wrong date says more about the mistake.
  // No one alive was born before 1800, so such a year is a typing error (0985 for 1985).
  if (year < 1800 || !isRealDay(year, month, day)) return refuse('birth_date');
  if (idCheckCharacter(idNumber.slice(0, 17)) !== idNumber[17]) return refuse('check_digit');
  return accept({ idNumber, birthDate: formatDate(year, month, day), gender: Number(idNumber[16]) % 2 === 1 ? '1' : '2' });
}

export type IdDisagreement = { field: 'birthDate'; expected: string } | { field: 'gender'; expected: GenderCode };

/** Where a recorded birth date or gender contradicts a valid ID number (nothing where a value is absent). */
export function idNumberDisagreements(facts: IdNumberFacts, recorded: { birthDate?: string | null; gender?: string | null }): IdDisagreement[] {
  const found: IdDisagreement[] = [];
  if (recorded.birthDate && recorded.birthDate !== facts.birthDate) found.push({ field: 'birthDate', expected: facts.birthDate });
  if (recorded.gender && recorded.gender !== facts.gender) found.push({ field: 'gender', expected: facts.gender });
  return found;
}
