import { describe, expect, it } from 'vitest';
import { idCheckCharacter } from '../members/rules/id-number.js';
import { checkHousehold, checkTagList, relationOfCell, relations, removedTagsInUse, unmasked, type HouseholdDraft, type MemberDraft } from './rules.js';

const id = (first17: string) => first17 + idCheckCharacter(first17);
const MAN = id('53052219680312131'); // born 1968-03-12, male
const WOMAN = id('53052219700920242'); // born 1970-09-20, female
const tags = new Set(['difficult', 'low_income']);
const today = '2026-03-02';
const head: MemberDraft = { name: '张建国', relation: 'head' };
const draft = (over: Partial<HouseholdDraft> = {}): HouseholdDraft => ({ headName: '张建国', members: [head], ...over });
const problems = (d: HouseholdDraft) => checkHousehold(d, tags, today).problems.map((p) => `${p.field} ${p.key}`);

describe('a household', () => {
  it('is accepted with its head alone, blank texts becoming nothing', () => {
    const { value, problems: found } = checkHousehold(draft({ number: ' 001 ', villagerGroup: '', address: '  ', note: null }), tags, today);
    expect(found).toEqual([]);
    expect(value).toEqual({
      number: '001', villagerGroup: null, headName: '张建国', phone: null, address: null, tags: [], note: null,
      members: [{ name: '张建国', relation: 'head', gender: null, birthDate: null, idNumber: null, phone: null }],
    });
  });

  it('needs a head of the household named', () => {
    expect(problems(draft({ headName: '  ' }))).toEqual(['headName households.head_name_required']);
  });

  it('needs members, exactly one of them the head, named as the household head', () => {
    expect(problems(draft({ members: [] }))).toEqual(['members households.no_members']);
    expect(problems(draft({ members: [{ name: '李秀英', relation: 'spouse' }] }))).toEqual(['members households.no_head']);
    expect(problems(draft({ members: [head, { name: '李秀英', relation: 'spouse' }, { name: '张三', relation: 'head' }, { name: '张四', relation: 'head' }] })))
      .toEqual(['members.2.relation households.two_heads', 'members.3.relation households.two_heads']);
    const found = checkHousehold(draft({ headName: '张建军' }), tags, today).problems;
    expect(found).toEqual([{ field: 'members.0.name', key: 'households.head_name_mismatch', params: { name: '张建国', headName: '张建军' } }]);
  });

  it('takes tags from the county list only, each once', () => {
    const { value, problems: found } = checkHousehold(draft({ tags: ['difficult', 'wealth', 'difficult', 'low_income'] }), tags, today);
    expect(found).toEqual([{ field: 'tags.1', key: 'households.unknown_tag', params: { value: 'wealth' } }]);
    expect(value.tags).toEqual(['difficult', 'wealth', 'low_income']);
  });

  it('reads phones as the member registry does, naming the value refused', () => {
    const { value, problems: found } = checkHousehold(draft({ phone: '+86 138-1234-5678', members: [{ ...head, phone: '08711234567' }, { name: '李', relation: 'spouse', phone: '12345' }] }), tags, today);
    expect(value.phone).toBe('13812345678');
    expect(value.members[0]!.phone).toBe('0871-1234567');
    expect(found).toEqual([{ field: 'members.1.phone', key: 'person.bad_phone', params: { value: '12345' } }]);
    expect(problems(draft({ phone: '555' }))).toEqual(['phone person.bad_phone']);
  });

  it('needs every member named', () => {
    expect(problems(draft({ members: [head, { name: ' ', relation: 'child' }] }))).toEqual(['members.1.name households.member_name_required']);
  });
});

describe('a member\'s ID number', () => {
  const member = (m: Partial<MemberDraft>) => draft({ members: [{ ...head, ...m }] });

  it('fills the birth date and gender not given, and is stored upper-case', () => {
    const lower = id('53052219800101001').toLowerCase();
    const { value } = checkHousehold(member({ idNumber: MAN }), tags, today);
    expect(value.members[0]).toMatchObject({ idNumber: MAN, birthDate: '1968-03-12', gender: '1' });
    expect(checkHousehold(member({ idNumber: WOMAN }), tags, today).value.members[0]).toMatchObject({ birthDate: '1970-09-20', gender: '2' });
    expect(checkHousehold(member({ idNumber: lower }), tags, today).value.members[0]!.idNumber).toBe(lower.toUpperCase());
  });

  it('is refused when malformed, for each reason', () => {
    expect(problems(member({ idNumber: '53052219680312' }))).toEqual(['members.0.idNumber person.id_length']);
    expect(problems(member({ idNumber: '5305221968031213A1' }))).toEqual(['members.0.idNumber person.id_characters']);
    expect(problems(member({ idNumber: MAN.slice(0, 17) + (MAN[17] === '0' ? '1' : '0') }))).toEqual(['members.0.idNumber person.id_check_digit']);
    expect(problems(member({ idNumber: id('53052219680230131') }))).toEqual(['members.0.idNumber person.id_birth_date']);
  });

  it('must agree with a birth date and gender given, the blame on those', () => {
    expect(problems(member({ idNumber: MAN, birthDate: '1968-03-12', gender: '1' }))).toEqual([]);
    expect(problems(member({ idNumber: MAN, birthDate: '1968-03-13' }))).toEqual(['members.0.birthDate person.birth_date_mismatch']);
    expect(problems(member({ idNumber: MAN, gender: '2' }))).toEqual(['members.0.gender person.gender_says_male']);
    expect(problems(member({ idNumber: WOMAN, gender: '1' }))).toEqual(['members.0.gender person.gender_says_female']);
  });

  it('appears once in a household', () => {
    expect(checkHousehold(draft({ members: [{ ...head, idNumber: MAN }, { name: '张', relation: 'child', idNumber: MAN.toLowerCase() }] }), tags, today).problems)
      .toEqual([{ field: 'members.1.idNumber', key: 'households.duplicate_id', params: { other: 1 } }]);
  });

  it('goes with a birth date not after today', () => {
    expect(problems(member({ birthDate: '2026-03-03' }))).toEqual(['members.0.birthDate person.birth_date_future']);
    expect(problems(member({ birthDate: today }))).toEqual([]);
  });
});

describe('relations written in a file', () => {
  it('read the codes and labels of every relation', () => {
    for (const r of relations) expect(relationOfCell(r)).toBe(r);
    for (const [word, r] of [['户主', 'head'], ['配偶', 'spouse'], ['子女', 'child'], ['父母', 'parent'], ['孙子女', 'grandchild'], ['兄弟姐妹', 'sibling'], ['其他', 'other']] as const) expect(relationOfCell(word)).toBe(r);
  });

  it('read the words registers use, spaces ignored', () => {
    for (const [word, r] of [['本人', 'head'], ['妻', 'spouse'], ['丈 夫', 'spouse'], ['长子', 'child'], ['女儿', 'child'], ['母亲', 'parent'], ['孙女', 'grandchild'], ['哥哥', 'sibling'], ['HEAD', 'head']] as const) {
      expect(relationOfCell(word), word).toBe(r);
    }
    for (const word of ['', '邻居', '户主人']) expect(relationOfCell(word)).toBeUndefined();
  });
});

describe('masked values sent back by a form', () => {
  it('stand for the recorded number; anything else is what was typed', () => {
    expect(unmasked('530522********1315', '530522196803121315', 'idNumber')).toBe('530522196803121315');
    expect(unmasked('138****5678', '13812345678', 'phone')).toBe('13812345678');
    expect(unmasked('139****5678', '13812345678', 'phone')).toBe('139****5678');
    expect(unmasked('13900000000', '13812345678', 'phone')).toBe('13900000000');
    expect(unmasked('138****5678', null, 'phone')).toBe('138****5678');
    expect(unmasked(null, '13812345678', 'phone')).toBeNull();
    expect(unmasked(undefined, '13812345678', 'phone')).toBeUndefined();
  });
});

describe('the county tag list', () => {
  it('gives each id and each name once', () => {
    expect(checkTagList([{ id: 'a', name: '甲' }, { id: 'b', name: '乙' }])).toEqual([]);
    expect(checkTagList([{ id: 'a', name: '甲' }, { id: 'a', name: '乙' }, { id: 'c', name: ' 甲 ' }])).toEqual([
      { field: 'tags.1.id', key: 'households.duplicate_tag_id', params: { id: 'a', other: 1 } },
      { field: 'tags.2.name', key: 'households.duplicate_tag_name', params: { name: '甲', other: 1 } },
    ]);
  });

  it('keeps the tags in use: removing one names how many households use it', () => {
    const before = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const usage = new Map([['a', 3], ['c', 0]]);
    expect(removedTagsInUse(before, [{ id: 'b' }], usage)).toEqual([{ id: 'a', count: 3 }]);
    expect(removedTagsInUse(before, before, usage)).toEqual([]);
    expect(removedTagsInUse(before, [{ id: 'a' }], usage)).toEqual([]);
  });
});
