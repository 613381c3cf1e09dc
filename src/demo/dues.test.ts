import { describe, expect, it } from 'vitest';
import { checkBase, checkRemittance, monthsBehind, receivingTypes, usePurposes } from '../modules/dues/rules.js';
import { periodsBetween } from '../platform/cadence/periods.js';
import { demoDues } from './dues.js';
import { generateCounty } from './generate.js';

const AS_OF = '2026-06-30';
const demo = generateCounty({ seed: 11, code: '530522', asOf: AS_OF, memberTarget: 1500 });
const { bases, payments, remittances, uses } = demoDues(demo, AS_OF);

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

describe('the demo county’s remittances and uses', () => {
  const byCode = new Map(demo.orgs.map((o) => [o.code, o]));
  const branches = demo.orgs.filter((o) => o.type === 'branch' || o.type === 'joint_branch');
  const sum = (items: { amountFen: number }[]) => items.reduce((total, i) => total + i.amountFen, 0);

  it('remits each month once, to the nearest committee above, never more than came in', () => {
    expect(new Set(remittances.map((r) => `${r.orgCode}|${r.month}`)).size).toBe(remittances.length);
    for (const r of remittances) {
      let up = byCode.get(r.orgCode)!.parentCode;
      while (up && !(receivingTypes as readonly string[]).includes(byCode.get(up)!.type)) up = byCode.get(up)!.parentCode;
      expect(r.toOrgCode, r.orgCode).toBe(up);
      const takenIn = sum(payments.filter((p) => p.orgCode === r.orgCode && p.month === r.month))
        + sum(remittances.filter((x) => x.toOrgCode === r.orgCode && x.month === r.month));
      expect(checkRemittance(r, { today: AS_OF, availableFen: takenIn }), `${r.orgCode} ${r.month}`).toEqual([]);
      expect(r.remittedOn > `${r.month}-31`).toBe(true);
    }
  });

  it('has most branches remit their past months and leaves the last one open', () => {
    const remitting = new Set(remittances.map((r) => r.orgCode));
    expect(branches.filter((b) => remitting.has(b.code)).length / branches.length).toBeGreaterThan(0.7);
    expect(remittances.filter((r) => r.month === '2026-01').length).toBeGreaterThan(branches.length * 0.6);
    expect(remittances.filter((r) => r.month === '2026-06')).toEqual([]);
    // The townships pass on what their branches sent.
    expect(remittances.some((r) => byCode.get(r.orgCode)!.unitType === 'township')).toBe(true);
  });

  it('spends a part of what was kept, in every township and some branches', () => {
    const townships = demo.orgs.filter((o) => o.type === 'committee' && o.unitType === 'township');
    const spending = new Set(uses.map((u) => u.orgCode));
    expect(townships.filter((t) => spending.has(t.code)).length).toBeGreaterThan(townships.length / 2);
    expect(branches.some((b) => spending.has(b.code))).toBe(true);
    for (const u of uses) {
      expect(usePurposes).toContain(u.purpose);
      expect(u.usedOn >= '2026-01-01' && u.usedOn <= AS_OF).toBe(true);
      expect(u.amountFen % 100 === 0 && u.amountFen >= 1000 && u.description.length > 0).toBe(true);
    }
    for (const code of spending) {
      const kept = sum(payments.filter((p) => p.orgCode === code)) + sum(remittances.filter((r) => r.toOrgCode === code)) - sum(remittances.filter((r) => r.orgCode === code));
      expect(sum(uses.filter((u) => u.orgCode === code)), code).toBeLessThanOrEqual(kept);
    }
  });
});
