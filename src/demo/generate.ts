/**
 * A pure, deterministic generator of a demo county: its Party organization tree, members and
 * people in the admission pipeline (stage dates in pipeline.ts; occupation, address and flags in
 * life.ts), the past year's transfers and deaths (history.ts), cadres' posts, and one demo account
 * per role. No database, no clock, no Math.random: the same options always give deep-equal
 * output, all dates ≤ asOf.
 */
import { addMonths, isCalendarDate } from '../platform/dates.js';
import type { Occupation } from '../modules/members/rules/occupation.js';
import { probationEnds, type MemberCategory } from '../modules/members/rules/pipeline.js';
import { addHistory } from './history.js';
import { citizenIdNumber } from './id-number.js';
import {
  REPORTING_SHARE,
  address,
  destinations,
  mobileShare,
  needsCareShare,
  noPhoneShare,
  occupation,
  outOfContactShare,
  type Home,
  type Workplace,
} from './life.js';
import { PlaceNames, personName } from './names.js';
import { earliestOn, memberStages, pipelineStages, type StageDates } from './pipeline.js';
import {
  Random,
  addDays,
  addYears,
  maxDate,
  minDate,
  weightedPicker,
  type WeightedEntries,
} from './random.js';

export type DemoScale = 'county' | 'city' | 'province';

export interface DemoOrg {
  code: string;
  name: string;
  type: 'committee' | 'working_committee' | 'general_branch' | 'branch' | 'joint_branch' | 'party_group';
  unitType: 'township' | 'street' | 'village' | 'community' | 'agency' | 'institution' | 'enterprise' | 'school' | 'other' | null;
  divisionCode: string | null;
  /** null only for the county root. */
  parentCode: string | null;
  establishedOn: string;
  adminUnit?: { kind: 'township' | 'street' | 'village' | 'community'; name: string; villagerGroups?: string[] };
}

/** A membership relation with one organization; the columns of the memberships table. */
export interface DemoMembership extends StageDates {
  /** When the relation with this organization began; null: since the first stage date. */
  startedOn: string | null;
  mobile: boolean;
  mobileDestination: string | null;
  mobileSince: string | null;
  /** The community an in-service member reports to. */
  reportingCommunity: string | null;
  outOfContact: boolean;
  /** Agrees with the person's occupation 'retired'. */
  retired: boolean;
  needsCare: boolean;
}

export interface DemoEndedMembership extends DemoMembership {
  orgCode: string;
  endedOn: string;
  endReason: 'transferred' | 'died';
}

export interface DemoPerson {
  /** Unique within the county (and, as it starts with the county code, across counties). */
  key: string;
  name: string;
  gender: '1' | '2';
  /** GB 3304 two-digit code. */
  ethnicity: string;
  birthDate: string;
  idNumber: string;
  /** 11-digit mobile number starting 13/15/17/18/19; null for some of the old. */
  phone: string | null;
  /** GB/T 4658 code such as '21', '31', '41', '61', '71', '81'. */
  education: string;
  occupation: Occupation;
  address: string;
  /** The organization of the open membership (or of the last one, for the dead). */
  orgCode: string;
  /** The open membership relation, in orgCode; null once it has ended. */
  membership: DemoMembership | null;
  /** Relations that have ended (a transfer, a death), oldest first. */
  endedMemberships: DemoEndedMembership[];
}

export interface DemoPost {
  personKey: string;
  orgCode: string;
  role: 'county_admin' | 'township_admin' | 'branch_secretary' | 'cadre' | 'member';
  title: string;
  startedOn: string;
}

export interface DemoAccount {
  username: string;
  password: string;
  personKey: string;
  role: DemoPost['role'];
  orgCode: string;
  description: { zh: string; en: string };
}

export interface DemoCounty {
  /** 6 digits (GB/T 2260). */
  code: string;
  name: string;
  /** Every generated date is on or before it. */
  asOf: string;
  orgs: DemoOrg[];
  people: DemoPerson[];
  posts: DemoPost[];
  accounts: DemoAccount[];
}

export interface GenerateCountyOptions {
  seed: number;
  code: string;
  name?: string;
  /** 'YYYY-MM-DD'; every generated date is on or before it. */
  asOf: string;
  /** Members (full + probationary); default 4000. */
  memberTarget?: number;
  /** Appended to every demo username (usernames are unique in a deployment); default none. */
  usernameSuffix?: string;
}

export interface GenerateDemoOptions {
  scale: DemoScale;
  seed: number;
  /** The first county's code; default 530522 for 'county', 530521 for 'city' and 'province'. */
  countyCode?: string;
  asOf: string;
  /** Members per county; default 4000 (county, city) or 50,000 (province). */
  memberTarget?: number;
}

/** The password of every demo account: ≥ 8 characters with letters and digits. */
export const DEMO_PASSWORD = 'Demo2026';
export const DEFAULT_COUNTY_CODE = '530522';
export const DEFAULT_MEMBER_TARGET = 4000;
export const PROVINCE_MEMBER_TARGET = 50_000;

type Role = DemoPost['role'];
type Profile = 'rural' | 'community' | 'agency';
type Band = readonly [number, number];

// ---------------------------------------------------------------------------------------------
// Demographic tables

const MEMBER_AGE: Record<Profile, WeightedEntries<Band>> = {
  rural: [
    [[20, 25], 3], [[26, 30], 6], [[31, 35], 9], [[36, 40], 8], [[41, 45], 8], [[46, 50], 10], [[51, 55], 11],
    [[56, 60], 12], [[61, 65], 10], [[66, 70], 9], [[71, 75], 7], [[76, 80], 4], [[81, 92], 3],
  ],
  community: [
    [[20, 25], 4], [[26, 30], 8], [[31, 35], 10], [[36, 40], 9], [[41, 45], 9], [[46, 50], 10], [[51, 55], 10],
    [[56, 60], 10], [[61, 65], 10], [[66, 70], 9], [[71, 75], 6], [[76, 80], 3], [[81, 92], 2],
  ],
  agency: [
    [[22, 25], 5], [[26, 30], 14], [[31, 35], 16], [[36, 40], 15], [[41, 45], 14], [[46, 50], 14], [[51, 55], 13],
    [[56, 60], 9],
  ],
};

const PIPELINE_AGE: WeightedEntries<Band> = [[[18, 25], 35], [[26, 30], 25], [[31, 35], 20], [[36, 45], 15], [[46, 55], 5]];

/** Age at admission, in years (capped by the member's present age). */
const JOIN_AGE: Record<Profile, WeightedEntries<Band>> = {
  rural: [[[19, 25], 38], [[26, 30], 24], [[31, 35], 16], [[36, 45], 15], [[46, 55], 7]],
  community: [[[19, 25], 40], [[26, 30], 26], [[31, 35], 16], [[36, 45], 13], [[46, 55], 5]],
  agency: [[[19, 23], 40], [[24, 28], 32], [[29, 35], 20], [[36, 45], 8]],
};

function femaleShare(profile: Profile, age: number): number {
  if (profile === 'agency') return age <= 35 ? 0.5 : 0.4;
  const base = age <= 35 ? 0.5 : age <= 50 ? 0.38 : age <= 65 ? 0.28 : 0.2;
  return profile === 'community' ? base + 0.12 : base;
}

const EDUCATION: Record<Profile, readonly { maxAge: number; weights: WeightedEntries<string> }[]> = {
  rural: [
    { maxAge: 35, weights: [['71', 10], ['61', 14], ['41', 12], ['31', 34], ['21', 28], ['14', 2]] },
    { maxAge: 45, weights: [['71', 30], ['61', 30], ['41', 12], ['31', 18], ['21', 10]] },
    { maxAge: 60, weights: [['81', 10], ['71', 45], ['61', 28], ['41', 8], ['31', 7], ['21', 2]] },
    { maxAge: 200, weights: [['81', 38], ['71', 42], ['61', 14], ['41', 4], ['31', 2]] },
  ],
  community: [
    { maxAge: 45, weights: [['71', 6], ['61', 12], ['41', 10], ['31', 35], ['21', 34], ['14', 3]] },
    { maxAge: 60, weights: [['71', 25], ['61', 30], ['41', 12], ['31', 20], ['21', 13]] },
    { maxAge: 200, weights: [['81', 20], ['71', 40], ['61', 25], ['41', 8], ['31', 5], ['21', 2]] },
  ],
  agency: [
    { maxAge: 49, weights: [['61', 3], ['41', 4], ['31', 25], ['21', 58], ['14', 10]] },
    { maxAge: 200, weights: [['61', 8], ['41', 10], ['31', 35], ['21', 42], ['14', 5]] },
  ],
};

/** Village secretaries: mostly senior high or junior college, some junior high. */
const SECRETARY_EDUCATION: WeightedEntries<string> = [['71', 18], ['61', 32], ['41', 12], ['31', 28], ['21', 10]];
const CADRE_EDUCATION: WeightedEntries<string> = [['31', 15], ['21', 65], ['14', 20]];

/** Chance that a member of this age is still probationary (gives ≈3% overall). */
function probationaryShare(age: number): number {
  if (age <= 30) return 0.16;
  if (age <= 35) return 0.1;
  if (age <= 45) return 0.03;
  if (age <= 55) return 0.005;
  return 0;
}

/** Share of full members whose probation was once extended. */
const EXTENDED_PROBATION_SHARE = 0.004;

interface EthnicMix {
  /** Minority share in ordinary villages and agencies. */
  base: number;
  /** Share of villages that are largely of one minority. */
  clusterChance: number;
  clusterRate: number;
  mix: WeightedEntries<string>;
}

/** By the province part of the county code (GB/T 2260). */
const ETHNIC_MIX: Record<string, EthnicMix> = {
  '53': { base: 0.04, clusterChance: 0.15, clusterRate: 0.55, mix: [['07', 28], ['14', 14], ['16', 10], ['18', 10], ['20', 8], ['03', 10], ['06', 8], ['08', 5], ['21', 4], ['24', 3]] },
  '45': { base: 0.25, clusterChance: 0.25, clusterRate: 0.7, mix: [['08', 80], ['13', 8], ['06', 5], ['12', 4], ['32', 3]] },
  '52': { base: 0.15, clusterChance: 0.25, clusterRate: 0.6, mix: [['06', 35], ['09', 25], ['12', 20], ['15', 8], ['25', 5], ['37', 4], ['03', 3]] },
  '54': { base: 0.85, clusterChance: 0, clusterRate: 0, mix: [['04', 100]] },
  '65': { base: 0.4, clusterChance: 0.2, clusterRate: 0.8, mix: [['05', 60], ['17', 25], ['03', 10], ['29', 5]] },
  '64': { base: 0.2, clusterChance: 0.2, clusterRate: 0.8, mix: [['03', 100]] },
  '63': { base: 0.25, clusterChance: 0.2, clusterRate: 0.7, mix: [['04', 50], ['03', 25], ['30', 15], ['35', 10]] },
  '15': { base: 0.1, clusterChance: 0.1, clusterRate: 0.5, mix: [['02', 70], ['11', 15], ['03', 10], ['31', 5]] },
  '51': { base: 0.03, clusterChance: 0.08, clusterRate: 0.6, mix: [['07', 50], ['04', 30], ['33', 10], ['03', 10]] },
  '43': { base: 0.04, clusterChance: 0.08, clusterRate: 0.6, mix: [['15', 40], ['06', 30], ['12', 15], ['13', 15]] },
  '46': { base: 0.08, clusterChance: 0.1, clusterRate: 0.7, mix: [['19', 85], ['06', 15]] },
  '22': { base: 0.04, clusterChance: 0.05, clusterRate: 0.5, mix: [['10', 50], ['11', 50]] },
  '21': { base: 0.05, clusterChance: 0.05, clusterRate: 0.5, mix: [['11', 70], ['02', 10], ['03', 10], ['10', 10]] },
};
const DEFAULT_ETHNIC_MIX: EthnicMix = {
  base: 0.025,
  clusterChance: 0,
  clusterRate: 0,
  mix: [['03', 35], ['11', 20], ['15', 10], ['06', 10], ['08', 10], ['02', 5], ['07', 5], ['12', 5]],
};

interface MinorityProfile {
  rate: number;
  pick: (rng: Random) => string;
}

const PHONE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156',
  '157', '158', '159', '170', '173', '175', '176', '177', '178', '180', '181', '182', '183', '184', '185', '186',
  '187', '188', '189', '191', '198', '199',
] as const;

const TOWNSHIP_TITLES: Record<'town' | 'xiang' | 'street', readonly string[]> = {
  town: ['党委书记', '党委副书记、镇长', '党委副书记', '纪委书记', '组织委员', '宣传委员', '武装部部长', '统战委员', '党委委员、副镇长'],
  xiang: ['党委书记', '党委副书记、乡长', '党委副书记', '纪委书记', '组织委员', '宣传委员', '武装部部长', '统战委员', '党委委员、副乡长'],
  street: ['党工委书记', '党工委副书记、办事处主任', '党工委副书记', '纪工委书记', '组织委员', '宣传委员', '武装部部长', '统战委员', '党工委委员、办事处副主任'],
};
const SECRETARY_INDEX = 0;
const ORGANIZATION_MEMBER_INDEX = 4;
const PROPAGANDA_MEMBER_INDEX = 5;

const COUNTY_AGENCIES: readonly { name: string; unitType: DemoOrg['unitType']; base: Band; established: Band }[] = [
  { name: '县委组织部机关党支部', unitType: 'agency', base: [16, 22], established: [1952, 1960] },
  { name: '县委办公室机关党支部', unitType: 'agency', base: [14, 24], established: [1952, 1965] },
  { name: '县政府办公室机关党支部', unitType: 'agency', base: [14, 24], established: [1953, 1965] },
  { name: '县纪委监委机关党支部', unitType: 'agency', base: [14, 22], established: [1955, 1985] },
  { name: '县委宣传部机关党支部', unitType: 'agency', base: [10, 18], established: [1953, 1970] },
  { name: '县第一中学党支部', unitType: 'school', base: [22, 36], established: [1956, 1985] },
  { name: '县人民医院党支部', unitType: 'institution', base: [22, 36], established: [1958, 1990] },
];

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'] as const;

/** A village's villager groups (村民小组), as numbered locally: 第一村民小组 … */
function villagerGroups(rng: Random): string[] {
  return ORDINALS.slice(0, rng.int(3, ORDINALS.length)).map((n) => `第${n}村民小组`);
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function bandInt(rng: Random, band: Band): number {
  return rng.int(band[0], band[1]);
}

/** A date in [from, to] after clamping `to` to asOf; if the range is empty, the later bound. */
function dateIn(rng: Random, from: string, to: string, asOf: string): string {
  const hi = minDate(to, asOf);
  if (from > hi) return minDate(from, asOf);
  return rng.date(from, hi);
}

function yearStart(year: number): string {
  return `${String(year).padStart(4, '0')}-01-01`;
}
function yearEnd(year: number): string {
  return `${String(year).padStart(4, '0')}-12-31`;
}

/**
 * Splits `total` into integers proportional to `weights`, each at least `mins[i]`.
 * The sum equals `total` whenever total ≥ Σmins; otherwise every item gets its minimum.
 */
function allocate(total: number, weights: readonly number[], mins: readonly number[]): number[] {
  const minSum = mins.reduce((a, b) => a + b, 0);
  const rest = Math.max(0, total - minSum);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (weightSum > 0 ? (w / weightSum) * rest : 0));
  const out = exact.map((x, i) => Math.floor(x) + (mins[i] ?? 0));
  let left = rest - exact.reduce((a, x) => a + Math.floor(x), 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i] = (out[i] as number) + 1;
    left--;
  }
  return out;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

// ---------------------------------------------------------------------------------------------
// Plans: the county's shape before people are made

type UnitKind = 'town' | 'xiang' | 'street';

interface VillagePlan {
  kind: 'village' | 'community';
  /** One name, or two for a joint branch of two small villages. */
  names: string[];
  part: string;
  base: number;
  min: number;
  size: number;
  big: boolean;
  joint: boolean;
  /** The first village of the first town: an ordinary branch holding the demo accounts. */
  first: boolean;
  minority: MinorityProfile;
  code: string;
}

interface UnitPlan {
  kind: UnitKind;
  name: string;
  /** The name without 镇/乡/街道, for the town-centre community. */
  base: string;
  part: string;
  code: string;
  villages: VillagePlan[];
  committeeSize: number;
  organBase: number;
  organSize: number;
}

interface AgencyPlan {
  code: string;
  name: string;
  unitType: DemoOrg['unitType'];
  base: number;
  size: number;
  min: number;
  established: Band;
}

/** A branch that holds members, with how many and of which kind. */
interface Leaf {
  orgCode: string;
  profile: Profile;
  workplace: Workplace;
  /** Where its members live. */
  homes: Home[];
  size: number;
  minority: MinorityProfile;
}

// ---------------------------------------------------------------------------------------------

class CountyBuilder {
  readonly orgs: DemoOrg[] = [];
  readonly people: DemoPerson[] = [];
  readonly posts: DemoPost[] = [];
  readonly accounts: DemoAccount[] = [];

  private readonly orgByCode = new Map<string, DemoOrg>();
  private readonly usedIds = new Set<string>();
  private readonly usedPhones = new Set<string>();
  private personCounter = 0;
  private readonly ethnic: EthnicMix;
  private readonly pickMinority: (rng: Random) => string;
  private readonly countyMinority: MinorityProfile;
  private readonly pickDestination: (rng: Random) => string;
  /** Members without a post: those whom the county's history may move or end. */
  readonly ordinary: DemoPerson[] = [];
  /** Dates that every person is measured against, computed once: a county makes thousands. */
  private readonly yearAgo: string;
  private readonly sixMonthsAgo: string;
  private readonly eightYearsAgo: string;

  constructor(
    readonly code: string,
    readonly asOf: string,
    readonly memberTarget: number,
  ) {
    this.ethnic = ETHNIC_MIX[code.slice(0, 2)] ?? DEFAULT_ETHNIC_MIX;
    this.pickMinority = weightedPicker(this.ethnic.mix);
    this.countyMinority = { rate: this.ethnic.base, pick: this.pickMinority };
    this.pickDestination = weightedPicker(destinations(code));
    this.yearAgo = addYears(asOf, -1);
    this.sixMonthsAgo = addMonths(asOf, -6);
    this.eightYearsAgo = addYears(asOf, -8);
  }

  // ---- organizations ----

  addOrg(org: DemoOrg): DemoOrg {
    if (this.orgByCode.has(org.code)) throw new Error(`duplicate org code ${org.code}`);
    const parent = org.parentCode === null ? undefined : this.orgByCode.get(org.parentCode);
    if (org.parentCode !== null && parent === undefined) throw new Error(`unknown parent ${org.parentCode}`);
    // A child cannot be older than its parent.
    if (parent !== undefined && org.establishedOn < parent.establishedOn) org.establishedOn = parent.establishedOn;
    this.orgs.push(org);
    this.orgByCode.set(org.code, org);
    return org;
  }

  org(code: string): DemoOrg {
    const org = this.orgByCode.get(code);
    if (org === undefined) throw new Error(`unknown org ${code}`);
    return org;
  }

  villageMinority(rng: Random): MinorityProfile {
    if (this.ethnic.clusterChance > 0 && rng.chance(this.ethnic.clusterChance)) {
      const dominant = this.pickMinority(rng);
      const rate = this.ethnic.clusterRate * rng.float(0.7, 1.3);
      // Mostly the dominant group, sometimes others of the county's mix.
      return { rate: Math.min(0.95, rate), pick: (r) => (r.chance(0.85) ? dominant : this.pickMinority(r)) };
    }
    return this.countyMinority;
  }

  agencyMinority(): MinorityProfile {
    return this.countyMinority;
  }

  // ---- people ----

  private nextKey(): string {
    this.personCounter += 1;
    return `${this.code}-${pad(this.personCounter, 6)}`;
  }

  private phone(rng: Random): string {
    for (;;) {
      const phone = `${rng.pick(PHONE_PREFIXES)}${pad(rng.int(0, 99_999_999), 8)}`;
      if (!this.usedPhones.has(phone)) {
        this.usedPhones.add(phone);
        return phone;
      }
    }
  }

  private idNumber(rng: Random, birthDate: string, gender: '1' | '2'): string {
    for (;;) {
      // Sequences 001..998; odd for men, even for women.
      let seq = rng.int(1, 998);
      if ((seq % 2 === 1) !== (gender === '1')) seq += 1;
      const id = citizenIdNumber(this.code, birthDate, seq);
      const key = id.slice(0, 17);
      if (!this.usedIds.has(key)) {
        this.usedIds.add(key);
        return id;
      }
    }
  }

  /** A birth date giving exactly `age` whole years on asOf. */
  private birthDateForAge(rng: Random, age: number): string {
    return rng.date(addDays(addYears(this.asOf, -(age + 1)), 1), addYears(this.asOf, -age));
  }

  private education(rng: Random, profile: Profile, age: number): string {
    const table = EDUCATION[profile];
    const row = table.find((r) => age <= r.maxAge) ?? table[table.length - 1];
    return rng.weighted((row as (typeof table)[number]).weights);
  }

  /**
   * A member's stage dates: admitted at an age typical of the profile, by `joinedBy` at the latest
   * (or within the last year when probationary); a few full members had their probation extended.
   */
  private memberStages(rng: Random, profile: Profile, birthDate: string, age: number, category: 'full' | 'probationary', joinedBy: string | undefined) {
    const earliest = earliestOn('joined', birthDate);
    let joinedOn: string;
    if (category === 'probationary') {
      joinedOn = dateIn(rng, maxDate(addDays(this.yearAgo, 1), earliest), this.asOf, this.asOf);
    } else {
      const latest = joinedBy === undefined ? this.yearAgo : minDate(joinedBy, this.yearAgo);
      const maxJoinAge = age - 1;
      const bands = JOIN_AGE[profile]
        .filter(([band]) => band[0] <= maxJoinAge)
        .map(([band, w]) => [[band[0], Math.min(band[1], maxJoinAge)] as Band, w] as const);
      const joinAge = bands.length > 0 ? bandInt(rng, rng.weighted(bands)) : 19;
      const candidate = addDays(addYears(birthDate, joinAge), rng.int(0, 364));
      joinedOn = maxDate(earliest, minDate(candidate, latest));
    }
    let extension = category === 'full' && rng.chance(EXTENDED_PROBATION_SHARE) ? rng.int(6, 12) : null;
    // Admission on a day ≤ 28 makes "a year and N months" one date however months are counted.
    if (extension !== null && (Number(joinedOn.slice(8)) > 28 || probationEnds(joinedOn, extension) > this.asOf)) extension = null;
    return memberStages(rng, birthDate, joinedOn, extension, this.asOf);
  }

  /** The relation with the person's branch; its flags follow from the person's age, work and home. */
  private membership(rng: Random, leaf: Leaf, age: number, stages: StageDates, job: Occupation, home: Home): DemoMembership {
    const joinedOn = stages.joinedOn;
    const local = leaf.workplace === 'village' || leaf.workplace === 'community';
    // A mobile member has been away six months or more, all of them as a member.
    const mobile = joinedOn !== null && local && joinedOn <= this.sixMonthsAgo && rng.chance(mobileShare(age));
    return {
      category: stages.category,
      startedOn: null,
      appliedOn: stages.appliedOn,
      activistOn: stages.activistOn,
      targetOn: stages.targetOn,
      joinedOn,
      fullOn: stages.fullOn,
      probationExtensionMonths: stages.probationExtensionMonths,
      mobile,
      mobileDestination: mobile ? this.pickDestination(rng) : null,
      mobileSince: mobile && joinedOn !== null ? rng.date(maxDate(joinedOn, this.eightYearsAgo), this.sixMonthsAgo) : null,
      reportingCommunity:
        joinedOn !== null && !local && home.kind === 'community' && job !== 'retired' && rng.chance(REPORTING_SHARE) ? home.name : null,
      outOfContact: joinedOn !== null && leaf.workplace === 'village' && !mobile && rng.chance(outOfContactShare(age)),
      retired: job === 'retired',
      needsCare: joinedOn !== null && rng.chance(needsCareShare(age)),
    };
  }

  addPerson(
    rng: Random,
    spec: {
      leaf: Leaf;
      age: number;
      category: MemberCategory;
      femaleShare?: number;
      education?: WeightedEntries<string>;
      /** For full members: the latest admission date (post holders have been members a while). */
      joinedBy?: string;
      /** Post holders can always be reached by phone. */
      reachable?: boolean;
    },
  ): DemoPerson {
    const { age, leaf } = spec;
    const { profile } = leaf;
    const gender: '1' | '2' = rng.chance(spec.femaleShare ?? femaleShare(profile, age)) ? '2' : '1';
    const birthDate = this.birthDateForAge(rng, age);
    const ethnicity = rng.chance(leaf.minority.rate) ? leaf.minority.pick(rng) : '01';
    const education = spec.education ? rng.weighted(spec.education) : this.education(rng, profile, age);
    const stages =
      spec.category === 'full' || spec.category === 'probationary'
        ? this.memberStages(rng, profile, birthDate, age, spec.category, spec.joinedBy)
        : pipelineStages(rng, spec.category, birthDate, this.asOf);
    const home = rng.pick(leaf.homes);
    const job = occupation(rng, leaf.workplace, age, gender);
    const membership = this.membership(rng, leaf, age, stages, job, home);
    const person: DemoPerson = {
      key: this.nextKey(),
      name: personName(rng, gender, Number(birthDate.slice(0, 4))),
      gender,
      ethnicity,
      birthDate,
      idNumber: this.idNumber(rng, birthDate, gender),
      phone: spec.reachable === true || !rng.chance(noPhoneShare(age)) ? this.phone(rng) : null,
      education,
      // Farmers who work away from home are migrant workers.
      occupation: membership.mobile && job === 'farmer' ? 'worker' : job,
      address: address(rng, home),
      orgCode: leaf.orgCode,
      membership,
      endedMemberships: [],
    };
    this.people.push(person);
    return person;
  }

  /** An ordinary member of a branch: age from the profile's distribution, ≈3% probationary. */
  addMember(rng: Random, leaf: Leaf): DemoPerson {
    const age = bandInt(rng, rng.weighted(MEMBER_AGE[leaf.profile]));
    const category = rng.chance(probationaryShare(age)) ? 'probationary' : 'full';
    const person = this.addPerson(rng, { leaf, age, category });
    this.ordinary.push(person);
    return person;
  }

  /**
   * A full member chosen for a post: age within `ages`, with a given education mix and share of
   * women, admitted at least three years before asOf.
   */
  addFullMember(rng: Random, leaf: Leaf, ages: Band, femaleShareValue: number, education?: WeightedEntries<string>): DemoPerson {
    return this.addPerson(rng, {
      leaf,
      age: bandInt(rng, ages),
      category: 'full',
      femaleShare: femaleShareValue,
      joinedBy: addYears(this.asOf, -3),
      reachable: true,
      ...(education ? { education } : {}),
    });
  }

  // ---- posts ----

  /** A post begun within the last `maxYears` years, after the person became a full member; or on `startedOn`. */
  addPost(rng: Random, person: DemoPerson, orgCode: string, role: Role, title: string, maxYears: number, startedOn?: string): DemoPost {
    const org = this.org(orgCode);
    const sinceMember = person.membership?.fullOn ?? person.membership?.joinedOn ?? org.establishedOn;
    const from = maxDate(maxDate(sinceMember, org.establishedOn), addYears(this.asOf, -maxYears));
    const post: DemoPost = {
      personKey: person.key,
      orgCode,
      role,
      title,
      startedOn: startedOn ?? dateIn(rng, from, addDays(this.asOf, -30), this.asOf),
    };
    this.posts.push(post);
    return post;
  }
}

// ---------------------------------------------------------------------------------------------

function validateCommon(seed: number, asOf: string): void {
  if (typeof seed !== 'number' || !Number.isFinite(seed)) throw new RangeError(`seed must be a finite number: ${seed}`);
  if (!isCalendarDate(asOf)) throw new RangeError(`asOf must be a YYYY-MM-DD date: ${asOf}`);
}

/** Generates one demo county. Pure: the same options give deep-equal output. */
export function generateCounty(options: GenerateCountyOptions): DemoCounty {
  const { seed, code, asOf } = options;
  validateCommon(seed, asOf);
  if (!/^\d{6}$/.test(code)) throw new RangeError(`county code must be 6 digits: ${code}`);
  const memberTarget = options.memberTarget ?? DEFAULT_MEMBER_TARGET;
  if (!Number.isInteger(memberTarget) || memberTarget < 50) throw new RangeError(`memberTarget must be an integer ≥ 50: ${memberTarget}`);
  const suffix = options.usernameSuffix ?? '';

  const root = new Random(`grassroots-demo|${seed}|${code}`);
  const rOrg = root.fork('orgs');
  const rPeople = root.fork('people');
  const places = new PlaceNames(root.fork('places'));
  const generatedName = places.countyName();
  const countyName = options.name ?? generatedName;
  const b = new CountyBuilder(code, asOf, memberTarget);

  // ---- shape ----
  const scale = Math.min(4, Math.max(0.25, Math.sqrt(memberTarget / DEFAULT_MEMBER_TARGET)));
  const unitCount = Math.max(2, Math.round(rOrg.int(9, 11) * scale));
  const streetCount = Math.max(1, Math.round(unitCount * 0.15));
  const ruralCount = unitCount - streetCount;
  const townCount = Math.max(1, ruralCount - Math.round(ruralCount * rOrg.float(0.15, 0.35)));
  const xiangCount = ruralCount - townCount;

  const kinds: UnitKind[] = [
    ...Array.from({ length: streetCount }, () => 'street' as const),
    ...Array.from({ length: townCount }, () => 'town' as const),
    ...Array.from({ length: xiangCount }, () => 'xiang' as const),
  ];
  const counters: Record<UnitKind, number> = { street: 0, town: 100, xiang: 200 };
  const units: UnitPlan[] = kinds.map((kind) => {
    counters[kind] += 1;
    const part = pad(counters[kind], 3);
    const name = kind === 'street' ? places.street() : places.township(kind);
    return {
      kind,
      name,
      base: name.replace(/(镇|乡|街道)$/, ''),
      part,
      code: code + part,
      villages: [],
      committeeSize: rOrg.int(7, 9),
      organBase: rOrg.int(16, 28),
      organSize: 0,
    };
  });
  const firstTown = units.find((u) => u.kind === 'town') as UnitPlan;

  const villageTotal = Math.max(unitCount * 3, Math.round(rOrg.int(104, 116) * scale));
  const unitWeights = units.map((u) => (u.kind === 'town' ? rOrg.int(10, 13) : u.kind === 'xiang' ? rOrg.int(8, 11) : rOrg.int(6, 9)));
  const perUnit = allocate(villageTotal, unitWeights, units.map(() => 3));

  units.forEach((unit, ui) => {
    const n = perUnit[ui] as number;
    const communities = unit.kind === 'street' ? n : unit.kind === 'town' && n >= 6 ? rOrg.int(1, 2) : 0;
    let communityPart = 0;
    let villagePart = 200;
    for (let i = 0; i < n; i++) {
      const kind = i < communities ? 'community' : 'village';
      const name = kind === 'community' ? places.community(i === 0 && unit.kind === 'town' ? unit.base : undefined) : places.village();
      const part = pad(kind === 'community' ? ++communityPart : ++villagePart, 3);
      const first = unit === firstTown && kind === 'village' && villagePart === 201;
      const big = !first && rOrg.chance(0.09);
      const base = first
        ? rOrg.int(28, 40)
        : big
          ? rOrg.int(58, 85)
          : kind === 'community'
            ? rOrg.int(25, 55)
            : 20 + Math.round(38 * Math.pow(rOrg.next(), 1.7));
      unit.villages.push({
        kind,
        names: [name],
        part,
        base,
        min: 5,
        size: 0,
        big,
        joint: false,
        first,
        minority: b.villageMinority(rOrg),
        code: unit.code + part,
      });
    }
  });

  // A joint branch or two: two small neighbouring villages share one branch.
  const jointCandidates = rOrg.shuffle(units.filter((u) => u.kind !== 'street' && u.villages.filter((v) => v.kind === 'village').length >= 5));
  const jointCount = Math.min(jointCandidates.length, Math.max(1, Math.round(rOrg.int(1, 2) * scale)));
  for (const unit of jointCandidates.slice(0, jointCount)) {
    const second = unit.villages.pop() as VillagePlan;
    const kept = unit.villages[unit.villages.length - 1] as VillagePlan;
    kept.names.push(...second.names);
    kept.joint = true;
    kept.big = false;
    kept.base = rOrg.int(12, 22);
  }

  const agencies: AgencyPlan[] = COUNTY_AGENCIES.map((a, i) => ({
    code: `${code}9${pad(i + 1, 2)}`,
    name: a.name,
    unitType: a.unitType,
    base: bandInt(rOrg, a.base),
    size: 0,
    min: 5,
    established: a.established,
  }));
  const countyAdminCount = rOrg.int(3, 5);
  (agencies[0] as AgencyPlan).min = countyAdminCount + 4;

  // ---- member counts: proportional to the plans' base sizes, summing to the target ----
  const sized: { base: number; min: number; set: (n: number) => void }[] = [];
  for (const unit of units) {
    sized.push({ base: unit.organBase, min: unit.committeeSize + 4, set: (n) => (unit.organSize = n) });
    for (const v of unit.villages) sized.push({ base: v.base, min: v.min, set: (n) => (v.size = n) });
  }
  for (const a of agencies) sized.push({ base: a.base, min: a.min, set: (n) => (a.size = n) });
  const sizes = allocate(memberTarget, sized.map((s) => s.base), sized.map((s) => s.min));
  sized.forEach((s, i) => s.set(sizes[i] as number));

  // ---- organizations ----
  const rootOrg = b.addOrg({
    code,
    name: `${countyName}委`,
    type: 'committee',
    unitType: null,
    divisionCode: null,
    parentCode: null,
    establishedOn: dateIn(rOrg, '1950-01-01', '1956-12-31', asOf),
  });

  const leaves: Leaf[] = [];
  const agencyLeaves: Leaf[] = [];
  for (const a of agencies) {
    const [y0, y1] = a.established;
    b.addOrg({
      code: a.code,
      name: a.name,
      type: 'branch',
      unitType: a.unitType,
      divisionCode: null,
      parentCode: code,
      establishedOn: dateIn(rOrg, yearStart(y0), yearEnd(y1), asOf),
    });
    const workplace = a.unitType === 'agency' ? 'government' : 'institution';
    // Homes are the county seat's communities, known once the streets are made.
    const leaf: Leaf = { orgCode: a.code, profile: 'agency', workplace, homes: [], size: a.size, minority: b.agencyMinority() };
    leaves.push(leaf);
    agencyLeaves.push(leaf);
  }

  interface VillageOrgs {
    plan: VillagePlan;
    /** Member-holding branches (the village's own, or its sub-branches). */
    leaves: Leaf[];
    general: boolean;
  }
  const unitOrgs: { unit: UnitPlan; organ: Leaf; villages: VillageOrgs[] }[] = [];

  for (const unit of units) {
    const street = unit.kind === 'street';
    b.addOrg({
      code: unit.code,
      name: `${unit.name}${street ? '党工委' : '党委'}`,
      type: street ? 'working_committee' : 'committee',
      unitType: street ? 'street' : 'township',
      divisionCode: `${unit.code}000`,
      parentCode: code,
      establishedOn: street
        ? dateIn(rOrg, '2003-01-01', '2020-12-31', asOf)
        : dateIn(rOrg, unit.kind === 'town' ? '1956-01-01' : '1958-01-01', '1992-12-31', asOf),
      adminUnit: { kind: street ? 'street' : 'township', name: unit.name },
    });
    const organCode = `${unit.code}900`;
    const unitOrg = b.org(unit.code);
    b.addOrg({
      code: organCode,
      name: `${unit.name}机关党支部`,
      type: 'branch',
      unitType: 'agency',
      divisionCode: null,
      parentCode: unit.code,
      establishedOn: dateIn(rOrg, unitOrg.establishedOn, addYears(unitOrg.establishedOn, 5), asOf),
    });
    // The township's officials live in its villages and communities, added below.
    const organ: Leaf = { orgCode: organCode, profile: 'agency', workplace: 'government', homes: [], size: unit.organSize, minority: b.agencyMinority() };
    leaves.push(organ);

    const villages: VillageOrgs[] = [];
    for (const v of unit.villages) {
      const profile: Profile = v.kind === 'community' ? 'community' : 'rural';
      const admin = v.names[0] as string;
      const general = !v.joint && !v.first && v.size >= 50;
      const established = v.joint
        ? dateIn(rOrg, '2012-01-01', '2022-12-31', asOf)
        : v.kind === 'community'
          ? dateIn(rOrg, '1995-01-01', '2020-12-31', asOf)
          : rOrg.chance(0.1)
            ? dateIn(rOrg, '2001-01-01', '2020-12-31', asOf)
            : dateIn(rOrg, '1952-01-01', '2000-12-31', asOf);
      const groups = v.kind === 'village' ? villagerGroups(rOrg.fork(`groups:${v.code}`)) : undefined;
      b.addOrg({
        code: v.code,
        name: v.joint ? `${v.names.join('')}联合党支部` : `${admin}${general ? '党总支' : '党支部'}`,
        type: v.joint ? 'joint_branch' : general ? 'general_branch' : 'branch',
        unitType: v.kind,
        divisionCode: `${unit.code}${v.part}`,
        parentCode: unit.code,
        establishedOn: established,
        adminUnit: { kind: v.kind, name: admin, villagerGroups: groups },
      });
      // A joint branch's second village is taken to have as many groups as the first.
      const homes: Home[] = v.names.map((name) => ({ name, kind: v.kind, groups: groups?.length ?? 0 }));
      organ.homes.push(...homes);
      const vLeaves: Leaf[] = [];
      if (general) {
        const count = Math.min(ORDINALS.length, Math.max(2, Math.ceil(v.size / 25)));
        const split = allocate(v.size, Array.from({ length: count }, () => rOrg.int(8, 12)), Array.from({ length: count }, () => 4));
        for (let k = 0; k < count; k++) {
          const subCode = `${v.code}${pad(k + 1, 2)}`;
          b.addOrg({
            code: subCode,
            name: `${admin}第${ORDINALS[k]}党支部`,
            type: 'branch',
            unitType: v.kind,
            divisionCode: null,
            parentCode: v.code,
            establishedOn: dateIn(rOrg, maxDate(established, '2000-01-01'), '2021-12-31', asOf),
          });
          vLeaves.push({ orgCode: subCode, profile, workplace: v.kind, homes, size: split[k] as number, minority: v.minority });
        }
      } else {
        vLeaves.push({ orgCode: v.code, profile, workplace: v.kind, homes, size: v.size, minority: v.minority });
        // Larger branches are divided into party groups.
        if (!v.joint && v.size >= 35 && rOrg.chance(0.5)) {
          const groups = rOrg.int(2, 3);
          for (let k = 0; k < groups; k++) {
            b.addOrg({
              code: `${v.code}${pad(k + 1, 2)}`,
              name: `${admin}党支部第${ORDINALS[k]}党小组`,
              type: 'party_group',
              unitType: v.kind,
              divisionCode: null,
              parentCode: v.code,
              establishedOn: dateIn(rOrg, established, addYears(established, 10), asOf),
            });
          }
        }
      }
      leaves.push(...vLeaves);
      villages.push({ plan: v, leaves: vLeaves, general });
    }
    unitOrgs.push({ unit, organ, villages });
  }
  const seat = unitOrgs.filter(({ unit }) => unit.kind === 'street').flatMap(({ organ }) => organ.homes);
  for (const leaf of agencyLeaves) leaf.homes = seat;

  // ---- people and posts ----
  const fill = (leaf: Leaf, already: number): void => {
    for (let i = already; i < leaf.size; i++) b.addMember(rPeople, leaf);
  };

  // County organization department: administrators, then the branch's other members.
  const orgDept = agencyLeaves[0] as Leaf;
  let countyAccountPerson: DemoPerson | undefined;
  for (let i = 0; i < countyAdminCount; i++) {
    const p = b.addFullMember(rPeople, orgDept, i === 0 ? [40, 52] : [26, 48], 0.4, CADRE_EDUCATION);
    b.addPost(rPeople, p, rootOrg.code, 'county_admin', i === 0 ? '组织部副部长' : '组织部干部', 10);
    if (i === 1) countyAccountPerson = p;
  }
  const deptSecretary = b.addFullMember(rPeople, orgDept, [35, 55], 0.35, CADRE_EDUCATION);
  b.addPost(rPeople, deptSecretary, orgDept.orgCode, 'branch_secretary', '党支部书记', 8);
  fill(orgDept, countyAdminCount + 1);
  for (const leaf of agencyLeaves.slice(1)) {
    const sec = b.addFullMember(rPeople, leaf, [35, 56], 0.3, CADRE_EDUCATION);
    b.addPost(rPeople, sec, leaf.orgCode, 'branch_secretary', '党支部书记', 8);
    fill(leaf, 1);
  }

  let townshipAccountPerson: DemoPerson | undefined;
  let cadreAccountPerson: DemoPerson | undefined;
  let secretaryAccountPerson: DemoPerson | undefined;
  let memberAccountPerson: DemoPerson | undefined;
  let firstVillageCode: string | undefined;

  for (const { unit, organ, villages } of unitOrgs) {
    const titles = TOWNSHIP_TITLES[unit.kind].slice(0, unit.committeeSize);
    titles.forEach((title, i) => {
      const p = b.addFullMember(rPeople, organ, i === SECRETARY_INDEX ? [38, 52] : [28, 55], i === SECRETARY_INDEX ? 0.12 : 0.28, CADRE_EDUCATION);
      const post = b.addPost(rPeople, p, unit.code, 'cadre', title, 5);
      if (i === SECRETARY_INDEX || i === ORGANIZATION_MEMBER_INDEX) b.addPost(rPeople, p, unit.code, 'township_admin', title, 5, post.startedOn);
      if (unit === firstTown && i === ORGANIZATION_MEMBER_INDEX) townshipAccountPerson = p;
      if (unit === firstTown && i === PROPAGANDA_MEMBER_INDEX) cadreAccountPerson = p;
    });
    const organSecretary = b.addFullMember(rPeople, organ, [30, 52], 0.35, CADRE_EDUCATION);
    b.addPost(rPeople, organSecretary, organ.orgCode, 'branch_secretary', '党支部书记', 6);
    fill(organ, titles.length + 1);

    for (const village of villages) {
      const { plan } = village;
      const villageCode = plan.code;
      const first = plan.first;
      if (first) firstVillageCode = villageCode;
      const secAges: Band = [35, 62];
      if (village.general) {
        const [firstLeaf] = village.leaves as [Leaf, ...Leaf[]];
        const chief = b.addFullMember(rPeople, firstLeaf, secAges, 0.12, SECRETARY_EDUCATION);
        b.addPost(rPeople, chief, villageCode, 'branch_secretary', '党总支书记', 8);
        const committee = [b.addFullMember(rPeople, firstLeaf, [30, 60], 0.35), b.addFullMember(rPeople, firstLeaf, [30, 60], 0.35)];
        b.addPost(rPeople, committee[0] as DemoPerson, villageCode, 'cadre', '党总支委员（组织委员）', 8);
        b.addPost(rPeople, committee[1] as DemoPerson, villageCode, 'cadre', '党总支委员（宣传委员）', 8);
        village.leaves.forEach((leaf, k) => {
          const sec = b.addFullMember(rPeople, leaf, [32, 62], 0.2, SECRETARY_EDUCATION);
          b.addPost(rPeople, sec, leaf.orgCode, 'branch_secretary', '党支部书记', 8);
          fill(leaf, k === 0 ? 4 : 1);
        });
      } else {
        const leaf = village.leaves[0] as Leaf;
        const sec = b.addFullMember(rPeople, leaf, secAges, 0.12, SECRETARY_EDUCATION);
        b.addPost(rPeople, sec, villageCode, 'branch_secretary', '党支部书记', 8);
        if (first) secretaryAccountPerson = sec;
        let made = 1;
        if (leaf.size >= 7) {
          const c1 = b.addFullMember(rPeople, leaf, [30, 60], 0.35);
          const c2 = b.addFullMember(rPeople, leaf, [30, 60], 0.35);
          b.addPost(rPeople, c1, villageCode, 'cadre', '支部委员（组织委员）', 8);
          b.addPost(rPeople, c2, villageCode, 'cadre', '支部委员（宣传委员）', 8);
          made += 2;
        }
        if (first) {
          const m = b.addFullMember(rPeople, leaf, [28, 45], 0.5);
          b.addPost(rPeople, m, villageCode, 'member', '党员', 30);
          memberAccountPerson = m;
          made += 1;
        }
        fill(leaf, made);
      }
    }
  }

  // The admission pipeline: applicants, activists, development targets, spread by branch size.
  const pickLeaf = weightedPicker(leaves.map((l) => [l, Math.max(1, l.size)] as const));
  const pipeline: [MemberCategory, number, number][] = [
    ['applicant', Math.round(memberTarget * 0.02), 18],
    ['activist', Math.round(memberTarget * 0.018), 19],
    ['development_target', Math.round(memberTarget * 0.0025), 20],
  ];
  for (const [category, count, minAge] of pipeline) {
    for (let i = 0; i < count; i++) {
      const leaf = pickLeaf(rPeople);
      const band = rPeople.weighted(PIPELINE_AGE);
      const age = Math.max(minAge, bandInt(rPeople, band));
      b.addPerson(rPeople, {
        leaf,
        age,
        category,
        femaleShare: leaf.profile === 'rural' ? 0.42 : 0.5,
      });
    }
  }

  addHistory(root.fork('history'), b.ordinary, leaves, asOf, memberTarget);

  // ---- accounts ----
  const town = firstTown.name;
  const village = firstVillageCode === undefined ? '' : (b.org(firstVillageCode).adminUnit?.name ?? '');
  const account = (username: string, person: DemoPerson | undefined, role: Role, orgCode: string | undefined, zh: string, en: string) => {
    if (person === undefined || orgCode === undefined) throw new Error(`demo account ${username}: nobody to hold it`);
    b.accounts.push({ username: username + suffix, password: DEMO_PASSWORD, personKey: person.key, role, orgCode, description: { zh, en } });
  };
  account('county', countyAccountPerson, 'county_admin', rootOrg.code, '县委组织部管理员', 'County administrator (organization department)');
  account('township', townshipAccountPerson, 'township_admin', firstTown.code, `${town}党委组织委员（乡镇管理员）`, `Township administrator (organization member of the ${town} committee)`);
  account('secretary', secretaryAccountPerson, 'branch_secretary', firstVillageCode, `${village}党支部书记`, `Village branch secretary (${village})`);
  account('cadre', cadreAccountPerson, 'cadre', firstTown.code, `${town}党委宣传委员`, `Township cadre (propaganda member of the ${town} committee)`);
  account('member', memberAccountPerson, 'member', firstVillageCode, `${village}党支部党员`, `Party member (${village} branch)`);

  return { code, name: countyName, asOf, orgs: b.orgs, people: b.people, posts: b.posts, accounts: b.accounts };
}

// ---------------------------------------------------------------------------------------------

/** The county codes of a demo at a scale. Province: 10 cities × 10 counties from the first code. */
export function demoCountyCodes(scale: DemoScale, countyCode?: string): string[] {
  const first = countyCode ?? (scale === 'county' ? DEFAULT_COUNTY_CODE : '530521');
  if (!/^\d{6}$/.test(first)) throw new RangeError(`county code must be 6 digits: ${first}`);
  const province = first.slice(0, 2);
  const city = Number(first.slice(2, 4));
  const county = Number(first.slice(4, 6));
  if (scale === 'county') return [first];
  if (county + 9 > 99) throw new RangeError(`county code ${first} leaves no room for 10 consecutive counties`);
  if (scale === 'city') return Array.from({ length: 10 }, (_, j) => `${province}${pad(city, 2)}${pad(county + j, 2)}`);
  if (city + 9 > 99) throw new RangeError(`county code ${first} leaves no room for 10 cities`);
  const codes: string[] = [];
  for (let i = 0; i < 10; i++) for (let j = 0; j < 10; j++) codes.push(`${province}${pad(city + i, 2)}${pad(county + j, 2)}`);
  return codes;
}

/**
 * Yields the demo's counties one at a time, so a caller can stream a province (100 counties of
 * ≈50,000 members each) without holding them all. The first county's usernames are plain
 * (county, township, secretary, cadre, member); later counties' carry their code as a suffix,
 * since usernames are unique in a deployment. County names are kept distinct.
 */
export function* generateCounties(options: GenerateDemoOptions): Generator<DemoCounty, void, undefined> {
  validateCommon(options.seed, options.asOf);
  const codes = demoCountyCodes(options.scale, options.countyCode);
  const memberTarget = options.memberTarget ?? (options.scale === 'province' ? PROVINCE_MEMBER_TARGET : DEFAULT_MEMBER_TARGET);
  const usedNames = new Set<string>();
  for (const [i, code] of codes.entries()) {
    let name: string | undefined;
    const natural = new PlaceNames(new Random(`grassroots-demo|${options.seed}|${code}`).fork('places')).countyName();
    if (usedNames.has(natural)) {
      for (let attempt = 1; name === undefined || usedNames.has(name); attempt++) {
        const candidate = new PlaceNames(new Random(`grassroots-demo|${options.seed}|${code}|name|${attempt}`)).countyName();
        name = attempt > 200 ? `${candidate.slice(0, -1)}${attempt}县` : candidate;
      }
    }
    const county = generateCounty({
      seed: options.seed,
      code,
      asOf: options.asOf,
      memberTarget,
      usernameSuffix: i === 0 ? '' : code,
      ...(name !== undefined ? { name } : {}),
    });
    usedNames.add(county.name);
    yield county;
  }
}

/** All counties of a demo at once: 1 (county), 10 (city) or 100 (province; prefer generateCounties). */
export function generateDemo(options: GenerateDemoOptions): DemoCounty[] {
  return [...generateCounties(options)];
}
