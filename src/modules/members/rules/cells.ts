/**
 * Reading the cells of a member import that only the registry knows: gender and the stage of the
 * path to membership (dates, yes/no and phones are read by the platform's cells).
 */
import { accept, refuse, type Parsed } from '../../../platform/parsed.js';
import { cellText, type Cell } from '../../../platform/files/cells.js';
import type { GenderCode } from './id-number.js';
import { memberCategories, memberCategoryLabels, type MemberCategory } from './pipeline.js';

const genders = new Map<string, GenderCode>([
  ['男', '1'], ['男性', '1'], ['1', '1'], ['m', '1'], ['male', '1'],
  ['女', '2'], ['女性', '2'], ['2', '2'], ['f', '2'], ['female', '2'],
]);

export function parseGender(cell: Cell): Parsed<GenderCode, 'unknown'> {
  const gender = genders.get(cellText(cell).toLowerCase());
  return gender ? accept(gender) : refuse('unknown');
}

/** GB/T 4762 political-status names and short forms that registers use beside the labels. */
const categoryWords = new Map<string, MemberCategory>([
  ...memberCategories.flatMap((c) => [[c, c], [memberCategoryLabels[c].zh, c]] as [string, MemberCategory][]),
  ['申请人', 'applicant'], ['申请入党人', 'applicant'], ['积极分子', 'activist'], ['发展对象人选', 'development_target'],
  ['中共预备党员', 'probationary'], ['中共党员', 'full'],
]);

export function parseMemberCategory(cell: Cell): Parsed<MemberCategory, 'unknown'> {
  const category = categoryWords.get(cellText(cell)) ?? categoryWords.get(cellText(cell).toLowerCase());
  return category ? accept(category) : refuse('unknown');
}
