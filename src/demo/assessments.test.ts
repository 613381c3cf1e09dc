import { describe, expect, it } from 'vitest';
import { gradeOf, letterItemProblems, letterTotal, needsUpgradePlan, schemeProblems, scoreProblems, scoringOpensOn, weightedTotal } from '../modules/assessments/rules.js';
import { demoAssessments } from './assessments.js';
import { generateCounty } from './generate.js';

const AS_OF = '2026-06-30';
const demo = generateCounty({ seed: 11, code: '530522', asOf: AS_OF, memberTarget: 1500 });
const { rounds, results, letters } = demoAssessments(demo, AS_OF);
const villages = demo.orgs.filter((o) => o.type !== 'party_group' && (o.unitType === 'village' || o.unitType === 'community'));
const root = demo.orgs.find((o) => o.parentCode === null)!;

describe('the demo county’s assessments', () => {
  it('is deterministic', () => {
    expect(demoAssessments(demo, AS_OF)).toEqual({ rounds, results, letters });
  });

  it('finished last year’s three-way evaluation of every village, with a few 后进 carrying upgrade plans', () => {
    const [last] = rounds;
    expect(last).toMatchObject({ orgCode: root.code, year: 2025, status: 'finished', openedOn: '2025-12-05', finishedOn: '2025-12-30' });
    expect(schemeProblems(last!.scheme)).toEqual([]);
    const mine = results.filter((r) => r.round === 0);
    expect(mine.map((r) => r.orgCode).sort()).toEqual(villages.map((v) => v.code).sort());
    for (const r of mine) {
      expect(scoreProblems(last!.scheme.parts, r.partScores, r.orgCode)).toEqual([]);
      expect(r.total).toBe(weightedTotal(last!.scheme.parts, r.partScores));
      expect(r.grade).toBe(gradeOf(last!.scheme.grades, r.total)!.key);
      expect(r.upgradePlan !== null).toBe(needsUpgradePlan(last!.scheme.grades, r.grade));
    }
    const count = (g: string) => mine.filter((r) => r.grade === g).length;
    expect(count('lagging')).toBeGreaterThanOrEqual(2);
    expect(count('lagging') / mine.length).toBeLessThan(0.1);
    expect(count('advanced')).toBeGreaterThan(0);
    expect(count('good')).toBeGreaterThan(count('lagging'));
  });

  it('has this year’s debrief open with each village’s secretary and part of the scores in', () => {
    const debrief = rounds[1]!;
    expect(debrief).toMatchObject({ year: 2026, status: 'open', finishedOn: null, scheme: { subject: 'secretary' } });
    const mine = results.filter((r) => r.round === 1);
    const secretaries = new Map(demo.posts.filter((p) => p.role === 'branch_secretary' && p.startedOn <= debrief.openedOn).map((p) => [p.orgCode, p.personKey]));
    for (const r of mine) expect(r.personKey).toBe(secretaries.get(r.orgCode) ?? null);
    expect(mine.filter((r) => r.personKey !== null).length / mine.length).toBeGreaterThan(0.8);
    const complete = mine.filter((r) => r.total !== null).length;
    expect(complete).toBeGreaterThan(0);
    expect(complete).toBeLessThan(mine.length);
    expect(mine.some((r) => r.total === null && Object.keys(r.partScores).length > 0)).toBe(true);
  });

  it('signs the county → township and township → village letters of both years, scoring last year’s in December', () => {
    const townships = demo.orgs.filter((o) => o.parentCode === root.code && (o.unitType === 'township' || o.unitType === 'street'));
    for (const y of [2025, 2026]) {
      expect(letters.filter((l) => l.year === y && l.issuerCode === root.code).map((l) => l.orgCode).sort()).toEqual(townships.map((t) => t.code).sort());
      expect(letters.filter((l) => l.year === y && l.issuerCode !== root.code).length).toBeGreaterThan(villages.length * 0.9);
    }
    for (const l of letters) {
      expect(letterItemProblems(l.items)).toEqual([]);
      expect(l.signedOn <= AS_OF && l.signedOn >= `${l.year - 1}-01-01`).toBe(true);
      if (l.year === 2025) {
        expect(l.status).toBe('scored');
        expect(l.scoredOn! >= scoringOpensOn(l.year) && l.scoredOn! <= AS_OF).toBe(true);
        for (const i of l.items) expect(i.score! >= 0 && i.score! <= i.weight).toBe(true);
        expect(letterTotal(l.items)).not.toBeNull();
      } else {
        expect([l.status, l.scoredOn, l.items.every((i) => i.score === null)]).toEqual(['signed', null, true]);
      }
    }
  });
});
