import { describe, expect, it } from 'vitest';
import { checkHousehold } from '../modules/households/rules.js';
import { defaultHouseholdSettings } from '../modules/households/settings.js';
import { generateCounty } from './generate.js';
import { demoHouseholds } from './households.js';

const asOf = '2026-06-30';
const demo = generateCounty({ seed: 11, code: '530522', asOf, memberTarget: 1500 });
const households = demoHouseholds(demo, asOf);
const tagIds = new Set(defaultHouseholdSettings.tags.map((t) => t.id));

describe('the demo households', () => {
  it('are the same for the same county and day', () => {
    expect(demoHouseholds(demo, asOf)).toEqual(households);
  });

  it('give every village and community a few dozen, numbered once each', () => {
    const villages = demo.orgs.filter((o) => (o.adminUnit?.kind === 'village' || o.adminUnit?.kind === 'community') && o.type !== 'party_group');
    expect(villages.length).toBeGreaterThan(0);
    for (const v of villages) {
      const own = households.filter((h) => h.orgCode === v.code);
      expect(own.length, v.code).toBeGreaterThanOrEqual(24);
      expect(own.length, v.code).toBeLessThanOrEqual(40);
      expect(new Set(own.map((h) => h.number)).size).toBe(own.length);
      if (v.adminUnit?.villagerGroups?.length) expect(own.every((h) => v.adminUnit!.villagerGroups!.includes(h.villagerGroup!))).toBe(true);
    }
  });

  it('are each a household the rules accept: one head named as the household, valid ID numbers agreeing with birth and gender, county tags', () => {
    for (const h of households) {
      const { problems, value } = checkHousehold(h, tagIds, asOf);
      expect(problems, `${h.orgCode} ${h.number}`).toEqual([]);
      expect(value.members.map((m) => [m.gender, m.birthDate])).toEqual(h.members.map((m) => [m.gender, m.birthDate]));
    }
  });

  it('give no ID number twice, nor one of another person on the register', () => {
    const registered = new Map(demo.people.map((p) => [p.idNumber, p.key]));
    const seen = new Set<string>();
    for (const m of households.flatMap((h) => h.members)) {
      if (m.idNumber === null) continue;
      expect(seen.has(m.idNumber)).toBe(false);
      seen.add(m.idNumber);
      expect(registered.get(m.idNumber) ?? null).toBe(m.personKey);
    }
  });

  it('have heads who are the village\'s Party members, and a realistic spread of tags and sizes', () => {
    const linked = households.flatMap((h) => h.members).filter((m) => m.personKey !== null);
    expect(linked.length).toBeGreaterThan(0);
    for (const m of linked) expect(demo.people.find((p) => p.key === m.personKey)!.name).toBe(m.name);
    const tagged = (id: string) => households.filter((h) => h.tags.includes(id)).length / households.length;
    expect(tagged('poverty_alleviated')).toBeGreaterThan(0.05);
    expect(tagged('poverty_alleviated')).toBeLessThan(0.3);
    expect(households.some((h) => h.tags.includes('elderly_alone') && h.members.length === 1)).toBe(true);
    const sizes = households.map((h) => h.members.length);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(5);
    expect(sizes.reduce((a, b) => a + b, 0) / sizes.length).toBeGreaterThan(2);
    for (const m of households.flatMap((h) => h.members)) expect(m.birthDate <= asOf).toBe(true);
  });
});
