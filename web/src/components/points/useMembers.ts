import { api } from '../../api.js';
import type { MemberPage } from '../../contracts.js';
import { useSession } from '../../session.js';
import { useApi } from '../../useApi.js';

/** The members of an organization, for those whose posts read people (others get none: they act for themselves). */
export function useMembers(orgCode: string) {
  const { user } = useSession();
  const reads = user?.abilities.includes('person.read') ?? false;
  const members = useApi(reads && orgCode ? `points-members|${orgCode}` : null,
    (signal) => api.get<MemberPage>('/api/members', { org: orgCode, pageSize: 200 }, { signal }));
  return members.data?.items.map((m) => ({ id: m.personId, name: m.name })) ?? [];
}
