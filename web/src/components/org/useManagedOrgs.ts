import { useMemo } from 'react';
import { roleAbilities, type Ability } from '../../../../src/platform/access/abilities.js';
import type { OrgSummary } from '../../contracts.js';
import { subtreeCodes, type OrgIndex } from '../../orgTree.js';
import { useUser } from '../../session.js';
import { useOrgIndex } from '../../useOrgIndex.js';

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
  const index = useOrgIndex(enabled);
  return useMemo(() => {
    const posts = user.posts.filter((p) => roleAbilities[p.role].includes(ability));
    const managed = new Set(index ? posts.flatMap((p) => [...subtreeCodes(index, p.orgCode)]) : []);
    return { index, isDisabled: (org: OrgSummary) => !managed.has(org.code), only: posts.length === 1 ? posts[0]!.orgCode : undefined };
  }, [index, user.posts, ability]);
}
