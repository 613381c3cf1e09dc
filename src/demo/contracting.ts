/**
 * Village contracting in the demo county for the year of `asOf`: every township's committee members
 * lead teams of two to four villages with the township's cadres, and visit them through the year.
 * Most leaders meet the quota of three visits a week (seed 000) most weeks; one leader per township
 * lags; in a holiday week (Spring Festival, National Day) few visits are made. Each visit meets a
 * few households, named by their place in the village's list of households (the integrator maps
 * them onto the households of the demo), and some find a problem, of which some are solved at once.
 * Derived from the generated county with its own random stream.
 */
import { periodsBetween } from '../platform/cadence/periods.js';
import { nationalCalendars } from '../platform/calendar/national.js';
import { addDays, isoWeekday } from '../platform/dates.js';
import type { DemoCounty, DemoOrg, DemoPost } from './generate.js';
import { Random } from './random.js';

export interface DemoContractingTeam {
  key: string;
  townshipCode: string;
  year: number;
  name: string;
  leaderKey: string;
  memberKeys: string[];
  villageCodes: string[];
}

export interface DemoVisit {
  /** The team it counts for (every demo visit is a contracting visit). */
  teamKey: string;
  orgCode: string;
  visitedOn: string;
  purpose: string;
  participantKeys: string[];
  /** Places in the village's list of households (0 the first), distinct. */
  households: number[];
  problemsFound: string | null;
  problemsSolved: string | null;
}

export interface DemoContracting {
  teams: DemoContractingTeam[];
  visits: DemoVisit[];
}

const purposes = ['了解春耕生产情况', '宣传惠民政策', '走访困难群众', '排查矛盾纠纷', '了解产业发展需求', '检查人居环境整治', '慰问老党员', '收集群众意见建议'];
const problems: [string, string | null][] = [
  ['村组道路破损，雨天出行困难', '已联系乡镇交通站安排修补'],
  ['部分农户饮水管道老化漏水', null],
  ['独居老人冬季取暖困难', '已协调发放取暖物资'],
  ['村民反映低保评定有异议', null],
  ['灌溉沟渠淤堵', '组织党员志愿者清淤'],
  ['农产品销路不畅', null],
  ['路灯损坏，夜间照明不足', '已报修'],
];
const teamNames = ['第一包村工作组', '第二包村工作组', '第三包村工作组', '第四包村工作组', '第五包村工作组', '第六包村工作组', '第七包村工作组', '第八包村工作组'];

const isTownship = (o: DemoOrg) => o.type === 'committee' && (o.unitType === 'township' || o.unitType === 'street');
const isVillage = (o: DemoOrg) => o.type !== 'party_group' && (o.unitType === 'village' || o.unitType === 'community');

/** Days off of a week by the national calendar: a week with three or more is a holiday week. */
function holidayWeek(start: string): boolean {
  const days = nationalCalendars.get(Number(start.slice(0, 4)))?.filter((d) => d.kind === 'holiday' && d.date >= start && d.date <= addDays(start, 6)) ?? [];
  return days.filter((d) => isoWeekday(d.date) <= 5).length >= 3;
}

export function demoContracting(demo: DemoCounty, asOf: string): DemoContracting {
  const rng = new Random(`contracting:${demo.code}:${asOf}`);
  const year = Number(asOf.slice(0, 4));
  const yearStart = `${year}-01-01`;
  const byCode = new Map(demo.orgs.map((o) => [o.code, o]));
  const townshipOf = (code: string): string | null => {
    for (let o = byCode.get(code); o; o = o.parentCode ? byCode.get(o.parentCode) : undefined) if (isTownship(o)) return o.code;
    return null;
  };
  // A post held at some time in the year (demo posts do not end).
  const inYear = (p: DemoPost) => p.startedOn <= `${year}-12-31`;
  const started = new Map<string, string>();
  for (const p of demo.posts) if (inYear(p)) started.set(`${p.personKey}|${townshipOf(p.orgCode)}`, [started.get(`${p.personKey}|${townshipOf(p.orgCode)}`), p.startedOn].filter(Boolean).sort()[0]!);

  const teams: DemoContractingTeam[] = [];
  const visits: DemoVisit[] = [];
  for (const township of demo.orgs.filter(isTownship)) {
    const villages = rng.shuffle(demo.orgs.filter((o) => isVillage(o) && townshipOf(o.code) === township.code && o.establishedOn <= asOf).map((o) => o.code));
    const committee = [...new Set(demo.posts.filter((p) => inYear(p) && p.orgCode === township.code && (p.role === 'township_admin' || p.role === 'cadre')).map((p) => p.personKey))];
    const cadres = [...new Set(demo.posts.filter((p) => inYear(p) && townshipOf(p.orgCode) === township.code && (p.role === 'township_admin' || p.role === 'cadre')).map((p) => p.personKey))];
    if (villages.length === 0 || committee.length === 0) continue;
    const count = Math.min(committee.length, teamNames.length, Math.max(1, Math.round(villages.length / 3)));
    const leaders = rng.shuffle(committee).slice(0, count);
    const lagging = leaders.length > 1 ? rng.pick(leaders) : null;
    leaders.forEach((leaderKey, i) => {
      const key = `${township.code}:${year}:${i + 1}`;
      const others = cadres.filter((c) => !leaders.includes(c));
      const memberKeys = rng.shuffle(others).slice(0, Math.min(others.length, rng.int(1, 2)));
      const team: DemoContractingTeam = { key, townshipCode: township.code, year, name: teamNames[i]!, leaderKey, memberKeys, villageCodes: villages.filter((_, j) => j % count === i) };
      teams.push(team);
      visitsOf(team, leaderKey === lagging ? 0.45 : 0.9);
    });
  }
  return { teams, visits };

  function visitsOf(team: DemoContractingTeam, diligence: number) {
    const since = (person: string) => started.get(`${person}|${team.townshipCode}`) ?? asOf;
    const leaderFrom = since(team.leaderKey) > yearStart ? since(team.leaderKey) : yearStart;
    for (const week of periodsBetween('week', leaderFrom, asOf)) {
      const wanted = holidayWeek(week.start) ? rng.int(0, 1) : rng.chance(diligence) ? rng.int(3, 4) : rng.int(0, 2);
      const days = rng.shuffle([0, 1, 2, 3, 4].map((d) => addDays(week.start, d)).filter((d) => d >= leaderFrom && d <= asOf)).slice(0, wanted).sort();
      for (const day of days) {
        const company = team.memberKeys.filter((m) => since(m) <= day && rng.chance(0.4));
        visit(team, day, [team.leaderKey, ...company]);
      }
      // Now and then members go on their own.
      const member = team.memberKeys.length > 0 ? rng.pick(team.memberKeys) : null;
      const day = addDays(week.start, rng.int(0, 4));
      if (member && rng.chance(0.2) && since(member) <= day && day >= yearStart && day <= asOf) visit(team, day, [member]);
    }
  }

  function visit(team: DemoContractingTeam, visitedOn: string, participantKeys: string[]) {
    const problem = rng.chance(0.3) ? rng.pick(problems) : null;
    const solved = problem?.[1] && rng.chance(0.6) ? problem[1] : null;
    const households = [...new Set(Array.from({ length: rng.int(1, 3) }, () => rng.int(0, 29)))].sort((a, b) => a - b);
    visits.push({
      teamKey: team.key, orgCode: rng.pick(team.villageCodes), visitedOn, purpose: rng.pick(purposes), participantKeys, households,
      problemsFound: problem?.[0] ?? null, problemsSolved: solved,
    });
  }
}
