import { orgTypeLabels, orgTypes } from '../../organizations/rules.js';
import type { Lang } from './figures.js';
import type { MemberStatistics } from './service.js';

/**
 * The "basic situation" paragraph every work summary opens with (seed 003: "391 party members …
 * 12 are preliminary party members, accounting for 3.07%"), written from the statistics.
 */
export function basicSituation(s: MemberStatistics, lang: Lang): string {
  return lang === 'zh' ? chinese(s) : english(s);
}

const grassrootsTypes = orgTypes.filter((t) => t !== 'party_group');

function chinese(s: MemberStatistics): string {
  const { members: m, percents: p, pipeline } = s;
  const [y, mo, d] = s.asOf.split('-').map(Number);
  const orgTotal = grassrootsTypes.reduce((n, t) => n + s.organizations[t], 0);
  const orgParts = grassrootsTypes.filter((t) => s.organizations[t] > 0).map((t) => `${orgTypeLabels[t].zh}${s.organizations[t]}个`);
  const groups = s.organizations.party_group > 0 ? `，党小组${s.organizations.party_group}个` : '';
  const share = (label: string, count: number, pct: number) => `${label}${count}名，占党员总数的${pct.toFixed(2)}%`;
  const parts = [
    `截至${y}年${mo}月${d}日，${s.org.name}下设基层党组织${orgTotal}个${orgParts.length > 0 ? `（${orgParts.join('、')}）` : ''}${groups}`,
    `共有党员${m.total}名，其中${share('预备党员', m.probationary, p.probationary)}`,
    share('女党员', m.female, p.female),
    share('少数民族党员', m.minority, p.minority),
    share('35岁及以下党员', m.aged35OrUnder, p.aged35OrUnder),
    share('大专及以上学历党员', m.collegeOrAbove, p.collegeOrAbove),
    `流动党员${m.mobile}名`,
  ];
  return `${parts.join('；')}。现有入党申请人${pipeline.applicants}名、入党积极分子${pipeline.activists}名、发展对象${pipeline.developmentTargets}名。`;
}

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function english(s: MemberStatistics): string {
  const { members: m, percents: p, pipeline } = s;
  const [y, mo, d] = s.asOf.split('-').map(Number) as [number, number, number];
  const orgTotal = grassrootsTypes.reduce((n, t) => n + s.organizations[t], 0);
  const orgParts = grassrootsTypes.filter((t) => s.organizations[t] > 0).map((t) => `${s.organizations[t]} ${orgTypeLabels[t].en.toLowerCase()}`);
  const groups = s.organizations.party_group > 0 ? ` and ${count(s.organizations.party_group, 'Party group')}` : '';
  const share = (what: string, n: number, pct: number) => `${n} ${what} (${pct.toFixed(2)}%)`;
  return `As of ${d} ${monthNames[mo - 1]} ${y}, ${s.org.name} had ${count(orgTotal, 'grassroots Party organization')}`
    + `${orgParts.length > 0 ? ` (${orgParts.join(', ')})` : ''}${groups}, and ${count(m.total, 'Party member')}: `
    + `${share('probationary members', m.probationary, p.probationary)}, ${share('women', m.female, p.female)}, `
    + `${share('from ethnic minorities', m.minority, p.minority)}, ${share('aged 35 or under', m.aged35OrUnder, p.aged35OrUnder)} `
    + `and ${share('with college education or above', m.collegeOrAbove, p.collegeOrAbove)}; ${m.mobile} were mobile members. `
    + `There were ${count(pipeline.applicants, 'applicant')}, ${count(pipeline.activists, 'activist')} and ${count(pipeline.developmentTargets, 'development target')}.`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
