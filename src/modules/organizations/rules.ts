/** Pure rules of the organization tree: types, what may sit under what, paths, names. */

export const orgTypes = ['committee', 'working_committee', 'general_branch', 'branch', 'joint_branch', 'party_group'] as const;
export type OrgType = (typeof orgTypes)[number];

export const unitTypes = ['township', 'street', 'village', 'community', 'agency', 'institution', 'enterprise', 'school', 'other'] as const;
export type UnitType = (typeof unitTypes)[number];

export const orgTypeLabels: Record<OrgType, { zh: string; en: string }> = {
  committee: { zh: '党委', en: 'committee' },
  working_committee: { zh: '党工委', en: 'working committee' },
  general_branch: { zh: '党总支', en: 'general branch' },
  branch: { zh: '党支部', en: 'branch' },
  joint_branch: { zh: '联合党支部', en: 'joint branch' },
  party_group: { zh: '党小组', en: 'party group' },
};

export const unitTypeLabels: Record<UnitType, { zh: string; en: string }> = {
  township: { zh: '乡镇', en: 'township' },
  street: { zh: '街道', en: 'street' },
  village: { zh: '行政村', en: 'village' },
  community: { zh: '社区', en: 'community' },
  agency: { zh: '机关', en: 'agency' },
  institution: { zh: '事业单位', en: 'public institution' },
  enterprise: { zh: '企业', en: 'enterprise' },
  school: { zh: '学校', en: 'school' },
  other: { zh: '其他', en: 'other' },
};

/** What each type may contain: branches hold party groups; only committees hold committees. */
const allowedChildren: Record<OrgType, readonly OrgType[]> = {
  committee: ['committee', 'working_committee', 'general_branch', 'branch', 'joint_branch'],
  working_committee: ['committee', 'general_branch', 'branch', 'joint_branch'],
  general_branch: ['branch', 'joint_branch'],
  branch: ['party_group'],
  joint_branch: ['party_group'],
  party_group: [],
};

export function mayContain(parent: OrgType, child: OrgType): boolean {
  return allowedChildren[parent].includes(child);
}

/** Admin units are created for organizations whose unit is one; the rest are workplaces. */
export type AdminUnitKind = 'township' | 'street' | 'village' | 'community';
export function adminUnitKind(unitType: UnitType | null | undefined): AdminUnitKind | null {
  return unitType === 'township' || unitType === 'street' || unitType === 'village' || unitType === 'community'
    ? unitType
    : null;
}

const partySuffixes = ['联合党支部', '党总支部', '党总支', '党支部', '党工委', '党委', '总支', '支部'];

/** The unit's own name from its organization's name: 和顺镇党委 → 和顺镇. */
export function unitName(orgName: string): string {
  const suffix = partySuffixes.find((s) => orgName.endsWith(s));
  return suffix && orgName.length > suffix.length ? orgName.slice(0, -suffix.length) : orgName;
}

export function childPath(parentPath: string, seq: number): string {
  return `${parentPath}${seq}.`;
}

/** Whether `path` is `ancestor` itself or lies below it. */
export function isWithin(path: string, ancestor: string): boolean {
  return path.startsWith(ancestor);
}

export function depthOf(path: string): number {
  return path.split('.').length - 2;
}

/** Org codes: the county's GB/T 2260 code or longer digit/letter codes, as county offices number them. */
export const orgCodePattern = /^[0-9A-Za-z][0-9A-Za-z-]{0,39}$/;
export const divisionCodePattern = /^[0-9]{12}$/;
