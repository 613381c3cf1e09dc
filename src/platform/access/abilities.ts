/**
 * Roles and what they allow. A post grants its role's abilities over its organization's
 * subtree. The national roles are fixed here; finer per-county permissions can later be data.
 */
export const roles = ['county_admin', 'township_admin', 'branch_secretary', 'cadre', 'member'] as const;
export type Role = (typeof roles)[number];

export const abilities = [
  'org.read',
  'org.manage',
  'user.manage',
  'audit.read',
  'person.read',
  'person.read_sensitive',
  'member.manage',
  'member.approve',
  'meeting.manage',
  'dues.manage',
  'household.manage',
  'contracting.manage',
  'visit.record',
  'concern.handle',
  'concern.dispatch',
  'petition.handle',
  'petition.register',
  'screening.report',
  'rectification.manage',
  'rectification.report',
  'commitment.manage',
  'assessment.manage',
] as const;
export type Ability = (typeof abilities)[number];

export const roleAbilities: Record<Role, readonly Ability[]> = {
  county_admin: abilities,
  township_admin: abilities,
  branch_secretary: [
    'org.read', 'person.read', 'person.read_sensitive', 'member.manage', 'meeting.manage', 'dues.manage',
    'household.manage', 'visit.record', 'concern.handle', 'concern.dispatch', 'petition.register',
    'screening.report', 'rectification.report', 'commitment.manage',
  ],
  cadre: ['org.read', 'person.read', 'visit.record', 'concern.handle', 'rectification.report'],
  member: ['org.read'],
};

export const roleLabels: Record<Role, { zh: string; en: string }> = {
  county_admin: { zh: '县委组织部管理员', en: 'County administrator' },
  township_admin: { zh: '乡镇（街道）党委管理员', en: 'Township administrator' },
  branch_secretary: { zh: '村（社区）党组织书记', en: 'Branch secretary' },
  cadre: { zh: '干部', en: 'Cadre' },
  member: { zh: '党员', en: 'Member' },
};

export const abilityLabels: Record<Ability, { zh: string; en: string }> = {
  'org.read': { zh: '查看党组织', en: 'view organizations' },
  'org.manage': { zh: '管理党组织', en: 'manage organizations' },
  'user.manage': { zh: '管理账号', en: 'manage accounts' },
  'audit.read': { zh: '查看审计日志', en: 'read the audit trail' },
  'person.read': { zh: '查看人员', en: 'view people' },
  'person.read_sensitive': { zh: '查看完整身份证号和手机号', en: 'see full ID and phone numbers' },
  'member.manage': { zh: '管理党员信息', en: 'manage member records' },
  'member.approve': { zh: '审批发展党员、转正，并可说明理由后越过规则', en: 'approve admissions and full membership, and override rules with a reason' },
  'meeting.manage': { zh: '记录会议和组织生活', en: 'record meetings and organizational life' },
  'dues.manage': { zh: '管理党费收缴、上缴和使用', en: 'manage Party dues: bases, payments, remittances and uses' },
  'household.manage': { zh: '管理农户信息', en: 'manage households' },
  'contracting.manage': { zh: '安排包村工作组和结对帮扶', en: 'arrange contracting teams and pairings' },
  'visit.record': { zh: '记录走访和民情日记', en: 'record visits and visit diaries' },
  'concern.handle': { zh: '办理民情诉求、代群众登记诉求', en: 'handle concerns and enter them for villagers' },
  'concern.dispatch': { zh: '受理、分派、转办民情诉求并审核答复', en: 'accept, assign and refer concerns and review replies' },
  'petition.handle': { zh: '办理信访事项：受理、交办、延期、答复、复查复核', en: 'handle petitions: acceptance, assignment, extension, reply, reviews' },
  'petition.register': { zh: '登记来信来访，记录向信访人和交办机关的“双反馈”', en: 'register letters and visits and record the double feedback' },
  'screening.report': { zh: '登记软弱涣散排查中的自查发现', en: 'record self-examination findings of a screening' },
  'rectification.manage': { zh: '排查检查、认定软弱涣散党组织，管理整顿台账、验收和销号', en: 'check and define weak-lax organizations, manage rectification, acceptance and closure' },
  'rectification.report': { zh: '报送整顿进展、登记整改措施完成情况', en: 'file rectification progress reports and mark measures done' },
  'commitment.manage': { zh: '管理承诺践诺评诺', en: 'manage commitments: made, kept and appraised' },
  'assessment.manage': { zh: '下达责任书、组织考核和述职评议', en: 'issue responsibility letters and run assessments and debriefs' },
};
