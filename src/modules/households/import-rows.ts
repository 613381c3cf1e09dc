/**
 * Reading a household file (one row per member, grouped by 户号) into household drafts, with the
 * problems of each cell, and placing what the household rules report back on its row and column.
 */
import { parseDate } from '../../platform/files/cells.js';
import type { TableRow } from '../../platform/files/table-file.js';
import type { MessageKey, Params } from '../../platform/i18n/index.js';
import { parseGender } from '../members/rules/cells.js';
import { relationOfCell, type HouseholdDraft, type HouseholdProblem, type MemberDraft } from './rules.js';

export const householdColumns = {
  number: '户号', villagerGroup: '村民小组', name: '姓名', relation: '与户主关系', gender: '性别', birthDate: '出生日期',
  idNumber: '身份证号', phone: '联系电话', address: '家庭住址', tags: '标签',
} as const;
type Column = keyof typeof householdColumns;
export const householdImportHeaders = {
  required: [householdColumns.number, householdColumns.name, householdColumns.relation],
  optional: [householdColumns.villagerGroup, householdColumns.gender, householdColumns.birthDate, householdColumns.idNumber, householdColumns.phone, householdColumns.address, householdColumns.tags],
};

export interface CellProblem { rowNumber: number; column: string; value: string; key: MessageKey; params?: Params }

export interface FileHousehold {
  number: string;
  rows: TableRow[];
  draft: HouseholdDraft;
  /** A relation cell was unreadable: whether the household has its head is then unknown. */
  unknownRelation: boolean;
}

const limits: Partial<Record<Column, number>> = { number: 30, villagerGroup: 30, name: 50, address: 200 };

/** Rows grouped by household number in file order, each cell read on its own. */
export function readHouseholds(rows: readonly TableRow[], tagIdOf: (name: string) => string | undefined, tagOptions: string): { households: FileHousehold[]; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const groups = new Map<string, TableRow[]>();
  for (const row of rows) {
    const cell = (c: Column) => row.values[householdColumns[c]] ?? '';
    const fail = (c: Column, key: MessageKey, params?: Params) => problems.push({ rowNumber: row.rowNumber, column: householdColumns[c], value: cell(c), key, ...(params ? { params } : {}) });
    for (const [c, max] of Object.entries(limits) as [Column, number][]) if (cell(c).length > max) fail(c, 'household_import.too_long', { max });
    if (cell('number') === '') {
      fail('number', 'household_import.required');
      continue;
    }
    groups.set(cell('number'), [...(groups.get(cell('number')) ?? []), row]);
  }
  const households = [...groups].map(([number, group]) => readHousehold(number, group, tagIdOf, tagOptions, problems));
  return { households, problems };
}

function readHousehold(number: string, rows: TableRow[], tagIdOf: (name: string) => string | undefined, tagOptions: string, problems: CellProblem[]): FileHousehold {
  const fail = (row: TableRow, c: Column, key: MessageKey, params?: Params) => problems.push({ rowNumber: row.rowNumber, column: householdColumns[c], value: row.values[householdColumns[c]] ?? '', key, ...(params ? { params } : {}) });
  let unknownRelation = false;
  const members: MemberDraft[] = rows.map((row) => {
    const cell = (c: Column) => row.values[householdColumns[c]] ?? '';
    if (cell('name') === '') fail(row, 'name', 'household_import.required');
    const relation = relationOfCell(cell('relation'));
    if (!relation) {
      unknownRelation = true;
      fail(row, 'relation', cell('relation') === '' ? 'household_import.required' : 'household_import.bad_relation', { value: cell('relation') });
    }
    const gender = cell('gender') === '' ? undefined : parseGender(cell('gender'));
    if (gender && !gender.ok) fail(row, 'gender', 'household_import.bad_gender');
    const birth = cell('birthDate') === '' ? undefined : parseDate(cell('birthDate'));
    if (birth && !birth.ok) fail(row, 'birthDate', 'household_import.bad_date');
    return {
      name: cell('name'), relation: relation ?? 'other', gender: gender?.ok ? gender.value : null, birthDate: birth?.ok ? birth.value : null,
      idNumber: cell('idNumber'), phone: cell('phone'),
    };
  });
  const head = rows[members.findIndex((m) => m.relation === 'head')] ?? rows[0]!;
  return {
    number, rows, unknownRelation,
    draft: {
      number,
      villagerGroup: shared(rows, 'villagerGroup', problems),
      address: shared(rows, 'address', problems),
      tags: tagsOf(rows, shared(rows, 'tags', problems), tagIdOf, tagOptions, problems),
      headName: head.values[householdColumns.name] ?? '',
      phone: head.values[householdColumns.phone] ?? '',
      members,
    },
  };
}

/** A household's value written on its rows: the first one given; another row saying otherwise is a mistake. */
function shared(rows: TableRow[], c: Column, problems: CellProblem[]): string | null {
  const column = householdColumns[c];
  const first = rows.find((r) => (r.values[column] ?? '') !== '');
  if (!first) return null;
  for (const row of rows) {
    const value = row.values[column] ?? '';
    if (value !== '' && value !== first.values[column]) {
      problems.push({ rowNumber: row.rowNumber, column, value, key: 'household_import.conflicting', params: { row: first.rowNumber, other: first.values[column]! } });
    }
  }
  return first.values[column]!;
}

function tagsOf(rows: TableRow[], text: string | null, tagIdOf: (name: string) => string | undefined, options: string, problems: CellProblem[]): string[] {
  if (text === null) return [];
  const row = rows.find((r) => r.values[householdColumns.tags] === text)!;
  const ids: string[] = [];
  for (const name of text.split(/[、,，;；/\s]+/).filter(Boolean)) {
    const id = tagIdOf(name);
    if (id) ids.push(id);
    else problems.push({ rowNumber: row.rowNumber, column: householdColumns.tags, value: text, key: 'household_import.unknown_tag', params: { value: name, options } });
  }
  return ids;
}

const memberFieldColumns: Record<string, Column> = { name: 'name', relation: 'relation', gender: 'gender', birthDate: 'birthDate', idNumber: 'idNumber', phone: 'phone' };

/** Where in the file a problem the household rules (or the register) report belongs. */
export function placeProblem(household: FileHousehold, p: HouseholdProblem): CellProblem | undefined {
  const member = /^members\.(\d+)\.(\w+)$/.exec(p.field);
  const head = household.rows[household.draft.members.findIndex((m) => m.relation === 'head')] ?? household.rows[0]!;
  const at = (row: TableRow, c: Column): CellProblem => ({ rowNumber: row.rowNumber, column: householdColumns[c], value: row.values[householdColumns[c]] ?? '', key: p.key, ...(p.params ? { params: p.params } : {}) });
  if (member) return at(household.rows[Number(member[1])]!, memberFieldColumns[member[2]!]!);
  if (p.field === 'members') return household.unknownRelation ? undefined : at(household.rows[0]!, 'relation');
  // The household's phone is its head's, already reported on the head's row as a member's.
  if (p.field === 'phone') return undefined;
  if (p.field === 'headName') return at(head, 'name');
  if (p.field === 'number') return at(household.rows[0]!, 'number');
  return at(household.rows[0]!, 'tags');
}
