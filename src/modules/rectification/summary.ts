/**
 * A year's weak-lax figures for a subtree (the CLI's `rectification summary` and the board's cards):
 * the screening's own figures over the year's rounds (screening/figures.ts, so the round page and this
 * summary count alike) and where the ledger of those rounds' cases stands today.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { ServiceContext } from '../../platform/service.js';
import type { SummaryView } from './cases/contracts.js';
import { readableOrg } from './cases/queries.js';
import { inRectification, type CaseState } from './cases/rules.js';
import { rectificationAcceptances, rectificationCases, rectificationEvents, screeningRounds } from './schema.js';
import { screeningFigures } from './screening/figures.js';

export async function yearSummary(db: Db, scope: { countyId: string; path: string }, year: number): Promise<SummaryView> {
  const rounds = await db.select({ id: screeningRounds.id }).from(screeningRounds)
    .where(and(eq(screeningRounds.countyId, scope.countyId), eq(screeningRounds.year, year)));
  const roundIds = rounds.map((r) => r.id);
  const figures = await screeningFigures(db, { countyId: scope.countyId, paths: [scope.path] }, roundIds);
  const cases = roundIds.length === 0 ? [] : await db.select({ id: rectificationCases.id, state: rectificationCases.state }).from(rectificationCases)
    .where(and(eq(rectificationCases.countyId, scope.countyId), inArray(rectificationCases.roundId, roundIds), sql`${rectificationCases.orgPath} like ${scope.path + '%'}`));
  const ids = cases.map((c) => c.id);
  const acceptances = ids.length === 0 ? [] : await db.selectDistinct({ caseId: rectificationAcceptances.caseId, result: rectificationAcceptances.result }).from(rectificationAcceptances)
    .where(and(eq(rectificationAcceptances.countyId, scope.countyId), inArray(rectificationAcceptances.caseId, ids)));
  // A rebound of the year reopens a case of an earlier round: counted by the day it happened, over the subtree's cases.
  const relapses = await db.select({ id: rectificationEvents.id }).from(rectificationEvents)
    .innerJoin(rectificationCases, and(eq(rectificationCases.countyId, rectificationEvents.countyId), eq(rectificationCases.id, rectificationEvents.caseId)))
    .where(and(eq(rectificationEvents.countyId, scope.countyId), eq(rectificationEvents.action, 'relapsed'), sql`${rectificationCases.orgPath} like ${scope.path + '%'}`,
      sql`${rectificationEvents.day} between ${`${year}-01-01`} and ${`${year}-12-31`}`));
  const casesWith = (results: string[]) => new Set(acceptances.filter((a) => results.includes(a.result)).map((a) => a.caseId)).size;
  return {
    screened: figures.screened,
    defined: figures.defined,
    rectifying: cases.filter((c) => inRectification(c.state as CaseState)).length,
    accepted: casesWith(['pass', 'basic_pass']),
    failedAcceptance: casesWith(['fail']),
    inWatch: cases.filter((c) => c.state === 'under_watch').length,
    closed: cases.filter((c) => c.state === 'closed').length,
    rebounds: relapses.length,
    byCriterion: figures.byCriterion,
    byCategory: figures.byCategory,
    byTownship: figures.byTownship,
  };
}

/** The summary as the web asks for it: only over a subtree the actor reads the ledger of. */
export async function getSummary(ctx: ServiceContext, query: { org: string; year: number }): Promise<SummaryView> {
  const org = await readableOrg(ctx, query.org);
  return yearSummary(ctx.db, { countyId: org.countyId, path: org.path }, query.year);
}
