/**
 * Loads the demo county's assessments and responsibility letters (demo/assessments.ts) after its
 * organizations, people and posts: rounds with the scheme copied as the server copies it, results with
 * their totals and grades, letters with their items. Rows keyed by organization code and person key get
 * their ids and paths here.
 */
import { assessmentResults, assessmentRounds, responsibilityItems, responsibilityLetters } from '../modules/assessments/schema.js';
import type { WriteScope } from '../platform/service.js';
import { demoAssessments } from './assessments.js';
import type { DemoCounty } from './generate.js';
import { insertRows } from './insert.js';
import type { Loaded } from './load-life.js';

export async function loadAssessments(w: WriteScope, demo: DemoCounty, { countyId, orgRows, personIds }: Loaded): Promise<Record<string, number>> {
  const org = (code: string) => orgRows.get(code)!;
  const { rounds, results, letters } = demoAssessments(demo, demo.asOf);
  const roundIds = rounds.map(() => crypto.randomUUID());
  await insertRows(w.tx, assessmentRounds, rounds.map(({ orgCode, scheme: { code, ...scheme }, ...r }, i) => ({
    countyId, id: roundIds[i]!, orgId: org(orgCode).id, orgPath: org(orgCode).path, schemeCode: code, scheme, ...r,
  })));
  await insertRows(w.tx, assessmentResults, results.map(({ round, orgCode, personKey, ...r }) => ({
    countyId, roundId: roundIds[round]!, orgId: org(orgCode).id, orgPath: org(orgCode).path, personId: personKey ? personIds.get(personKey) ?? null : null, ...r,
  })));
  const letterIds = letters.map(() => crypto.randomUUID());
  await insertRows(w.tx, responsibilityLetters, letters.map(({ issuerCode, orgCode, items: _items, ...l }, i) => ({
    countyId, id: letterIds[i]!, issuerOrgId: org(issuerCode).id, orgId: org(orgCode).id, orgPath: org(orgCode).path, ...l,
  })));
  await insertRows(w.tx, responsibilityItems, letters.flatMap((l, i) => l.items.map((item, position) => ({ countyId, letterId: letterIds[i]!, position, ...item }))));
  return { assessmentRounds: rounds.length, assessmentResults: results.length, responsibilityLetters: letters.length };
}
