/** The member list's filters as the page keeps them in its address (shareable, back-button friendly). */
import type { EducationLevel } from '../../../../src/modules/members/rules/education.js';
import type { MemberCategory } from '../../../../src/modules/members/rules/pipeline.js';

export interface FilterValues {
  org?: string;
  category?: MemberCategory[];
  gender?: '1' | '2';
  ageMin?: number | null;
  ageMax?: number | null;
  education?: EducationLevel[];
  ethnicity?: string;
  mobile?: 'true' | 'false';
  q?: string;
}

const listKeys = ['category', 'education'] as const;
const textKeys = ['org', 'gender', 'ethnicity', 'mobile', 'q'] as const;
const numberKeys = ['ageMin', 'ageMax'] as const;

/** Values are taken as the address has them; the server checks them and names any that is wrong. */
export function filtersFromParams(params: URLSearchParams): FilterValues {
  const values: Record<string, unknown> = {};
  for (const key of listKeys) {
    const list = params.get(key)?.split(',').filter(Boolean);
    if (list?.length) values[key] = list;
  }
  for (const key of textKeys) if (params.get(key)) values[key] = params.get(key);
  for (const key of numberKeys) {
    const text = params.get(key);
    if (text !== null && text !== '' && !Number.isNaN(Number(text))) values[key] = Number(text);
  }
  return values as FilterValues;
}

/** The query-string form shared by the address, the list request and the export link. */
export function filtersToQuery(values: FilterValues): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of listKeys) if (values[key]?.length) query[key] = values[key]!.join(',');
  for (const key of textKeys) {
    const text = values[key]?.trim();
    if (text) query[key] = text;
  }
  for (const key of numberKeys) if (typeof values[key] === 'number') query[key] = String(values[key]);
  return query;
}
