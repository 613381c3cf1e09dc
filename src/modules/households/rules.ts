/**
 * What a household must be to be recorded (pure): exactly one head, named as the household's head;
 * members' citizen ID numbers valid (GB 11643) and agreeing with their birth date and gender,
 * which they fill when not given; phones as the member registry reads them; tags from the
 * county's list. Every problem names its field ('members.1.idNumber') so that a form and an
 * import can each put it where the user wrote the value.
 */
import { parsePhone } from '../../platform/files/cells.js';
import type { MessageKey, Params } from '../../platform/i18n/index.js';
import { idNumberDisagreements, parseIdNumber } from '../members/rules/id-number.js';
import { maskIdNumber, maskPhone } from '../members/privacy.js';

export const relations = ['head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'other'] as const;
export type Relation = (typeof relations)[number];

export const relationLabels: Record<Relation, { zh: string; en: string }> = {
  head: { zh: '户主', en: 'head' },
  spouse: { zh: '配偶', en: 'spouse' },
  child: { zh: '子女', en: 'child' },
  parent: { zh: '父母', en: 'parent' },
  grandchild: { zh: '孙子女', en: 'grandchild' },
  sibling: { zh: '兄弟姐妹', en: 'sibling' },
  other: { zh: '其他', en: 'other' },
};

const relationWords = new Map<string, Relation>([
  ...relations.flatMap((r) => [[r, r], [relationLabels[r].zh, r]] as [string, Relation][]),
  ['本人', 'head'], ['户主本人', 'head'],
  ['妻', 'spouse'], ['妻子', 'spouse'], ['夫', 'spouse'], ['丈夫', 'spouse'], ['配偶', 'spouse'],
  ['子', 'child'], ['女', 'child'], ['儿子', 'child'], ['女儿', 'child'], ['长子', 'child'], ['次子', 'child'], ['长女', 'child'], ['次女', 'child'], ['儿媳', 'child'], ['女婿', 'child'],
  ['父亲', 'parent'], ['母亲', 'parent'], ['父', 'parent'], ['母', 'parent'], ['公公', 'parent'], ['婆婆', 'parent'], ['岳父', 'parent'], ['岳母', 'parent'],
  ['孙子', 'grandchild'], ['孙女', 'grandchild'], ['外孙', 'grandchild'], ['外孙女', 'grandchild'],
  ['兄', 'sibling'], ['弟', 'sibling'], ['姐', 'sibling'], ['妹', 'sibling'], ['哥哥', 'sibling'], ['弟弟', 'sibling'], ['姐姐', 'sibling'], ['妹妹', 'sibling'],
]);

/** The relation a cell names, as household registers write it (户主, 妻, 长子, 孙女…). */
export const relationOfCell = (text: string): Relation | undefined => relationWords.get(text.replace(/\s/g, '').toLowerCase());

export interface MemberDraft {
  name: string;
  relation: Relation;
  gender?: string | null;
  birthDate?: string | null;
  idNumber?: string | null;
  phone?: string | null;
}

export interface HouseholdDraft {
  number?: string | null;
  villagerGroup?: string | null;
  headName: string;
  phone?: string | null;
  address?: string | null;
  tags?: readonly string[];
  note?: string | null;
  members: readonly MemberDraft[];
}

export interface CheckedMember {
  name: string;
  relation: Relation;
  gender: '1' | '2' | null;
  birthDate: string | null;
  idNumber: string | null;
  phone: string | null;
}

export interface CheckedHousehold {
  number: string | null;
  villagerGroup: string | null;
  headName: string;
  phone: string | null;
  address: string | null;
  tags: string[];
  note: string | null;
  members: CheckedMember[];
}

export interface HouseholdProblem {
  /** 'phone', 'tags.2', 'members', 'members.1.idNumber'. */
  field: string;
  key: MessageKey;
  params?: Params;
}

const blank = (value: string | null | undefined) => (value === undefined || value === null || value.trim() === '' ? null : value.trim());

const idKeys = {
  length: 'person.id_length', characters: 'person.id_characters', check_digit: 'person.id_check_digit', birth_date: 'person.id_birth_date',
} as const;

/** Checks a whole household as it would be recorded, as of `today`, against the county's tag ids. */
export function checkHousehold(draft: HouseholdDraft, tagIds: ReadonlySet<string>, today: string): { value: CheckedHousehold; problems: HouseholdProblem[] } {
  const problems: HouseholdProblem[] = [];
  const fail = (field: string, key: MessageKey, params?: Params) => void problems.push({ field, key, ...(params ? { params } : {}) });
  const headName = draft.headName.trim();
  if (headName === '') fail('headName', 'households.head_name_required');
  const phone = readPhone(draft.phone, 'phone', fail);
  const tags = [...new Set(draft.tags ?? [])];
  tags.forEach((tag, i) => {
    if (!tagIds.has(tag)) fail(`tags.${i}`, 'households.unknown_tag', { value: tag });
  });
  const members = draft.members.map((m, i) => checkMember(m, `members.${i}`, today, fail));
  if (members.length === 0) fail('members', 'households.no_members');
  const heads = members.flatMap((m, i) => (m.relation === 'head' ? [i] : []));
  if (members.length > 0 && heads.length === 0) fail('members', 'households.no_head');
  for (const i of heads.slice(1)) fail(`members.${i}.relation`, 'households.two_heads', { first: heads[0]! + 1 });
  const head = heads.length === 1 ? members[heads[0]!]! : undefined;
  if (head && headName !== '' && head.name !== headName) fail(`members.${heads[0]}.name`, 'households.head_name_mismatch', { name: head.name, headName });
  const seen = new Map<string, number>();
  members.forEach((m, i) => {
    if (m.idNumber === null) return;
    const first = seen.get(m.idNumber);
    if (first === undefined) seen.set(m.idNumber, i);
    else fail(`members.${i}.idNumber`, 'households.duplicate_id', { other: first + 1 });
  });
  return {
    value: {
      number: blank(draft.number), villagerGroup: blank(draft.villagerGroup), headName, phone,
      address: blank(draft.address), tags, note: blank(draft.note), members,
    },
    problems,
  };
}

function readPhone(text: string | null | undefined, field: string, fail: (field: string, key: MessageKey, params?: Params) => void): string | null {
  const value = blank(text);
  if (value === null) return null;
  const parsed = parsePhone(value);
  if (parsed.ok) return parsed.value;
  fail(field, 'person.bad_phone', { value });
  return null;
}

function checkMember(m: MemberDraft, at: string, today: string, fail: (field: string, key: MessageKey, params?: Params) => void): CheckedMember {
  const name = m.name.trim();
  if (name === '') fail(`${at}.name`, 'households.member_name_required');
  let gender: '1' | '2' | null = m.gender === '1' || m.gender === '2' ? m.gender : null;
  let birthDate = blank(m.birthDate);
  if (birthDate !== null && birthDate > today) fail(`${at}.birthDate`, 'person.birth_date_future', { date: birthDate, today });
  let idNumber: string | null = null;
  const idText = blank(m.idNumber);
  if (idText !== null) {
    const parsed = parseIdNumber(idText);
    if (!parsed.ok) fail(`${at}.idNumber`, idKeys[parsed.reason]);
    else {
      idNumber = parsed.value.idNumber;
      for (const d of idNumberDisagreements(parsed.value, { birthDate, gender })) {
        if (d.field === 'birthDate') fail(`${at}.birthDate`, 'person.birth_date_mismatch', { expected: d.expected });
        else fail(`${at}.gender`, d.expected === '1' ? 'person.gender_says_male' : 'person.gender_says_female');
      }
      birthDate ??= parsed.value.birthDate;
      gender ??= parsed.value.gender;
    }
  }
  return { name, relation: m.relation, gender, birthDate, idNumber, phone: readPhone(m.phone, `${at}.phone`, fail) };
}

/**
 * A form shows recorded numbers masked and sends them back as shown: such a value stands for the
 * recorded number, unchanged; anything else is what was typed.
 */
export function unmasked(submitted: string | null | undefined, recorded: string | null, kind: 'idNumber' | 'phone'): string | null | undefined {
  if (submitted === undefined || submitted === null || recorded === null) return submitted;
  const mask = kind === 'idNumber' ? maskIdNumber(recorded) : maskPhone(recorded);
  return submitted.trim() === mask && mask !== recorded ? recorded : submitted;
}

/** Tag ids of the new list that drop ones in use: {id: households using it}. */
export function removedTagsInUse(before: readonly { id: string }[], after: readonly { id: string }[], usage: ReadonlyMap<string, number>): { id: string; count: number }[] {
  const kept = new Set(after.map((t) => t.id));
  return before.filter((t) => !kept.has(t.id) && (usage.get(t.id) ?? 0) > 0).map((t) => ({ id: t.id, count: usage.get(t.id)! }));
}

/** A tag list's ids and names each given once. */
export function checkTagList(tags: readonly { id: string; name: string }[]): HouseholdProblem[] {
  const problems: HouseholdProblem[] = [];
  const ids = new Map<string, number>();
  const names = new Map<string, number>();
  tags.forEach((tag, i) => {
    const sameId = ids.get(tag.id);
    if (sameId !== undefined) problems.push({ field: `tags.${i}.id`, key: 'households.duplicate_tag_id', params: { id: tag.id, other: sameId + 1 } });
    else ids.set(tag.id, i);
    const name = tag.name.trim();
    const sameName = names.get(name);
    if (sameName !== undefined) problems.push({ field: `tags.${i}.name`, key: 'households.duplicate_tag_name', params: { name, other: sameName + 1 } });
    else names.set(name, i);
  });
  return problems;
}
