import { describe, expect, it } from 'vitest';
import { checkApplication, checkStep, stepEffect, type PathState } from '../modules/members/admission/rules.js';
import { generateCounty } from './generate.js';
import { demoRecords } from './records.js';

const AS_OF = '2026-06-30';
const demo = generateCounty({ seed: 11, code: '530522', asOf: AS_OF, memberTarget: 1500 });
const { steps, transfers } = demoRecords(demo, AS_OF);

/** Node 20 has no Map.groupBy. */
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

describe('the demo county’s admission steps and transfers', () => {
  it('take everyone on the path through steps the admission rules accept, in order, up to their stage', () => {
    const byPerson = groupBy(steps, (s) => s.personKey);
    const onPath = demo.people.filter((p) => p.membership && p.membership.category !== 'full');
    expect(onPath.length).toBeGreaterThan(50);
    for (const p of onPath) {
      const m = p.membership!;
      const [application, ...rest] = byPerson.get(p.key) ?? [];
      expect(application, p.key).toMatchObject({ step: 'application', doneOn: m.appliedOn });
      expect(checkApplication({ birthDate: p.birthDate, appliedOn: m.appliedOn }, AS_OF), p.key).toEqual([]);
      let state: PathState = { category: 'applicant', birthDate: p.birthDate, appliedOn: m.appliedOn, steps: [{ step: 'application', doneOn: m.appliedOn }] };
      for (const s of rest) {
        const input = { step: s.step, doneOn: s.doneOn, detail: s.detail ?? undefined };
        expect(checkStep(state, input, AS_OF), `${p.key} ${s.step} ${s.doneOn}`).toEqual([]);
        state = { ...state, ...stepEffect(state, input), steps: [...state.steps, { step: s.step, doneOn: s.doneOn }] };
      }
      // The steps lead to the stage and dates the membership records.
      expect(state.category, p.key).toBe(m.category);
      expect([state.activistOn ?? null, state.targetOn ?? null, state.joinedOn ?? null], p.key).toEqual([m.activistOn, m.targetOn, m.joinedOn]);
    }
  });

  it('record every transfer between branches, and two still waiting to be received', () => {
    const moved = demo.people.flatMap((p) => p.endedMemberships.filter((m) => m.endReason === 'transferred').map((m) => `${p.key}|${m.orgCode}|${m.endedOn}`));
    const received = transfers.filter((t) => t.state === 'received');
    expect(received.map((t) => `${t.personKey}|${t.fromOrgCode}|${t.decidedOn}`).sort()).toEqual(moved.sort());
    const waiting = transfers.filter((t) => t.state === 'sent');
    expect(waiting).toHaveLength(2);
    for (const t of waiting) {
      const person = demo.people.find((p) => p.key === t.personKey)!;
      expect(person.orgCode).toBe(t.fromOrgCode);
      expect(t.toOrgCode).not.toBe(t.fromOrgCode);
    }
    // Letter numbers run from 1 within each year, in the order the letters were sent.
    const years = groupBy(transfers, (t) => t.sentOn.slice(0, 4));
    for (const [year, letters] of years) expect(letters.map((t) => t.letterNo)).toEqual(letters.map((_, i) => `〔${year}〕第 ${i + 1} 号`));
  });
});
