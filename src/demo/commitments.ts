/**
 * The demo county's commitments (承诺践诺评诺), as seed 001's "421" county keeps them: every village branch
 * and its secretary make the year's commitments in February and March (secretaries four, one of each
 * level), some members too; most are published, with progress updates every few months, some completed,
 * a few delayed or abandoned; last year's are all published, mostly completed and appraised by the
 * township in December or January. Derived from the generated county with its own random stream; every
 * date is on or before asOf.
 */
import { DEFAULT_WEIGHTS, appraisalTotal } from '../modules/commitments/rules.js';
import type { CommitmentSettings } from '../modules/commitments/contracts.js';
import { defaultSettings } from '../modules/commitments/queries.js';
import type { DemoCounty } from './generate.js';
import { Random, addDays, maxDate, minDate } from './random.js';

export interface DemoCommitment {
  key: string;
  orgCode: string;
  year: number;
  maker: 'branch' | 'secretary' | 'member';
  personKey: string | null;
  level: string;
  parentKey: string | null;
  position: number;
  title: string;
  target: string;
  targetValue: number | null;
  unit: string | null;
  dueOn: string;
  public: boolean;
  state: 'draft' | 'published' | 'in_progress' | 'completed' | 'delayed' | 'abandoned';
  publishedOn: string | null;
  completedOn: string | null;
  abandonReason: string | null;
}

export interface DemoCommitmentUpdate {
  commitmentKey: string;
  /** 'progress' (践诺), or 'delay' with the due date it replaced and the reason in the note. */
  kind: 'progress' | 'delay';
  previousDueOn: string | null;
  madeOn: string;
  value: number | null;
  progressPermille: number | null;
  note: string;
  evidence: string | null;
}

export interface DemoCommitmentAppraisal {
  commitmentKey: string;
  selfScore: number;
  massesScore: number;
  superiorScore: number;
  weights: { self: number; masses: number; superior: number };
  total: number;
  satisfiedVotes: number | null;
  votes: number | null;
  appraisedOn: string;
}

export interface DemoCommitments {
  /** The county's setting: the demo county is seed 001's "421" county, secretaries four a year. */
  settings: CommitmentSettings;
  commitments: DemoCommitment[];
  updates: DemoCommitmentUpdate[];
  appraisals: DemoCommitmentAppraisal[];
}

/** Seed 001's "421" county: each secretary makes four commitments a year; otherwise the defaults. */
export const DEMO_COMMITMENT_SETTINGS: CommitmentSettings = { ...defaultSettings, minimums: { ...defaultSettings.minimums, secretary: 4 } };

interface Template { title: string; target: string; value: number | null; unit: string | null; due: string }

const SECRETARY: Record<'common' | 'post' | 'practical' | 'self_discipline', readonly Template[]> = {
  common: [
    { title: '带头学习贯彻党的创新理论', target: '全年为党员讲党课 2 次', value: 2, unit: '次', due: '12-31' },
    { title: '带头学习，提升履职能力', target: '参加县乡培训不少于 4 次', value: 4, unit: '次', due: '11-30' },
  ],
  post: [
    { title: '抓好支部规范化建设', target: '按时召开支部党员大会、支委会，全年不少于 12 次', value: 12, unit: '次', due: '12-31' },
    { title: '做好发展党员工作', target: '培养入党积极分子 2 名', value: 2, unit: '名', due: '11-30' },
    { title: '落实“四议两公开”', target: '村级重大事项 100% 按“四议两公开”决策', value: null, unit: null, due: '12-31' },
  ],
  practical: [
    { title: '硬化村组道路', target: '硬化村组道路 2.5 公里', value: 2.5, unit: '公里', due: '10-31' },
    { title: '安装太阳能路灯', target: '在主干道安装太阳能路灯 30 盏', value: 30, unit: '盏', due: '09-30' },
    { title: '发展壮大村集体经济', target: '村集体经济收入增加 5 万元', value: 5, unit: '万元', due: '12-31' },
    { title: '改造人饮管网', target: '改造人饮管网 3 公里', value: 3, unit: '公里', due: '08-31' },
    { title: '人居环境整治', target: '完成农户卫生厕所改造 40 户', value: 40, unit: '户', due: '10-31' },
    { title: '发展特色产业', target: '新发展核桃提质增效 200 亩', value: 200, unit: '亩', due: '11-30' },
  ],
  self_discipline: [
    { title: '廉洁自律', target: '不违规操办婚丧喜庆事宜，全年无违纪违法', value: null, unit: null, due: '12-31' },
    { title: '公道正派办事', target: '村务、财务按季度公开，群众无有效投诉', value: null, unit: null, due: '12-31' },
  ],
};

const BRANCH: readonly (Template & { level: string; items?: readonly Template[] })[] = [
  { level: 'common', title: '开展主题党日活动', target: '每月开展主题党日活动 1 次，全年 12 次', value: 12, unit: '次', due: '12-31' },
  {
    level: 'practical', title: '为民办实事', target: '解决群众急难愁盼问题', value: null, unit: null, due: '11-30',
    items: [
      { title: '修建村民活动广场', target: '建成村民活动广场 1 个', value: 1, unit: '个', due: '09-30' },
      { title: '慰问困难群众', target: '走访慰问困难党员群众 30 户', value: 30, unit: '户', due: '11-30' },
    ],
  },
];

const MEMBER: readonly Template[] = [
  { title: '联系服务群众', target: '联系服务群众 5 户，每季度走访 1 次', value: 5, unit: '户', due: '12-31' },
  { title: '带头发展产业', target: '带动 3 户群众发展种养殖', value: 3, unit: '户', due: '11-30' },
  { title: '参加志愿服务', target: '参加志愿服务活动 6 次', value: 6, unit: '次', due: '12-31' },
];

const UPDATE_NOTES = ['按计划推进，已完成阶段任务', '召开会议研究部署，组织群众投工投劳', '协调资金到位，施工正常', '党员带头参与，群众反映良好'];
const DELAY_REASONS = ['受雨季影响施工暂停', '项目资金未按期到位', '用地协调需要时间'];
const ABANDON_REASONS = ['项目纳入县级统一实施，本村不再单独承诺', '群众意见变化，经党员大会讨论调整'];

type Fate = 'draft' | 'completed' | 'delayed' | 'abandoned' | 'open';

export function demoCommitments(demo: DemoCounty, asOf: string): DemoCommitments {
  const rng = new Random(`commitments:${demo.code}:${asOf}`);
  const year = Number(asOf.slice(0, 4));
  const villages = demo.orgs.filter((o) => o.unitType === 'village' && (o.type === 'branch' || o.type === 'general_branch' || o.type === 'joint_branch'));
  const commitments: DemoCommitment[] = [];
  const updates: DemoCommitmentUpdate[] = [];
  const appraisals: DemoCommitmentAppraisal[] = [];
  let n = 0;

  /** One commitment (with its items) of a year, its updates to asOf, and last year's appraisal. */
  const add = (orgCode: string, y: number, maker: DemoCommitment['maker'], personKey: string | null, level: string, t: Template & { items?: readonly Template[] }, position: number) => {
    const current = y === year;
    const publishedOn = minDate(`${y}-0${rng.int(2, 3)}-${String(rng.int(10, 28)).padStart(2, '0')}`, asOf);
    const dueOn = `${y}-${t.due}`;
    const fate: Fate = current
      ? rng.weighted<Fate>([['draft', 4], ['completed', dueOn <= asOf ? 70 : 18], ['delayed', 5], ['abandoned', 3], ['open', dueOn <= asOf ? 18 : 70]])
      : rng.weighted<Fate>([['completed', 86], ['delayed', 6], ['abandoned', 3], ['open', 5]]);
    const key = `c${++n}`;
    const base: DemoCommitment = {
      key, orgCode, year: y, maker, personKey, level, parentKey: null, position, title: t.title, target: t.target, targetValue: t.value, unit: t.unit,
      dueOn, public: maker !== 'member' || rng.chance(0.5), state: 'draft', publishedOn: null, completedOn: null, abandonReason: null,
    };
    const leaves: DemoCommitment[] = (t.items ?? []).map((item, i) => ({ ...base, key: `${key}.${i}`, parentKey: key, position: i, title: item.title, target: item.target, targetValue: item.value, unit: item.unit, dueOn: `${y}-${item.due}` }));
    const tree = [base, ...leaves];
    if (fate === 'draft' || publishedOn > asOf) {
      commitments.push(...tree);
      return;
    }
    const last = minDate(asOf, `${y + 1}-01-20`);
    let state: DemoCommitment['state'] = 'published';
    let completedOn: string | null = null;
    let abandonReason: string | null = null;
    let finalDue = dueOn;
    const reach = fate === 'completed' ? 1 : fate === 'abandoned' ? rng.float(0.1, 0.4) : rng.float(0.3, 0.9);
    if (fate === 'completed') {
      completedOn = minDate(addDays(dueOn, -rng.int(0, 40)), last);
      if (completedOn < publishedOn) completedOn = publishedOn;
      state = 'completed';
    }
    if (fate === 'delayed' && addDays(publishedOn, 60) <= asOf) {
      const delayedOn = rng.date(addDays(publishedOn, 60), minDate(asOf, addDays(dueOn, 10)));
      finalDue = minDate(`${y + 1}-06-30`, addDays(dueOn > delayedOn ? dueOn : delayedOn, rng.int(30, 90)));
      updates.push({ commitmentKey: key, kind: 'delay', previousDueOn: dueOn, madeOn: delayedOn, value: null, progressPermille: null, note: rng.pick(DELAY_REASONS), evidence: null });
      state = 'delayed';
    }
    if (fate === 'abandoned') {
      abandonReason = rng.pick(ABANDON_REASONS);
      state = 'abandoned';
    }
    // Progress updates every three months or so, on each leaf, up to the end (completion or asOf).
    const end = completedOn ?? minDate(asOf, last);
    for (const leaf of leaves.length > 0 ? leaves : [base]) {
      const stops: string[] = [];
      for (let d = addDays(publishedOn, rng.int(30, 75)); d < end; d = addDays(d, rng.int(70, 100))) stops.push(d);
      if (completedOn) stops.push(completedOn);
      stops.forEach((madeOn, i) => {
        const share = completedOn && i === stops.length - 1 ? 1 : Math.min(0.95, reach * ((i + 1) / (stops.length + (completedOn ? 0 : 1))));
        updates.push({
          commitmentKey: leaf.key, kind: 'progress', previousDueOn: null, madeOn, note: rng.pick(UPDATE_NOTES), evidence: rng.chance(0.6) ? `照片 ${madeOn.replaceAll('-', '')}-${rng.int(1, 9)}` : null,
          ...(leaf.targetValue !== null ? { value: Math.round(leaf.targetValue * share * 100) / 100, progressPermille: null } : { value: null, progressPermille: Math.round(share * 1000) }),
        });
      });
      if (state === 'published' && stops.length > 0) state = 'in_progress';
    }
    for (const c of tree) Object.assign(c, { state, publishedOn, completedOn, abandonReason });
    base.dueOn = finalDue;
    commitments.push(...tree);
    if (!current) {
      // Last year's: appraised by the township at the year's end.
      const appraisedOn = maxDate(minDate(rng.date(`${y}-12-10`, `${y + 1}-01-20`), asOf), completedOn ?? `${y}-12-01`);
      const good = state === 'completed';
      const selfScore = good ? rng.int(90, 100) : rng.int(70, 88);
      const held = rng.chance(0.6);
      const votes = held ? rng.int(25, 60) : null;
      const satisfiedVotes = votes === null ? null : Math.round(votes * (good ? rng.float(0.85, 1) : rng.float(0.55, 0.85)));
      const massesScore = votes !== null && satisfiedVotes !== null ? Math.round((satisfiedVotes / votes) * 1000) / 10 : good ? rng.int(85, 98) : rng.int(60, 85);
      const superiorScore = good ? rng.int(85, 98) : rng.int(60, 85);
      const scores = { self: selfScore, masses: massesScore, superior: superiorScore };
      appraisals.push({ commitmentKey: key, selfScore, massesScore, superiorScore, weights: DEFAULT_WEIGHTS, total: appraisalTotal(scores, DEFAULT_WEIGHTS), satisfiedVotes, votes, appraisedOn });
    }
  };

  for (const village of villages) {
    const secretary = demo.posts.find((p) => p.orgCode === village.code && p.role === 'branch_secretary');
    const members = demo.people.filter((p) => p.orgCode === village.code && p.membership?.category === 'full' && p.key !== secretary?.personKey);
    for (const y of [year - 1, year]) {
      let position = 0;
      for (const b of BRANCH) add(village.code, y, 'branch', null, b.level, b, position++);
      // A secretary in post that year makes the county's four, one of each level ("421").
      if (secretary && secretary.startedOn <= `${y}-02-01`) {
        for (const level of ['common', 'post', 'practical', 'self_discipline'] as const) add(village.code, y, 'secretary', secretary.personKey, level, rng.pick(SECRETARY[level]), position++);
      }
      for (const m of rng.shuffle(members).slice(0, rng.chance(0.5) ? rng.int(1, 3) : 0)) add(village.code, y, 'member', m.key, 'post', rng.pick(MEMBER), position++);
    }
  }
  return { settings: DEMO_COMMITMENT_SETTINGS, commitments, updates, appraisals };
}
