import { describe, expect, it } from 'vitest';
import { currentDue, deadlinesOf, factsOf, isFinal, isOverdue, verdict, type HistoryStep, type PetitionAction } from '../modules/petitions/rules.js';
import { generateCounty } from './generate.js';
import { demoPetitions } from './petitions.js';

const AS_OF = '2026-06-30';
const demo = generateCounty({ seed: 11, code: '530522', asOf: AS_OF, memberTarget: 1500 });
const year = demoPetitions(demo, AS_OF);
const orgs = new Map(demo.orgs.map((o) => [o.code, o]));
const secretary = demo.accounts.find((a) => a.role === 'branch_secretary')!;
const historyOf = (events: (typeof year)[number]['events']): HistoryStep[] =>
  events.map((e) => ({ action: e.action, on: e.on, extensionDays: e.data?.days as number | undefined }));

describe('the demo county’s petitions', () => {
  it('are a few a year, the same every time, numbered per year in order of receipt, never in the future', () => {
    expect(demoPetitions(demo, AS_OF)).toEqual(year);
    expect(year.length).toBeGreaterThanOrEqual(6);
    expect(year.length).toBeLessThanOrEqual(10);
    expect(new Set(year.map((p) => p.number)).size).toBe(year.length);
    const byYear = (y: string) => year.filter((p) => p.receivedOn.startsWith(y)).map((p) => p.number);
    expect(byYear('2026')).toEqual(byYear('2026').map((_, i) => `2026-${String(i + 1).padStart(4, '0')}`));
    for (const p of year) {
      expect(orgs.has(p.orgCode), p.number).toBe(true);
      for (const e of p.events) expect(e.on <= AS_OF, p.number).toBe(true);
      expect(p.petitioners.length).toBeGreaterThan(0);
      expect(p.referredBy !== null).toBe(p.channel === 'referred');
    }
  });

  it('replay step by step through the rules, which allow every step, into the state and due day they carry', () => {
    for (const p of year) {
      const history = historyOf(p.events);
      for (let i = 1; i < history.length; i++) {
        const step = history[i]!;
        expect(verdict(step.action as PetitionAction, factsOf(history.slice(0, i)), step.on, AS_OF, p.channel === 'referred'), `${p.number} ${step.action}`).toEqual({ allowed: true });
      }
      const facts = factsOf(history);
      expect(facts.state, p.number).toBe(p.state);
      expect(currentDue(facts), p.number).toBe(p.dueOn);
    }
  });

  it('cover the procedure: an extension, a review, a final re-review, a refusal, an overdue one, feedback owed and a fresh one', () => {
    const facts = year.map((p) => ({ p, f: factsOf(historyOf(p.events)) }));
    expect(facts.some(({ f }) => f.extensionDays > 0)).toBe(true);
    expect(facts.some(({ f }) => f.reviewDecidedOn !== null && f.reReviewRequestedOn === null)).toBe(true);
    expect(year.some((p) => isFinal(historyOf(p.events)))).toBe(true);
    expect(new Set(year.map((p) => p.state))).toEqual(new Set(['closed', 'not_accepted', 'handling', 'replied', 'registered']));
    expect(facts.some(({ f }) => isOverdue(f, AS_OF))).toBe(true);
    expect(facts.some(({ f }) => deadlinesOf(f, AS_OF).every((d) => !d.late) && f.state === 'replied')).toBe(true);
    expect(year.find((p) => p.state === 'registered')?.registeredByUsername).toBe(secretary.username);
  });

  it('accuse the village secretary of the demo account in one, handled above the village', () => {
    const accusing = year.filter((p) => p.accusedPersonKeys.includes(secretary.personKey));
    expect(accusing).toHaveLength(1);
    const village = orgs.get(secretary.orgCode)!;
    expect(accusing[0]!.orgCode).toBe(village.parentCode);
    // The account's own registration is of its village, not about it: it sees that one.
    expect(year.filter((p) => p.orgCode === secretary.orgCode && p.accusedPersonKeys.length === 0).length).toBeGreaterThan(0);
  });
});
