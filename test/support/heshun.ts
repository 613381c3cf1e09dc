/**
 * 和顺镇 (530522101) as seed 003 describes it at the end of 2019: 16 branches, 391 members, 12
 * probationary, 148 women, 15 minority, 128 aged 35 or under, 139 with college education or
 * above, 7 mobile, 71 activists, 9 development targets, and one member who joined after 2019.
 * Each trait is spread over the members by a different permutation (i·k mod 391), so the counts
 * are exact and the traits independent. One definition of the town for every test that builds it,
 * through the database or through the import.
 */
import type { MemberCategory } from '../../src/modules/members/rules/pipeline.js';
import type { Occupation } from '../../src/modules/members/rules/occupation.js';

export const HESHUN_CODE = '530522101';
export const HESHUN_AS_OF = '2019-12-31';
export const HESHUN_BRANCHES = 16;
/** Full and probationary members at the end of 2019. */
export const HESHUN_MEMBERS = 391;

/** Branch b (0–15): 530522101001 … 530522101016. */
export const heshunBranchCode = (branch: number) => `${HESHUN_CODE}${String(branch + 1).padStart(3, '0')}`;

/** Whether member i is among the first `count` of permutation k. */
export const spread = (i: number, k: number, count: number) => (i * k) % HESHUN_MEMBERS < count;
export const isYoung = (i: number) => spread(i, 13, 128);

export interface HeshunPerson {
  name: string;
  gender: '1' | '2';
  /** GB 3304 code. */
  ethnicity: string;
  birthDate: string;
  /** GB/T 4658 code. */
  education: string;
  occupation: Occupation;
  /** 0–15, see heshunBranchCode. */
  branch: number;
  membership: {
    category: MemberCategory;
    appliedOn?: string;
    activistOn?: string;
    targetOn?: string;
    joinedOn?: string;
    fullOn?: string;
    mobile?: boolean;
    mobileSince?: string;
  };
}

/** The town's people: members 0–390 (the first 12 probationary), then the activists, the development targets and a new member of 2025. */
export function heshunPeople(): HeshunPerson[] {
  const people: HeshunPerson[] = [];
  for (let i = 0; i < HESHUN_MEMBERS; i++) {
    const age = isYoung(i) ? 25 + (i % 11) : 36 + (i % 37);
    const mobile = spread(i, 3, 7) ? { mobile: true, mobileSince: '2018-05-01' } : {};
    people.push({
      name: `党员${i}`, gender: spread(i, 7, 148) ? '2' : '1', ethnicity: spread(i, 11, 15) ? '03' : '01',
      birthDate: `${2019 - age}-${i % 2 ? '12-31' : '01-01'}`,
      education: spread(i, 5, 139) ? (i % 2 ? '31' : '21') : (i % 2 ? '61' : '71'),
      occupation: i % 3 ? 'farmer' : 'retired',
      branch: i % HESHUN_BRANCHES,
      membership: i < 12
        ? { category: 'probationary', appliedOn: '2016-03-01', activistOn: '2016-09-01', targetOn: '2018-06-01', joinedOn: '2019-06-01', ...mobile }
        : { category: 'full', appliedOn: '1999-03-01', joinedOn: '2000-07-01', fullOn: '2001-07-01', ...mobile },
    });
  }
  for (let i = 0; i < 71; i++) {
    people.push({
      name: `积极分子${i}`, gender: '1', ethnicity: '01', birthDate: '1995-05-05', education: '21', occupation: 'farmer', branch: i % HESHUN_BRANCHES,
      membership: { category: 'activist', appliedOn: '2019-01-10', activistOn: '2019-04-01' },
    });
  }
  for (let i = 0; i < 9; i++) {
    people.push({
      name: `发展对象${i}`, gender: '2', ethnicity: '01', birthDate: '1993-05-05', education: '31', occupation: 'farmer', branch: i,
      membership: { category: 'development_target', appliedOn: '2017-01-10', activistOn: '2017-04-01', targetOn: '2018-09-01' },
    });
  }
  // Joined after 2019: not in the 2019 figures.
  people.push({
    name: '新党员', gender: '2', ethnicity: '01', birthDate: '1998-01-01', education: '21', occupation: 'student', branch: 0,
    membership: { category: 'probationary', appliedOn: '2021-01-01', activistOn: '2021-03-01', targetOn: '2022-06-01', joinedOn: '2025-09-01' },
  });
  return people;
}
