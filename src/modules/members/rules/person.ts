/**
 * A person's registry facts as a form or request submits them: a new applicant, a member arriving
 * from outside the county, a correction of a record. Each value is read as the import reads the
 * same cell (cells.ts, id-number.ts, education.ts, occupation.ts), the citizen ID number is held
 * against birth date and gender, and the answer is the record as the registry stores it. Shapes
 * (lengths, the gender code, date formats) are the contracts' business; this is the registry's.
 */
import { invalid, type AppError, type FieldProblem } from '../../../platform/errors.js';
import type { MessageKey, Params } from '../../../platform/i18n/index.js';
import { parsePhone } from '../../../platform/files/cells.js';
import { educationCodeOf } from './education.js';
import { ethnicityByCode, HAN } from './ethnicity.js';
import { idNumberDisagreements, parseIdNumber, type IdNumberFacts } from './id-number.js';
import { occupationOf } from './occupation.js';

export interface PersonValues {
  name: string;
  gender: string | null;
  ethnicity: string;
  birthDate: string | null;
  idNumber: string | null;
  phone: string | null;
  education: string | null;
  occupation: string | null;
  address: string | null;
}
export type PersonField = keyof PersonValues;
const personFields = ['name', 'gender', 'ethnicity', 'birthDate', 'idNumber', 'phone', 'education', 'occupation', 'address'] as const satisfies readonly PersonField[];

/** The person's facts of a row that holds more (e.g. the people table's). */
export function personValuesOf(row: PersonValues): PersonValues {
  return Object.fromEntries(personFields.map((f) => [f, row[f]])) as unknown as PersonValues;
}

/** What is submitted: a field left out keeps the recorded value; null or a blank string clears it. */
export interface PersonInput {
  name?: string;
  gender?: string;
  ethnicity?: string;
  birthDate?: string | null;
  idNumber?: string | null;
  phone?: string | null;
  education?: string | null;
  occupation?: string | null;
  address?: string | null;
}

/** A refused value, on the field of the request it came in. */
export interface FieldCheck<Field extends string = string> {
  field: Field;
  key: MessageKey;
  params?: Params;
}

export type Fail<Field extends string> = (field: Field, key: MessageKey, params?: Params) => void;

/** A list of problems, starting from `found`, and the function that adds one. */
export function problemList<Field extends string>(found: readonly FieldCheck<Field>[] = []): { problems: FieldCheck<Field>[]; fail: Fail<Field> } {
  const problems = [...found];
  return { problems, fail: (field, key, params) => void problems.push({ field, key, ...(params ? { params } : {}) }) };
}

/** Nobody on record yet: what a new person's facts start from (the people table's defaults). */
export const newPerson: PersonValues = {
  name: '', gender: null, ethnicity: HAN, birthDate: null, idNumber: null, phone: null, education: null, occupation: null, address: null,
};

export interface CheckedPerson {
  /** The record with every accepted value in; the birth date and gender a valid ID number carries fill the ones missing. */
  values: PersonValues;
  /** Only the values that differ from the record. */
  changes: Partial<PersonValues>;
  problems: FieldCheck<PersonField>[];
}

const idKeys = {
  length: 'person.id_length', characters: 'person.id_characters', check_digit: 'person.id_check_digit', birth_date: 'person.id_birth_date',
} as const;
const genderMismatchKeys = { 1: 'person.gender_says_male', 2: 'person.gender_says_female' } as const;

/** A blank string is no value: a cleared input. */
export const blankToNull = (value: string | null): string | null => (value === null || value.trim() === '' ? null : value);

type Reading = { value: string } | { key: MessageKey; params?: Params };

/**
 * A masked number can only come back from a form that showed the recorded one: it is no number,
 * and saying so beats "wrong length". Without a recorded number, it is read like any other text.
 */
const masked = (text: string, recorded: string | null) => recorded !== null && text.includes('*');

const readers: Record<'idNumber' | 'phone' | 'education' | 'occupation', (text: string, recorded: string | null) => Reading> = {
  idNumber(text, recorded) {
    if (masked(text, recorded)) return { key: 'person.id_masked' };
    const parsed = parseIdNumber(text);
    return parsed.ok ? { value: parsed.value.idNumber } : { key: idKeys[parsed.reason] };
  },
  phone(text, recorded) {
    if (masked(text, recorded)) return { key: 'person.phone_masked' };
    const parsed = parsePhone(text);
    return parsed.ok ? { value: parsed.value } : { key: 'person.bad_phone', params: { value: text } };
  },
  education: (text) => coded(educationCodeOf(text), 'person.bad_education', text),
  occupation: (text) => coded(occupationOf(text), 'person.bad_occupation', text),
};

function coded(value: string | undefined, key: MessageKey, text: string): Reading {
  return value === undefined ? { key, params: { value: text } } : { value };
}

/**
 * Checks what is submitted against the record (`newPerson` for someone not yet on it) as of
 * `today`, and answers the record it makes, or every problem with the field it belongs to.
 */
export function checkPerson(input: PersonInput, today: string, record: PersonValues = newPerson): CheckedPerson {
  const { problems, fail } = problemList<PersonField>();
  const values: PersonValues = { ...record, ...readFields(input, today, record, fail) };
  const unread = problems.some((p) => p.field === 'idNumber' || p.field === 'birthDate');
  const id = values.idNumber === null ? undefined : parseIdNumber(values.idNumber);
  if (id?.ok && !unread) checkAgainstId(id.value, values, input, fail);
  return { values, changes: changed(record, values), problems };
}

/** Each submitted field on its own, normalized as the registry stores it. */
function readFields(input: PersonInput, today: string, record: PersonValues, fail: Fail<PersonField>) {
  const out: Partial<PersonValues> = {};
  if (input.name !== undefined) out.name = input.name;
  if (input.gender !== undefined) out.gender = input.gender;
  if (input.ethnicity !== undefined) {
    if (ethnicityByCode(input.ethnicity)) out.ethnicity = input.ethnicity;
    else fail('ethnicity', 'person.bad_ethnicity', { value: input.ethnicity });
  }
  if (input.birthDate !== undefined) {
    if (input.birthDate !== null && input.birthDate > today) fail('birthDate', 'person.birth_date_future', { date: input.birthDate, today });
    else out.birthDate = input.birthDate;
  }
  for (const [field, read] of Object.entries(readers) as [keyof typeof readers, (typeof readers)[keyof typeof readers]][]) {
    const submitted = input[field];
    if (submitted === undefined) continue;
    const text = blankToNull(submitted);
    const reading = text === null ? { value: null } : read(text, record[field]);
    if ('key' in reading) fail(field, reading.key, reading.params);
    else out[field] = reading.value;
  }
  if (input.address !== undefined) out.address = blankToNull(input.address);
  return out;
}

/**
 * The birth date and gender a valid ID number carries fill the ones not recorded; recorded ones
 * must agree with it. Only a submission touching one of the three is checked, so that an old
 * disagreement does not block correcting a phone number. The blame goes to the value submitted,
 * the birth date or gender before the ID number, as the import reports it.
 */
function checkAgainstId(facts: IdNumberFacts, values: PersonValues, input: PersonInput, fail: Fail<PersonField>): void {
  if (input.idNumber === undefined && input.birthDate === undefined && input.gender === undefined) return;
  values.birthDate ??= facts.birthDate;
  values.gender ??= facts.gender;
  for (const d of idNumberDisagreements(facts, values)) {
    if (d.field === 'birthDate') {
      if (input.birthDate) fail('birthDate', 'person.birth_date_mismatch', { expected: d.expected });
      else fail('idNumber', 'person.id_birth_mismatch', { expected: d.expected, recorded: values.birthDate! });
    } else if (input.gender) fail('gender', genderMismatchKeys[d.expected]);
    else fail('idNumber', 'person.id_gender_mismatch');
  }
}

/** The values of `after` that differ from `before`. */
export function changed<T extends object>(before: T, after: T): Partial<T> {
  return Object.fromEntries(Object.entries(after).filter(([f, v]) => v !== before[f as keyof T])) as Partial<T>;
}

/**
 * One refusal of a request with every problem on its field (`body.…`, as the contracts name
 * them); a single problem is the message itself, several are counted.
 */
export function refusal(problems: readonly FieldCheck[]): AppError {
  const fields: FieldProblem[] = problems.map((p) => ({ path: `body.${p.field}`, key: p.key, params: p.params }));
  const [only] = problems;
  return problems.length === 1 ? invalid(only!.key, only!.params, fields) : invalid('person.invalid', { count: problems.length }, fields);
}
