/**
 * Seed 002's year of weak-lax rectification in the demo county, pure and deterministic: last year's
 * screening round, whose cases have since been closed or rebounded, and this year's round with
 * findings from each of the four channels over the villages, about a tenth of them defined with
 * evidence, and their cases in every state of the ledger — one plan awaiting approval, one approved,
 * several rectifying with weekly reports (a late one and a missed week among them), one asking for
 * acceptance, some under watch — with exactly one failed acceptance and one rebound. Every date of a
 * record is on or before asOf.
 */
import { defaultScreeningSetting } from '../modules/rectification/criteria.js';
import { defaultRectificationSettings } from '../modules/rectification/settings.js';
import { addDays, addMonths } from '../platform/dates.js';
import { periodOf } from '../platform/cadence/periods.js';
import type { DemoCounty, DemoOrg } from './generate.js';
import { Random } from './random.js';

export type DemoChannel = 'self' | 'masses' | 'check' | 'department';

export interface DemoRound { key: string; year: number; title: string; openedOn: string; closedOn: string | null }

export interface DemoFinding {
  key: string;
  roundKey: string;
  orgCode: string;
  criterionCode: string;
  criterionTitle: string;
  category: string;
  channel: DemoChannel;
  checkLevel: 'township' | 'county' | null;
  department: string | null;
  evidence: string;
  foundOn: string;
  status: 'confirmed' | 'dismissed' | 'proposed';
  dismissReason: string | null;
  decidedOn: string | null;
}

export interface DemoCaseEvent { day: string; action: string; fromState: string | null; toState: string; note: string | null; findingKey: string | null }

export interface DemoCase {
  roundKey: string;
  orgCode: string;
  year: number;
  state: string;
  definedOn: string;
  basis: string;
  deadline: string | null;
  planApprovedOn: string | null;
  groupLeader: string | null;
  groupMembers: string[];
  dispatchedUnits: string[];
  firstSecretaryName: string | null;
  countyLeader: string | null;
  watchUntil: string | null;
  closedOn: string | null;
  items: { problem: string; measure: string; responsible: string; deadline: string; doneOn: string | null; evidence: string | null }[];
  reports: { periodKey: string; reportedOn: string; content: string; late: boolean }[];
  acceptances: { acceptedOn: string; scoreSheet: { item: string; max: number; score: number }[]; score: number; dissatisfiedPermille: number | null; result: 'pass' | 'basic_pass' | 'fail'; reasons: string | null; newDeadline: string | null }[];
  events: DemoCaseEvent[];
}

export interface DemoWeakLax { rounds: DemoRound[]; findings: DemoFinding[]; cases: DemoCase[] }

const evidenceOf: Record<DemoChannel, string[]> = {
  self: ['村党支部对照标准自查，班子会议记录显示问题属实', '自查报告：全年“三会一课”记录不全'],
  masses: ['群众评议满意率偏低，多名群众反映班子作用发挥不好', '入户走访中群众集中反映村务公开不及时'],
  check: ['乡镇党委实地检查，查阅台账发现问题', '县委组织部督查组暗访发现问题'],
  department: ['部门通报：村级事务管理存在问题', '部门日常工作中发现并书面报告'],
};

const measures = ['乡镇党委书记包村，逐月督导', '选派第一书记驻村，建立问题清单', '规范“四议两公开”，每月公开村务', '开展集中培训，落实“三会一课”'];
const workers = ['县委组织部 干部', '乡镇组织委员', '县纪委监委 干部', '县农业农村局 干部', '县委政法委 干部', '乡镇驻村干部'];
const leaders = ['县委副书记', '县委常委、组织部部长', '县委常委、政法委书记', '副县长'];
const units = ['县委组织部', '县财政局', '县农业农村局', '县委政法委', '县民政局'];

/** Scores per item: `share` of each maximum, to one decimal. */
const sheet = (share: number) => defaultRectificationSettings.scoreSheet.map((s) => ({ ...s, score: Math.round(s.max * share * 10) / 10 }));
const total = (rows: { score: number }[]) => Math.round(rows.reduce((sum, r) => sum + r.score, 0) * 10) / 10;

/** The village and community organizations screened, in code order. */
const villagesOf = (demo: DemoCounty) => demo.orgs
  .filter((o) => (o.unitType === 'village' || o.unitType === 'community') && o.type !== 'party_group')
  .sort((a, b) => a.code.localeCompare(b.code));

/** Builds one case's ledger action by action, so that its events, state and rows agree. */
class CaseBuilder {
  readonly c: DemoCase;
  constructor(roundKey: string, org: DemoOrg, year: number, definedOn: string, basis: string) {
    this.c = {
      roundKey, orgCode: org.code, year, state: 'identified', definedOn, basis, deadline: null, planApprovedOn: null, groupLeader: null, groupMembers: [],
      dispatchedUnits: [], firstSecretaryName: null, countyLeader: null, watchUntil: null, closedOn: null, items: [], reports: [], acceptances: [],
      events: [{ day: definedOn, action: 'defined', fromState: null, toState: 'identified', note: basis, findingKey: null }],
    };
  }

  private move(day: string, action: string, to: string, note: string | null = null, findingKey: string | null = null): this {
    this.c.events.push({ day, action, fromState: this.c.state, toState: to, note, findingKey });
    this.c.state = to;
    return this;
  }

  plan(rng: Random, problems: string[], on: string, deadline: string, group: boolean): this {
    this.c.items = problems.map((problem, i) => ({
      problem, measure: measures[(i + rng.int(0, 3)) % measures.length]!, responsible: i === 0 ? '村党支部书记' : rng.pick(['乡镇包村领导', '第一书记', '村务监督委员会主任']),
      deadline: addDays(deadline, -15 * (problems.length - 1 - i)), doneOn: null, evidence: null,
    }));
    this.c.events.push({ day: on, action: 'plan_saved', fromState: 'identified', toState: 'identified', note: null, findingKey: null });
    if (group) {
      this.c.groupLeader = rng.pick(workers);
      this.c.groupMembers = [rng.pick(workers), rng.pick(workers)];
      this.c.dispatchedUnits = [rng.pick(units)];
      this.c.firstSecretaryName = rng.pick(['李', '王', '张', '刘', '陈', '杨']) + rng.pick(['建国', '志强', '海燕', '明', '红梅', '文斌']);
      this.c.countyLeader = rng.pick(leaders);
      this.c.events.push({ day: on, action: 'group_changed', fromState: 'identified', toState: 'identified', note: null, findingKey: null });
    }
    return this;
  }

  approve(on: string, deadline: string): this {
    this.c.planApprovedOn = on;
    this.c.deadline = deadline;
    return this.move(on, 'plan_approved', 'plan_approved');
  }

  start(on: string): this { return this.move(on, 'started', 'rectifying'); }

  /** Weekly reports from the approval to `until`, each on the period's Friday; `skip` weeks unreported, `late` weeks filed the next Tuesday. */
  report(until: string, skip: Set<number> = new Set(), late: Set<number> = new Set()): this {
    let n = 0;
    for (let p = periodOf('week', this.c.planApprovedOn!); p.end < until; p = periodOf('week', addDays(p.end, 1)), n++) {
      if (skip.has(n)) continue;
      const isLate = late.has(n);
      const on = isLate ? addDays(p.end, 2) : addDays(p.start, 4) < this.c.planApprovedOn! ? p.end : addDays(p.start, 4);
      if (on > until) break;
      this.c.reports.push({ periodKey: p.key, reportedOn: on, late: isLate, content: `${p.key} 整顿进展：按方案推进，召开支委会研究整改事项${isLate ? '（补报）' : ''}` });
      this.c.events.push({ day: on, action: isLate ? 'reported_late' : 'reported', fromState: this.c.state, toState: this.c.state, note: p.key, findingKey: null });
    }
    return this;
  }

  done(on: string, count = this.c.items.length): this {
    for (const item of this.c.items.slice(0, count)) {
      item.doneOn = on;
      item.evidence = '会议记录、公开栏照片和群众签字';
      this.c.events.push({ day: on, action: 'item_done', fromState: this.c.state, toState: this.c.state, note: item.problem, findingKey: null });
    }
    return this;
  }

  request(on: string): this { return this.move(on, 'acceptance_requested', 'acceptance_requested'); }

  accept(on: string, result: 'pass' | 'basic_pass' | 'fail', share: number, dissatisfied: number | null, reasons: string | null, newDeadline: string | null = null): this {
    const rows = sheet(share);
    this.c.acceptances.push({ acceptedOn: on, scoreSheet: rows, score: total(rows), dissatisfiedPermille: dissatisfied, result, reasons, newDeadline });
    if (result === 'fail') {
      this.c.deadline = newDeadline;
      return this.move(on, 'returned', 'rectifying', reasons);
    }
    const { watchMonths, basicPassExtraMonths } = defaultRectificationSettings;
    this.c.watchUntil = addMonths(on, watchMonths + (result === 'basic_pass' ? basicPassExtraMonths : 0));
    return this.move(on, 'accepted', 'under_watch', reasons);
  }

  close(on: string): this {
    this.c.closedOn = on;
    return this.move(on, 'closed', 'closed');
  }

  relapse(on: string, findingKey: string): this {
    this.c.watchUntil = null;
    this.c.planApprovedOn = null;
    return this.move(on, 'relapsed', 'identified', null, findingKey);
  }
}

export function demoWeakLax(demo: DemoCounty): DemoWeakLax {
  const rng = new Random(`${demo.code}|weak-lax`);
  const asOf = demo.asOf;
  // Seed 002's year: the current one once its plans can have run half a year, else the last.
  const year = Number(asOf.slice(0, 4)) - (asOf.slice(5) >= '09-01' ? 0 : 1);
  const prev = year - 1;
  const villages = villagesOf(demo);
  const criteria = defaultScreeningSetting.criteria;
  const departments = [...new Set(Object.values(defaultScreeningSetting.departments).flat())];
  const findings: DemoFinding[] = [];
  const rounds: DemoRound[] = [
    { key: 'prev', year: prev, title: `${prev}年度软弱涣散村党组织排查`, openedOn: `${prev}-01-10`, closedOn: `${prev}-03-31` },
    { key: 'this', year, title: `${year}年度软弱涣散村党组织排查`, openedOn: `${year}-01-10`, closedOn: null },
  ];
  const channels: DemoChannel[] = ['self', 'masses', 'check', 'department'];
  let channelTurn = 0;
  const find = (roundKey: string, org: DemoOrg, foundOn: string, status: DemoFinding['status'], decidedOn: string | null): DemoFinding => {
    const criterion = rng.pick(criteria);
    const channel = channels[channelTurn++ % channels.length]!;
    const f: DemoFinding = {
      key: `${roundKey}|${findings.length}`, roundKey, orgCode: org.code, criterionCode: criterion.code, criterionTitle: criterion.title, category: criterion.category,
      channel, checkLevel: channel === 'check' ? rng.pick(['township', 'county'] as const) : null, department: channel === 'department' ? rng.pick(departments) : null,
      evidence: rng.pick(evidenceOf[channel]), foundOn, status, dismissReason: status === 'dismissed' ? '经核实问题已整改，不予认定' : null, decidedOn: status === 'proposed' ? null : decidedOn,
    };
    findings.push(f);
    return f;
  };
  if (villages.length < 12) return { rounds, findings, cases: [] };

  const shuffled = rng.shuffle(villages);
  // A tenth, and at least six so that a small demo still shows every state.
  const defineCount = Math.max(6, Math.round(villages.length / 10));
  const prevDefined = shuffled.slice(0, 2);
  const thisDefined = shuffled.slice(2, 2 + defineCount);
  const others = shuffled.slice(2 + defineCount);
  const cases: DemoCase[] = [];
  const problemsOf = (code: string, roundKey: string) => findings.filter((f) => f.orgCode === code && f.roundKey === roundKey && f.status === 'confirmed').map((f) => f.criterionTitle);

  // Last year: two villages defined in March, both passed in summer; one closed after its watch, one rebounded this year.
  const prevDay = `${prev}-03-10`;
  for (const org of prevDefined) {
    find('prev', org, `${prev}-02-${String(rng.int(10, 28)).padStart(2, '0')}`, 'confirmed', prevDay);
    find('prev', org, `${prev}-02-${String(rng.int(10, 28)).padStart(2, '0')}`, 'confirmed', prevDay);
  }
  const basisPrev = `县委常委会 ${prev}-03-10 会议认定`;
  const closed = new CaseBuilder('prev', prevDefined[0]!, prev, prevDay, basisPrev)
    .plan(rng, problemsOf(prevDefined[0]!.code, 'prev'), `${prev}-03-20`, `${prev}-06-30`, true).approve(`${prev}-03-25`, `${prev}-06-30`).start(`${prev}-03-26`)
    .report(`${prev}-06-25`).done(`${prev}-06-20`).request(`${prev}-06-25`).accept(`${prev}-07-10`, 'pass', 0.88, 80, null);
  closed.close(minDay(addDays(closed.c.watchUntil!, 5), asOf));
  cases.push(closed.c);
  const rebound = new CaseBuilder('prev', prevDefined[1]!, prev, prevDay, basisPrev)
    .plan(rng, problemsOf(prevDefined[1]!.code, 'prev'), `${prev}-03-20`, `${prev}-07-31`, true).approve(`${prev}-03-25`, `${prev}-07-31`).start(`${prev}-03-26`)
    .report(`${prev}-07-20`).done(`${prev}-07-15`).request(`${prev}-07-20`).accept(`${prev}-08-01`, 'pass', 0.8, 150, null);
  // This year's masses' evaluation finds it again within its watch: a rebound reopening the case.
  const again = find('this', prevDefined[1]!, `${year}-02-20`, 'confirmed', `${year}-02-20`);
  rebound.relapse(`${year}-02-20`, again.key);
  cases.push(rebound.c);

  // This year: findings over a third of the villages from every channel; a tenth defined with two or more.
  const dayIn = (from: string, days: number) => addDays(from, rng.int(0, days));
  for (const org of thisDefined) {
    for (let i = 0; i < 2 + rng.int(0, 1); i++) find('this', org, dayIn(`${year}-01-15`, 40), 'confirmed', `${year}-03-10`);
  }
  for (const org of others.slice(0, Math.round(villages.length / 4))) {
    const status = rng.weighted([['confirmed', 3], ['dismissed', 2], ['proposed', 1]] as const);
    find('this', org, dayIn(`${year}-01-15`, 40), status, `${year}-03-05`);
  }
  const basis = `县委常委会 ${year}-03-10 会议认定`;
  const defined = `${year}-03-10`;
  const recent = addDays(asOf, -20);
  const build = (n: number) => new CaseBuilder('this', thisDefined[n]!, year, defined, basis);
  const planned = (n: number, deadline: string) => build(n).plan(rng, problemsOf(thisDefined[n]!.code, 'this'), `${year}-03-20`, deadline, true);
  // 0: identified, the plan still being written.
  cases.push(build(0).c);
  // 1: plan approved lately, not yet started.
  cases.push(planned(1, `${year + 1}-03-31`).approve(recent, `${year + 1}-03-31`).c);
  // 2: rectifying, weekly reports with the 3rd week missed and the 5th filed late; one item done.
  cases.push(planned(2, `${year}-12-31`).approve(`${year}-03-25`, `${year}-12-31`).start(`${year}-03-26`).report(asOf, new Set([2]), new Set([4])).done(`${year}-05-15`, 1).c);
  // 3: the one failed acceptance: the masses dissatisfied, back to rectifying with a new deadline.
  cases.push(planned(3, `${year}-06-30`).approve(`${year}-03-25`, `${year}-06-30`).start(`${year}-03-26`).report(`${year}-06-20`).done(`${year}-06-15`)
    .request(`${year}-06-20`).accept(`${year}-07-01`, 'fail', 0.74, 560, '群众满意度测评不满意率超过 50%，班子凝聚力仍不足', `${year}-12-31`).c);
  // 4: acceptance requested, every item done.
  const asked = addDays(asOf, -5);
  cases.push(planned(4, `${year}-09-30`).approve(`${year}-03-25`, `${year}-09-30`).start(`${year}-03-26`).report(asked).done(addDays(asked, -10)).request(asked).c);
  // 5: basic pass, a longer watch.
  cases.push(planned(5, `${year}-07-31`).approve(`${year}-03-25`, `${year}-07-31`).start(`${year}-03-26`).report(`${year}-07-20`).done(`${year}-07-15`)
    .request(`${year}-07-20`).accept(`${year}-08-05`, 'basic_pass', 0.75, 300, '个别整改事项需继续巩固').c);
  // The rest: passed in summer, under watch.
  for (let n = 6; n < thisDefined.length; n++) {
    const deadline = `${year}-08-31`;
    const b = planned(n, deadline).approve(`${year}-03-25`, deadline).start(`${year}-03-26`);
    if (n % 2 === 0) {
      cases.push(b.report(`${year}-08-20`).done(`${year}-08-15`).request(`${year}-08-20`).accept(`${year}-08-30`, 'pass', 0.85 + (n % 3) / 50, 60, null).c);
    } else {
      // Still rectifying on time, reports every week.
      cases.push(b.report(asOf).done(`${year}-06-30`, 1).c);
    }
  }
  return { rounds, findings, cases };
}

const minDay = (a: string, b: string) => (a < b ? a : b);
