import { describe, expect, it } from 'vitest';
import type { MemberEditInput } from './edit-contracts.js';
import { planEdit, type FlagValues } from './edit-rules.js';
import { newPerson, type PersonValues } from './rules/person.js';

const TODAY = '2026-03-02';
/** Valid GB 11643 numbers: born 1960-05-01 male; 1985-11-11 female. */
const ZHANG_ID = '530522196005011232';
const WOMAN_1985 = '530522198511110021';

const zhang: PersonValues = {
  name: '张三', gender: '1', ethnicity: '01', birthDate: '1960-05-01', idNumber: ZHANG_ID, phone: '13812345678',
  education: '21', occupation: 'farmer', address: '马家村一组',
};
const bare: PersonValues = { ...newPerson, name: '王五' };
const stayingHome: FlagValues = {
  mobile: false, mobileDestination: null, mobileSince: null, reportingCommunity: null, outOfContact: false, retired: false, needsCare: false,
};
const away: FlagValues = { ...stayingHome, mobile: true, mobileDestination: '昆明市', mobileSince: '2024-03-01' };

const plan = (input: MemberEditInput, person: PersonValues = zhang, flags: FlagValues | null = stayingHome) => planEdit(person, flags, input, TODAY);
const problems = (input: MemberEditInput, person?: PersonValues, flags?: FlagValues | null) =>
  plan(input, person, flags).problems.map((p) => [p.field, p.key]);

describe('planEdit: what changes', () => {
  it('changes nothing for an empty update or values equal to the record', () => {
    expect(plan({})).toEqual({ person: {}, flags: {}, problems: [] });
    expect(plan({ name: '张三', gender: '1', ethnicity: '01', education: '21', occupation: 'farmer', mobile: false, retired: false })).toEqual({ person: {}, flags: {}, problems: [] });
  });

  it('answers only the fields that differ, person and flags apart', () => {
    expect(plan({ name: '张叁', address: '马家村二组', retired: true, needsCare: false })).toEqual({
      person: { name: '张叁', address: '马家村二组' }, flags: { retired: true }, problems: [],
    });
  });

  it('clears free text with null or a blank string, the person\'s and the membership\'s', () => {
    expect(plan({ address: '  ' }).person).toEqual({ address: null });
    expect(plan({ reportingCommunity: '' }, zhang, { ...stayingHome, reportingCommunity: '和顺社区' }).flags).toEqual({ reportingCommunity: null });
  });
});

describe('planEdit: the person\'s facts', () => {
  it('checks them as every write of a person does (rules/person.ts), beside the flags', () => {
    expect(plan({ phone: '+86 139-8765-4321', education: '大专', ethnicity: '07' }).person).toEqual({ phone: '13987654321', education: '31', ethnicity: '07' });
    expect(problems({ ethnicity: '81', idNumber: '530522********1232', mobile: true })).toEqual([
      ['ethnicity', 'person.bad_ethnicity'], ['idNumber', 'person.id_masked'],
      ['mobileDestination', 'member_edit.mobile_destination_required'], ['mobileSince', 'member_edit.mobile_since_required'],
    ]);
  });

  it('fills a missing birth date and gender from a new ID number, and holds recorded ones against it', () => {
    expect(plan({ idNumber: WOMAN_1985 }, bare)).toEqual({ person: { idNumber: WOMAN_1985, birthDate: '1985-11-11', gender: '2' }, flags: {}, problems: [] });
    expect(problems({ idNumber: WOMAN_1985 })).toEqual([['idNumber', 'person.id_birth_mismatch'], ['idNumber', 'person.id_gender_mismatch']]);
  });
});

describe('planEdit: the flags of the open membership', () => {
  it('refuses every flag of a person without an open membership, and still takes their own fields', () => {
    expect(problems({ mobile: true, retired: true, phone: '13900001111' }, zhang, null)).toEqual([
      ['mobile', 'member_edit.no_open_membership'], ['retired', 'member_edit.no_open_membership'],
    ]);
    expect(plan({ phone: '13900001111' }, zhang, null)).toEqual({ person: { phone: '13900001111' }, flags: {}, problems: [] });
  });

  it('sets the plain flags', () => {
    expect(plan({ outOfContact: true, retired: true, needsCare: true, reportingCommunity: ' 和顺社区 '.trim() }).flags).toEqual({
      outOfContact: true, retired: true, needsCare: true, reportingCommunity: '和顺社区',
    });
  });

  it('needs where and since when for a mobile member', () => {
    expect(problems({ mobile: true })).toEqual([['mobileDestination', 'member_edit.mobile_destination_required'], ['mobileSince', 'member_edit.mobile_since_required']]);
    expect(problems({ mobile: true, mobileDestination: '广州市' })).toEqual([['mobileSince', 'member_edit.mobile_since_required']]);
    expect(plan({ mobile: true, mobileDestination: '广州市', mobileSince: '2025-09-01' }).flags).toEqual({ mobile: true, mobileDestination: '广州市', mobileSince: '2025-09-01' });
    expect(plan({ mobile: true, mobileDestination: '广州市', mobileSince: '2026-03-03' }).problems).toEqual([
      { field: 'mobileSince', key: 'member_edit.mobile_since_future', params: { date: '2026-03-03', today: TODAY } },
    ]);
    expect(plan({ mobile: true, mobileDestination: '广州市', mobileSince: TODAY }).problems).toEqual([]);
  });

  it('changes the details of a mobile member alone, but never leaves them empty', () => {
    expect(plan({ mobileDestination: '上海市' }, zhang, away).flags).toEqual({ mobileDestination: '上海市' });
    expect(problems({ mobileDestination: '' }, zhang, away)).toEqual([['mobileDestination', 'member_edit.mobile_destination_required']]);
    expect(problems({ mobileSince: null }, zhang, away)).toEqual([['mobileSince', 'member_edit.mobile_since_required']]);
  });

  it('clears the details with the flag, and refuses details without it', () => {
    expect(plan({ mobile: false }, zhang, away).flags).toEqual({ mobile: false, mobileDestination: null, mobileSince: null });
    expect(plan({ mobile: false, mobileDestination: '', mobileSince: null }, zhang, away).flags).toEqual({ mobile: false, mobileDestination: null, mobileSince: null });
    expect(problems({ mobileDestination: '广州市' })).toEqual([['mobileDestination', 'member_edit.mobile_detail_without_flag']]);
    expect(problems({ mobile: false, mobileDestination: '广州市', mobileSince: '2025-01-01' }, zhang, away)).toEqual([
      ['mobileDestination', 'member_edit.mobile_detail_without_flag'], ['mobileSince', 'member_edit.mobile_detail_without_flag'],
    ]);
  });

  it('leaves an old incomplete mobile record alone when other flags change', () => {
    const imported = { ...stayingHome, mobile: true };
    expect(plan({ needsCare: true }, zhang, imported)).toEqual({ person: {}, flags: { needsCare: true }, problems: [] });
    expect(problems({ mobile: true }, zhang, imported)).toEqual([['mobileDestination', 'member_edit.mobile_destination_required'], ['mobileSince', 'member_edit.mobile_since_required']]);
  });
});
