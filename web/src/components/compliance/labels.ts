/** Colours, names and links of the compliance views, from the server's own tables. */
import { subjectLabels, type SubjectType } from '../../../../src/modules/compliance/catalogue.js';
import { meetingKindLabels, type MeetingKind } from '../../../../src/modules/meetings/kinds.js';
import type { PeriodUnit } from '../../../../src/platform/cadence/periods.js';
import type { CellStatus } from '../../../../src/platform/cadence/status.js';
import type { CompliancePeriod } from '../../contracts.js';
import type { Lang } from '../../i18n/lang.js';

/** Green done, blue due, red overdue, grey not yet due: the chart's bars and the matrix's cells agree. */
export const statusColors: Record<CellStatus, string> = { done: '#52c41a', due: '#1677ff', overdue: '#ff4d4f', not_due: '#bfbfbf' };

export const cellStyles: Record<CellStatus, { background: string; color: string }> = {
  done: { background: '#f6ffed', color: '#389e0d' },
  due: { background: '#e6f4ff', color: '#0958d9' },
  overdue: { background: '#fff1f0', color: '#cf1322' },
  not_due: { background: '#fafafa', color: 'rgba(0,0,0,.45)' },
};

/** Rules count events of a kind; only meetings exist so far, and an unknown kind shows as stored. */
export function eventLabel(kind: string, lang: Lang): string {
  return meetingKindLabels[kind as MeetingKind]?.[lang] ?? kind;
}

export const subjectLabel = (type: SubjectType, lang: Lang): string => subjectLabels[type][lang];

const adverbs: Record<PeriodUnit, string> = { week: 'weekly', month: 'monthly', quarter: 'quarterly', year: 'yearly' };

/** The id a new local rule is offered: monday_meeting + week → monday_meeting_weekly. */
export const suggestedRuleId = (eventKind: string, period: PeriodUnit): string => `${eventKind}_${adverbs[period]}`;

/** The meetings that count toward one cell; the meetings page reads these parameters. */
export function meetingsLink(org: string, kind: string, period: CompliancePeriod): string {
  return `/meetings?${new URLSearchParams({ org, kind, from: period.start, to: period.end }).toString()}`;
}
