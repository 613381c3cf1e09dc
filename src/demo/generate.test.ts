import { describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  demoCountyCodes,
  generateCounties,
  generateCounty,
  generateDemo,
  type DemoCounty,
  type DemoPerson,
} from './generate.js';
import { birthDateOfIdNumber, citizenIdNumber, genderOfIdNumber, idCheckCharacter } from './id-number.js';
import { PlaceNames, personName } from './names.js';
import { Random, addYears, yearsBetween } from './random.js';

const AS_OF = '2026-06-30';
const county = generateCounty({ seed: 20260630, code: '530522', asOf: AS_OF });

const members = county.people.filter(
  (p) => p.membership?.category === 'full' || p.membership?.category === 'probationary',
);
const share = (f: (p: DemoPerson) => boolean) => members.filter(f).length / members.length;

/** An independent check of GB 11643: weights and check characters written out again. */
function checkDigitValid(id: string): boolean {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (w[i] as number);
  return '10X98765432'[sum % 11] === id[17];
}

function childrenOf(c: DemoCounty, code: string) {
  return c.orgs.filter((o) => o.parentCode === code);
}

describe('citizenIdNumber', () => {
  it('reproduces a known valid number', () => {
    expect(citizenIdNumber('110105', '1949-12-31', 2)).toBe('11010519491231002X');
    expect(idCheckCharacter('11010519491231002')).toBe('X');
    expect(checkDigitValid('11010519491231002X')).toBe(true);
  });

  it('carries birth date and gender', () => {
    const id = citizenIdNumber('530522', '1988-02-29', 137);
    expect(id).toHaveLength(18);
    expect(birthDateOfIdNumber(id)).toBe('1988-02-29');
    expect(genderOfIdNumber(id)).toBe('1');
    expect(genderOfIdNumber(citizenIdNumber('530522', '1988-02-29', 138))).toBe('2');
    expect(checkDigitValid(id)).toBe(true);
  });

  it('rejects malformed input', () => {
    expect(() => citizenIdNumber('53052', '1988-01-01', 1)).toThrow();
    expect(() => citizenIdNumber('530522', '1987-02-29', 1)).toThrow();
    expect(() => citizenIdNumber('530522', '1988-01-01', 1000)).toThrow();
  });
});

describe('Random', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const xs = Array.from({ length: 20 }, () => a.uint32());
    expect(Array.from({ length: 20 }, () => b.uint32())).toEqual(xs);
    expect(Array.from({ length: 20 }, () => c.uint32())).not.toEqual(xs);
  });

  it('keeps helpers within their bounds', () => {
    const r = new Random('bounds');
    for (let i = 0; i < 2000; i++) {
      const n = r.int(-3, 4);
      expect(n).toBeGreaterThanOrEqual(-3);
      expect(n).toBeLessThanOrEqual(4);
      const d = r.date('2024-02-27', '2024-03-01');
      expect(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01']).toContain(d);
    }
    expect(r.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(r.weighted([['only', 1], ['never', 0]])).toBe('only');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });
});

describe('names', () => {
  it('never repeats a place name within a county', () => {
    const places = new PlaceNames(new Random(7));
    const villages = Array.from({ length: 600 }, () => places.village());
    const communities = Array.from({ length: 120 }, () => places.community());
    const townships = Array.from({ length: 60 }, (_, i) => (i % 5 === 0 ? places.street() : places.township(i % 3 ? 'town' : 'xiang')));
    expect(new Set(villages).size).toBe(villages.length);
    expect(new Set(communities).size).toBe(communities.length);
    expect(new Set(townships).size).toBe(townships.length);
    expect(villages.every((n) => /^\p{Script=Han}{2,4}村$/u.test(n))).toBe(true);
    expect(communities.every((n) => n.endsWith('社区'))).toBe(true);
    expect(townships.every((n) => /(镇|乡|街道)$/.test(n))).toBe(true);
  });

  it('gives two- to four-character person names', () => {
    const r = new Random(1);
    for (let i = 0; i < 500; i++) {
      const name = personName(r, i % 2 ? '1' : '2', 1940 + (i % 70));
      expect(name).toMatch(/^\p{Script=Han}{2,4}$/u);
    }
  });

  it('has no duplicate village or community names in a generated county', () => {
    const names = county.orgs.filter((o) => o.adminUnit).map((o) => o.adminUnit?.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('generateCounty', () => {
  it('is deterministic, and seeds matter', () => {
    const again = generateCounty({ seed: 20260630, code: '530522', asOf: AS_OF });
    expect(again).toEqual(county);
    const other = generateCounty({ seed: 20260631, code: '530522', asOf: AS_OF });
    expect(other.people.slice(0, 50)).not.toEqual(county.people.slice(0, 50));
  });

  it('builds one tree with unique codes', () => {
    const codes = county.orgs.map((o) => o.code);
    expect(new Set(codes).size).toBe(codes.length);
    const roots = county.orgs.filter((o) => o.parentCode === null);
    expect(roots).toHaveLength(1);
    expect(roots[0]).toMatchObject({ code: '530522', type: 'committee', unitType: null });
    expect(roots[0]?.name).toMatch(/县委$/);
    const byCode = new Map(county.orgs.map((o) => [o.code, o]));
    for (const o of county.orgs) {
      expect(o.code.startsWith(county.code)).toBe(true);
      if (o.parentCode !== null) {
        const parent = byCode.get(o.parentCode);
        expect(parent, o.code).toBeDefined();
        expect(o.code.startsWith(o.parentCode)).toBe(true);
        expect(o.establishedOn >= (parent?.establishedOn ?? '')).toBe(true);
      }
      expect(o.establishedOn <= AS_OF).toBe(true);
      if (o.divisionCode !== null) expect(o.divisionCode).toMatch(new RegExp(`^${county.code}\\d{6}$`));
    }
    const divisions = county.orgs.flatMap((o) => (o.divisionCode ? [o.divisionCode] : []));
    expect(new Set(divisions).size).toBe(divisions.length);
  });

  it('has the expected numbers of townships, villages and members', () => {
    const townships = childrenOf(county, county.code).filter((o) => o.unitType === 'township' || o.unitType === 'street');
    expect(townships.length).toBeGreaterThanOrEqual(9);
    expect(townships.length).toBeLessThanOrEqual(12);
    expect(townships.filter((o) => o.unitType === 'street').length).toBeGreaterThanOrEqual(1);
    for (const t of townships) {
      expect(t.type).toBe(t.unitType === 'street' ? 'working_committee' : 'committee');
      expect(t.adminUnit?.name).toBe(t.name.replace(/(党委|党工委)$/, ''));
      expect(childrenOf(county, t.code).some((o) => o.unitType === 'agency' && o.name.endsWith('机关党支部'))).toBe(true);
    }
    const villages = townships.flatMap((t) =>
      childrenOf(county, t.code).filter((o) => o.unitType === 'village' || o.unitType === 'community'),
    );
    expect(villages.length).toBeGreaterThanOrEqual(100);
    expect(villages.length).toBeLessThanOrEqual(120);
    expect(villages.every((v) => v.adminUnit !== undefined && v.divisionCode !== null)).toBe(true);
    expect(villages.some((v) => v.type === 'general_branch')).toBe(true);
    expect(villages.some((v) => v.type === 'joint_branch')).toBe(true);
    for (const g of villages.filter((v) => v.type === 'general_branch')) {
      expect(childrenOf(county, g.code).filter((o) => o.type === 'branch').length).toBeGreaterThanOrEqual(2);
    }
    expect(county.orgs.some((o) => o.type === 'party_group')).toBe(true);
    expect(members.length).toBeGreaterThanOrEqual(3600);
    expect(members.length).toBeLessThanOrEqual(4400);
  });

  it('puts people only in branches that exist', () => {
    const byCode = new Map(county.orgs.map((o) => [o.code, o]));
    for (const p of county.people) {
      const org = byCode.get(p.orgCode);
      expect(org, p.key).toBeDefined();
      expect(['branch', 'joint_branch']).toContain(org?.type);
    }
    expect(new Set(county.people.map((p) => p.key)).size).toBe(county.people.length);
  });

  it('gives every person a valid ID number agreeing with birth date and gender', () => {
    for (const p of county.people) {
      expect(p.idNumber).toMatch(/^\d{17}[\dX]$/);
      expect(checkDigitValid(p.idNumber), p.idNumber).toBe(true);
      expect(p.idNumber.slice(0, 6)).toBe(county.code);
      expect(birthDateOfIdNumber(p.idNumber)).toBe(p.birthDate);
      expect(genderOfIdNumber(p.idNumber)).toBe(p.gender);
      expect(p.phone).toMatch(/^1[35789]\d{9}$/);
      expect(p.ethnicity).toMatch(/^\d{2}$/);
      expect(['14', '21', '31', '41', '61', '71', '81']).toContain(p.education);
      expect(yearsBetween(p.birthDate, AS_OF)).toBeGreaterThanOrEqual(18);
    }
    expect(new Set(county.people.map((p) => p.idNumber)).size).toBe(county.people.length);
    expect(new Set(county.people.map((p) => p.phone)).size).toBe(county.people.length);
  });

  it('has demographics close to rural reality', () => {
    const women = share((p) => p.gender === '2');
    const probationary = share((p) => p.membership?.category === 'probationary');
    const young = share((p) => yearsBetween(p.birthDate, AS_OF) <= 35);
    const old = share((p) => yearsBetween(p.birthDate, AS_OF) >= 61);
    const minority = share((p) => p.ethnicity !== '01');
    const college = share((p) => Number(p.education) < 40);
    expect(women).toBeGreaterThan(0.28);
    expect(women).toBeLessThan(0.4);
    expect(probationary).toBeGreaterThan(0.02);
    expect(probationary).toBeLessThan(0.045);
    expect(young).toBeGreaterThan(0.12);
    expect(young).toBeLessThan(0.3);
    expect(old).toBeGreaterThan(0.15);
    expect(minority).toBeGreaterThan(0.005);
    expect(minority).toBeLessThan(0.25);
    expect(college).toBeGreaterThan(0.15);
    expect(college).toBeLessThan(0.5);
    const count = (c: string) => county.people.filter((p) => p.membership?.category === c).length;
    expect(count('applicant')).toBe(80);
    expect(count('activist')).toBe(72);
    expect(count('development_target')).toBe(10);
  });

  it('keeps membership dates consistent', () => {
    const lastYear = addYears(AS_OF, -1);
    for (const p of county.people) {
      const m = p.membership;
      if (m === null) continue;
      if (m.appliedOn !== null) {
        expect(m.appliedOn >= addYears(p.birthDate, 18), p.key).toBe(true);
        expect(m.appliedOn <= AS_OF).toBe(true);
      }
      if (m.category === 'full' || m.category === 'probationary') {
        expect(m.joinedOn).not.toBeNull();
        const joined = m.joinedOn as string;
        expect(joined >= addYears(p.birthDate, 18), p.key).toBe(true);
        expect(joined <= AS_OF).toBe(true);
        expect((m.appliedOn ?? '') <= joined).toBe(true);
        if (m.category === 'full') {
          expect(m.fullOn).toBe(addYears(joined, 1));
          expect((m.fullOn as string) <= AS_OF).toBe(true);
        } else {
          expect(m.fullOn).toBeNull();
          expect(joined > lastYear).toBe(true);
        }
      } else {
        expect(m.joinedOn).toBeNull();
        expect(m.fullOn).toBeNull();
        expect(m.appliedOn).not.toBeNull();
      }
    }
  });

  it('staffs townships and villages with posts', () => {
    const people = new Map(county.people.map((p) => [p.key, p]));
    const byCode = new Map(county.orgs.map((o) => [o.code, o]));
    for (const post of county.posts) {
      expect(people.has(post.personKey)).toBe(true);
      expect(byCode.has(post.orgCode)).toBe(true);
      expect(post.startedOn <= AS_OF).toBe(true);
      expect(post.title.length).toBeGreaterThan(0);
    }
    const townships = county.orgs.filter((o) => o.unitType === 'township' || o.unitType === 'street');
    for (const t of townships) {
      const cadres = county.posts.filter((p) => p.orgCode === t.code && p.role === 'cadre');
      expect(cadres.length).toBeGreaterThanOrEqual(7);
      expect(cadres.length).toBeLessThanOrEqual(9);
      const admins = county.posts.filter((p) => p.orgCode === t.code && p.role === 'township_admin');
      expect(admins).toHaveLength(2);
      expect(admins.some((p) => p.title === '组织委员')).toBe(true);
    }
    const villages = county.orgs.filter((o) => o.adminUnit?.kind === 'village' || o.adminUnit?.kind === 'community');
    expect(villages.length).toBeGreaterThanOrEqual(100);
    for (const v of villages) {
      const secretaries = county.posts.filter((p) => p.orgCode === v.code && p.role === 'branch_secretary');
      expect(secretaries, v.name).toHaveLength(1);
      const person = people.get(secretaries[0]?.personKey ?? '');
      expect(person?.orgCode.startsWith(v.code)).toBe(true);
      expect(person?.membership?.category).toBe('full');
    }
    expect(county.posts.filter((p) => p.orgCode === county.code && p.role === 'county_admin').length).toBeGreaterThanOrEqual(3);
  });

  it('has one demo account per role, each backed by a post', () => {
    expect(county.accounts.map((a) => a.username)).toEqual(['county', 'township', 'secretary', 'cadre', 'member']);
    expect(new Set(county.accounts.map((a) => a.role))).toEqual(
      new Set(['county_admin', 'township_admin', 'branch_secretary', 'cadre', 'member']),
    );
    for (const a of county.accounts) {
      expect(a.password).toBe(DEMO_PASSWORD);
      expect(a.password.length).toBeGreaterThanOrEqual(8);
      expect(a.password).toMatch(/[A-Za-z]/);
      expect(a.password).toMatch(/\d/);
      expect(a.description.zh.length).toBeGreaterThan(0);
      expect(a.description.en.length).toBeGreaterThan(0);
      const post = county.posts.find((p) => p.personKey === a.personKey && p.role === a.role && p.orgCode === a.orgCode);
      expect(post, a.username).toBeDefined();
    }
    const [countyAcc, township, secretary, cadre, member] = county.accounts;
    expect(countyAcc?.orgCode).toBe(county.code);
    const firstTownship = county.orgs.find((o) => o.unitType === 'township');
    expect(township?.orgCode).toBe(firstTownship?.code);
    expect(cadre?.orgCode).toBe(firstTownship?.code);
    const firstVillage = county.orgs.find((o) => o.parentCode === firstTownship?.code && o.unitType === 'village');
    expect(secretary?.orgCode).toBe(firstVillage?.code);
    expect(member?.orgCode).toBe(firstVillage?.code);
    expect(new Set(county.accounts.map((a) => a.personKey)).size).toBe(5);
  });

  it('scales members to the target', () => {
    const small = generateCounty({ seed: 5, code: '450102', asOf: '2024-12-31', memberTarget: 1500 });
    const n = small.people.filter((p) => p.membership?.category === 'full' || p.membership?.category === 'probationary').length;
    expect(n).toBeGreaterThanOrEqual(1350);
    expect(n).toBeLessThanOrEqual(1650);
    // Guangxi: many more minority (mostly Zhuang) members.
    const zhuang = small.people.filter((p) => p.ethnicity === '08').length / small.people.length;
    expect(zhuang).toBeGreaterThan(0.1);
  });

  it('rejects bad options', () => {
    expect(() => generateCounty({ seed: 1, code: '5305', asOf: AS_OF })).toThrow();
    expect(() => generateCounty({ seed: 1, code: '530522', asOf: '2026-02-30' })).toThrow();
  });
});

describe('generateDemo', () => {
  it('gives 10 distinct counties at city scale, with deployment-unique usernames', () => {
    const counties = generateDemo({ scale: 'city', seed: 3, asOf: AS_OF });
    expect(counties).toHaveLength(10);
    expect(new Set(counties.map((c) => c.code)).size).toBe(10);
    expect(new Set(counties.map((c) => c.name)).size).toBe(10);
    expect(counties.map((c) => c.code)).toEqual(demoCountyCodes('city'));
    const usernames = counties.flatMap((c) => c.accounts.map((a) => a.username));
    expect(new Set(usernames).size).toBe(usernames.length);
    expect(counties[0]?.accounts.map((a) => a.username)).toContain('county');
  });

  it('gives the default county at county scale', () => {
    const [only, ...rest] = generateDemo({ scale: 'county', seed: 20260630, asOf: AS_OF });
    expect(rest).toHaveLength(0);
    expect(only).toEqual(county);
  });

  it('streams province counties one at a time', () => {
    const codes = demoCountyCodes('province');
    expect(codes).toHaveLength(100);
    expect(new Set(codes).size).toBe(100);
    const stream = generateCounties({ scale: 'province', seed: 1, asOf: AS_OF, memberTarget: 300 });
    const first = stream.next();
    const second = stream.next();
    expect(first.done).toBe(false);
    expect(second.value?.code).toBe(codes[1]);
    expect(first.value?.code).toBe(codes[0]);
  });
});
