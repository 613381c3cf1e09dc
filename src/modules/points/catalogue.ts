/**
 * The point catalogue, star thresholds and rating indicators a county has until it sets its own
 * (county_settings key 'points'). The items follow common county practice (a yearly base for every full
 * member, attendance and dues on time from the records, a few claimed additions and deductions); all
 * of it is the county's to change, none of it national.
 */
import type { PointsSettings } from './contracts.js';

export const SETTINGS_KEY = 'points';

export const defaultPointsSettings: PointsSettings = {
  items: [
    { id: 'base', name: '基础分', kind: 'base', source: 'full_membership', points: 60, cap: null, evidenceRequired: false },
    { id: 'attendance', name: '参加组织生活', kind: 'addition', source: 'meeting_attendance', points: 2, cap: 24, evidenceRequired: false },
    { id: 'dues_on_time', name: '按月交纳党费', kind: 'addition', source: 'dues_on_time', points: 1, cap: 12, evidenceRequired: false },
    { id: 'visit', name: '联系走访群众', kind: 'addition', source: 'visit', points: 1, cap: 12, evidenceRequired: false },
    { id: 'volunteer', name: '参加志愿服务', kind: 'addition', source: 'manual', points: 2, cap: 20, evidenceRequired: true },
    { id: 'commended_township', name: '受到乡镇党委表彰', kind: 'addition', source: 'manual', points: 5, cap: 10, evidenceRequired: true },
    { id: 'commended_county', name: '受到县级以上表彰', kind: 'addition', source: 'manual', points: 10, cap: 20, evidenceRequired: true },
    { id: 'absent_members_meeting', name: '无故缺席党员大会', kind: 'deduction', source: 'meeting_absence', points: 2, cap: 12, evidenceRequired: false },
    { id: 'sanction', name: '受到党纪处分', kind: 'deduction', source: 'manual', points: 20, cap: null, evidenceRequired: true },
  ],
  memberStars: [60, 70, 80, 90, 100],
  ratingStars: { branch: [60, 70, 80, 90, 95], member: [60, 70, 80, 90, 95] },
  branchIndicators: [
    { id: 'leadership', name: '班子建设', max: 20 },
    { id: 'organizational_life', name: '组织生活', max: 20 },
    { id: 'member_management', name: '党员管理', max: 20 },
    { id: 'serving_people', name: '服务群众', max: 20 },
    { id: 'institutions', name: '制度落实', max: 20 },
  ],
  // The "four qualified" (四个合格) members are appraised against.
  memberIndicators: [
    { id: 'political', name: '政治合格', max: 25 },
    { id: 'discipline', name: '执行纪律合格', max: 25 },
    { id: 'conduct', name: '品德合格', max: 25 },
    { id: 'role', name: '发挥作用合格', max: 25 },
  ],
  rankingsPublic: false,
};
