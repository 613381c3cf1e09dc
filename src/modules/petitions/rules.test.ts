import { describe, expect, it } from 'vitest';
import {
  abilityFor, currentDue, deadlinesOf, factsOf, feedbackOwed, isFinal, isOverdue, maskAddress, maskName, pathAndAncestors, petitionActions, petitionNumber,
  petitionStates, stateAfter, verdict, type HistoryStep, type PetitionAction, type PetitionState,
} from './rules.js';

const reg = (on: string): HistoryStep => ({ action: 'register', on });
const step = (action: PetitionAction, on: string, extensionDays?: number): HistoryStep => ({ action, on, extensionDays });

/** A history that reaches each state, all steps on days in March 2026. */
const histories: Record<PetitionState, HistoryStep[]> = {
  registered: [reg('2026-03-01')],
  not_accepted: [reg('2026-03-01'), step('not_accept', '2026-03-05')],
  handling: [reg('2026-03-01'), step('accept', '2026-03-05')],
  replied: [reg('2026-03-01'), step('accept', '2026-03-05'), step('reply', '2026-03-10')],
  reviewing: [reg('2026-03-01'), step('accept', '2026-03-05'), step('reply', '2026-03-10'), step('review_request', '2026-03-12')],
  reviewed: [reg('2026-03-01'), step('accept', '2026-03-05'), step('reply', '2026-03-10'), step('review_request', '2026-03-12'), step('review_decide', '2026-03-14')],
  re_reviewing: [reg('2026-03-01'), step('accept', '2026-03-05'), step('reply', '2026-03-10'), step('review_request', '2026-03-12'), step('review_decide', '2026-03-14'), step('re_review_request', '2026-03-15')],
  re_reviewed: [reg('2026-03-01'), step('accept', '2026-03-05'), step('reply', '2026-03-10'), step('review_request', '2026-03-12'), step('review_decide', '2026-03-14'), step('re_review_request', '2026-03-15'), step('re_review_decide', '2026-03-16')],
  closed: [reg('2026-03-01'), step('accept', '2026-03-05'), step('reply', '2026-03-10'), step('review_request', '2026-03-12'), step('review_decide', '2026-03-14'), step('re_review_request', '2026-03-15'), step('re_review_decide', '2026-03-16'), step('feedback_petitioner', '2026-03-16'), step('close', '2026-03-16')],
};

/** The table as rules.md §4 gives it: the states each action starts from, and where it leads. */
const expected: Record<PetitionAction, [PetitionState[], PetitionState | 'same']> = {
  accept: [['registered'], 'handling'],
  not_accept: [['registered'], 'not_accepted'],
  assign: [['handling'], 'same'],
  extend: [['handling'], 'same'],
  reply: [['handling'], 'replied'],
  review_request: [['replied'], 'reviewing'],
  review_decide: [['reviewing'], 'reviewed'],
  re_review_request: [['reviewed'], 're_reviewing'],
  re_review_decide: [['re_reviewing'], 're_reviewed'],
  feedback_petitioner: [['replied', 'reviewed', 're_reviewed'], 'same'],
  feedback_body: [['replied', 'reviewed', 're_reviewed'], 'same'],
  close: [['replied', 'reviewed', 're_reviewed'], 'closed'],
};

describe('the state machine', () => {
  it('the histories reach the states they are named for', () => {
    for (const state of petitionStates) expect(factsOf(histories[state]).state).toBe(state);
  });
  for (const action of petitionActions) {
    for (const state of petitionStates) {
      const [from, to] = expected[action];
      it(`${action} from ${state}: ${from.includes(state) ? `→ ${to}` : 'refused'}`, () => {
        const f = factsOf(histories[state]);
        // Far enough on that no window stands in the way of closing, and all feedback given.
        const on = f.state === 're_reviewed' || action !== 'close' ? f.lastOn : '2026-05-30';
        const history = action === 'close' && from.includes(state) ? [...histories[state], step('feedback_petitioner', f.lastOn)] : histories[state];
        const v = verdict(action, factsOf(history), action === 'close' ? on : f.lastOn, '2026-06-30', false);
        if (!from.includes(state)) return expect(v).toEqual({ allowed: false, reason: 'wrong_state' });
        expect(v).toEqual({ allowed: true });
        expect(stateAfter(action, state)).toBe(to === 'same' ? state : to);
      });
    }
  }
  it('a history must start with the registration', () => {
    expect(() => factsOf([step('accept', '2026-03-01')])).toThrow();
    expect(() => factsOf([])).toThrow();
  });
  it('the double feedback is the registering side\'s; every other step the handlers\'', () => {
    expect(petitionActions.filter((a) => abilityFor(a) === 'petition.register')).toEqual(['feedback_petitioner', 'feedback_body']);
  });
});

describe('the day of a step', () => {
  const f = factsOf(histories.handling);
  it('is refused after today and before the previous step', () => {
    expect(verdict('reply', f, '2026-03-21', '2026-03-20', false)).toEqual({ allowed: false, reason: 'future' });
    expect(verdict('reply', f, '2026-03-04', '2026-03-20', false)).toEqual({ allowed: false, reason: 'before_previous' });
    expect(verdict('reply', f, '2026-03-05', '2026-03-20', false)).toEqual({ allowed: true });
    expect(verdict('reply', f, '2026-03-20', '2026-03-20', false)).toEqual({ allowed: true });
  });
});

describe('deadlines in calendar days, the day of the event not counted', () => {
  it('acceptance within 15 days of receipt', () => {
    const f = factsOf([reg('2026-03-03')]);
    expect(currentDue(f)).toBe('2026-03-18');
    expect(isOverdue(f, '2026-03-18')).toBe(false);
    expect(isOverdue(f, '2026-03-19')).toBe(true);
    expect(deadlinesOf(f, '2026-03-19')).toEqual([{ kind: 'acceptance', dueOn: '2026-03-18', doneOn: null, late: true }]);
  });
  it('a late decision stays late after it is made; an on-time one is not', () => {
    expect(deadlinesOf(factsOf([reg('2026-03-03'), step('accept', '2026-03-19')]), '2026-03-20')[0]).toEqual({ kind: 'acceptance', dueOn: '2026-03-18', doneOn: '2026-03-19', late: true });
    expect(deadlinesOf(factsOf([reg('2026-03-03'), step('not_accept', '2026-03-18')]), '2026-04-20')[0]!.late).toBe(false);
  });
  it('handling within 60 days of acceptance, across month ends and a leap day', () => {
    expect(currentDue(factsOf([reg('2026-03-01'), step('accept', '2026-03-05')]))).toBe('2026-05-04');
    expect(currentDue(factsOf([reg('2027-12-20'), step('accept', '2027-12-31')]))).toBe('2028-02-29');
  });
  it('one extension of up to 30 days moves the handling deadline', () => {
    const f = factsOf([reg('2026-03-01'), step('accept', '2026-03-05'), step('extend', '2026-04-30', 30)]);
    expect(currentDue(f)).toBe('2026-06-03');
    expect(verdict('extend', f, '2026-05-01', '2026-05-01', false)).toEqual({ allowed: false, reason: 'already_extended' });
  });
  it('an extension is decided before the handling period ends', () => {
    const f = factsOf([reg('2026-03-01'), step('accept', '2026-03-05')]);
    expect(verdict('extend', f, '2026-05-04', '2026-05-10', false)).toEqual({ allowed: true });
    expect(verdict('extend', f, '2026-05-05', '2026-05-10', false)).toEqual({ allowed: false, reason: 'extend_after_due' });
  });
  it('a review is asked within 30 days of the reply and decided within 30 days of the request', () => {
    const replied = factsOf(histories.replied);
    expect(verdict('review_request', replied, '2026-04-09', '2026-06-01', false)).toEqual({ allowed: true });
    expect(verdict('review_request', replied, '2026-04-10', '2026-06-01', false)).toEqual({ allowed: false, reason: 'window_closed' });
    const reviewing = factsOf(histories.reviewing);
    expect(currentDue(reviewing)).toBe('2026-04-11');
    expect(deadlinesOf(reviewing, '2026-04-12').map((d) => [d.kind, d.dueOn, d.doneOn, d.late])).toEqual([
      ['acceptance', '2026-03-16', '2026-03-05', false],
      ['handling', '2026-05-04', '2026-03-10', false],
      ['review_request', '2026-04-09', '2026-03-12', false],
      ['review', '2026-04-11', null, true],
    ]);
  });
  it('a re-review is asked within 30 days of the review decision and decided within 30 days', () => {
    const reviewed = factsOf(histories.reviewed);
    expect(verdict('re_review_request', reviewed, '2026-04-13', '2026-06-01', false)).toEqual({ allowed: true });
    expect(verdict('re_review_request', reviewed, '2026-04-14', '2026-06-01', false)).toEqual({ allowed: false, reason: 'window_closed' });
    expect(currentDue(factsOf(histories.re_reviewing))).toBe('2026-04-14');
  });
  it('nothing is due once a decision is out or the matter is over', () => {
    for (const state of ['not_accepted', 'replied', 'reviewed', 're_reviewed', 'closed'] as const) {
      expect(currentDue(factsOf(histories[state])), state).toBeNull();
      expect(isOverdue(factsOf(histories[state]), '2030-01-01')).toBe(false);
    }
  });
});

describe('closing', () => {
  const told = (h: HistoryStep[], on: string) => [...h, step('feedback_petitioner', on)];
  it('waits for the review window, so that closing takes no review away', () => {
    const f = factsOf(told(histories.replied, '2026-03-10'));
    expect(verdict('close', f, '2026-04-09', '2026-05-01', false)).toEqual({ allowed: false, reason: 'window_open' });
    expect(verdict('close', f, '2026-04-10', '2026-05-01', false)).toEqual({ allowed: true });
    const reviewed = factsOf(told(histories.reviewed, '2026-03-14'));
    expect(verdict('close', reviewed, '2026-04-13', '2026-05-01', false)).toEqual({ allowed: false, reason: 'window_open' });
    expect(verdict('close', reviewed, '2026-04-14', '2026-05-01', false)).toEqual({ allowed: true });
  });
  it('a re-reviewed matter may close at once', () => {
    expect(verdict('close', factsOf(told(histories.re_reviewed, '2026-03-16')), '2026-03-16', '2026-03-16', false)).toEqual({ allowed: true });
  });
  it('needs the petitioner told of the latest decision, and the assigning body when it was referred', () => {
    const replied = histories.replied;
    expect(verdict('close', factsOf(replied), '2026-05-01', '2026-05-01', false)).toEqual({ allowed: false, reason: 'feedback_missing' });
    expect(verdict('close', factsOf(told(replied, '2026-03-11')), '2026-05-01', '2026-05-01', true)).toEqual({ allowed: false, reason: 'feedback_missing' });
    expect(verdict('close', factsOf([...told(replied, '2026-03-11'), step('feedback_body', '2026-03-11')]), '2026-05-01', '2026-05-01', true)).toEqual({ allowed: true });
  });
  it('feedback on an earlier decision does not count for a later one', () => {
    const h = [...histories.replied, step('feedback_petitioner', '2026-03-10'), step('review_request', '2026-03-12'), step('review_decide', '2026-03-14')];
    expect(feedbackOwed(factsOf(h), false)).toEqual({ petitioner: true, body: false });
    expect(feedbackOwed(factsOf([...h, step('feedback_petitioner', '2026-03-14')]), false)).toEqual({ petitioner: false, body: false });
  });
  it('nothing is owed before a decision or after closing', () => {
    expect(feedbackOwed(factsOf(histories.handling), true)).toEqual({ petitioner: false, body: false });
    expect(feedbackOwed(factsOf(histories.closed), true)).toEqual({ petitioner: false, body: false });
  });
});

describe('finality and the little helpers', () => {
  it('a matter is final once re-reviewed, not before', () => {
    expect(petitionStates.filter((s) => isFinal(histories[s]))).toEqual(['re_reviewed', 'closed']);
  });
  it('numbers the register per year', () => {
    expect(petitionNumber(2026, 7)).toBe('2026-0007');
    expect(petitionNumber(2026, 12345)).toBe('2026-12345');
  });
  it('masks names and addresses', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳秀英')).toBe('欧***');
    expect(maskName('司马相如某')).toBe('司***');
    expect(maskName('王')).toBe('*');
    expect(maskAddress('和顺镇马家村三组12号')).toBe('和顺镇马家村****');
    expect(maskAddress('三组')).toBe('三****');
    expect(maskAddress(null)).toBeNull();
    expect(maskAddress('')).toBe('');
  });
  it('an organization path and those above it', () => {
    expect(pathAndAncestors('1.7.42.')).toEqual(['1.', '1.7.', '1.7.42.']);
    expect(pathAndAncestors('1.')).toEqual(['1.']);
  });
});
