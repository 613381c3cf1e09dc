import { describe, expect, it } from 'vitest';
import { searchQuery, searchTokens } from '../platform/text/search.js';
import { demoDiaries, townshipCadres } from './diaries.js';
import { demoHouseholds } from './households.js';
import { generateCounty } from './generate.js';

const AS_OF = '2026-06-30';
const demo = generateCounty({ seed: 11, code: '530522', asOf: AS_OF, memberTarget: 1500 });
const diaries = demoDiaries(demo, AS_OF);
const orgs = new Map(demo.orgs.map((o) => [o.code, o]));
const households = new Set(demoHouseholds(demo, AS_OF).map((h) => `${h.orgCode}#${h.number}`));

describe('the demo county’s year of visit diaries', () => {
  it('is the same every time, within the year before the day, and never before a village existed', () => {
    expect(demoDiaries(demo, AS_OF)).toEqual(diaries);
    for (const d of diaries) {
      expect(d.writtenOn > '2025-06-30' && d.writtenOn <= AS_OF, d.writtenOn).toBe(true);
      expect(d.writtenOn >= orgs.get(d.orgCode)!.establishedOn).toBe(true);
    }
  });

  it('is written by township cadres about villages of their own township, households of that village', () => {
    const townships = townshipCadres(demo);
    const allowed = new Map(townships.flatMap((t) => t.cadres.map((c) => [c.key, new Set(t.villages.map((v) => v.code))] as const)));
    expect(diaries.length).toBeGreaterThan(townships.reduce((n, t) => n + t.cadres.length, 0) * 12);
    for (const d of diaries) {
      expect(allowed.get(d.authorKey)?.has(d.orgCode), `${d.authorKey} ${d.orgCode}`).toBe(true);
      if (d.household) {
        expect(d.household.orgCode).toBe(d.orgCode);
        expect(households.has(`${d.household.orgCode}#${d.household.number}`), d.household.number).toBe(true);
      }
      expect(d.situation.length).toBeGreaterThan(5);
    }
    expect(diaries.some((d) => d.household === null)).toBe(true);
  });

  it('says things a search finds in many villages and months, by two characters from inside a phrase', () => {
    const matching = (q: string) => {
      const pairs = searchQuery(q)!.replace(/[()]/g, '').split(' <-> ').join(' ');
      return diaries.filter((d) => ` ${searchTokens(d.situation, d.problems, d.demands, d.plan, d.result)} `.includes(` ${pairs} `));
    };
    for (const q of ['饮水', '危房', '医保', '水管', '烤烟收购']) {
      const found = matching(q);
      expect(new Set(found.map((d) => d.orgCode)).size, q).toBeGreaterThan(3);
      expect(new Set(found.map((d) => d.writtenOn.slice(0, 7))).size, q).toBeGreaterThan(6);
    }
  });
});
