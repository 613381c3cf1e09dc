import { describe, expect, it } from 'vitest';
import { t } from '../../../platform/i18n/index.js';
import { ethnicities } from './ethnicity.js';
import { educationCodes } from './education.js';
import { idCheckCharacter } from './id-number.js';
import { occupations } from './occupation.js';
import { changed, checkPerson, newPerson, personValuesOf, problemList, refusal, type PersonInput, type PersonValues } from './person.js';

const TODAY = '2026-03-02';
/** Valid GB 11643 numbers: born 1960-05-01 male; 1985-11-11 female; 1985-11-11 male (check character X). */
const ZHANG_ID = '530522196005011232';
const WOMAN_1985 = '530522198511110021';
const MAN_1985 = '53052219851111003X';

const zhang: PersonValues = {
  name: '张三', gender: '1', ethnicity: '01', birthDate: '1960-05-01', idNumber: ZHANG_ID, phone: '13812345678',
  education: '21', occupation: 'farmer', address: '马家村一组',
};
const bare: PersonValues = { ...newPerson, name: '王五' };

const check = (input: PersonInput, record?: PersonValues) => checkPerson(input, TODAY, record);
const problems = (input: PersonInput, record?: PersonValues) => check(input, record).problems.map((p) => [p.field, p.key]);

describe('checkPerson: a new person', () => {
  const applicant = {
    name: '李小红', gender: '2', ethnicity: '01', birthDate: '1985-11-11', idNumber: WOMAN_1985, education: '21', occupation: 'farmer',
    phone: '138 1234 5678', address: '马家村三组',
  };

  it('answers the record as stored: the phone normalized, nothing else touched', () => {
    const { values, changes, problems: found } = check(applicant);
    expect([values, found]).toEqual([{ ...applicant, phone: '13812345678' }, []]);
    expect(Object.keys(changes).sort()).toEqual(Object.keys(applicant).filter((f) => f !== 'ethnicity').sort());
  });

  it('starts from the people table\'s defaults: Han, nothing else recorded', () => {
    expect(check({ name: '王五' }).values).toEqual({ ...newPerson, name: '王五' });
    expect(newPerson.ethnicity).toBe('01');
  });

  it('fills the birth date and gender from the ID number when they are not given', () => {
    expect(check({ name: '孙丽', idNumber: MAN_1985.toLowerCase() }).values).toMatchObject({ idNumber: MAN_1985, birthDate: '1985-11-11', gender: '1' });
  });

  it('blames the given birth date and gender when the ID number says otherwise', () => {
    expect(check({ ...applicant, birthDate: '1985-11-12', gender: '1' }).problems).toEqual([
      { field: 'birthDate', key: 'person.birth_date_mismatch', params: { expected: '1985-11-11' } },
      { field: 'gender', key: 'person.gender_says_female' },
    ]);
    expect(check({ ...applicant, idNumber: MAN_1985, gender: '2' }).problems).toEqual([{ field: 'gender', key: 'person.gender_says_male' }]);
  });

  it('reads a number with asterisks as any other text: no number was shown to mask', () => {
    expect(problems({ idNumber: '530522********1232', phone: '138****5678' })).toEqual([['idNumber', 'person.id_characters'], ['phone', 'person.bad_phone']]);
  });
});

describe('checkPerson: each field', () => {
  it('takes an ethnicity only from the GB 3304 table, 97 and 98 included', () => {
    for (const e of ethnicities) expect(check({ ethnicity: e.code }, bare).problems, e.code).toEqual([]);
    expect(check({ ethnicity: '07' }, zhang).changes).toEqual({ ethnicity: '07' });
    for (const bad of ['00', '57', '81', '96', '99', '7', '彝族', '']) {
      expect(check({ ethnicity: bad }, zhang).problems, bad).toEqual([{ field: 'ethnicity', key: 'person.bad_ethnicity', params: { value: bad } }]);
    }
  });

  it('refuses a birth date after today and takes today itself, or none', () => {
    expect(check({ birthDate: '2026-03-03' }, bare).problems).toEqual([{ field: 'birthDate', key: 'person.birth_date_future', params: { date: '2026-03-03', today: TODAY } }]);
    expect(check({ birthDate: TODAY }, bare).changes).toEqual({ birthDate: TODAY });
    expect(check({ birthDate: null }, { ...bare, birthDate: '1990-01-01' }).changes).toEqual({ birthDate: null });
  });

  it('reads a citizen ID number as the import does, with the reason it is refused', () => {
    expect(check({ idNumber: ` ${MAN_1985.toLowerCase()} ` }, bare).changes.idNumber).toBe(MAN_1985);
    expect(problems({ idNumber: '53052219600501123' }, zhang)).toEqual([['idNumber', 'person.id_length']]);
    expect(problems({ idNumber: '5305221960050112X2' }, zhang)).toEqual([['idNumber', 'person.id_characters']]);
    expect(problems({ idNumber: '530522196005011233' }, zhang)).toEqual([['idNumber', 'person.id_check_digit']]);
    expect(problems({ idNumber: '530522196002301232' }, zhang)).toEqual([['idNumber', 'person.id_birth_date']]);
    expect(check({ idNumber: null }, zhang).changes).toEqual({ idNumber: null });
    expect(check({ idNumber: ZHANG_ID }, zhang).changes).toEqual({});
  });

  it('names a masked number sent back for a recorded one', () => {
    expect(problems({ idNumber: '530522********1232' }, zhang)).toEqual([['idNumber', 'person.id_masked']]);
    expect(problems({ phone: '138****5678' }, zhang)).toEqual([['phone', 'person.phone_masked']]);
  });

  it('normalizes mobile and landline numbers and refuses others with the value', () => {
    expect(check({ phone: '+86 139-8765-4321' }, zhang).changes).toEqual({ phone: '13987654321' });
    expect(check({ phone: '(0871)6123456' }, zhang).changes).toEqual({ phone: '0871-6123456' });
    expect(check({ phone: '010-12345678' }, zhang).changes).toEqual({ phone: '010-12345678' });
    expect(check({ phone: '13812345678' }, zhang).changes).toEqual({});
    for (const bad of ['1381234567', '12812345678', '12345']) {
      expect(check({ phone: bad }, zhang).problems, bad).toEqual([{ field: 'phone', key: 'person.bad_phone', params: { value: bad } }]);
    }
  });

  it('takes education as any GB/T 4658 code or the name registers use', () => {
    for (const code of Object.keys(educationCodes)) expect(check({ education: code }, bare).values.education, code).toBe(code);
    expect(check({ education: '大专' }, zhang).changes).toEqual({ education: '31' });
    expect(check({ education: '中专' }, zhang).changes).toEqual({ education: '41' });
    expect(check({ education: '大学本科毕业' }, zhang).changes).toEqual({});
    expect(check({ education: '初中' }, zhang).changes).toEqual({ education: '71' });
    for (const bad of ['24', '99', '5', 'college', '幼儿园']) {
      expect(check({ education: bad }, zhang).problems, bad).toEqual([{ field: 'education', key: 'person.bad_education', params: { value: bad } }]);
    }
  });

  it('takes an occupation category by code name, label or common word', () => {
    for (const o of occupations) expect(check({ occupation: o }, bare).values.occupation, o).toBe(o);
    expect(check({ occupation: '农牧渔民' }, zhang).changes).toEqual({});
    expect(check({ occupation: '教师' }, zhang).changes).toEqual({ occupation: 'professional' });
    expect(check({ occupation: '宇航员' }, zhang).problems).toEqual([{ field: 'occupation', key: 'person.bad_occupation', params: { value: '宇航员' } }]);
  });

  it('clears free text and codes with null or a blank string', () => {
    expect(check({ address: null }, zhang).changes).toEqual({ address: null });
    expect(check({ address: '  ' }, zhang).changes).toEqual({ address: null });
    expect(check({ phone: '' }, zhang).changes).toEqual({ phone: null });
    expect(check({ education: null, occupation: ' ' }, zhang).changes).toEqual({ education: null, occupation: null });
  });

  it('takes name and gender as the contract shaped them', () => {
    expect(check({ name: '张叁' }, zhang).changes).toEqual({ name: '张叁' });
    expect(check({ gender: '2' }, bare).changes).toEqual({ gender: '2' });
  });

  it('reports every bad field at once, in the order of the form', () => {
    expect(problems({ ethnicity: '81', phone: '123', education: 'x', occupation: 'y', idNumber: '1', birthDate: '2030-01-01' }, zhang)).toEqual([
      ['ethnicity', 'person.bad_ethnicity'], ['birthDate', 'person.birth_date_future'], ['idNumber', 'person.id_length'], ['phone', 'person.bad_phone'],
      ['education', 'person.bad_education'], ['occupation', 'person.bad_occupation'],
    ]);
  });
});

describe('checkPerson: the ID number against a record\'s birth date and gender', () => {
  it('fills a missing birth date and gender from a new ID number', () => {
    expect(check({ idNumber: WOMAN_1985 }, bare)).toMatchObject({ changes: { idNumber: WOMAN_1985, birthDate: '1985-11-11', gender: '2' }, problems: [] });
  });

  it('keeps the birth date the ID number carries when asked to clear it', () => {
    expect(check({ birthDate: null }, zhang)).toMatchObject({ changes: {}, problems: [] });
  });

  it('blames a new ID number that contradicts the recorded birth date or gender', () => {
    expect(check({ idNumber: MAN_1985 }, zhang).problems).toEqual([
      { field: 'idNumber', key: 'person.id_birth_mismatch', params: { expected: '1985-11-11', recorded: '1960-05-01' } },
    ]);
    expect(check({ idNumber: WOMAN_1985 }, { ...bare, gender: '1' }).problems).toEqual([{ field: 'idNumber', key: 'person.id_gender_mismatch' }]);
  });

  it('blames a new birth date or gender that contradicts the recorded ID number', () => {
    expect(check({ birthDate: '1960-05-02' }, zhang).problems).toEqual([{ field: 'birthDate', key: 'person.birth_date_mismatch', params: { expected: '1960-05-01' } }]);
    expect(check({ gender: '2' }, zhang).problems).toEqual([{ field: 'gender', key: 'person.gender_says_male' }]);
  });

  it('takes a corrected ID number with the birth date and gender corrected alongside', () => {
    expect(check({ idNumber: WOMAN_1985, birthDate: '1985-11-11', gender: '2' }, zhang).changes).toEqual({ idNumber: WOMAN_1985, birthDate: '1985-11-11', gender: '2' });
  });

  it('does not hold an old disagreement against an unrelated correction', () => {
    expect(check({ phone: '13900001111' }, { ...zhang, birthDate: '1960-05-02' })).toMatchObject({ changes: { phone: '13900001111' }, problems: [] });
  });

  it('does not compare with an ID number or birth date it could not read', () => {
    expect(problems({ idNumber: '530522196005011233', birthDate: '1970-01-01' }, zhang)).toEqual([['idNumber', 'person.id_check_digit']]);
    expect(problems({ birthDate: '2030-01-01' }, zhang)).toEqual([['birthDate', 'person.birth_date_future']]);
  });

  it('agrees for every birth date and sequence: the check of the number and of the facts are one', () => {
    for (const [birth, day] of [['19600229', '1960-02-29'], ['20000101', '2000-01-01'], ['19991231', '1999-12-31']] as const) {
      for (let seq = 0; seq < 20; seq++) {
        const first17 = `530522${birth}${String(seq).padStart(3, '0')}`;
        const gender = seq % 2 === 1 ? '1' : '2';
        const input = { idNumber: first17 + idCheckCharacter(first17), birthDate: day, gender };
        expect(check(input).problems, input.idNumber).toEqual([]);
        expect(problems({ ...input, gender: gender === '1' ? '2' : '1' }), input.idNumber).toEqual([['gender', `person.gender_says_${gender === '1' ? 'male' : 'female'}`]]);
      }
    }
  });
});

describe('helpers', () => {
  it('picks the person\'s facts from a larger row', () => {
    expect(personValuesOf({ ...zhang, id: 'p1', orgPath: '1.' } as PersonValues)).toEqual(zhang);
  });

  it('answers only the values that differ', () => {
    expect(changed(zhang, { ...zhang, phone: null, name: '张叁' })).toEqual({ phone: null, name: '张叁' });
    expect(changed(zhang, { ...zhang })).toEqual({});
  });

  it('collects problems, params only where there are some', () => {
    const { problems: found, fail } = problemList<string>([{ field: 'a', key: 'person.id_length' }]);
    fail('b', 'person.bad_phone', { value: '1' });
    fail('c', 'person.id_masked');
    expect(found).toEqual([{ field: 'a', key: 'person.id_length' }, { field: 'b', key: 'person.bad_phone', params: { value: '1' } }, { field: 'c', key: 'person.id_masked' }]);
  });

  it('refuses with the one problem as the message, or counts several, each on its body field', () => {
    const one = refusal([{ field: 'phone', key: 'person.bad_phone', params: { value: '1' } }]);
    expect([one.status, one.code, t('zh', one.key, one.params)]).toEqual([400, 'invalid', '手机号码“1”应为 11 位手机号码，或带区号的固定电话（如 0871-1234567）']);
    expect(one.fields).toEqual([{ path: 'body.phone', key: 'person.bad_phone', params: { value: '1' } }]);
    const two = refusal([{ field: 'phone', key: 'person.bad_phone', params: { value: '1' } }, { field: 'joinedOn', key: 'person.id_length' }]);
    expect([t('zh', two.key, two.params), t('en', two.key, two.params)]).toEqual(['有 2 处填写有误，请按各项提示修改', '2 fields are invalid; see each field']);
    expect(two.fields.map((f) => f.path)).toEqual(['body.phone', 'body.joinedOn']);
  });
});
