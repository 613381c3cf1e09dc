import { describe, expect, it } from 'vitest';
import { periodsBetween } from '../platform/cadence/periods.js';
import { quotaCell, defaultSettings } from '../modules/contracting/rules.js';
import { demoContracting } from './contracting.js';
import { generateCounty } from './generate.js';

const AS_OF = '2026-06-30';
const demo = generateCounty({ seed: 11, code: '530522', asOf: AS_OF, memberTarget: 1500 });
const { teams, visits } = demoContracting(demo, AS_OF);
const orgs = new Map(demo.orgs.map((o) => [o.code, o]));
const townshipOf = (code: string): string | null => {
  for (let o = orgs.get(code); o; o = o.parentCode ? orgs.get(o.parentCode) : undefined) {
    if (o.type === 'committee' && (o.unitType === 'township' || o.unitType === 'street')) return o.code;
  }
  return null;
};
const postsOf = (person: string) => demo.posts.filter((p) => p.personKey === person);

describe('the demo county’s year of contracting', () => {
  it('is the same every time', () => {
    expect(demoContracting(demo, AS_OF)).toEqual({ teams, visits });
  });

  it('gives every township teams of two to four villages, each village to one team, as the team rules ask', () => {
    const townships = demo.orgs.filter((o) => o.type === 'committee' && o.unitType === 'township');
    expect(new Set(teams.map((t) => t.townshipCode))).toEqual(new Set(townships.map((o) => o.code)));
    const assigned = teams.flatMap((t) => t.villageCodes);
    expect(new Set(assigned).size).toBe(assigned.length);
    const sizes = teams.map((t) => t.villageCodes.length);
    expect(sizes.filter((n) => n >= 2 && n <= 4).length / sizes.length).toBeGreaterThan(0.8);
    for (const team of teams) {
      expect(team.year).toBe(2026);
      expect(postsOf(team.leaderKey).some((p) => p.orgCode === team.townshipCode && ['township_admin', 'cadre'].includes(p.role)), team.key).toBe(true);
      for (const m of team.memberKeys) {
        expect(m).not.toBe(team.leaderKey);
        expect(postsOf(m).some((p) => townshipOf(p.orgCode) === team.townshipCode && ['township_admin', 'cadre'].includes(p.role)), m).toBe(true);
      }
      for (const v of team.villageCodes) {
        expect(townshipOf(v)).toBe(team.townshipCode);
        expect(['village', 'community']).toContain(orgs.get(v)!.unitType);
      }
    }
  });

  it('visits the team’s villages within the year by people who held their posts that day, meeting a few households', () => {
    const byKey = new Map(teams.map((t) => [t.key, t]));
    expect(visits.length).toBeGreaterThan(teams.length * 40);
    for (const v of visits) {
      const team = byKey.get(v.teamKey)!;
      expect(team.villageCodes).toContain(v.orgCode);
      expect(v.visitedOn >= '2026-01-01' && v.visitedOn <= AS_OF, v.visitedOn).toBe(true);
      for (const person of v.participantKeys) {
        expect(postsOf(person).some((p) => townshipOf(p.orgCode) === team.townshipCode && p.startedOn <= v.visitedOn), person).toBe(true);
      }
      expect(new Set(v.households).size).toBe(v.households.length);
      expect(v.households.length).toBeGreaterThan(0);
      if (v.problemsSolved) expect(v.problemsFound).not.toBeNull();
    }
    expect(visits.some((v) => v.problemsFound && !v.problemsSolved)).toBe(true);
  });

  it('has most leaders meeting the quota most weeks, one lagging in each township, and holiday weeks quiet', () => {
    const weeks = periodsBetween('week', '2026-01-05', '2026-06-28');
    const rate = (leader: string, teamKey: string) => {
      const done = weeks.filter((w) => {
        const held = visits.filter((v) => v.teamKey === teamKey && v.participantKeys.includes(leader) && v.visitedOn >= w.start && v.visitedOn <= w.end).length;
        return quotaCell(w, held, defaultSettings, AS_OF).status === 'done';
      });
      return done.length / weeks.length;
    };
    const rates = teams.map((t) => rate(t.leaderKey, t.key));
    expect(rates.filter((r) => r >= 0.7).length / rates.length).toBeGreaterThan(0.6);
    expect(rates.some((r) => r < 0.5)).toBe(true);
    // Spring Festival 2026: 16–22 February.
    const festival = visits.filter((v) => v.visitedOn >= '2026-02-16' && v.visitedOn <= '2026-02-22' && v.participantKeys.includes(teams.find((t) => t.key === v.teamKey)!.leaderKey));
    expect(festival.length).toBeLessThanOrEqual(teams.length);
  });
});
