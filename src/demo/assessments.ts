/**
 * The demo county's assessments and responsibility letters: last year's three-way evaluation of every
 * village organization run by the county and finished in December (a few 后进, so that the next
 * screening proposes them, with upgrade plans for 后进 and 一般), this year's secretaries' debrief open
 * with part of the scores in, and the county → township and township → village letters of both years
 * (last year's signed and scored in December, this year's signed). Derived from the generated county
 * with its own random stream; every date on or before asOf.
 */
import { defaultSchemes, gradeOf, needsUpgradePlan, round1, weightedTotal, type Scheme } from '../modules/assessments/rules.js';
import type { DemoCounty, DemoOrg } from './generate.js';
import { Random } from './random.js';

export interface DemoAssessmentRound {
  orgCode: string;
  year: number;
  scheme: Scheme;
  title: string;
  status: 'open' | 'finished';
  openedOn: string;
  finishedOn: string | null;
}

export interface DemoAssessmentResult {
  /** Index of the round in `rounds`. */
  round: number;
  orgCode: string;
  personKey: string | null;
  partScores: Record<string, number>;
  total: number | null;
  grade: string | null;
  upgradePlan: string | null;
}

export interface DemoLetter {
  issuerCode: string;
  orgCode: string;
  year: number;
  title: string;
  status: 'signed' | 'scored';
  signedOn: string;
  scoredOn: string | null;
  items: { title: string; target: string; weight: number; score: number | null }[];
}

const townshipItems = [
  { title: '基层组织建设', target: '软弱涣散村党组织整顿全部达到验收标准，村党组织书记专职化管理落实', weight: 30 },
  { title: '党员队伍建设', target: '完成年度发展党员计划，党员教育培训全覆盖', weight: 25 },
  { title: '抓党建促乡村振兴', target: '村集体经济收入全部达到5万元以上，10万元以上的村占三成', weight: 25 },
  { title: '党建工作责任制', target: '党委书记述职评议、“三会一课”督查每季度开展一次', weight: 20 },
];
const villageItems = [
  { title: '组织生活', target: '“三会一课”、主题党日按期召开，记录完整', weight: 25 },
  { title: '党员发展与管理', target: '培养入党积极分子不少于2名，党费按月收缴', weight: 20 },
  { title: '为民服务', target: '民情诉求按期办结，群众满意率90%以上', weight: 20 },
  { title: '集体经济', target: '村集体经济收入比上年增长10%', weight: 20 },
  { title: '班子建设', target: '村“两委”班子团结，无违纪违法问题', weight: 15 },
];
const plans = [
  '县级领导包村，选派第一书记驻村；每月召开一次支委会，逐项整改群众评议提出的问题，年底前实现等次提升。',
  '调整充实村“两委”班子，明确一名乡镇班子成员联系指导；规范“三会一课”，每季度向乡镇党委报告整改进展。',
  '针对集体经济薄弱问题，依托合作社发展特色种植，年内集体经济收入达到5万元；开展党员联户，化解矛盾纠纷。',
];

const isVillage = (o: DemoOrg) => o.type !== 'party_group' && (o.unitType === 'village' || o.unitType === 'community');
const atMost = (day: string, asOf: string) => (day < asOf ? day : asOf);
/** A score rounded to half points, as graders give them. */
const half = (n: number) => Math.round(n * 2) / 2;
const clamp = (n: number, max = 100) => Math.max(0, Math.min(max, n));

export function demoAssessments(demo: DemoCounty, asOf: string): { rounds: DemoAssessmentRound[]; results: DemoAssessmentResult[]; letters: DemoLetter[] } {
  const rng = new Random(`assessments-${demo.code}-${demo.asOf}`);
  const year = Number(asOf.slice(0, 4));
  const last = year - 1;
  const root = demo.orgs.find((o) => o.parentCode === null)!;
  const townships = demo.orgs.filter((o) => o.parentCode === root.code && (o.unitType === 'township' || o.unitType === 'street'));
  const byCode = new Map(demo.orgs.map((o) => [o.code, o]));
  const townshipOf = (o: DemoOrg): DemoOrg | undefined => {
    let at: DemoOrg | undefined = o;
    while (at && at.parentCode !== root.code) at = at.parentCode ? byCode.get(at.parentCode) : undefined;
    return at;
  };
  const [threeWay, debrief] = defaultSchemes as [Scheme, Scheme];
  const rounds: DemoAssessmentRound[] = [];
  const results: DemoAssessmentResult[] = [];

  // Last year's three-way evaluation: a target band per village, each part near it.
  const lastOpened = `${last}-12-05`;
  const lastVillages = demo.orgs.filter((o) => isVillage(o) && o.establishedOn <= lastOpened);
  rounds.push({ orgCode: root.code, year: last, scheme: threeWay, title: `${root.name}${last}年度${threeWay.name}`, status: 'finished', openedOn: lastOpened, finishedOn: `${last}-12-30` });
  const lagging = new Set(rng.shuffle(lastVillages.map((v) => v.code)).slice(0, Math.max(2, Math.round(lastVillages.length * 0.04))));
  for (const v of lastVillages) {
    const target = lagging.has(v.code) ? rng.float(45, 54) : rng.weighted([[rng.float(62, 78), 2], [rng.float(81, 89), 5], [rng.float(91, 97), 3]] as const);
    const partScores = Object.fromEntries(threeWay.parts.map((p) => [p.key, round1(clamp(half(target + rng.float(-4, 4))))]));
    const total = weightedTotal(threeWay.parts, partScores);
    const grade = gradeOf(threeWay.grades, total)!.key;
    results.push({ round: 0, orgCode: v.code, personKey: null, partScores, total, grade, upgradePlan: needsUpgradePlan(threeWay.grades, grade) ? rng.pick(plans) : null });
  }

  // This year's debrief: each village's secretary on the opening day; about half scored, a few part-way.
  const opened = atMost(`${year}-01-20`, asOf);
  const villages = demo.orgs.filter((o) => isVillage(o) && o.establishedOn <= opened);
  rounds.push({ orgCode: root.code, year, scheme: debrief, title: `${root.name}${year}年度${debrief.name}`, status: 'open', openedOn: opened, finishedOn: null });
  const secretaryOf = new Map<string, string>();
  for (const p of [...demo.posts].sort((a, b) => a.startedOn.localeCompare(b.startedOn))) {
    if (p.role === 'branch_secretary' && p.startedOn <= opened) secretaryOf.set(p.orgCode, p.personKey);
  }
  for (const v of villages) {
    const progress = rng.weighted([['done', 5], ['part', 1], ['none', 4]] as const);
    const partScores: Record<string, number> = {};
    if (progress !== 'none') {
      const target = rng.float(70, 96);
      for (const p of progress === 'done' ? debrief.parts : debrief.parts.slice(0, 1)) partScores[p.key] = round1(clamp(half(target + rng.float(-5, 5))));
    }
    const total = weightedTotal(debrief.parts, partScores);
    results.push({ round: 1, orgCode: v.code, personKey: secretaryOf.get(v.code) ?? null, partScores, total, grade: gradeOf(debrief.grades, total)?.key ?? null, upgradePlan: null });
  }

  // Letters: the county to each township, each township to its villages; last year's scored in December.
  const letters: DemoLetter[] = [];
  const letter = (issuer: DemoOrg, org: DemoOrg, y: number, templates: typeof villageItems) => {
    const scored = y < year;
    letters.push({
      issuerCode: issuer.code, orgCode: org.code, year: y, title: `${y}年度党建工作目标责任书`, status: scored ? 'scored' : 'signed',
      signedOn: atMost(`${y}-02-${issuer === root ? 20 : 26}`, asOf), scoredOn: scored ? `${y}-12-28` : null,
      items: templates.map((i) => ({ ...i, score: scored ? clamp(half(i.weight * rng.float(0.72, 1)), i.weight) : null })),
    });
  };
  for (const y of [last, year]) {
    const signedBy = `${y}-02-26`;
    for (const t of townships) if (t.establishedOn <= signedBy) letter(root, t, y, townshipItems);
    for (const v of demo.orgs.filter((o) => isVillage(o) && o.establishedOn <= atMost(signedBy, asOf))) {
      const t = townshipOf(v);
      if (t && townships.includes(t)) letter(t, v, y, villageItems);
    }
  }
  return { rounds, results, letters };
}
