/**
 * What a demo person does and where they live: occupation category of Party statistics, address
 * in the village-and-group style of rural registers, and the registry's status flags (mobile,
 * out of contact, in need of care).
 */
import type { Occupation } from '../modules/members/rules/occupation.js';
import type { Random, WeightedEntries } from './random.js';

/** Where a branch's members work: its occupation mix follows from it. */
export type Workplace = 'village' | 'community' | 'government' | 'institution';

/** A village (with its number of villager groups) or a community where members live. */
export interface Home {
  name: string;
  kind: 'village' | 'community';
  groups: number;
}

const WORKING: Record<Workplace, WeightedEntries<Occupation>> = {
  // Farmers above all; migrant workers, cooperative heads, village doctors and teachers besides.
  village: [['farmer', 70], ['worker', 11], ['other', 9], ['professional', 5], ['manager', 4], ['military', 0.3]],
  community: [['other', 34], ['worker', 20], ['professional', 16], ['manager', 14], ['civil_servant', 8], ['farmer', 8]],
  government: [['civil_servant', 88], ['professional', 7], ['manager', 3], ['worker', 2]],
  institution: [['professional', 82], ['manager', 12], ['worker', 6]],
};

/** Share of people past retirement age who draw a pension: farmers do not retire. */
const RETIRED_SHARE: Record<Workplace, number> = { village: 0.2, community: 0.8, government: 1, institution: 1 };
/** Share of people aged 22 or under still at school or college. */
const STUDENT_SHARE: Record<Workplace, number> = { village: 0.2, community: 0.25, government: 0, institution: 0 };

export function occupation(rng: Random, workplace: Workplace, age: number, gender: '1' | '2'): Occupation {
  if (age <= 22 && rng.chance(STUDENT_SHARE[workplace])) return 'student';
  if (age >= (gender === '2' ? 55 : 60) && rng.chance(RETIRED_SHARE[workplace])) return 'retired';
  return rng.weighted(WORKING[workplace]);
}

const GROUP_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'] as const;
const ROADS = ['人民路', '文化路', '建设路', '团结路', '新华路', '民族路', '和平路', '振兴路', '东风路', '滨河路', '兴隆街', '育才路'] as const;

/** 马家村三组 in a village; 和顺社区文化路12号 in a community. */
export function address(rng: Random, home: Home): string {
  if (home.kind === 'village' && home.groups > 0) return `${home.name}${rng.pick(GROUP_NUMBERS.slice(0, home.groups))}组`;
  return `${home.name}${rng.pick(ROADS)}${rng.int(1, 180)}号`;
}

/** Chance that a member of this age in a village or community works away from home (≈4% of all members). */
export function mobileShare(age: number): number {
  if (age < 20 || age > 55) return 0;
  if (age <= 35) return 0.12;
  if (age <= 45) return 0.09;
  return 0.04;
}

/** By the province part of the county code: its capital draws migrants first. */
const PROVINCE_CAPITAL: Record<string, string> = {
  '53': '昆明市', '45': '南宁市', '52': '贵阳市', '51': '成都市', '43': '长沙市', '54': '拉萨市', '65': '乌鲁木齐市',
  '64': '银川市', '63': '西宁市', '15': '呼和浩特市', '46': '海口市', '22': '长春市', '21': '沈阳市',
};
const CITIES: WeightedEntries<string> = [
  ['广州市', 12], ['深圳市', 12], ['上海市', 10], ['东莞市', 8], ['杭州市', 8], ['苏州市', 6], ['宁波市', 5], ['北京市', 5], ['厦门市', 4],
];

/** Where a county's mobile members go. */
export function destinations(countyCode: string): WeightedEntries<string> {
  const capital = PROVINCE_CAPITAL[countyCode.slice(0, 2)];
  return capital === undefined ? CITIES : [[capital, 30], ...CITIES];
}

/** Chance that a member needs care at home: the very old above all. */
export function needsCareShare(age: number): number {
  if (age >= 80) return 0.25;
  if (age >= 70) return 0.05;
  return 0.002;
}

/** Chance that a working-age village member who is not registered as mobile has lost contact. */
export function outOfContactShare(age: number): number {
  return age >= 22 && age <= 50 ? 0.006 : 0;
}

/** Chance that a member of this age has no phone number on record. */
export function noPhoneShare(age: number): number {
  if (age >= 75) return 0.35;
  if (age >= 65) return 0.12;
  return 0.02;
}

/** Share of in-service members living in a community who report to it (在职党员到社区报到). */
export const REPORTING_SHARE = 0.7;
