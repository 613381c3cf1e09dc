/**
 * Loads seed 002's weak-lax year (demo/weak-lax.ts) into the demo county: screening rounds and
 * findings, and the ledger's cases with their plans, reports, acceptances and timelines. Events get
 * timestamps one second apart in the order the generator made them, so the timeline reads as it happened.
 */
import { rectificationAcceptances, rectificationCases, rectificationEvents, rectificationItems, rectificationReports, screeningFindings, screeningRounds } from '../modules/rectification/schema.js';
import type { WriteScope } from '../platform/service.js';
import type { DemoCounty } from './generate.js';
import { insertRows } from './insert.js';
import type { Loaded } from './load-life.js';
import { demoWeakLax } from './weak-lax.js';

export async function loadWeakLax(w: WriteScope, demo: DemoCounty, { countyId, orgRows }: Loaded): Promise<Record<string, number>> {
  const org = (code: string) => orgRows.get(code)!;
  const data = demoWeakLax(demo);
  const roundIds = new Map(data.rounds.map((r) => [r.key, crypto.randomUUID()]));
  await insertRows(w.tx, screeningRounds, data.rounds.map((r) => ({
    countyId, id: roundIds.get(r.key)!, year: r.year, period: 'year', title: r.title, status: r.closedOn ? 'closed' : 'open', openedOn: r.openedOn, closedOn: r.closedOn,
  })));
  const findingIds = new Map(data.findings.map((f) => [f.key, crypto.randomUUID()]));
  await insertRows(w.tx, screeningFindings, data.findings.map(({ key, roundKey, orgCode, ...f }) => ({
    countyId, id: findingIds.get(key)!, roundId: roundIds.get(roundKey)!, orgId: org(orgCode).id, orgPath: org(orgCode).path, ...f, source: 'manual', measured: null,
  })));
  const caseIds = data.cases.map(() => crypto.randomUUID());
  await insertRows(w.tx, rectificationCases, data.cases.map(({ roundKey, orgCode, items: _i, reports: _r, acceptances: _a, events: _e, ...c }, n) => ({
    countyId, id: caseIds[n]!, roundId: roundIds.get(roundKey)!, orgId: org(orgCode).id, orgPath: org(orgCode).path, ...c,
  })));
  await insertRows(w.tx, rectificationItems, data.cases.flatMap((c, n) => c.items.map((i, position) => ({ countyId, caseId: caseIds[n]!, position: position + 1, ...i }))));
  await insertRows(w.tx, rectificationReports, data.cases.flatMap((c, n) => c.reports.map((r) => ({ countyId, caseId: caseIds[n]!, ...r }))));
  await insertRows(w.tx, rectificationAcceptances, data.cases.flatMap((c, n) => c.acceptances.map((a) => ({ countyId, caseId: caseIds[n]!, ...a }))));
  await insertRows(w.tx, rectificationEvents, data.cases.flatMap((c, n) => c.events.map(({ findingKey, ...e }, seq) => ({
    countyId, caseId: caseIds[n]!, ...e, at: new Date(new Date(`${e.day}T01:00:00Z`).getTime() + seq * 1000), findingId: findingKey ? findingIds.get(findingKey)! : null,
  }))));
  const reports = data.cases.reduce((sum, c) => sum + c.reports.length, 0);
  return { screeningRounds: data.rounds.length, screeningFindings: data.findings.length, rectificationCases: data.cases.length, rectificationReports: reports };
}
