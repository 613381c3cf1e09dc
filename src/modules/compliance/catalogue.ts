/**
 * The cadence rules every county starts from: the national frequencies of rules.md §1.3 that the
 * platform can count from its records. Local practice (周一例会, 周五学习, visit quotas) is never
 * here: a county adds it as its own rule (cadence_rules), and may change or switch off these.
 */
import type { PeriodUnit } from '../../platform/cadence/periods.js';
import type { OrgType } from '../organizations/rules.js';

/** Which organizations a rule applies to, each one a subject evaluated on its own. */
export const subjectTypes = ['branch', 'general_branch', 'party_group', 'committee', 'township_committee'] as const;
export type SubjectType = (typeof subjectTypes)[number];

export const subjectOrgTypes: Record<SubjectType, { types: readonly OrgType[]; unitType?: string }> = {
  branch: { types: ['branch', 'joint_branch'] },
  general_branch: { types: ['general_branch'] },
  party_group: { types: ['party_group'] },
  committee: { types: ['committee', 'working_committee'] },
  township_committee: { types: ['committee', 'working_committee'], unitType: 'township' },
};

export const subjectLabels: Record<SubjectType, { zh: string; en: string }> = {
  branch: { zh: '党支部', en: 'branches' },
  general_branch: { zh: '党总支', en: 'general branches' },
  party_group: { zh: '党小组', en: 'party groups' },
  committee: { zh: '党委', en: 'committees' },
  township_committee: { zh: '乡镇（街道）党委', en: 'township committees' },
};

export interface CadenceRule {
  id: string;
  /** What is counted: a meeting kind (visits and reports will join). */
  eventKind: string;
  subjectType: SubjectType;
  period: PeriodUnit;
  min: number;
  /** A yearly rule "normally in Q4" is due from this month on (10). */
  dueFromMonth: number | null;
  /** A county's own name for its rule; national rules are named from their event kind. */
  label: string | null;
  source: 'national' | 'local';
}

const national = (id: string, eventKind: string, subjectType: SubjectType, period: PeriodUnit, dueFromMonth: number | null = null): CadenceRule =>
  ({ id, eventKind, subjectType, period, min: 1, dueFromMonth, label: null, source: 'national' });

export const nationalRules: readonly CadenceRule[] = [
  national('members_meeting_quarterly', 'members_meeting', 'branch', 'quarter'),
  national('committee_meeting_monthly', 'committee_meeting', 'branch', 'month'),
  national('group_meeting_monthly', 'group_meeting', 'party_group', 'month'),
  national('theme_day_monthly', 'theme_day', 'branch', 'month'),
  national('life_meeting_yearly', 'life_meeting', 'branch', 'year', 10),
  national('party_lecture_yearly', 'party_lecture', 'committee', 'year'),
];
