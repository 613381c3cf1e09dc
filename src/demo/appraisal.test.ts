import { describe, expect, it } from 'vitest';
import { checkDeadline, checkGrades, correctionOverdue, excellentCap, mutualTotal } from '../modules/appraisal/rules.js';
import { demoAppraisal } from './appraisal.js';
import { generateCounty } from './generate.js';

const AS_OF = '2026-06-30';
const demo = generateCounty({ seed: 11, code: '530522', asOf: AS_OF, memberTarget: 1500 });
const { rounds, entries, followups } = demoAppraisal(demo, AS_OF);
const entriesOf = (r: { orgCode: string; year: number }) => entries.filter((e) => e.orgCode === r.orgCode && e.year === r.year);

describe('the demo county’s appraisals', () => {
  it('grades last year in almost every branch, each round as the server would accept it', () => {
    const branches = demo.orgs.filter((o) => o.type === 'branch' || o.type === 'joint_branch');
    const graded = rounds.filter((r) => r.year === 2025);
    expect(graded.length / branches.length).toBeGreaterThan(0.85);
    for (const r of graded) {
      const es = entriesOf(r);
      expect(r.status).toBe('graded');
      expect(r.openedOn <= r.gradedOn! && r.gradedOn! <= AS_OF).toBe(true);
      const given = es.filter((e) => e.grade !== null).map((e) => ({ personId: e.personKey, grade: e.grade!, note: e.gradeNote }));
      expect(checkGrades(es.map((e) => ({ personId: e.personKey, category: e.category })), given, r.excellentCapPermille), r.orgCode).toEqual([]);
      for (const e of es) expect(mutualTotal(e), e.personKey).toBeLessThanOrEqual(es.length - 1);
      for (const e of es) expect(Math.min(e.massesSatisfied, e.massesBasic, e.massesUnsatisfied, e.mutualBasic, e.mutualQualified, e.mutualUnqualified)).toBeGreaterThanOrEqual(0);
    }
  });

  it('gives a realistic distribution: a fifth to a third 优秀 within the caps, most 合格, a few 基本合格, two 不合格', () => {
    const graded = entries.filter((e) => e.grade !== null);
    const share = (g: string) => graded.filter((e) => e.grade === g).length / graded.length;
    expect(share('excellent')).toBeGreaterThan(0.15);
    expect(share('excellent')).toBeLessThan(0.334);
    expect(share('qualified')).toBeGreaterThan(0.5);
    expect(share('basically_qualified')).toBeGreaterThan(0);
    expect(share('basically_qualified')).toBeLessThan(0.1);
    expect(graded.filter((e) => e.grade === 'unqualified')).toHaveLength(2);
    const caps = rounds.filter((r) => r.status === 'graded').map((r) => excellentCap(entriesOf(r).filter((e) => e.category === 'full').length, r.excellentCapPermille));
    expect(graded.filter((e) => e.grade === 'excellent').length).toBeLessThanOrEqual(caps.reduce((a, b) => a + b, 0));
  });

  it('follows up both 不合格 with a deadline within a year, one still open past it', () => {
    expect(followups).toHaveLength(2);
    for (const f of followups) {
      const entry = entries.find((e) => e.personKey === f.personKey && e.year === f.year)!;
      expect(entry.grade).toBe('unqualified');
      expect(checkDeadline(f.action, f.decidedOn, f.deadline)).toBeNull();
    }
    expect(followups.filter((f) => correctionOverdue(f, '2026-07-01'))).toHaveLength(1);
    expect(followups.filter((f) => f.outcome === 'corrected')).toHaveLength(1);
  });

  it('has this year’s round open in some branches, not in the demo secretary’s', () => {
    const open = rounds.filter((r) => r.year === 2026);
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((r) => r.status === 'open' && r.openedOn <= AS_OF && r.openedOn.startsWith('2026'))).toBe(true);
    const secretaries = new Set(demo.accounts.filter((a) => a.role === 'branch_secretary').map((a) => a.orgCode));
    expect(open.some((r) => secretaries.has(r.orgCode))).toBe(false);
    expect(open.flatMap(entriesOf).every((e) => e.grade === null)).toBe(true);
    expect(open.flatMap(entriesOf).some((e) => e.selfAssessment !== null)).toBe(true);
  });

  it('is the same county every time', () => {
    expect(demoAppraisal(demo, AS_OF)).toEqual({ rounds, entries, followups });
  });
});
