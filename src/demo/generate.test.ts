import { describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  demoCountyCodes,
  generateCounties,
  generateCounty,
  generateDemo,
  type DemoCounty,
  type DemoMembership,
  type DemoPerson,
} from './generate.js';
import { birthDateOfIdNumber, citizenIdNumber, genderOfIdNumber, idCheckCharacter } from './id-number.js';
import { PlaceNames, personName } from './names.js';
import { addMonths, fullYears } from '../platform/dates.js';
import { checkPipeline } from '../modules/members/rules/pipeline.js';
import { Random, addDays, addYears, toDayNumber } from './random.js';

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

const days = (from: string, to: string) => toDayNumber(to) - toDayNumber(from);

/** `months` later on the same day of the month (days ≤ 28 only, where every convention agrees). */
function monthsLater(date: string, months: number): string {
  const day = Number(date.slice(8));
  if (day > 28) throw new Error(`no single answer for ${date} + ${months} months`);
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-${date.slice(8)}`;
}

const STAGES = ['applicant', 'activist', 'development_target', 'probationary', 'full'] as const;

/** rules.md §2.2 written out again: what is wrong with a relation's stage dates, if anything. */
function stageViolations(p: DemoPerson, m: DemoMembership, asOf: string): string[] {
  const wrong: string[] = [];
  const reached = STAGES.indexOf(m.category);
  const dates = [m.appliedOn, m.activistOn, m.targetOn, m.joinedOn, m.fullOn];
  dates.forEach((d, i) => {
    if ((d !== null) !== i <= reached) wrong.push(`${STAGES[i]} date ${d === null ? 'missing' : 'beyond the stage reached'}`);
    if (d !== null && d > asOf) wrong.push(`${STAGES[i]} date in the future`);
  });
  if (m.appliedOn < addYears(p.birthDate, 18)) wrong.push('applied before 18');
  if (m.activistOn !== null) {
    const wait = days(m.appliedOn, m.activistOn);
    if (wait < 1 || wait > 275) wrong.push(`activist ${wait} days after applying, not within a few months`);
  }
  if (m.targetOn !== null && m.activistOn !== null && m.targetOn < addYears(m.activistOn, 1)) wrong.push('target within a year of activist');
  if (m.joinedOn !== null && m.targetOn !== null && m.joinedOn <= m.targetOn) wrong.push('joined not after target');
  const extension = m.probationExtensionMonths;
  if (extension !== null && (extension < 6 || extension > 12 || m.joinedOn === null)) wrong.push(`extension of ${extension} months`);
  if (m.joinedOn !== null) {
    const ends = extension === null ? addYears(m.joinedOn, 1) : monthsLater(m.joinedOn, 12 + extension);
    if (m.category === 'full' && m.fullOn !== ends) wrong.push(`full on ${m.fullOn}, probation ends ${ends}`);
    if (m.category === 'probationary' && ends <= asOf) wrong.push(`still probationary after probation ended ${ends}`);
  }
  if (m.startedOn !== null && m.startedOn < m.appliedOn) wrong.push('relation started before the application');
  if (m.mobile !== (m.mobileDestination !== null) || m.mobile !== (m.mobileSince !== null)) wrong.push('mobile flag without its details');
  if (m.mobile && (m.joinedOn === null || (m.mobileSince as string) < m.joinedOn)) wrong.push('mobile before joining');
  if (m.retired !== (p.occupation === 'retired')) wrong.push('retired flag disagrees with occupation');
  return wrong;
}

/** The relation, open or ended, that holds a person on a date; a person's relations never overlap. */
function relationOn(p: DemoPerson, date: string): { orgCode: string; m: DemoMembership } | undefined {
  const all = [...p.endedMemberships, ...(p.membership ? [{ ...p.membership, orgCode: p.orgCode, endedOn: null }] : [])];
  const holding = all.filter((m) => (m.startedOn ?? m.appliedOn) <= date && (m.endedOn === null || m.endedOn > date));
  if (holding.length > 1) throw new Error(`${p.key} has ${holding.length} relations on ${date}`);
  return holding[0] && { orgCode: holding[0].orgCode, m: holding[0] };
}

function isMemberOn(m: DemoMembership, date: string): boolean {
  return m.joinedOn !== null && m.joinedOn <= date;
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
  });

  it('counts days only between real YYYY-MM-DD dates', () => {
    for (const good of ['2024-02-29', '2000-02-29', '1949-10-01', '2026-12-31']) expect(addDays(addDays(good, 400), -400), good).toBe(good);
    for (const bad of ['2023-02-29', '1900-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00', '2024-1-01', '2024/01/01', '20240101', 'abcd-ef-gh', '2024-01-0a', ' 2024-01-01', '']) {
      expect(() => toDayNumber(bad), bad).toThrow(RangeError);
    }
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('2000-03-01') - toDayNumber('2000-02-28')).toBe(2);
    expect(toDayNumber('2025-03-01') - toDayNumber('2024-03-01')).toBe(365);
  });

  it('adds years as twelve months: 29 February becomes 28 February in common years', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2026-06-30', -18)).toBe('2008-06-30');
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
      if (p.phone !== null) expect(p.phone).toMatch(/^1[35789]\d{9}$/);
      expect(p.ethnicity).toMatch(/^\d{2}$/);
      expect(['14', '21', '31', '41', '61', '71', '81']).toContain(p.education);
      expect(fullYears(p.birthDate, AS_OF)).toBeGreaterThanOrEqual(18);
    }
    expect(new Set(county.people.map((p) => p.idNumber)).size).toBe(county.people.length);
    const phones = county.people.flatMap((p) => (p.phone === null ? [] : [p.phone]));
    expect(new Set(phones).size).toBe(phones.length);
    // Most can be called; those without a number on record are mostly the old; post holders all can.
    expect(phones.length / county.people.length).toBeGreaterThan(0.9);
    const unreachable = county.people.filter((p) => p.phone === null);
    expect(unreachable.filter((p) => fullYears(p.birthDate, AS_OF) >= 65).length / unreachable.length).toBeGreaterThan(0.5);
    const holders = new Set(county.posts.map((p) => p.personKey));
    expect(county.people.filter((p) => holders.has(p.key) && p.phone === null)).toEqual([]);
  });

  it('has demographics close to rural reality', () => {
    const women = share((p) => p.gender === '2');
    const probationary = share((p) => p.membership?.category === 'probationary');
    const young = share((p) => fullYears(p.birthDate, AS_OF) <= 35);
    const old = share((p) => fullYears(p.birthDate, AS_OF) >= 61);
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

  it('gives every membership, open or ended, stage dates that obey the admission rules', () => {
    let checked = 0;
    for (const p of county.people) {
      for (const m of [...p.endedMemberships, ...(p.membership ? [p.membership] : [])]) {
        expect(stageViolations(p, m, AS_OF), `${p.key} ${JSON.stringify(m)}`).toEqual([]);
        // The registry's own rules, which the import and the admission steps apply, agree: not even a warning.
        expect(checkPipeline({ ...m, birthDate: p.birthDate }, AS_OF), `${p.key} ${JSON.stringify(m)}`).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(county.people.length);
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

describe('the demo registry', () => {
  const byCode = new Map(county.orgs.map((o) => [o.code, o]));
  const inPipeline = (c: string) => county.people.filter((p) => p.membership?.category === c);
  const age = (p: DemoPerson) => fullYears(p.birthDate, AS_OF);
  const yearAgo = addYears(AS_OF, -1);

  it('has a pipeline in progress', () => {
    const applicants = inPipeline('applicant');
    expect(applicants.every((p) => days(p.membership!.appliedOn, AS_OF) <= 365)).toBe(true);
    expect(applicants.filter((p) => days(p.membership!.appliedOn, AS_OF) <= 30).length).toBeGreaterThan(0);
    const activists = inPipeline('activist');
    const yearDone = activists.filter((p) => p.membership!.activistOn! <= yearAgo).length;
    expect(yearDone).toBeGreaterThan(activists.length * 0.2);
    expect(yearDone).toBeLessThan(activists.length * 0.8);
    expect(inPipeline('development_target').every((p) => p.membership!.targetOn! > yearAgo)).toBe(true);

    const probationary = inPipeline('probationary').map((p) => p.membership!);
    const endingSoon = probationary.filter((m) => m.probationExtensionMonths === null && addYears(m.joinedOn!, 1) <= addMonths(AS_OF, 2));
    expect(endingSoon.length).toBeGreaterThan(0);
    expect(endingSoon.length).toBeLessThan(probationary.length / 2);
    const extended = probationary.filter((m) => m.probationExtensionMonths !== null);
    expect(extended.length).toBeGreaterThanOrEqual(1);
    expect(extended.length).toBeLessThanOrEqual(2);
    // Their first year is over: they are in the extension now.
    for (const m of extended) expect(addYears(m.joinedOn!, 1) <= AS_OF).toBe(true);
    const extendedBefore = members.filter((p) => p.membership!.category === 'full' && p.membership!.probationExtensionMonths !== null);
    expect(extendedBefore.length).toBeGreaterThan(0);
    expect(extendedBefore.length).toBeLessThan(members.length * 0.01);
  });

  it('has 3–5% mobile members, gone to cities for six months or more', () => {
    const mobile = members.filter((p) => p.membership!.mobile);
    expect(mobile.length / members.length).toBeGreaterThanOrEqual(0.03);
    expect(mobile.length / members.length).toBeLessThanOrEqual(0.05);
    const sixMonthsAgo = '2025-12-30';
    for (const p of mobile) {
      expect(p.membership!.mobileDestination).toMatch(/^\p{Script=Han}{2,4}市$/u);
      expect(p.membership!.mobileSince! <= sixMonthsAgo, p.key).toBe(true);
      expect(['village', 'community']).toContain(byCode.get(p.orgCode)?.unitType);
      expect(p.occupation).not.toBe('farmer');
    }
    const destinations = new Set(mobile.map((p) => p.membership!.mobileDestination));
    expect(destinations.size).toBeGreaterThanOrEqual(4);
    // A Yunnan county's migrants go first to the provincial capital.
    expect(mobile.filter((p) => p.membership!.mobileDestination === '昆明市').length).toBeGreaterThan(mobile.length * 0.15);
    expect(county.people.filter((p) => p.membership?.mobile && p.membership.joinedOn === null)).toEqual([]);
  });

  it('flags a few members out of contact or in need of care, and every retired one', () => {
    const flagged = (f: (m: DemoMembership) => boolean) => members.filter((p) => f(p.membership!));
    const care = flagged((m) => m.needsCare);
    expect(care.length).toBeGreaterThan(0);
    expect(care.length / members.length).toBeLessThan(0.05);
    expect(care.filter((p) => age(p) >= 70).length / care.length).toBeGreaterThan(0.5);
    const lost = flagged((m) => m.outOfContact);
    expect(lost.length).toBeGreaterThan(0);
    expect(lost.length / members.length).toBeLessThan(0.01);
    expect(lost.filter((p) => p.membership!.mobile)).toEqual([]);
    const retired = flagged((m) => m.retired);
    expect(retired.length / members.length).toBeGreaterThan(0.03);
    expect(retired.length / members.length).toBeLessThan(0.3);
    expect(retired.every((p) => p.occupation === 'retired' && age(p) >= 55)).toBe(true);
    const reporting = flagged((m) => m.reportingCommunity !== null);
    const communities = new Set(county.orgs.filter((o) => o.adminUnit?.kind === 'community').map((o) => o.adminUnit?.name));
    expect(reporting.length).toBeGreaterThan(0);
    for (const p of reporting) {
      expect(communities.has(p.membership!.reportingCommunity!)).toBe(true);
      expect(p.address.startsWith(p.membership!.reportingCommunity!)).toBe(true);
      expect(byCode.get(p.orgCode)?.unitType).not.toMatch(/^(village|community)$/);
    }
  });

  it('gives occupations of a rural county: mostly farmers, students rare', () => {
    const codes = ['worker', 'farmer', 'professional', 'manager', 'civil_servant', 'student', 'military', 'retired', 'other'];
    expect(county.people.every((p) => codes.includes(p.occupation))).toBe(true);
    const counts = new Map<string, number>();
    for (const p of members) counts.set(p.occupation, (counts.get(p.occupation) ?? 0) + 1);
    const ranked = [...counts].sort((a, b) => b[1] - a[1]);
    expect(ranked[0]?.[0]).toBe('farmer');
    expect((counts.get('farmer') ?? 0) / members.length).toBeGreaterThan(0.35);
    expect((counts.get('student') ?? 0) / members.length).toBeLessThan(0.02);
    expect(counts.get('civil_servant') ?? 0).toBeGreaterThan(members.length * 0.03);
    const organs = members.filter((p) => byCode.get(p.orgCode)?.name.endsWith('机关党支部') && p.orgCode.length === 9);
    expect(organs.filter((p) => p.occupation === 'civil_servant').length / organs.length).toBeGreaterThan(0.7);
    const villagers = members.filter((p) => byCode.get(p.orgCode)?.unitType === 'village');
    expect(villagers.filter((p) => p.occupation === 'civil_servant')).toEqual([]);
  });

  it('gives addresses in the village-and-group style, in the branch’s own village', () => {
    const villageOf = (code: string) => {
      const org = byCode.get(code)!;
      return org.adminUnit ? org : byCode.get(org.parentCode!)!;
    };
    const street = /^\p{Script=Han}{2,3}\d{1,3}号$/u;
    const elsewhere = /^\p{Script=Han}+(村\p{Script=Han}{1,2}组|社区\p{Script=Han}{2,3}\d{1,3}号)$/u;
    for (const p of county.people) {
      const org = byCode.get(p.orgCode)!;
      if (org.unitType === 'village' && org.type !== 'joint_branch') {
        const village = villageOf(p.orgCode).adminUnit!;
        const group = p.address.slice(village.name.length).replace(/组$/, '');
        expect(p.address.startsWith(village.name), p.address).toBe(true);
        expect(village.villagerGroups, p.address).toContain(`第${group}村民小组`);
      } else if (org.unitType === 'community') {
        const community = villageOf(p.orgCode).adminUnit!.name;
        expect(p.address.startsWith(community), p.address).toBe(true);
        expect(p.address.slice(community.length)).toMatch(street);
      } else {
        expect(p.address, p.key).toMatch(elsewhere);
      }
    }
  });

  it('moves a few members to other villages in the past year, leaving one open relation each', () => {
    const moved = county.people.filter((p) => p.endedMemberships.some((m) => m.endReason === 'transferred'));
    expect(moved.length).toBeGreaterThanOrEqual(3);
    expect(moved.length).toBeLessThanOrEqual(20);
    for (const p of moved) {
      const [old, ...more] = p.endedMemberships;
      expect(more).toEqual([]);
      expect(p.membership, p.key).not.toBeNull();
      const { orgCode, endedOn, endReason, startedOn: oldStart, ...oldStages } = old!;
      const { startedOn, ...stages } = p.membership!;
      expect(endReason).toBe('transferred');
      expect(endedOn > yearAgo && endedOn < AS_OF).toBe(true);
      expect(startedOn).toBe(endedOn);
      expect(oldStart).toBeNull();
      expect(stages).toEqual(oldStages);
      expect(orgCode).not.toBe(p.orgCode);
      expect(orgCode.slice(0, 12)).not.toBe(p.orgCode.slice(0, 12));
      expect(['branch', 'joint_branch']).toContain(byCode.get(orgCode)?.type);
      expect(relationOn(p, addDays(endedOn, -1))?.orgCode).toBe(orgCode);
      expect(relationOn(p, endedOn)?.orgCode).toBe(p.orgCode);
    }
    // Nobody, moved or not, holds two relations on any day that matters.
    for (const p of county.people) {
      for (const m of p.endedMemberships) {
        relationOn(p, m.endedOn);
        relationOn(p, addDays(m.endedOn, -1));
      }
    }
  });

  it('ends two or three old members’ relations by death, so a year ago differs from today', () => {
    const died = county.people.filter((p) => p.endedMemberships.some((m) => m.endReason === 'died'));
    expect(died.length).toBeGreaterThanOrEqual(2);
    expect(died.length).toBeLessThanOrEqual(3);
    for (const p of died) {
      expect(p.membership).toBeNull();
      const m = p.endedMemberships[0]!;
      expect(m.category).toBe('full');
      expect(m.orgCode).toBe(p.orgCode);
      expect(m.endedOn > yearAgo && m.endedOn < AS_OF).toBe(true);
      expect(age(p)).toBeGreaterThanOrEqual(75);
    }
    const count = (date: string) => county.people.filter((p) => {
      const held = relationOn(p, date);
      return held !== undefined && isMemberOn(held.m, date);
    }).length;
    expect(count(AS_OF)).toBe(members.length);
    const before = count(yearAgo);
    const admitted = members.filter((p) => p.membership!.joinedOn! > yearAgo).length;
    expect(before).toBe(members.length - admitted + died.length);
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
