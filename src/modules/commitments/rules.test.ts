import { describe, expect, it } from 'vitest';
import {
  actions, allows, appraisalOpen, appraisalSeason, appraisalTotal, commitmentStates, completedOnTime, completionRate, originalDueOn, stateRefusal, delayProblems, dueProblems, dueWithin,
  isOverdue, leafProgress, massesScoreOf, nextState, parentProgress, pastPublishMonth, targetProblems, updateProblems, weightsProblems,
  type CommitmentAction, type CommitmentState,
} from './rules.js';

describe('the state machine', () => {
  const table: Record<CommitmentState, Partial<Record<CommitmentAction, CommitmentState>>> = {
    draft: { edit: 'draft', publish: 'published' },
    published: { update: 'in_progress', complete: 'completed', delay: 'delayed', abandon: 'abandoned', appraise: 'published' },
    in_progress: { update: 'in_progress', complete: 'completed', delay: 'delayed', abandon: 'abandoned', appraise: 'in_progress' },
    delayed: { update: 'delayed', complete: 'completed', delay: 'delayed', abandon: 'abandoned', appraise: 'delayed' },
    completed: { appraise: 'completed' },
    abandoned: { appraise: 'abandoned' },
  };
  for (const state of commitmentStates) {
    for (const action of actions) {
      const expected = table[state][action] ?? null;
      it(`${state} + ${action} → ${expected ?? 'refused'}`, () => {
        expect(nextState(state, action)).toBe(expected);
        expect(allows(state, action)).toBe(expected !== null);
        expect(stateRefusal(state, action) === null).toBe(expected !== null);
      });
    }
  }
  it('says why the state refuses an action', () => {
    expect(stateRefusal('draft', 'update')).toBe('not_published');
    expect(stateRefusal('draft', 'delay')).toBe('not_published');
    expect(stateRefusal('draft', 'appraise')).toBe('not_published');
    expect(stateRefusal('published', 'edit')).toBe('already_published');
    expect(stateRefusal('completed', 'publish')).toBe('already_published');
    expect(stateRefusal('completed', 'delay')).toBe('completed');
    expect(stateRefusal('completed', 'update')).toBe('completed');
    expect(stateRefusal('abandoned', 'complete')).toBe('abandoned');
    expect(stateRefusal('abandoned', 'abandon')).toBe('abandoned');
    expect(stateRefusal('delayed', 'delay')).toBeNull();
  });
});

describe('targets and due dates', () => {
  it('needs the text, and a positive number with its unit together', () => {
    expect(targetProblems({ target: '硬化村道 3 公里', targetValue: 3, unit: '公里' })).toEqual([]);
    expect(targetProblems({ target: '办好群众的事', targetValue: null, unit: null })).toEqual([]);
    expect(targetProblems({ target: ' ', targetValue: null, unit: null }).map((p) => p.reason)).toEqual(['target_missing']);
    expect(targetProblems({ target: 'x', targetValue: 0, unit: '户' }).map((p) => p.reason)).toEqual(['target_value_positive']);
    expect(targetProblems({ target: 'x', targetValue: 5, unit: null }).map((p) => p.reason)).toEqual(['unit_missing']);
    expect(targetProblems({ target: 'x', targetValue: null, unit: '户' }).map((p) => p.reason)).toEqual(['unit_without_value']);
  });
  it('keeps the due date in the year, an item no later than its commitment', () => {
    expect(dueProblems('2026-12-31', 2026)).toEqual([]);
    expect(dueProblems('2027-01-01', 2026)[0]!.reason).toBe('due_outside_year');
    expect(dueProblems('2025-12-31', 2026)[0]!.reason).toBe('due_outside_year');
    expect(dueProblems('2026-06-30', 2026, '2026-06-30')).toEqual([]);
    expect(dueProblems('2026-07-01', 2026, '2026-06-30')[0]!.reason).toBe('item_due_after_parent');
  });
  it('moves a delay later, not into the past, not beyond the next year', () => {
    expect(delayProblems('2026-09-30', '2026-06-30', '2026-07-01', 2026)).toEqual([]);
    expect(delayProblems('2026-06-30', '2026-06-30', '2026-06-01', 2026)[0]!.reason).toBe('delay_not_later');
    expect(delayProblems('2026-07-01', '2026-06-30', '2026-08-01', 2026)[0]!.reason).toBe('delay_in_past');
    expect(delayProblems('2027-12-31', '2026-06-30', '2026-08-01', 2026)).toEqual([]);
    expect(delayProblems('2028-01-01', '2026-06-30', '2026-08-01', 2026)[0]!.reason).toBe('delay_too_far');
  });
});

describe('updates and progress', () => {
  it('asks a value of a numeric target and a permille otherwise, never dated ahead or before publishing', () => {
    expect(updateProblems({ madeOn: '2026-05-01', value: 1, progressPermille: null }, 3, '2026-05-01', '2026-03-01')).toEqual([]);
    expect(updateProblems({ madeOn: '2026-05-02', value: 1, progressPermille: null }, 3, '2026-05-01', null).map((p) => p.reason)).toEqual(['update_future']);
    expect(updateProblems({ madeOn: '2026-02-01', value: 1, progressPermille: null }, 3, '2026-05-01', '2026-03-01').map((p) => p.reason)).toEqual(['update_before_publish']);
    expect(updateProblems({ madeOn: '2026-05-01', value: null, progressPermille: 500 }, 3, '2026-05-01', null).map((p) => p.reason)).toEqual(['value_missing']);
    expect(updateProblems({ madeOn: '2026-05-01', value: -1, progressPermille: null }, 3, '2026-05-01', null).map((p) => p.reason)).toEqual(['value_negative']);
    expect(updateProblems({ madeOn: '2026-05-01', value: null, progressPermille: null }, null, '2026-05-01', null).map((p) => p.reason)).toEqual(['permille_missing']);
    expect(updateProblems({ madeOn: '2026-05-01', value: null, progressPermille: 600 }, null, '2026-05-01', null)).toEqual([]);
  });
  it('takes a leaf from its latest progress update, capped, reading no delay', () => {
    const p = (madeOn: string, value: number | null, progressPermille: number | null, createdAt?: string) => ({ kind: 'progress', madeOn, value, progressPermille, createdAt });
    expect(leafProgress(3, [])).toBe(0);
    expect(leafProgress(3, [p('2026-04-01', 1, null), p('2026-05-01', 2, null)])).toBe(667);
    // Entered out of order: the date wins.
    expect(leafProgress(3, [p('2026-05-01', 2, null), p('2026-04-01', 1, null)])).toBe(667);
    expect(leafProgress(3, [p('2026-05-01', 5, null)])).toBe(1000);
    // A later delay is not progress: the latest progress stands (even if a delay row carried numbers).
    expect(leafProgress(null, [p('2026-05-01', null, 600), { kind: 'delay', madeOn: '2026-06-01', value: null, progressPermille: null }])).toBe(600);
    expect(leafProgress(null, [p('2026-05-01', null, 600), { kind: 'delay', madeOn: '2026-06-01', value: null, progressPermille: 100 }])).toBe(600);
    expect(leafProgress(null, [{ kind: 'delay', madeOn: '2026-06-01', value: null, progressPermille: null }])).toBe(0);
    // Same day: the one entered later.
    expect(leafProgress(null, [p('2026-05-01', null, 300, '2026-05-01T01:00:00Z'), p('2026-05-01', null, 400, '2026-05-01T02:00:00Z')])).toBe(400);
  });
  it('averages a parent over its items', () => {
    expect(parentProgress([])).toBe(0);
    expect(parentProgress([1000, 0])).toBe(500);
    expect(parentProgress([667, 500, 0])).toBe(389);
  });
});

describe('overdue and on time', () => {
  it('is overdue only while open and past due', () => {
    expect(isOverdue({ state: 'in_progress', dueOn: '2026-05-31' }, '2026-06-01')).toBe(true);
    expect(isOverdue({ state: 'in_progress', dueOn: '2026-05-31' }, '2026-05-31')).toBe(false);
    expect(isOverdue({ state: 'delayed', dueOn: '2026-05-31' }, '2026-06-01')).toBe(true);
    for (const state of ['draft', 'completed', 'abandoned'] as const) expect(isOverdue({ state, dueOn: '2026-05-31' }, '2026-06-01')).toBe(false);
  });
  it('finds the due date first promised: the earliest a delay replaced', () => {
    expect(originalDueOn('2026-09-30', [])).toBe('2026-09-30');
    expect(originalDueOn('2026-12-20', [{ previousDueOn: '2026-06-30' }, { previousDueOn: '2026-09-30' }])).toBe('2026-06-30');
    expect(originalDueOn('2026-12-20', [{ previousDueOn: '2026-09-30' }, { previousDueOn: '2026-06-30' }])).toBe('2026-06-30');
    expect(originalDueOn('2026-09-30', [{ previousDueOn: null }])).toBe('2026-09-30');
  });
  it('counts on time against the original due date, whatever the delays', () => {
    expect(completedOnTime({ state: 'completed', completedOn: '2026-06-30' }, '2026-06-30')).toBe(true);
    expect(completedOnTime({ state: 'completed', completedOn: '2026-07-01' }, '2026-06-30')).toBe(false);
    // Delayed from 2026-06-30 to 2026-09-30 and completed 2026-08-01: within the new date, late against the promise.
    expect(completedOnTime({ state: 'completed', completedOn: '2026-08-01' }, originalDueOn('2026-09-30', [{ previousDueOn: '2026-06-30' }]))).toBe(false);
    // Delayed early but done by the first date after all: on time.
    expect(completedOnTime({ state: 'completed', completedOn: '2026-06-20' }, originalDueOn('2026-09-30', [{ previousDueOn: '2026-06-30' }]))).toBe(true);
    expect(completedOnTime({ state: 'in_progress', completedOn: null }, '2026-09-30')).toBe(false);
  });
  it('finds what is due within a span', () => {
    expect(dueWithin('2026-06-30', '2026-06-01', 30)).toBe(true);
    expect(dueWithin('2026-07-02', '2026-06-01', 30)).toBe(false);
    expect(dueWithin('2026-05-31', '2026-06-01', 30)).toBe(false);
  });
});

describe('appraisal', () => {
  it('weighs the three scores', () => {
    expect(weightsProblems({ self: 20, masses: 40, superior: 40 })).toEqual([]);
    expect(weightsProblems({ self: 20, masses: 40, superior: 30 })[0]!.params).toEqual({ sum: 90 });
    expect(appraisalTotal({ self: 100, masses: 90, superior: 80 }, { self: 20, masses: 40, superior: 40 })).toBe(88);
    expect(appraisalTotal({ self: 95, masses: 87.5, superior: 91 }, { self: 20, masses: 40, superior: 40 })).toBe(90.4);
  });
  it('scores the masses from a vote', () => {
    expect(massesScoreOf(45, 50)).toBe(90);
    expect(massesScoreOf(2, 3)).toBe(66.7);
    expect(massesScoreOf(0, 0)).toBe(0);
  });
  it('opens in December, or once completed', () => {
    expect(appraisalOpen({ state: 'in_progress', year: 2026, completedOn: null }, '2026-11-30')).toBe(false);
    expect(appraisalOpen({ state: 'in_progress', year: 2026, completedOn: null }, '2026-12-01')).toBe(true);
    expect(appraisalOpen({ state: 'completed', year: 2026, completedOn: '2026-05-01' }, '2026-05-01')).toBe(true);
    expect(appraisalOpen({ state: 'completed', year: 2026, completedOn: '2026-05-01' }, '2026-04-30')).toBe(false);
    expect(appraisalOpen({ state: 'draft', year: 2026, completedOn: null }, '2027-01-10')).toBe(false);
  });
  it('is due in December and January', () => {
    expect(appraisalSeason('2026-12-05')).toBe(2026);
    expect(appraisalSeason('2027-01-20')).toBe(2026);
    expect(appraisalSeason('2027-02-01')).toBeNull();
  });
});

describe('rates and the publishing month', () => {
  it('rates completed over published', () => {
    expect(completionRate(0, 0)).toBeNull();
    expect(completionRate(4, 3)).toBe(750);
    expect(completionRate(3, 1)).toBe(333);
  });
  it('is past the publishing month from the month after', () => {
    expect(pastPublishMonth('2026-03-31', 2026, 3)).toBe(false);
    expect(pastPublishMonth('2026-04-01', 2026, 3)).toBe(true);
    expect(pastPublishMonth('2027-01-01', 2026, 12)).toBe(true);
  });
});
