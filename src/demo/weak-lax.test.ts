import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/support/databases.js';
import { organizations } from '../modules/organizations/schema.js';
import { getCase, listBoard } from '../modules/rectification/cases/queries.js';
import { canRecordAcceptance, caseStates, missedReports, reportingSpans, type CaseState } from '../modules/rectification/cases/rules.js';
import { defaultRectificationSettings } from '../modules/rectification/settings.js';
import { yearSummary } from '../modules/rectification/summary.js';
import { systemActor } from '../platform/access/actor.js';
import { ManualClock } from '../platform/clock.js';
import { generateCounty } from './generate.js';
import { loadDemoCounty } from './load.js';
import { demoWeakLax } from './weak-lax.js';

const AS_OF = '2026-11-20';
const demo = generateCounty({ seed: 5, code: '530522', asOf: AS_OF, memberTarget: 400 });
const data = demoWeakLax(demo);
const villages = demo.orgs.filter((o) => (o.unitType === 'village' || o.unitType === 'community') && o.type !== 'party_group');
const thisYear = data.cases.filter((c) => c.roundKey === 'this');

describe('the demo county’s weak-lax year', () => {
  it('screens this year from every channel and defines about a tenth of the villages, each with confirmed evidence', () => {
    const findings = data.findings.filter((f) => f.roundKey === 'this');
    expect(new Set(findings.map((f) => f.channel))).toEqual(new Set(['self', 'masses', 'check', 'department']));
    expect(thisYear).toHaveLength(Math.max(6, Math.round(villages.length / 10)));
    const county = demoWeakLax(generateCounty({ seed: 5, code: '530522', asOf: AS_OF }));
    const all = generateCounty({ seed: 5, code: '530522', asOf: AS_OF }).orgs.filter((o) => o.unitType === 'village' || o.unitType === 'community').length;
    expect(Math.abs(county.cases.filter((c) => c.roundKey === 'this').length / all - 0.1)).toBeLessThan(0.03);
    for (const c of thisYear) expect(findings.filter((f) => f.orgCode === c.orgCode && f.status === 'confirmed').length, c.orgCode).toBeGreaterThanOrEqual(2);
    for (const f of data.findings) expect(f.evidence.trim()).not.toBe('');
  });

  it('has cases in every state, exactly one failed acceptance and one rebound', () => {
    expect(new Set(data.cases.map((c) => c.state))).toEqual(new Set(caseStates));
    expect(data.cases.flatMap((c) => c.acceptances).filter((a) => a.result === 'fail')).toHaveLength(1);
    expect(data.cases.flatMap((c) => c.events).filter((e) => e.action === 'relapsed')).toHaveLength(1);
    expect(data.cases.filter((c) => c.state === 'closed').every((c) => c.roundKey === 'prev')).toBe(true);
  });

  it('dates every record on or before asOf, and each timeline is a chain of the state machine ending in the case’s state', () => {
    for (const c of data.cases) {
      const days = [c.definedOn, c.planApprovedOn, c.closedOn, ...c.events.map((e) => e.day), ...c.reports.map((r) => r.reportedOn), ...c.acceptances.map((a) => a.acceptedOn), ...c.items.map((i) => i.doneOn)];
      for (const d of days) if (d !== null) expect(d <= AS_OF, `${c.orgCode} ${d}`).toBe(true);
      let state: string | null = null;
      for (const e of c.events) {
        expect(e.fromState, `${c.orgCode} ${e.action}`).toBe(state);
        state = e.toState;
      }
      expect(state).toBe(c.state);
      if (c.state === 'under_watch' || c.state === 'closed') expect(c.watchUntil).not.toBeNull();
    }
    for (const f of data.findings) expect(f.foundOn <= AS_OF).toBe(true);
  });

  it('records acceptances the ledger would accept, and a rectifying case with a late report and a missed week', () => {
    for (const a of data.cases.flatMap((c) => c.acceptances)) {
      expect(canRecordAcceptance('acceptance_requested', {
        ...a, passScore: defaultRectificationSettings.passScore, failPermille: defaultRectificationSettings.failDissatisfiedPermille,
      })).toEqual({ ok: true });
    }
    const lagging = thisYear.find((c) => c.reports.some((r) => r.late))!;
    expect(lagging.state).toBe('rectifying');
    const missed = missedReports({ unit: 'week' }, lagging.planApprovedOn, reportingSpans(lagging.events, AS_OF), lagging.reports, AS_OF);
    expect(missed.filter((m) => m.lateOn === null).length).toBeGreaterThanOrEqual(1);
    expect(missed.filter((m) => m.lateOn !== null)).toHaveLength(1);
  });

  it('keeps every record before an early-year asOf too (the year is then the last one)', () => {
    const early = demoWeakLax({ ...demo, asOf: '2026-06-30' });
    expect(early.rounds.map((r) => r.year)).toEqual([2024, 2025]);
    for (const c of early.cases) for (const e of c.events) expect(e.day <= '2026-06-30').toBe(true);
  });

  it('loads into the database, where the ledger and the summary read it', async () => {
    const database = await openTestDatabase('pglite');
    try {
      const clock = new ManualClock(new Date(`${AS_OF}T04:00:00Z`));
      const { countyId } = await loadDemoCounty(database.db, clock, demo);
      const orgs = await database.db.select().from(organizations).where(eq(organizations.countyId, countyId));
      const root = orgs.find((o) => o.parentId === null)!;
      const ctx = { db: database.db, clock, actor: systemActor(countyId, root, 'test') };
      const summary = await yearSummary(database.db, { countyId, path: root.path }, 2026);
      expect(summary).toMatchObject({
        screened: villages.length, defined: thisYear.length, failedAcceptance: 1, rebounds: 1, closed: 0,
        inWatch: thisYear.filter((c) => c.state === 'under_watch').length,
        rectifying: thisYear.filter((c) => ['identified', 'plan_approved', 'rectifying', 'acceptance_requested'].includes(c.state)).length,
      });
      expect((await yearSummary(database.db, { countyId, path: root.path }, 2025)).closed).toBe(1);
      const board = await listBoard(ctx, { org: root.code, year: 2026 });
      expect(new Set(board.cases.map((c) => c.state as CaseState))).toEqual(new Set(['identified', 'plan_approved', 'rectifying', 'acceptance_requested', 'under_watch']));
      const lagging = board.cases.find((c) => c.missedReports > 0 && c.state === 'rectifying')!;
      const detail = await getCase(ctx, lagging.id, 'zh');
      expect(detail.reports.some((r) => r.late)).toBe(true);
      expect(detail.events[0]).toMatchObject({ action: 'defined' });
    } finally {
      await database.close();
    }
  }, 240_000);
});
