/**
 * The demo county's points and star ratings: in every branch a few claims of the catalogue's manual
 * items this year, most approved and one waiting for the township; every branch's rating of last
 * year approved, and about half its full members' (a branch rates members where the county asks it
 * to); of this year's, some self-assessed and some reviewed. The branch holding the demo
 * accounts and its account holders are left without any, so the walk-through starts from nothing.
 * Derived from the generated county with its own random stream.
 */
import { stageOn } from '../modules/members/rules/pipeline.js';
import { defaultPointsSettings } from '../modules/points/catalogue.js';
import type { Indicator } from '../modules/points/contracts.js';
import { scoreTotal, signed, starsFor } from '../modules/points/rules.js';
import type { DemoCounty, DemoPerson } from './generate.js';
import { Random } from './random.js';

export interface DemoPointEntry {
  personKey: string; orgCode: string; itemId: string; points: number; occurredOn: string; description: string; evidence: string | null; status: 'approved' | 'pending';
}
export interface DemoStarRating {
  /** Null for the branch's own rating. */
  personKey: string | null;
  orgCode: string; year: number; status: 'self_assessed' | 'reviewed' | 'approved';
  selfScores: Record<string, number>; reviewScores: Record<string, number> | null; stars: number | null;
}

const branchTypes = ['branch', 'joint_branch', 'general_branch'];
const descriptions: Record<string, string[]> = {
  volunteer: ['参加村道清扫志愿服务', '参加防汛值守志愿服务', '帮助独居老人秋收', '参加人居环境整治义务劳动'],
  commended_township: ['获评镇级优秀共产党员', '获评镇级党员示范户'],
  commended_county: ['获评县级优秀共产党员'],
  sanction: ['受到党内警告处分'],
};
const evidences = ['村委会出具证明', '镇党委表彰文件', '活动签到表及照片', '县委表彰决定'];

/** A member of the branch on `day`, as the server checks claims. */
const memberOn = (p: DemoPerson, day: string) => {
  const m = p.membership;
  if (!m || (m.startedOn ?? '0001-01-01') > day) return false;
  const stage = stageOn(m, day);
  return stage === 'full' || stage === 'probationary';
};

const scoresOf = (indicators: Indicator[], rng: Random, low: number) =>
  Object.fromEntries(indicators.map((i) => [i.id, Math.min(i.max, rng.int(Math.round(i.max * low), i.max))]));

/** Last year's approved ratings of about half the branch's members who were full members all December. */
function memberRatings(members: DemoPerson[], orgCode: string, year: number, rng: Random): DemoStarRating[] {
  const { memberIndicators: indicators, ratingStars } = defaultPointsSettings;
  return members.filter((p) => p.membership && stageOn(p.membership, `${year}-12-01`) === 'full' && stageOn(p.membership, `${year}-12-31`) === 'full' && rng.chance(0.5))
    .map((p) => {
      const selfScores = scoresOf(indicators, rng, 0.8);
      const reviewScores = Object.fromEntries(Object.entries(selfScores).map(([id, s]) => [id, Math.max(0, s - rng.int(0, 3))]));
      return { personKey: p.key, orgCode, year, status: 'approved' as const, selfScores, reviewScores, stars: starsFor(scoreTotal(reviewScores), ratingStars.member) };
    });
}

export function demoPoints(demo: DemoCounty, asOf: string): { entries: DemoPointEntry[]; ratings: DemoStarRating[] } {
  const rng = new Random(`points:${demo.code}:${asOf}`);
  const settings = defaultPointsSettings;
  const year = Number(asOf.slice(0, 4));
  const manual = settings.items.filter((i) => i.source === 'manual');
  const accountOrgs = new Set(demo.accounts.map((a) => a.orgCode));
  const accountPeople = new Set(demo.accounts.map((a) => a.personKey));
  const branches = demo.orgs.filter((o) => branchTypes.includes(o.type) && !accountOrgs.has(o.code));
  const entries: DemoPointEntry[] = [];
  const ratings: DemoStarRating[] = [];
  for (const branch of branches) {
    const members = demo.people.filter((p) => p.orgCode === branch.code && !accountPeople.has(p.key));
    const claims = rng.int(2, 4);
    for (let n = 0; n < claims && members.length > 0; n++) {
      const person = rng.pick(members);
      const occurredOn = rng.date(`${year}-01-01`, asOf);
      if (!memberOn(person, occurredOn)) continue;
      // Mostly volunteering; a commendation now and then, a sanction rarely.
      const item = rng.chance(0.7) ? manual.find((i) => i.id === 'volunteer')! : rng.chance(0.9) ? rng.pick(manual.filter((i) => i.kind === 'addition')) : rng.pick(manual);
      entries.push({
        personKey: person.key, orgCode: branch.code, itemId: item.id, points: signed(item, item.points), occurredOn,
        description: rng.pick(descriptions[item.id] ?? ['其他']), evidence: item.evidenceRequired ? rng.pick(evidences) : null,
        status: n === 0 ? 'pending' : 'approved',
      });
    }
    const indicators = settings.branchIndicators;
    if (branch.establishedOn < `${year - 1}-01-01`) {
      const selfScores = scoresOf(indicators, rng, 0.7);
      const reviewScores = Object.fromEntries(Object.entries(selfScores).map(([id, s]) => [id, Math.max(0, s - rng.int(0, 2))]));
      ratings.push({ personKey: null, orgCode: branch.code, year: year - 1, status: 'approved', selfScores, reviewScores, stars: starsFor(scoreTotal(reviewScores), settings.ratingStars.branch) });
      ratings.push(...memberRatings(members, branch.code, year - 1, rng));
    }
    const progress = rng.next();
    if (progress < 0.3) ratings.push({ personKey: null, orgCode: branch.code, year, status: 'self_assessed', selfScores: scoresOf(indicators, rng, 0.7), reviewScores: null, stars: null });
    else if (progress < 0.45) {
      const selfScores = scoresOf(indicators, rng, 0.7);
      ratings.push({ personKey: null, orgCode: branch.code, year, status: 'reviewed', selfScores, reviewScores: scoresOf(indicators, rng, 0.6), stars: null });
    }
  }
  return { entries, ratings };
}
