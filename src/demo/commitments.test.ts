import { describe, expect, it } from 'vitest';
import { appraisalOpen, delayProblems, dueProblems, targetProblems, updateProblems, type CommitmentState } from '../modules/commitments/rules.js';
import { demoCommitments } from './commitments.js';
import { generateCounty } from './generate.js';

const AS_OF = '2026-06-30';
const demo = generateCounty({ seed: 11, code: '530522', asOf: AS_OF, memberTarget: 1500 });
const data = demoCommitments(demo, AS_OF);
const tops = data.commitments.filter((c) => c.parentKey === null);
const byKey = new Map(data.commitments.map((c) => [c.key, c]));

describe('the demo county’s commitments', () => {
  it('is deterministic', () => {
    expect(demoCommitments(demo, AS_OF)).toEqual(data);
  });

  it('has every village branch make commitments each year, and each secretary in post four, one of each level', () => {
    const villages = demo.orgs.filter((o) => o.unitType === 'village' && ['branch', 'general_branch', 'joint_branch'].includes(o.type));
    for (const v of villages) {
      for (const year of [2025, 2026]) {
        const own = tops.filter((c) => c.orgCode === v.code && c.year === year);
        expect(own.filter((c) => c.maker === 'branch').length, v.code).toBe(2);
        const secretary = demo.posts.find((p) => p.orgCode === v.code && p.role === 'branch_secretary');
        if (secretary && secretary.startedOn <= `${year}-02-01`) {
          const theirs = own.filter((c) => c.maker === 'secretary' && c.personKey === secretary.personKey);
          expect(theirs.map((c) => c.level).sort(), v.code).toEqual(['common', 'post', 'practical', 'self_discipline']);
        }
      }
    }
    expect(tops.filter((c) => c.maker === 'member').length).toBeGreaterThan(villages.length * 0.3);
    expect(data.settings.minimums.secretary).toBe(4);
  });

  it('spreads the states realistically: mostly published, some completed, a few delayed or abandoned, a few drafts this year', () => {
    const count = (year: number, state: CommitmentState) => tops.filter((c) => c.year === year && c.state === state).length;
    const thisYear = tops.filter((c) => c.year === 2026).length;
    expect(count(2026, 'draft') / thisYear).toBeLessThan(0.1);
    expect(count(2026, 'draft')).toBeGreaterThan(0);
    expect(count(2026, 'completed')).toBeGreaterThan(0);
    expect(count(2026, 'in_progress') / thisYear).toBeGreaterThan(0.4);
    expect(count(2026, 'delayed')).toBeGreaterThan(0);
    expect(count(2026, 'abandoned')).toBeGreaterThan(0);
    expect(count(2025, 'completed') / tops.filter((c) => c.year === 2025).length).toBeGreaterThan(0.75);
    expect(count(2025, 'draft')).toBe(0);
  });

  it('keeps every row as the server and the schema would: targets, due dates, states with their dates, items sharing the state', () => {
    for (const c of data.commitments) {
      expect(targetProblems(c), c.key).toEqual([]);
      const parent = c.parentKey === null ? null : byKey.get(c.parentKey)!;
      if (parent === null && c.state !== 'delayed') expect(dueProblems(c.dueOn, c.year), c.key).toEqual([]);
      if (parent) {
        expect(c.state).toBe(parent.state);
        expect(c.dueOn <= parent.dueOn, c.key).toBe(true);
      }
      expect(c.state === 'completed', c.key).toBe(c.completedOn !== null);
      expect(c.state === 'abandoned', c.key).toBe(c.abandonReason !== null);
      expect(c.state === 'draft', c.key).toBe(c.publishedOn === null);
      for (const d of [c.publishedOn, c.completedOn]) if (d) expect(d <= AS_OF, c.key).toBe(true);
      if (c.completedOn) expect(c.completedOn >= c.publishedOn!, c.key).toBe(true);
    }
  });

  it('records every delayed commitment\'s delay as a delay, never as progress', () => {
    for (const c of tops.filter((t) => t.state === 'delayed')) {
      expect(data.updates.filter((u) => u.commitmentKey === c.key && u.kind === 'delay'), c.key).toHaveLength(1);
    }
    expect(data.updates.some((u) => u.kind === 'delay')).toBe(true);
  });

  it('dates every update after publishing and by asOf, with progress of the kind the target asks, and delays only on delayed ones', () => {
    for (const u of data.updates) {
      const c = byKey.get(u.commitmentKey)!;
      const top = c.parentKey === null ? c : byKey.get(c.parentKey)!;
      expect(u.kind === 'delay', c.key).toBe(u.previousDueOn !== null);
      if (u.kind === 'delay') {
        // A delay is on a delayed commitment itself (never an item), carries no progress, and moved its date later.
        expect(c.parentKey, c.key).toBeNull();
        expect(c.state, c.key).toBe('delayed');
        expect([u.value, u.progressPermille, u.evidence], c.key).toEqual([null, null, null]);
        expect(delayProblems(c.dueOn, u.previousDueOn!, u.madeOn, c.year), c.key).toEqual([]);
        expect(u.madeOn >= top.publishedOn! && u.madeOn <= AS_OF, c.key).toBe(true);
        continue;
      }
      expect(updateProblems(u, c.targetValue, AS_OF, top.publishedOn), c.key).toEqual([]);
      expect(data.commitments.some((i) => i.parentKey === c.key), `${c.key} has items`).toBe(false);
    }
  });

  it('appraises last year’s published commitments, each when the server would open it, with the county’s weights', () => {
    const lastYear = tops.filter((c) => c.year === 2025);
    expect(data.appraisals).toHaveLength(lastYear.length);
    for (const a of data.appraisals) {
      const c = byKey.get(a.commitmentKey)!;
      expect(appraisalOpen({ state: c.state, year: c.year, completedOn: c.completedOn }, a.appraisedOn), c.key).toBe(true);
      expect(a.appraisedOn <= AS_OF).toBe(true);
      expect((a.votes === null) === (a.satisfiedVotes === null)).toBe(true);
      expect(Math.abs(a.total - (a.selfScore * 0.2 + a.massesScore * 0.4 + a.superiorScore * 0.4))).toBeLessThan(0.06);
    }
  });
});
