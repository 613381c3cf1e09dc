/**
 * A year of organizational life in the demo county, so that compliance shows both green and red:
 * each branch holds its committee meetings, theme days and members' meetings most months (a few
 * branches, the county's weak ones, far less often), party groups meet, branches hold their
 * organizational life meeting in Q4, committees their Party lecture, and townships their Monday
 * meeting and Friday study (seed 000: local practice, configured as the county's own rules).
 * Members' meetings record attendance and a resolution. Derived from the generated county with
 * its own random stream, so the rest of the generator's output stays as it was.
 */
import type { MeetingKind } from '../modules/meetings/kinds.js';
import { periodOf, periodsBetween } from '../platform/cadence/periods.js';
import { addDays as addCalendarDays } from '../platform/dates.js';
import { addMonths } from '../platform/dates.js';
import type { DemoCounty, DemoOrg } from './generate.js';
import { Random } from './random.js';

export interface DemoMeeting {
  orgCode: string;
  kind: MeetingKind;
  heldOn: string;
  topic: string;
  /** Members' meetings: who should attend (full and probationary members) and who came. */
  attendees: { personKey: string; status: 'present' | 'excused' | 'absent'; reason: string | null }[];
  resolution: { title: string; shouldAttend: number; present: number; yes: number } | null;
}

/** The county's own rules for the townships' weekly rhythm (cadence_rules rows). */
export const demoLocalRules = [
  { id: 'monday_meeting_weekly', eventKind: 'monday_meeting', subjectType: 'township_committee', period: 'week', min: 1, label: '周一例会' },
  { id: 'friday_study_weekly', eventKind: 'friday_study', subjectType: 'township_committee', period: 'week', min: 1, label: '周五学习' },
] as const;

const topics: Partial<Record<MeetingKind, string[]>> = {
  committee_meeting: ['研究本月党建工作安排', '讨论发展党员工作', '研究村级重点项目推进', '部署民情走访工作', '研究党费收缴情况'],
  theme_day: ['重温入党誓词', '学习党章党规', '志愿服务进农户', '观看警示教育片', '学习贯彻上级会议精神'],
  members_meeting: ['讨论接收预备党员', '通报村务财务公开情况', '审议年度工作计划', '讨论村级重大事项（四议两公开）'],
  group_meeting: ['学习上级文件精神', '交流思想和工作情况', '开展组织生活'],
  life_meeting: ['召开年度组织生活会，开展批评与自我批评'],
  party_lecture: ['书记讲党课：抓党建促乡村振兴'],
  monday_meeting: ['周一例会：部署本周工作'],
  friday_study: ['周五学习：集中学习理论'],
};

const isBranch = (o: DemoOrg) => o.type === 'branch' || o.type === 'joint_branch';
const isTownship = (o: DemoOrg) => (o.type === 'committee' || o.type === 'working_committee') && (o.unitType === 'township' || o.unitType === 'street');

/** The day within [start, end] some days after the start, never after `last`. */
const dayIn = (start: string, end: string, offset: number, last: string) => {
  const day = addCalendarDays(start, offset);
  return day > end || day > last ? null : day;
};

export function demoMeetings(demo: DemoCounty, asOf: string): DemoMeeting[] {
  const rng = new Random(`meetings:${demo.code}:${asOf}`);
  const from = addMonths(asOf, -12);
  const members = new Map<string, { key: string; votes: boolean }[]>();
  for (const p of demo.people) {
    if (p.membership && (p.membership.category === 'full' || p.membership.category === 'probationary')) {
      members.set(p.orgCode, [...(members.get(p.orgCode) ?? []), { key: p.key, votes: p.membership.category === 'full' }]);
    }
  }
  const meetings: DemoMeeting[] = [];
  const add = (org: DemoOrg, kind: MeetingKind, heldOn: string | null) => {
    if (!heldOn || heldOn < org.establishedOn) return;
    const list = topics[kind]!;
    meetings.push({ orgCode: org.code, kind, heldOn, topic: rng.pick(list), attendees: [], resolution: null });
  };
  const months = periodsBetween('month', from, asOf);
  for (const org of demo.orgs) {
    if (isBranch(org)) {
      // One branch in ten is weak: it meets far less often than the rules ask.
      const diligence = rng.next() < 0.1 ? 0.45 : 0.93;
      for (const month of months) {
        if (rng.next() < diligence) add(org, 'committee_meeting', dayIn(month.start, month.end, rng.int(2, 20), asOf));
        if (rng.next() < diligence) add(org, 'theme_day', dayIn(month.start, month.end, 4, asOf));
      }
      for (const quarter of periodsBetween('quarter', from, asOf)) {
        if (rng.next() < diligence) membersMeeting(org, dayIn(quarter.start, quarter.end, rng.int(20, 70), asOf));
      }
      for (const year of new Set([from.slice(0, 4), asOf.slice(0, 4)])) {
        const q4 = periodOf('quarter', `${year}-12-01`);
        if (rng.next() < diligence) add(org, 'life_meeting', dayIn(q4.start, q4.end, rng.int(40, 85), asOf));
      }
    } else if (org.type === 'party_group') {
      for (const month of months) if (rng.next() < 0.8) add(org, 'group_meeting', dayIn(month.start, month.end, rng.int(5, 25), asOf));
    } else if (org.type === 'committee' || org.type === 'working_committee') {
      for (const year of new Set([from.slice(0, 4), asOf.slice(0, 4)])) add(org, 'party_lecture', dayIn(`${year}-01-01`, `${year}-12-31`, rng.int(60, 200), asOf));
      if (isTownship(org)) {
        for (const week of periodsBetween('week', from, asOf)) {
          if (rng.next() < 0.95) add(org, 'monday_meeting', dayIn(week.start, week.end, 0, asOf));
          if (rng.next() < 0.85) add(org, 'friday_study', dayIn(week.start, week.end, 4, asOf));
        }
      }
    }
  }
  return meetings;

  function membersMeeting(org: DemoOrg, heldOn: string | null) {
    const expected = members.get(org.code) ?? [];
    if (!heldOn || heldOn < org.establishedOn || expected.length === 0) return;
    const attendees = expected.map(({ key }) => {
      const roll = rng.next();
      return roll < 0.85 ? { personKey: key, status: 'present' as const, reason: null }
        : roll < 0.95 ? { personKey: key, status: 'excused' as const, reason: '外出务工' } : { personKey: key, status: 'absent' as const, reason: null };
    });
    // Only full members vote (rules.md §1): those who should attend, and those of them present.
    const shouldAttend = expected.filter((m) => m.votes).length;
    const present = expected.filter((m, i) => m.votes && attendees[i]!.status === 'present').length;
    const title = rng.pick(topics.members_meeting!);
    // Passed with every voter present in favour, whenever the quorum is there.
    const resolution = shouldAttend > 0 && present * 2 > shouldAttend ? { title, shouldAttend, present, yes: present } : null;
    meetings.push({ orgCode: org.code, kind: 'members_meeting', heldOn, topic: title, attendees, resolution });
  }
}
