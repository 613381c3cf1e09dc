/** Reading one row of a member import into typed values, with every problem of its cells. */
import type { TableRow } from '../../platform/files/table-file.js';
import { t, type Lang, type MessageKey, type Params } from '../../platform/i18n/index.js';
import { parseDate, parsePhone, parseYesNo } from '../../platform/files/cells.js';
import { parseGender, parseMemberCategory } from './rules/cells.js';
import { educationCodeOf } from './rules/education.js';
import { ethnicityCodeOf, ethnicityByCode } from './rules/ethnicity.js';
import { idNumberDisagreements, parseIdNumber, type GenderCode } from './rules/id-number.js';
import { occupationLabels, occupationOf, occupations, type Occupation } from './rules/occupation.js';
import { memberCategories, memberCategoryLabels, type MemberCategory } from './rules/pipeline.js';

/** The columns of the member import, by the field each fills, in the template's order. */
export const memberColumns = {
  name: '姓名', gender: '性别', ethnicity: '民族', birthDate: '出生日期', idNumber: '公民身份号码', education: '学历',
  category: '人员类别', orgCode: '所在党组织编码', appliedOn: '申请入党日期', joinedOn: '入党日期', fullOn: '转正日期',
  mobile: '流动党员', occupation: '职业', phone: '手机号码',
} as const;
type Field = keyof typeof memberColumns;

const requiredFields: Field[] = ['name', 'gender', 'category', 'orgCode'];
export const memberImportHeaders = {
  required: requiredFields.map((f) => memberColumns[f]),
  optional: (Object.keys(memberColumns) as Field[]).filter((f) => !requiredFields.includes(f)).map((f) => memberColumns[f]),
};

export const MAX_NAME_LENGTH = 50;

export interface RowProblem {
  column: string;
  value: string;
  severity: 'error' | 'warning';
  describe(lang: Lang): string;
}

export interface MemberRow {
  rowNumber: number;
  name: string;
  orgCode: string;
  gender?: GenderCode;
  ethnicity?: string;
  birthDate?: string;
  idNumber?: string;
  education?: string;
  category?: MemberCategory;
  appliedOn?: string;
  joinedOn?: string;
  fullOn?: string;
  mobile?: boolean;
  occupation?: Occupation;
  phone?: string;
  problems: RowProblem[];
}

export const genderLabels: Record<GenderCode, { zh: string; en: string }> = { 1: { zh: '男', en: 'male' }, 2: { zh: '女', en: 'female' } };

/** A problem whose message comes from the catalogue; params may depend on the language. */
export function problem(column: string, value: string, key: MessageKey, params: Params | ((lang: Lang) => Params) = {}, severity: 'error' | 'warning' = 'error'): RowProblem {
  return { column, value, severity, describe: (lang) => t(lang, key, typeof params === 'function' ? params(lang) : params) };
}

const categoryOptions = (lang: Lang) => ({ options: memberCategories.map((c) => memberCategoryLabels[c][lang]).join(lang === 'zh' ? '、' : ', ') });
const occupationOptions = (lang: Lang) => ({ options: occupations.map((o) => occupationLabels[o][lang]).join(lang === 'zh' ? '、' : ', ') });

/** Checks every cell of a row on its own; what needs the database or other rows comes later. */
export function readMemberRow(row: TableRow): MemberRow {
  const cell = (field: Field) => row.values[memberColumns[field]] ?? '';
  const problems: RowProblem[] = [];
  const fail = (field: Field, key: MessageKey, params?: Params | ((lang: Lang) => Params)) => problems.push(problem(memberColumns[field], cell(field), key, params));
  const read = <T>(field: Field, parse: (text: string) => T | undefined, key: MessageKey, params?: (lang: Lang) => Params): T | undefined => {
    if (cell(field) === '') return undefined;
    const value = parse(cell(field));
    if (value === undefined) fail(field, key, params);
    return value;
  };
  const dateKeys = { format: 'member_import.bad_date_format', impossible: 'member_import.impossible_date' } as const;
  const date = (field: Field) => {
    const parsed = cell(field) === '' ? undefined : parseDate(cell(field));
    if (parsed && !parsed.ok) fail(field, dateKeys[parsed.reason]);
    return parsed?.ok ? parsed.value : undefined;
  };

  const name = cell('name');
  if (name === '') fail('name', 'member_import.required');
  else if (name.length > MAX_NAME_LENGTH) fail('name', 'member_import.name_too_long', { max: MAX_NAME_LENGTH });
  const orgCode = cell('orgCode');
  if (orgCode === '') fail('orgCode', 'member_import.required');
  if (cell('category') === '') fail('category', 'member_import.required');

  const gender = read('gender', (text) => okValue(parseGender(text)), 'member_import.bad_gender');
  const birthDate = date('birthDate');
  const idNumber = readIdNumber(cell, birthDate, gender, problems);
  // The column is required, but a valid ID number answers for an empty cell.
  if (cell('gender') === '' && !idNumber) fail('gender', 'member_import.required');
  return {
    rowNumber: row.rowNumber,
    name,
    orgCode,
    gender: gender ?? idNumber?.gender,
    ethnicity: read('ethnicity', ethnicityOfCell, 'member_import.bad_ethnicity'),
    birthDate: birthDate ?? idNumber?.birthDate,
    idNumber: idNumber?.idNumber,
    education: read('education', educationCodeOf, 'member_import.bad_education'),
    category: read('category', (text) => okValue(parseMemberCategory(text)), 'member_import.bad_category', categoryOptions),
    appliedOn: date('appliedOn'),
    joinedOn: date('joinedOn'),
    fullOn: date('fullOn'),
    mobile: read('mobile', (text) => okValue(parseYesNo(text)), 'member_import.bad_yes_no'),
    occupation: read('occupation', occupationOf, 'member_import.bad_occupation', occupationOptions),
    phone: read('phone', (text) => okValue(parsePhone(text)), 'member_import.bad_phone'),
    problems,
  };
}

function okValue<T>(parsed: { ok: true; value: T } | { ok: false }): T | undefined {
  return parsed.ok ? parsed.value : undefined;
}

/** A name (彝族, 彝) or a code, also as a spreadsheet shortens it (7 for 07). */
function ethnicityOfCell(text: string): string | undefined {
  const code = /^\d{1,2}$/.test(text) ? text.padStart(2, '0') : undefined;
  return code && ethnicityByCode(code) ? code : ethnicityCodeOf(text);
}

const idKeys = {
  length: 'member_import.id_length', characters: 'member_import.id_characters', check_digit: 'member_import.id_check_digit', birth_date: 'member_import.id_birth_date',
} as const;

/** A valid ID number and what it carries; a contradicted birth date or gender is reported on the ID. */
function readIdNumber(cell: (field: Field) => string, birthDate: string | undefined, gender: GenderCode | undefined, problems: RowProblem[]) {
  const text = cell('idNumber');
  if (text === '') return undefined;
  const column = memberColumns.idNumber;
  const parsed = parseIdNumber(text);
  if (!parsed.ok) {
    problems.push(problem(column, text, idKeys[parsed.reason]));
    return undefined;
  }
  for (const d of idNumberDisagreements(parsed.value, { birthDate, gender })) {
    if (d.field === 'birthDate') problems.push(problem(memberColumns.birthDate, birthDate!, 'member_import.id_birth_mismatch', { expected: d.expected }));
    else problems.push(problem(memberColumns.gender, cell('gender'), 'member_import.id_gender_mismatch', (lang) => ({ expected: genderLabels[d.expected][lang] })));
  }
  return parsed.value;
}
