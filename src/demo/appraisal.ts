/**
 * The demo county's democratic appraisals: last year's round graded in almost every branch in
 * December (about a fifth to a quarter 优秀 within the cap, most 合格, a few 基本合格, two 不合格 in the
 * county with a deadline to correct each: one corrected, one whose deadline has passed without an
 * outcome, for the to-do list), and this year's round open in some branches with part of the
 * evaluations in. The branch of the demo secretary account has no round this year, left for the
 * browser journey to open. Derived from the generated county with its own random stream.
 */
import { excellentCap, DEFAULT_CAP_PERMILLE, type EntryCategory, type Grade } from '../modules/appraisal/rules.js';
import { stageOn } from '../modules/members/rules/pipeline.js';
import { addMonths } from '../platform/dates.js';
import type { DemoCounty, DemoMembership } from './generate.js';
import { Random } from './random.js';

export interface DemoAppraisalRound {
  orgCode: string;
  year: number;
  status: 'open' | 'graded';
  openedOn: string;
  gradedOn: string | null;
  excellentCapPermille: number;
}

export interface DemoAppraisalEntry {
  orgCode: string;
  year: number;
  personKey: string;
  category: EntryCategory;
  selfAssessment: string | null;
  mutualExcellent: number;
  mutualQualified: number;
  mutualBasic: number;
  mutualUnqualified: number;
  massesSatisfied: number;
  massesBasic: number;
  massesUnsatisfied: number;
  massesOpinion: string | null;
  grade: Grade | null;
  gradeNote: string | null;
}

export interface DemoAppraisalFollowup {
  orgCode: string;
  year: number;
  personKey: string;
  action: 'correct';
  decidedOn: string;
  deadline: string;
  responsible: string;
  note: string;
  outcome: 'corrected' | null;
  outcomeOn: string | null;
}

const selfAssessments = [
  '认真学习党的理论，按时参加组织生活，按时足额交纳党费，带头参与村里公益事业。',
  '能够履行党员义务，积极参加主题党日活动，但学习不够系统，今后加强。',
  '发挥党员示范作用，带动周边群众发展种养殖产业。',
  '外出务工期间坚持与支部联系，参加线上学习，返乡后积极参加村里活动。',
];
const opinions = ['热心帮助群众，口碑好', '工作积极，有带头作用', '参加集体活动较少', '希望多为群众办实事'];

const day = (year: number, month: number, d: number) => `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Members of a branch on a day, with the stage each had reached then (rounds take them as the server does). */
function membersOn(demo: DemoCounty, orgCode: string, on: string): { personKey: string; category: EntryCategory }[] {
  const held = (m: DemoMembership, endedOn: string | null) => (m.startedOn ?? '0001-01-01') <= on && (endedOn === null || endedOn > on);
  const found: { personKey: string; category: EntryCategory }[] = [];
  for (const p of demo.people) {
    const relations = [
      ...(p.membership && p.orgCode === orgCode ? [{ m: p.membership, endedOn: null }] : []),
      ...p.endedMemberships.filter((e) => e.orgCode === orgCode).map((e) => ({ m: e as DemoMembership, endedOn: e.endedOn })),
    ];
    for (const { m, endedOn } of relations) {
      if (!held(m, endedOn)) continue;
      const stage = stageOn({ ...m }, on);
      if (stage === 'full' || stage === 'probationary') {
        found.push({ personKey: p.key, category: stage });
        break;
      }
    }
  }
  return found;
}

/** Mutual votes that lean to a grade: most of the other members who voted, the rest spread. */
function votesFor(grade: Grade | null, voters: number, rng: Random) {
  const leaning = Math.round(voters * rng.float(0.55, 0.85));
  const rest = voters - leaning;
  const spread = rng.int(0, rest);
  const v = { mutualExcellent: 0, mutualQualified: 0, mutualBasic: 0, mutualUnqualified: 0 };
  switch (grade) {
    case 'excellent': return { ...v, mutualExcellent: leaning, mutualQualified: rest };
    case 'basically_qualified': return { ...v, mutualBasic: leaning, mutualQualified: spread, mutualUnqualified: rest - spread };
    case 'unqualified': return { ...v, mutualUnqualified: leaning, mutualBasic: spread, mutualQualified: rest - spread };
    default: return { ...v, mutualQualified: leaning, mutualExcellent: spread, mutualBasic: rest - spread };
  }
}

export function demoAppraisal(demo: DemoCounty, asOf: string): { rounds: DemoAppraisalRound[]; entries: DemoAppraisalEntry[]; followups: DemoAppraisalFollowup[] } {
  const rng = new Random(`appraisal:${demo.code}:${asOf}`);
  const year = Number(asOf.slice(0, 4));
  const last = year - 1;
  const kept = new Set(demo.accounts.filter((a) => a.role === 'branch_secretary').map((a) => a.orgCode));
  const branches = demo.orgs.filter((o) => o.type === 'branch' || o.type === 'joint_branch');
  const rounds: DemoAppraisalRound[] = [];
  const entries: DemoAppraisalEntry[] = [];
  const followups: DemoAppraisalFollowup[] = [];
  const unqualifiedCandidates: DemoAppraisalEntry[] = [];

  for (const branch of branches) {
    // Last year: almost every branch, at the life meeting in December.
    if (rng.chance(0.96)) {
      const openedOn = day(last, 12, rng.int(1, 10));
      const members = membersOn(demo, branch.code, openedOn);
      if (members.length > 0) {
        const gradedOn = day(last, 12, rng.int(15, 28));
        rounds.push({ orgCode: branch.code, year: last, status: 'graded', openedOn, gradedOn, excellentCapPermille: DEFAULT_CAP_PERMILLE });
        const full = rng.shuffle(members.filter((m) => m.category === 'full'));
        const cap = excellentCap(full.length, DEFAULT_CAP_PERMILLE);
        const excellent = Math.min(cap, Math.round(full.length * rng.float(0.2, 0.3)));
        const basic = rng.chance(0.35) && full.length > excellent + 2 ? 1 : 0;
        const gradeOf = new Map<string, Grade>(full.map((m, i) => [m.personKey, i < excellent ? 'excellent' : i < excellent + basic ? 'basically_qualified' : 'qualified']));
        for (const m of members) {
          const grade = gradeOf.get(m.personKey) ?? null;
          const voters = Math.round((members.length - 1) * rng.float(0.7, 1));
          const masses = rng.int(8, 30);
          const unsatisfied = grade === 'basically_qualified' ? rng.int(2, 5) : rng.int(0, 1);
          const entry: DemoAppraisalEntry = {
            orgCode: branch.code, year: last, personKey: m.personKey, category: m.category,
            selfAssessment: rng.pick(selfAssessments), ...votesFor(grade ?? 'qualified', voters, rng),
            massesSatisfied: masses - unsatisfied - rng.int(0, 3), massesBasic: 0, massesUnsatisfied: unsatisfied, massesOpinion: rng.chance(0.3) ? rng.pick(opinions) : null,
            grade, gradeNote: null,
          };
          entry.massesBasic = masses - unsatisfied - entry.massesSatisfied;
          entries.push(entry);
          if (grade === 'qualified' && full.length >= 5) unqualifiedCandidates.push(entry);
        }
      }
    }
    // This year: a few branches have opened their round, a part of the evaluations entered.
    if (!kept.has(branch.code) && rng.chance(0.25)) {
      const openedOn = addMonths(asOf, -1) > `${year}-01-01` ? addMonths(asOf, -1) : asOf;
      const members = membersOn(demo, branch.code, openedOn);
      if (members.length === 0) continue;
      rounds.push({ orgCode: branch.code, year, status: 'open', openedOn, gradedOn: null, excellentCapPermille: DEFAULT_CAP_PERMILLE });
      for (const m of members) {
        const entered = rng.chance(0.4);
        entries.push({
          orgCode: branch.code, year, personKey: m.personKey, category: m.category,
          selfAssessment: entered ? rng.pick(selfAssessments) : null,
          ...(entered ? votesFor('qualified', Math.round((members.length - 1) * rng.float(0.6, 1)), rng) : votesFor(null, 0, rng)),
          massesSatisfied: 0, massesBasic: 0, massesUnsatisfied: 0, massesOpinion: null, grade: null, gradeNote: null,
        });
      }
    }
  }

  // Two members in the county graded 不合格, each given a deadline to correct.
  for (const [i, entry] of rng.shuffle(unqualifiedCandidates).slice(0, 2).entries()) {
    const round = rounds.find((r) => r.orgCode === entry.orgCode && r.year === last)!;
    const others = entries.filter((e) => e.orgCode === entry.orgCode && e.year === last).length;
    Object.assign(entry, votesFor('unqualified', others - 1, rng), {
      grade: 'unqualified', gradeNote: '长期不参加组织生活，经多次教育仍无明显改进', massesUnsatisfied: entry.massesUnsatisfied + 5,
    });
    const decidedOn = round.gradedOn!;
    const deadline = addMonths(decidedOn, 6);
    const corrected = i === 0;
    followups.push({
      orgCode: entry.orgCode, year: last, personKey: entry.personKey, action: 'correct', decidedOn, deadline, responsible: '支部书记',
      note: '每月谈心谈话一次，督促参加组织生活', outcome: corrected && deadline <= asOf ? 'corrected' : null, outcomeOn: corrected && deadline <= asOf ? deadline : null,
    });
  }
  return { rounds, entries, followups };
}
