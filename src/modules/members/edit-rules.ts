/**
 * The checks of a correction to a person's registry record, pure: each submitted value read as
 * the import reads the same cell (rules/cells.ts, id-number.ts, education.ts, occupation.ts), the
 * ID number held against birth date and gender, the mobile-member details held together, and
 * the result reduced to what actually changes.
 */
import type { MessageKey, Params } from '../../platform/i18n/index.js';
import type { EditField, MemberEditInput } from './edit-contracts.js';
import { parsePhone } from './rules/cells.js';
import { educationCodeOf } from './rules/education.js';
import { ethnicityByCode } from './rules/ethnicity.js';
import { idNumberDisagreements, parseIdNumber, type IdNumberFacts } from './rules/id-number.js';
import { occupationOf } from './rules/occupation.js';

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

export interface FlagValues {
  mobile: boolean;
  mobileDestination: string | null;
  mobileSince: string | null;
  reportingCommunity: string | null;
  outOfContact: boolean;
  retired: boolean;
  needsCare: boolean;
}

export interface EditProblem {
  field: EditField;
  key: MessageKey;
  params?: Params;
}

export interface PlannedEdit {
  /** Only the values that differ from the record. */
  person: Partial<PersonValues>;
  flags: Partial<FlagValues>;
  problems: EditProblem[];
}

const personFields = ['name', 'gender', 'ethnicity', 'birthDate', 'idNumber', 'phone', 'education', 'occupation', 'address'] as const;
const flagFields = ['mobile', 'mobileDestination', 'mobileSince', 'reportingCommunity', 'outOfContact', 'retired', 'needsCare'] as const;
const mobileFields = ['mobile', 'mobileDestination', 'mobileSince'] as const;

const idKeys = {
  length: 'member_edit.id_length', characters: 'member_edit.id_characters', check_digit: 'member_edit.id_check_digit', birth_date: 'member_edit.id_birth_date',
} as const;

/** A blank string is no value: a cleared input. */
const blankToNull = (value: string | null): string | null => (value === null || value.trim() === '' ? null : value);

/**
 * Checks a partial update against the record (`flags` null: no open membership) as of `today`
 * and answers the changes it makes, or every problem with the field it belongs to.
 */
export function planEdit(person: PersonValues, flags: FlagValues | null, input: MemberEditInput, today: string): PlannedEdit {
  const problems: EditProblem[] = [];
  const fail = (field: EditField, key: MessageKey, params?: Params) => {
    problems.push({ field, key, ...(params ? { params } : {}) });
  };
  const next: PersonValues = { ...person, ...readPersonFields(input, today, fail) };
  const idFacts = next.idNumber === null ? undefined : parseIdNumber(next.idNumber);
  const unread = problems.some((p) => p.field === 'idNumber' || p.field === 'birthDate');
  if (idFacts?.ok && !unread) checkAgainstId(idFacts.value, next, input, fail);

  let nextFlags: FlagValues | null = null;
  const touchedFlags = flagFields.filter((f) => input[f] !== undefined);
  if (flags === null) {
    for (const field of touchedFlags) fail(field, 'member_edit.no_open_membership');
  } else {
    nextFlags = { ...flags, ...readFlagFields(flags, input, today, fail) };
  }
  return {
    person: changed(person, next, personFields),
    flags: flags && nextFlags ? changed(flags, nextFlags, flagFields) : {},
    problems,
  };
}

type Fail = (field: EditField, key: MessageKey, params?: Params) => void;

type Reading = { value: string } | { key: MessageKey; params?: Params };

const readIdNumber = (text: string): Reading => {
  // A masked number sent back from the form is no number: say so rather than "wrong length".
  if (text.includes('*')) return { key: 'member_edit.id_masked' };
  const parsed = parseIdNumber(text);
  return parsed.ok ? { value: parsed.value.idNumber } : { key: idKeys[parsed.reason] };
};
const readPhone = (text: string): Reading => {
  if (text.includes('*')) return { key: 'member_edit.phone_masked' };
  const parsed = parsePhone(text);
  return parsed.ok ? { value: parsed.value } : { key: 'member_edit.bad_phone', params: { value: text } };
};
const readCode = (code: (text: string) => string | undefined, key: MessageKey) => (text: string): Reading => {
  const value = code(text);
  return value === undefined ? { key, params: { value: text } } : { value };
};
const readers = {
  idNumber: readIdNumber,
  phone: readPhone,
  education: readCode(educationCodeOf, 'member_edit.bad_education'),
  occupation: readCode(occupationOf, 'member_edit.bad_occupation'),
};

/** Each submitted person field on its own, normalized as the registry stores it. */
function readPersonFields(input: MemberEditInput, today: string, fail: Fail): Partial<PersonValues> {
  const out: Partial<PersonValues> = {};
  if (input.name !== undefined) out.name = input.name;
  if (input.gender !== undefined) out.gender = input.gender;
  if (input.ethnicity !== undefined) {
    if (ethnicityByCode(input.ethnicity)) out.ethnicity = input.ethnicity;
    else fail('ethnicity', 'member_edit.bad_ethnicity', { value: input.ethnicity });
  }
  if (input.birthDate !== undefined) {
    if (input.birthDate !== null && input.birthDate > today) fail('birthDate', 'member_edit.birth_date_future', { date: input.birthDate, today });
    else out.birthDate = input.birthDate;
  }
  for (const [field, read] of Object.entries(readers) as [keyof typeof readers, (text: string) => Reading][]) {
    if (input[field] === undefined) continue;
    const text = blankToNull(input[field]);
    const reading = text === null ? { value: null } : read(text);
    if ('key' in reading) fail(field, reading.key, reading.params);
    else out[field] = reading.value;
  }
  if (input.address !== undefined) out.address = blankToNull(input.address);
  return out;
}

/**
 * The birth date and gender a valid ID number carries fill the ones not recorded; recorded ones
 * must agree with it. Only a change to one of the three is checked, so that an old disagreement
 * does not block correcting a phone number. The blame goes to the value just submitted, the
 * birth date or gender before the ID number, as the import reports it.
 */
function checkAgainstId(facts: IdNumberFacts, next: PersonValues, input: MemberEditInput, fail: Fail): void {
  if (input.idNumber === undefined && input.birthDate === undefined && input.gender === undefined) return;
  next.birthDate ??= facts.birthDate;
  next.gender ??= facts.gender;
  for (const d of idNumberDisagreements(facts, next)) {
    if (d.field === 'birthDate') {
      if (input.birthDate) fail('birthDate', 'member_edit.birth_date_mismatch', { expected: d.expected });
      else fail('idNumber', 'member_edit.id_birth_mismatch', { expected: d.expected, recorded: next.birthDate });
    } else if (input.gender) fail('gender', 'member_edit.gender_mismatch');
    else fail('idNumber', 'member_edit.id_gender_mismatch');
  }
}

/**
 * The flags: a mobile member needs where they went and since when; the details go when the flag
 * does, and are refused without it. Held together only when one of them is submitted, for the
 * same reason as the ID number.
 */
function readFlagFields(flags: FlagValues, input: MemberEditInput, today: string, fail: Fail): Partial<FlagValues> {
  const out: Partial<FlagValues> = {};
  for (const field of ['outOfContact', 'retired', 'needsCare'] as const) {
    if (input[field] !== undefined) out[field] = input[field];
  }
  if (input.reportingCommunity !== undefined) out.reportingCommunity = blankToNull(input.reportingCommunity);
  if (!mobileFields.some((f) => input[f] !== undefined)) return out;

  const mobile = input.mobile ?? flags.mobile;
  const destination = input.mobileDestination === undefined ? flags.mobileDestination : blankToNull(input.mobileDestination);
  const since = input.mobileSince === undefined ? flags.mobileSince : input.mobileSince;
  if (!mobile) {
    if (input.mobileDestination != null && destination !== null) fail('mobileDestination', 'member_edit.mobile_detail_without_flag');
    if (input.mobileSince != null) fail('mobileSince', 'member_edit.mobile_detail_without_flag');
    return { ...out, mobile, mobileDestination: null, mobileSince: null };
  }
  if (destination === null) fail('mobileDestination', 'member_edit.mobile_destination_required');
  if (since === null) fail('mobileSince', 'member_edit.mobile_since_required');
  else if (since > today) fail('mobileSince', 'member_edit.mobile_since_future', { date: since, today });
  return { ...out, mobile, mobileDestination: destination, mobileSince: since };
}

function changed<T extends object>(before: T, after: T, fields: readonly (keyof T)[]): Partial<T> {
  return Object.fromEntries(fields.filter((f) => after[f] !== before[f]).map((f) => [f, after[f]])) as Partial<T>;
}
