import { describe, expect, it } from 'vitest';
import { checkBase, monthsBehind } from '../modules/dues/rules.js';
import { periodsBetween } from '../platform/cadence/periods.js';
import { demoDues } from './dues.js';
import { generateCounty } from './generate.js';

const AS_OF = '2026-06-30';
const demo = generateCounty({ seed: 11, code: '530522', asOf: AS_OF, memberTarget: 1500 });
const { bases, payments } = demoDues(demo, AS_OF);

describe('the demo county’s dues', () => {
  it('sets every member’s amount for the year as the rules give it', () => {
    const members = demo.people.filter((p) => p.membership?.category === 'full' || p.membership?.category === 'probationary');
    expect(bases.map((b) => b.personKey).sort()).toEqual(members.map((p) => p.key).sort());
    for (const b of bases) expect(checkBase(b, { farmerFen: 20, lowIncomeFen: 20 }), b.personKey).toEqual({ monthlyFen: b.monthlyFen, ruleFen: b.monthlyFen });
    expect(new Set(bases.map((b) => b.kind))).toEqual(new Set(['farmer', 'retiree', 'wage', ...(bases.some((b) => b.kind === 'student') ? ['student'] : [])]));
  });

  it('pays once a month at most, never in the future, the amount owed', () => {
    const amount = new Map(bases.map((b) => [b.personKey, b.monthlyFen]));
    expect(new Set(payments.map((p) => `${p.personKey}|${p.month}`)).size).toBe(payments.length);
    for (const p of payments) {
      expect(p.paidOn <= AS_OF && p.paidOn.startsWith(p.month), `${p.personKey} ${p.month}`).toBe(true);
      expect(p.amountFen).toBe(amount.get(p.personKey));
    }
  });

  it('leaves most members paid up and a few six months behind', () => {
    const months = new Set(periodsBetween('month', '2026-01-01', AS_OF).map((m) => m.key));
    const paid = new Map<string, Set<string>>();
    for (const p of payments) paid.set(p.personKey, (paid.get(p.personKey) ?? new Set()).add(p.month));
    const behind = bases.map((b) => monthsBehind('2026-06', months, paid.get(b.personKey) ?? new Set()));
    const flagged = behind.filter((n) => n >= 6).length;
    expect(flagged).toBeGreaterThan(0);
    expect(flagged / bases.length).toBeLessThan(0.1);
    expect(behind.filter((n) => n === 0).length / bases.length).toBeGreaterThan(0.8);
  });
});
