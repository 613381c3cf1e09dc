/** Checking a new applicant's data as the import checks a row, each problem on its field. */
import type { FieldProblem } from '../../../platform/errors.js';
import type { Lang } from '../../../platform/i18n/index.js';
import { genderLabels } from '../import-rows.js';
import { parsePhone } from '../rules/cells.js';
import { educationCodes } from '../rules/education.js';
import { ethnicityByCode } from '../rules/ethnicity.js';
import { idNumberDisagreements, parseIdNumber } from '../rules/id-number.js';
import type { NewApplicationInput } from './contracts.js';

const idKeys = {
  length: 'member_import.id_length', characters: 'member_import.id_characters', check_digit: 'member_import.id_check_digit', birth_date: 'member_import.id_birth_date',
} as const;

export type CheckedPerson = { ok: true; idNumber: string; phone: string | null } | { ok: false; problems: FieldProblem[] };

/** The ID number as stored and the phone number normalized, or every problem at once. */
export function checkPerson(input: NewApplicationInput, lang: Lang): CheckedPerson {
  const problems: FieldProblem[] = [];
  const id = parseIdNumber(input.idNumber);
  if (!id.ok) problems.push({ path: 'body.idNumber', key: idKeys[id.reason] });
  for (const d of id.ok ? idNumberDisagreements(id.value, input) : []) {
    if (d.field === 'birthDate') problems.push({ path: 'body.birthDate', key: 'member_import.id_birth_mismatch', params: { expected: d.expected } });
    else problems.push({ path: 'body.gender', key: 'member_import.id_gender_mismatch', params: { expected: genderLabels[d.expected][lang] } });
  }
  if (!ethnicityByCode(input.ethnicity)) problems.push({ path: 'body.ethnicity', key: 'member_import.bad_ethnicity' });
  if (input.education !== undefined && !Object.hasOwn(educationCodes, input.education)) problems.push({ path: 'body.education', key: 'member_import.bad_education' });
  const phone = input.phone === undefined ? undefined : parsePhone(input.phone);
  if (phone && !phone.ok) problems.push({ path: 'body.phone', key: 'member_import.bad_phone' });
  if (problems.length > 0 || !id.ok) return { ok: false, problems };
  return { ok: true, idNumber: id.value.idNumber, phone: phone?.ok ? phone.value : null };
}
