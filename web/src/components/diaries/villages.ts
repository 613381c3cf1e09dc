import type { OrgSummary } from '../../contracts.js';

/** Diaries and pairings are about a village or community: the organization leading it, not its party groups. */
export const isVillage = (org: OrgSummary) => (org.unitType === 'village' || org.unitType === 'community') && org.type !== 'party_group';
export const notVillage = (org: OrgSummary) => !isVillage(org);
