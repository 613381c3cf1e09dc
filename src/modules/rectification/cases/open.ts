/**
 * Where screening hands over to the ledger: defining an organization opens its case, and a confirmed
 * finding for an organization whose case is under watch is a rebound that sends the case back to
 * identified (REFERENCES.md: under_watch → relapsed → identified). Both run inside the caller's write.
 */
import { and, eq } from 'drizzle-orm';
import type { WriteScope } from '../../../platform/service.js';
import { rectificationCases, rectificationEvents } from '../schema.js';

export interface CaseOpening {
  countyId: string;
  round: { id: string; year: number };
  org: { id: string; path: string };
  definedOn: string;
  /** The decision defining it. */
  basis: string;
  userId: string | null;
}

/** The new case's id. */
export async function openCase(w: WriteScope, o: CaseOpening): Promise<string> {
  const [opened] = await w.tx.insert(rectificationCases).values({
    countyId: o.countyId, orgId: o.org.id, orgPath: o.org.path, roundId: o.round.id, year: o.round.year,
    state: 'identified', definedOn: o.definedOn, basis: o.basis,
  }).returning({ id: rectificationCases.id });
  await w.tx.insert(rectificationEvents).values({
    countyId: o.countyId, caseId: opened!.id, day: o.definedOn, at: w.now, action: 'defined', fromState: null, toState: 'identified',
    note: o.basis, userId: o.userId,
  });
  return opened!.id;
}

export interface ConfirmedFinding {
  countyId: string;
  id: string;
  orgId: string;
  foundOn: string;
  userId: string | null;
}

/**
 * The case relapsed by this finding, if the organization has one under watch on the finding's day;
 * the watch ends and the case needs a new plan.
 */
export async function relapseOnFinding(w: WriteScope, f: ConfirmedFinding): Promise<{ caseId: string; orgPath: string } | null> {
  const [watched] = await w.tx.select({ id: rectificationCases.id, orgPath: rectificationCases.orgPath, watchUntil: rectificationCases.watchUntil })
    .from(rectificationCases)
    .where(and(eq(rectificationCases.countyId, f.countyId), eq(rectificationCases.orgId, f.orgId), eq(rectificationCases.state, 'under_watch')))
    .for('update');
  if (!watched || (watched.watchUntil !== null && f.foundOn > watched.watchUntil)) return null;
  await w.tx.update(rectificationCases)
    .set({ state: 'identified', watchUntil: null, planApprovedOn: null, updatedAt: w.now })
    .where(and(eq(rectificationCases.countyId, f.countyId), eq(rectificationCases.id, watched.id)));
  await w.tx.insert(rectificationEvents).values({
    countyId: f.countyId, caseId: watched.id, day: f.foundOn, at: w.now, action: 'relapsed', fromState: 'under_watch', toState: 'identified',
    findingId: f.id, userId: f.userId,
  });
  return { caseId: watched.id, orgPath: watched.orgPath };
}
