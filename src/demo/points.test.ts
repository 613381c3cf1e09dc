import { describe, expect, it } from 'vitest';
import { stageOn } from '../modules/members/rules/pipeline.js';
import { defaultPointsSettings } from '../modules/points/catalogue.js';
import { checkScores, scoreTotal, signed, starsFor } from '../modules/points/rules.js';
import { generateCounty } from './generate.js';
import { demoPoints } from './points.js';

const AS_OF = '2026-06-30';
const demo = generateCounty({ seed: 11, code: '530522', asOf: AS_OF, memberTarget: 1500 });
const { entries, ratings } = demoPoints(demo, AS_OF);
const branches = demo.orgs.filter((o) => ['branch', 'joint_branch', 'general_branch'].includes(o.type));
const accountOrgs = new Set(demo.accounts.map((a) => a.orgCode));

describe('the demo county’s points and star ratings', () => {
  it('claims manual items with the catalogue’s points, this year, by members of the branch that day', () => {
    expect(entries.length).toBeGreaterThan(branches.length);
    const people = new Map(demo.people.map((p) => [p.key, p]));
    for (const e of entries) {
      const item = defaultPointsSettings.items.find((i) => i.id === e.itemId)!;
      expect(item.source).toBe('manual');
      expect(e.points).toBe(signed(item, item.points));
      expect(e.evidence !== null || !item.evidenceRequired).toBe(true);
      expect(e.occurredOn >= '2026-01-01' && e.occurredOn <= AS_OF).toBe(true);
      const person = people.get(e.personKey)!;
      expect(person.orgCode).toBe(e.orgCode);
      expect(['full', 'probationary']).toContain(stageOn(person.membership!, e.occurredOn));
    }
    expect(new Set(entries.map((e) => e.status))).toEqual(new Set(['approved', 'pending']));
  });

  it('rates every branch of last year, approved with the stars its reviewed scores give', () => {
    const lastYear = ratings.filter((r) => r.year === 2025 && r.personKey === null);
    expect(lastYear.length).toBeGreaterThan(branches.length / 2);
    for (const r of lastYear) {
      expect(r.status).toBe('approved');
      expect(checkScores(r.selfScores, defaultPointsSettings.branchIndicators)).toEqual([]);
      expect(checkScores(r.reviewScores!, defaultPointsSettings.branchIndicators)).toEqual([]);
      expect(r.stars).toBe(starsFor(scoreTotal(r.reviewScores!), defaultPointsSettings.ratingStars.branch));
    }
    expect(new Set(lastYear.map((r) => r.stars)).size).toBeGreaterThan(1);
  });

  it('rates about half of last year’s full members of those branches, approved against the member indicators', () => {
    const members = ratings.filter((r) => r.personKey !== null);
    const people = new Map(demo.people.map((p) => [p.key, p]));
    const rated = new Set(ratings.filter((r) => r.year === 2025 && r.personKey === null).map((r) => r.orgCode));
    const full = demo.people.filter((p) => rated.has(p.orgCode) && p.membership && stageOn(p.membership, '2025-12-01') === 'full' && stageOn(p.membership, '2025-12-31') === 'full');
    expect(members.length).toBeGreaterThan(full.length * 0.35);
    expect(members.length).toBeLessThan(full.length * 0.65);
    expect(new Set(members.map((r) => r.personKey)).size).toBe(members.length);
    for (const r of members) {
      const person = people.get(r.personKey!)!;
      expect(person.orgCode).toBe(r.orgCode);
      expect(stageOn(person.membership!, '2025-12-31')).toBe('full');
      expect([r.year, r.status]).toEqual([2025, 'approved']);
      expect(checkScores(r.reviewScores!, defaultPointsSettings.memberIndicators)).toEqual([]);
      expect(r.stars).toBe(starsFor(scoreTotal(r.reviewScores!), defaultPointsSettings.ratingStars.member));
    }
  });

  it('has this year’s ratings in progress, none approved, and leaves the accounts’ branch and people alone', () => {
    const thisYear = ratings.filter((r) => r.year === 2026);
    expect(new Set(thisYear.map((r) => r.status))).toEqual(new Set(['self_assessed', 'reviewed']));
    for (const r of thisYear) expect(r.reviewScores === null).toBe(r.status === 'self_assessed');
    expect([...entries, ...ratings].some((x) => accountOrgs.has(x.orgCode))).toBe(false);
    const accountPeople = new Set(demo.accounts.map((a) => a.personKey));
    expect(entries.some((e) => accountPeople.has(e.personKey))).toBe(false);
  });
});
