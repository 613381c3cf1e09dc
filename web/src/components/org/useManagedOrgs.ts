import { useMemo } from 'react';
import { roleAbilities, type Ability } from '../../../../src/platform/access/abilities.js';
import { api } from '../../api.js';
import type { OrgList, OrgSummary } from '../../contracts.js';
import { indexOrgs, subtreeCodes, type OrgIndex } from '../../orgTree.js';
import { useUser } from '../../session.js';
import { useApi } from '../../useApi.js';

export interface ManagedOrgs {
  index: OrgIndex | undefined;
  /** Organizations outside the subtrees of the posts that grant the ability. */
  isDisabled: (org: OrgSummary) => boolean;
  /** The organization of the user's one such post, a form's default. */
  only: string | undefined;
}

/** The organizations where the user's posts grant `ability` (to pick one in a form), loaded while `enabled`. */
export function useManagedOrgs(enabled: boolean, ability: Ability): ManagedOrgs {
  const user = useUser();
  const orgs = useApi(enabled ? 'orgs' : null, (signal) => api.get<OrgList>('/api/organizations', undefined, { signal }));
  return useMemo(() => {
    const posts = user.posts.filter((p) => roleAbilities[p.role].includes(ability));
    const index = orgs.data ? indexOrgs(orgs.data.items) : undefined;
    const managed = new Set(index ? posts.flatMap((p) => [...subtreeCodes(index, p.orgCode)]) : []);
    return { index, isDisabled: (org: OrgSummary) => !managed.has(org.code), only: posts.length === 1 ? posts[0]!.orgCode : undefined };
  }, [orgs.data, user.posts, ability]);
}
