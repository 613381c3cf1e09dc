import { describe, expect, it } from 'vitest';
import { periodsBetween } from '../platform/cadence/periods.js';
import { defaultPairingSettings } from '../modules/pairing/defaults.js';
import { rankOf } from '../modules/pairing/rules.js';
import { townshipCadres } from './diaries.js';
import { generateCounty } from './generate.js';
import { demoHouseholds } from './households.js';
import { demoPairings } from './pairing.js';

const AS_OF = '2026-06-30';
const demo = generateCounty({ seed: 11, code: '530522', asOf: AS_OF, memberTarget: 1500 });
const pairings = demoPairings(demo, AS_OF);
const townships = townshipCadres(demo);
const cadres = new Map(townships.flatMap((t) => t.cadres.map((c) => [c.key, { ...c, villages: new Set(t.villages.map((v) => v.code)) }] as const)));

describe('the demo county’s pairings', () => {
  it('is the same every time, each pairing a township cadre with a household of their township, each household helped once', () => {
    expect(demoPairings(demo, AS_OF)).toEqual(pairings);
    const paired = pairings.map((p) => `${p.household.orgCode}#${p.household.number}`);
    expect(new Set(paired).size).toBe(paired.length);
    const households = new Set(demoHouseholds(demo, AS_OF).map((h) => `${h.orgCode}#${h.number}`));
    expect(paired.every((h) => households.has(h))).toBe(true);
    for (const p of pairings) {
      expect(cadres.get(p.cadreKey)?.villages.has(p.household.orgCode), p.cadreKey).toBe(true);
      const known = new Set(defaultPairingSettings.helpTypes.map((h) => h.id));
      expect(p.helpTypes.length > 0 && p.helpTypes.every((h) => known.has(h))).toBe(true);
    }
  });

  it('follows the quotas by rank for most cadres, with a few short of them and a few over', () => {
    const open = new Map<string, number>();
    for (const p of pairings) open.set(p.cadreKey, (open.get(p.cadreKey) ?? 0) + 1);
    const gaps = [...cadres.values()].map((c) => (open.get(c.key) ?? 0) - (rankOf(c.titles, defaultPairingSettings.ranks)?.households ?? 1));
    expect(gaps.filter((g) => g === 0).length / gaps.length).toBeGreaterThan(0.7);
    expect(gaps.some((g) => g < 0)).toBe(true);
    expect(gaps.some((g) => g > 0)).toBe(true);
    expect(new Set([...cadres.values()].map((c) => rankOf(c.titles, defaultPairingSettings.ranks)?.id)).size).toBeGreaterThan(1);
  });

  it('has contacts within each pairing’s days, mostly monthly with months missed, and a few pairings ended', () => {
    let months = 0;
    let contacted = 0;
    for (const p of pairings) {
      const last = p.endedOn ?? AS_OF;
      expect(p.startedOn <= last).toBe(true);
      expect(p.endedOn === null).toBe(p.endReason === null);
      for (const c of p.contacts) expect(c.contactedOn >= p.startedOn && c.contactedOn <= last, c.contactedOn).toBe(true);
      const ofMonths = periodsBetween('month', p.startedOn, last);
      months += ofMonths.length;
      contacted += ofMonths.filter((m) => p.contacts.some((c) => c.contactedOn >= m.start && c.contactedOn <= m.end)).length;
    }
    expect(contacted / months).toBeGreaterThan(0.7);
    expect(contacted).toBeLessThan(months);
    expect(pairings.some((p) => p.endedOn !== null)).toBe(true);
  });
});
