import type { OrgType } from '../../organizations/rules.js';
import { orgTypes } from '../../organizations/rules.js';
import { ethnicityByCode, HAN } from '../rules/ethnicity.js';
import { educationLevelLabels, educationLevelOf, educationLevels, type EducationLevel } from '../rules/education.js';
import { occupationLabels, occupations } from '../rules/occupation.js';
import type { Group } from './query.js';
import { ageBands, joinPeriods, percent } from './rules.js';

export type Lang = 'zh' | 'en';

interface Share { count: number; percent: number }

/** Every figure of Party statistics for one subtree on one day. */
export interface Figures {
  members: {
    total: number; full: number; probationary: number; male: number; female: number; minority: number;
    aged35OrUnder: number; collegeOrAbove: number; bachelorOrAbove: number; mobile: number;
  };
  /** Each member figure as a percent of the total. */
  percents: Record<Exclude<keyof Figures['members'], 'total'>, number>;
  pipeline: { applicants: number; activists: number; developmentTargets: number };
  ageBands: ({ label: string; from: number | null; to: number | null } & Share)[];
  /** Members whose birth date is not recorded (in no age band). */
  ageUnknown: number;
  education: ({ level: EducationLevel | 'unknown'; label: string } & Share)[];
  ethnicity: ({ code: string; name: string } & Share)[];
  occupation: ({ code: string; label: string } & Share)[];
  joinPeriods: ({ key: string; label: string } & Share)[];
  organizations: Record<OrgType, number>;
}

const isMember = (g: Group) => g.stage === 'full' || g.stage === 'probationary';

/**
 * Adds up the counts of some children (by path segment) into the figures of their union. Counts
 * are summed, never recounted, so the children's figures always add up to their parent's.
 */
export function figuresOf(
  groups: Group[],
  orgCounts: { seq: string; type: string; n: number }[],
  seqs: (seq: string) => boolean,
  ageEdges: readonly number[],
  lang: Lang,
): Figures {
  const mine = groups.filter((g) => seqs(g.seq));
  const sum = (pick: (g: Group) => boolean) => mine.filter(pick).reduce((s, g) => s + g.n, 0);
  const byStage = (stage: Group['stage']) => sum((g) => g.dimension === null && g.stage === stage);
  const members = (dimension: Group['dimension'], value: (v: Group['value']) => boolean) =>
    sum((g) => g.dimension === dimension && isMember(g) && value(g.value));
  const total = byStage('full') + byStage('probationary');
  const share = (count: number): Share => ({ count, percent: percent(count, total) });

  const levelCounts = new Map<string, number>();
  for (const g of mine) {
    if (g.dimension !== 'education' || !isMember(g)) continue;
    const level = (g.value === null ? null : educationLevelOf(String(g.value))) ?? 'unknown';
    levelCounts.set(level, (levelCounts.get(level) ?? 0) + g.n);
  }
  // Levels run from the highest down, so "college or above" is every level up to and including it.
  const atLeast = (lowest: EducationLevel) => educationLevels
    .slice(0, educationLevels.indexOf(lowest) + 1)
    .reduce((s, l) => s + (levelCounts.get(l) ?? 0), 0);

  const figures: Figures['members'] = {
    total,
    full: byStage('full'),
    probationary: byStage('probationary'),
    male: members('gender', (v) => v === '1'),
    female: members('gender', (v) => v === '2'),
    minority: members('ethnicity', (v) => v !== HAN),
    aged35OrUnder: members('young', (v) => v === true),
    collegeOrAbove: atLeast('college'),
    bachelorOrAbove: atLeast('bachelor'),
    mobile: members('mobile', (v) => v === true),
  };
  const { total: _total, ...counted } = figures;
  return {
    members: figures,
    percents: Object.fromEntries(Object.entries(counted).map(([k, n]) => [k, percent(n, total)])) as Figures['percents'],
    pipeline: { applicants: byStage('applicant'), activists: byStage('activist'), developmentTargets: byStage('development_target') },
    ageBands: ageBands(ageEdges).map((b, i) => ({ label: b.label[lang], from: b.from, to: b.to, ...share(members('band', (v) => v === i)) })),
    ageUnknown: members('band', (v) => v === null),
    education: [
      ...educationLevels.map((level) => ({ level, label: educationLevelLabels[level][lang], ...share(levelCounts.get(level) ?? 0) })),
      ...(levelCounts.has('unknown') ? [{ level: 'unknown' as const, label: lang === 'zh' ? '未填写' : 'Not recorded', ...share(levelCounts.get('unknown')!) }] : []),
    ],
    ethnicity: distinctValues(mine, 'ethnicity')
      .map((code) => ({ code, name: ethnicityByCode(code)?.[lang] ?? code, ...share(members('ethnicity', (v) => v === code)) }))
      .filter((e) => e.count > 0),
    occupation: [
      ...occupations.map((code) => ({ code, label: occupationLabels[code][lang], ...share(members('occupation', (v) => v === code)) })),
      { code: 'unknown', label: lang === 'zh' ? '未填写' : 'Not recorded', ...share(members('occupation', (v) => v === null || !(occupations as readonly unknown[]).includes(v))) },
    ].filter((o) => o.code !== 'unknown' || o.count > 0),
    joinPeriods: joinPeriods.map((p, i) => ({ key: p.key, label: p.label[lang], ...share(members('period', (v) => v === i)) })),
    organizations: Object.fromEntries(orgTypes.map((t) => [t, orgCounts.filter((o) => seqs(o.seq) && o.type === t).reduce((s, o) => s + o.n, 0)])) as Record<OrgType, number>,
  };
}

function distinctValues(groups: Group[], dimension: Group['dimension']): string[] {
  return [...new Set(groups.filter((g) => g.dimension === dimension && g.value !== null).map((g) => String(g.value)))].sort();
}
