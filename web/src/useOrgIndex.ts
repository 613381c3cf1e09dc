import { useMemo } from 'react';
import { api } from './api.js';
import type { OrgList } from './contracts.js';
import { indexOrgs, type OrgIndex } from './orgTree.js';
import { useApi } from './useApi.js';

/** The organizations the user may read, indexed for pickers and trees; undefined while loading (or not `enabled`). */
export function useOrgIndex(enabled = true): OrgIndex | undefined {
  const orgs = useApi(enabled ? 'orgs' : null, (signal) => api.get<OrgList>('/api/organizations', undefined, { signal }));
  return useMemo(() => (orgs.data ? indexOrgs(orgs.data.items) : undefined), [orgs.data]);
}
