/**
 * The kinds of organizational-life meeting (GLOSSARY "meeting"). Which organizations hold each and
 * how often is the cadence rules' business (modules/compliance), not the kind's.
 */
export const meetingKinds = [
  'members_meeting', 'committee_meeting', 'group_meeting', 'party_lecture', 'theme_day',
  'life_meeting', 'democratic_life_meeting', 'monday_meeting', 'friday_study',
] as const;
export type MeetingKind = (typeof meetingKinds)[number];

export const meetingKindLabels: Record<MeetingKind, { zh: string; en: string }> = {
  members_meeting: { zh: '党员大会', en: "Members' meeting" },
  committee_meeting: { zh: '支委会', en: 'Committee meeting' },
  group_meeting: { zh: '党小组会', en: 'Party group meeting' },
  party_lecture: { zh: '党课', en: 'Party lecture' },
  theme_day: { zh: '主题党日', en: 'Theme day' },
  life_meeting: { zh: '组织生活会', en: 'Organizational life meeting' },
  democratic_life_meeting: { zh: '民主生活会', en: 'Democratic life meeting' },
  monday_meeting: { zh: '周一例会', en: 'Monday regular meeting' },
  friday_study: { zh: '周五学习', en: 'Friday study' },
};

/** Kinds whose decisions are votes of the members (rules.md §1: quorum and majority of those who should attend). */
export const votingKinds: ReadonlySet<MeetingKind> = new Set(['members_meeting', 'committee_meeting']);

export const meetingStatuses = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

export const attendanceStatuses = ['present', 'excused', 'absent'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];

/**
 * Why a member may be left out of those who "should attend" a vote (rules.md §1.2, with the
 * higher organization's approval and the meeting's vote).
 */
export const leftOutReasons = [
  'illness', 'abroad', 'membership_stopped', 'probation_within_party', 'detained', 'bedridden', 'away_untransferred', 'mobile_applied',
] as const;
export type LeftOutReason = (typeof leftOutReasons)[number];
