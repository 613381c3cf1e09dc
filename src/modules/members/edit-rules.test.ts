import { describe, expect, it } from 'vitest';
import type { MemberEditInput } from './edit-contracts.js';
import { planEdit, type FlagValues, type PersonValues } from './edit-rules.js';

const TODAY = '2026-03-02';
/** Valid GB 11643 numbers: born 1960-05-01 male; 1985-11-11 female; 1985-11-11 male (check character X). */
const ZHANG_ID = '530522196005011232';
const WOMAN_1985 = '530522198511110021';
const MAN_1985 = '53052219851111003X';

const zhang: PersonValues = {
  name: '张三', gender: '1', ethnicity: '01', birthDate: '1960-05-01', idNumber: ZHANG_ID, phone: '13812345678',
  education: '21', occupation: 'farmer', address: '马家村一组',
};
const bare: PersonValues = {
  name: '王五', gender: null, ethnicity: '01', birthDate: null, idNumber: null, phone: null, education: null, occupation: null, address: null,
};
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

  it('clears free text with null or a blank string', () => {
    expect(plan({ address: null }).person).toEqual({ address: null });
    expect(plan({ address: '  ' }).person).toEqual({ address: null });
    expect(plan({ phone: '' }).person).toEqual({ phone: null });
    expect(plan({ education: null, occupation: ' ' }).person).toEqual({ education: null, occupation: null });
    expect(plan({ reportingCommunity: '' }, zhang, { ...stayingHome, reportingCommunity: '和顺社区' }).flags).toEqual({ reportingCommunity: null });
  });
});

describe('planEdit: each field', () => {
  it('takes an ethnicity only from the GB 3304 table, 97 and 98 included', () => {
    expect(plan({ ethnicity: '07' }).person).toEqual({ ethnicity: '07' });
    expect(plan({ ethnicity: '97' }).person).toEqual({ ethnicity: '97' });
    expect(plan({ ethnicity: '98' }).person).toEqual({ ethnicity: '98' });
    for (const bad of ['00', '57', '81', '7', '彝族', '']) {
      expect(plan({ ethnicity: bad }).problems, bad).toEqual([{ field: 'ethnicity', key: 'member_edit.bad_ethnicity', params: { value: bad } }]);
    }
  });

  it('refuses a birth date after today and takes today itself', () => {
    expect(plan({ birthDate: '2026-03-03' }, bare).problems).toEqual([{ field: 'birthDate', key: 'member_edit.birth_date_future', params: { date: '2026-03-03', today: TODAY } }]);
    expect(plan({ birthDate: TODAY }, bare).person).toEqual({ birthDate: TODAY });
    expect(plan({ birthDate: null }, { ...bare, birthDate: '1990-01-01' }).person).toEqual({ birthDate: null });
  });

  it('reads a citizen ID number as the import does, with the reason it is refused', () => {
    expect(plan({ idNumber: MAN_1985.toLowerCase() }, bare).person.idNumber).toBe(MAN_1985);
    expect(problems({ idNumber: '53052219600501123' })).toEqual([['idNumber', 'member_edit.id_length']]);
    expect(problems({ idNumber: '5305221960050112X2' })).toEqual([['idNumber', 'member_edit.id_characters']]);
    expect(problems({ idNumber: '530522196005011233' })).toEqual([['idNumber', 'member_edit.id_check_digit']]);
    expect(problems({ idNumber: '530522196002301232' })).toEqual([['idNumber', 'member_edit.id_birth_date']]);
    expect(problems({ idNumber: '530522********1232' })).toEqual([['idNumber', 'member_edit.id_masked']]);
    expect(plan({ idNumber: null }).person).toEqual({ idNumber: null });
    expect(plan({ idNumber: ZHANG_ID }).person).toEqual({});
  });

  it('normalizes mobile and landline numbers and refuses others, a masked one by name', () => {
    expect(plan({ phone: '+86 139-8765-4321' }).person).toEqual({ phone: '13987654321' });
    expect(plan({ phone: '(0871)6123456' }).person).toEqual({ phone: '0871-6123456' });
    expect(plan({ phone: '010-12345678' }).person).toEqual({ phone: '010-12345678' });
    expect(plan({ phone: '13812345678' }).person).toEqual({});
    expect(plan({ phone: '1381234567' }).problems).toEqual([{ field: 'phone', key: 'member_edit.bad_phone', params: { value: '1381234567' } }]);
    expect(problems({ phone: '12812345678' })).toEqual([['phone', 'member_edit.bad_phone']]);
    expect(problems({ phone: '138****5678' })).toEqual([['phone', 'member_edit.phone_masked']]);
  });

  it('takes education as a GB/T 4658 code or the name registers use', () => {
    expect(plan({ education: '14' }).person).toEqual({ education: '14' });
    expect(plan({ education: '大专' }).person).toEqual({ education: '31' });
    expect(plan({ education: '中专' }).person).toEqual({ education: '41' });
    expect(plan({ education: '大学本科毕业' }).person).toEqual({});
    expect(plan({ education: '初中' }).person).toEqual({ education: '71' });
    for (const bad of ['24', '5', 'college', '幼儿园']) {
      expect(plan({ education: bad }).problems, bad).toEqual([{ field: 'education', key: 'member_edit.bad_education', params: { value: bad } }]);
    }
  });

  it('takes an occupation category by code name, label or common word', () => {
    expect(plan({ occupation: 'retired' }).person).toEqual({ occupation: 'retired' });
    expect(plan({ occupation: '农牧渔民' }).person).toEqual({});
    expect(plan({ occupation: '教师' }).person).toEqual({ occupation: 'professional' });
    expect(plan({ occupation: '退休' }).person).toEqual({ occupation: 'retired' });
    expect(plan({ occupation: '宇航员' }).problems).toEqual([{ field: 'occupation', key: 'member_edit.bad_occupation', params: { value: '宇航员' } }]);
  });

  it('reports every bad field at once', () => {
    expect(problems({ ethnicity: '81', phone: '123', education: 'x', occupation: 'y', idNumber: '1' })).toEqual([
      ['ethnicity', 'member_edit.bad_ethnicity'], ['idNumber', 'member_edit.id_length'], ['phone', 'member_edit.bad_phone'],
      ['education', 'member_edit.bad_education'], ['occupation', 'member_edit.bad_occupation'],
    ]);
  });
});

describe('planEdit: the ID number against birth date and gender', () => {
  it('fills a missing birth date and gender from a new ID number', () => {
    expect(plan({ idNumber: WOMAN_1985 }, bare)).toEqual({ person: { idNumber: WOMAN_1985, birthDate: '1985-11-11', gender: '2' }, flags: {}, problems: [] });
  });

  it('keeps the birth date the ID number carries when asked to clear it', () => {
    expect(plan({ birthDate: null })).toEqual({ person: {}, flags: {}, problems: [] });
  });

  it('blames a new ID number that contradicts the recorded birth date or gender', () => {
    expect(plan({ idNumber: MAN_1985 }).problems).toEqual([
      { field: 'idNumber', key: 'member_edit.id_birth_mismatch', params: { expected: '1985-11-11', recorded: '1960-05-01' } },
    ]);
    expect(plan({ idNumber: WOMAN_1985 }, { ...bare, gender: '1' }).problems).toEqual([{ field: 'idNumber', key: 'member_edit.id_gender_mismatch' }]);
  });

  it('blames a new birth date or gender that contradicts the ID number', () => {
    expect(plan({ birthDate: '1960-05-02' }).problems).toEqual([{ field: 'birthDate', key: 'member_edit.birth_date_mismatch', params: { expected: '1960-05-01' } }]);
    expect(plan({ gender: '2' }).problems).toEqual([{ field: 'gender', key: 'member_edit.gender_mismatch' }]);
    expect(plan({ idNumber: MAN_1985, birthDate: '1985-11-12', gender: '2' }).problems).toEqual([
      { field: 'birthDate', key: 'member_edit.birth_date_mismatch', params: { expected: '1985-11-11' } },
      { field: 'gender', key: 'member_edit.gender_mismatch' },
    ]);
  });

  it('takes a corrected ID number with the birth date and gender corrected alongside', () => {
    expect(plan({ idNumber: WOMAN_1985, birthDate: '1985-11-11', gender: '2' }).person).toEqual({ idNumber: WOMAN_1985, birthDate: '1985-11-11', gender: '2' });
  });

  it('does not hold an old disagreement against an unrelated correction', () => {
    const contradicted = { ...zhang, birthDate: '1960-05-02' };
    expect(plan({ phone: '13900001111' }, contradicted)).toEqual({ person: { phone: '13900001111' }, flags: {}, problems: [] });
  });

  it('does not compare with an ID number or birth date it could not read', () => {
    expect(problems({ idNumber: '530522196005011233', birthDate: '1970-01-01' })).toEqual([['idNumber', 'member_edit.id_check_digit']]);
    expect(problems({ birthDate: '2030-01-01' })).toEqual([['birthDate', 'member_edit.birth_date_future']]);
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
