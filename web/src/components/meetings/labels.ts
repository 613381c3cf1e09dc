/** Display names and defaults of the meetings module's codes, from the server's own tables. */
import { meetingKindLabels, meetingKinds, votingKinds, type MeetingKind, type MeetingStatus } from '../../../../src/modules/meetings/kinds.js';
import type { OrgType } from '../../../../src/modules/organizations/rules.js';
import type { Lang } from '../../i18n/lang.js';

export function kindLabel(kind: MeetingKind, lang: Lang): string {
  return meetingKindLabels[kind][lang];
}

export const kindOptions = (lang: Lang) => meetingKinds.map((k) => ({ value: k, label: kindLabel(k, lang) }));

export const statusColors: Record<MeetingStatus, string> = { planned: 'blue', held: 'green', cancelled: 'default' };

/** The kind a new record starts as: what the organization holds most often (rules.md §1.3). */
export function defaultKind(type: OrgType | undefined): MeetingKind {
  if (type === 'party_group') return 'group_meeting';
  if (type === 'committee' || type === 'working_committee') return 'monday_meeting';
  return 'committee_meeting';
}

/** Kinds given by a lecturer, who may be on the roster or come from outside. */
export const lecturedKinds: ReadonlySet<MeetingKind> = new Set(['party_lecture', 'friday_study']);

export const isVoting = (kind: MeetingKind | undefined): boolean => kind !== undefined && votingKinds.has(kind);
