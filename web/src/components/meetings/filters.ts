/** The meeting list's filters as the page keeps them in its address (shareable, back-button friendly). */
import { meetingKinds, meetingStatuses, type MeetingKind, type MeetingStatus } from '../../../../src/modules/meetings/kinds.js';

export interface MeetingFilters {
  org?: string;
  kind?: MeetingKind;
  status?: MeetingStatus;
  from?: string;
  to?: string;
}

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined => list.find((v) => v === value);

/** Unknown kinds and statuses are dropped; the server checks the rest and names any that is wrong. */
export function filtersFromParams(params: URLSearchParams): MeetingFilters {
  return {
    org: params.get('org') || undefined,
    kind: oneOf(meetingKinds, params.get('kind')),
    status: oneOf(meetingStatuses, params.get('status')),
    from: params.get('from') || undefined,
    to: params.get('to') || undefined,
  };
}

/** The query-string form shared by the address and the list request. */
export function filtersToQuery(filters: MeetingFilters): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) if (typeof value === 'string' && value) query[key] = value;
  return query;
}
