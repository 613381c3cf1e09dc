import { describe, expect, it } from 'vitest';
import { CalendarMissing, workCalendar } from '../../platform/calendar/calendar.js';
import { nationalCalendars } from '../../platform/calendar/national.js';
import {
  calendarYears, concernStates, dueOn, escalationLevel, fromStates, handlerActions, isOverdue, isVillageBranch, lapse, pausesSince, rateVerdict, ratedState,
  reopenVerdict, stateTypeOf, submitterProblems, TRACKING_ALPHABET, TRACKING_LENGTH, trackingCodeFrom, verdict, type ConcernState, type HandlerAction,
  type HistoryStep, type Standing,
} from './rules.js';

const national = workCalendar(nationalCalendars);
const dispatcher: Standing = { dispatch: true, handle: true, dispatchAnywhere: true, handleAnywhere: true, personId: 'p-sec' };
const handler: Standing = { dispatch: false, handle: true, dispatchAnywhere: false, handleAnywhere: true, personId: 'p-h' };
const elsewhere: Standing = { dispatch: false, handle: false, dispatchAnywhere: true, handleAnywhere: true, personId: 'p-x' };
const member: Standing = { dispatch: false, handle: false, dispatchAnywhere: false, handleAnywhere: false, personId: 'p-m' };

/** The table as the issue states it: for each action, the states it leads from and where it goes. */
const expected: Record<HandlerAction, [ConcernState[], ConcernState]> = {
  accept: [['submitted', 'referred'], 'accepted'],
  refer: [['submitted', 'referred'], 'referred'],
  duplicate: [['submitted', 'referred'], 'duplicate'],
  reject: [['submitted', 'referred'], 'rejected'],
  assign: [['accepted', 'assigned', 'in_progress', 'reopened'], 'assigned'],
  start: [['assigned', 'reopened'], 'in_progress'],
  pause: [['in_progress'], 'paused'],
  resume: [['paused'], 'in_progress'],
  answer: [['in_progress', 'answered'], 'answered'],
  reply: [['answered'], 'replied'],
};
const dispatchOnly = new Set<HandlerAction>(['accept', 'refer', 'duplicate', 'reject', 'assign', 'reply']);

describe('the transition table', () => {
  for (const action of handlerActions) {
    for (const state of concernStates) {
      const [from, to] = expected[action];
      it(`${action} from ${state}: ${from.includes(state) ? `→ ${to}` : 'refused'}`, () => {
        const v = verdict(action, { state, handlerId: 'p-h' }, dispatcher);
        expect(v).toEqual(from.includes(state) ? { allowed: true, to } : { allowed: false, reason: 'wrong_state' });
      });
    }
  }

  it('names the states an action leads from', () => {
    for (const action of handlerActions) expect([...fromStates(action)].sort()).toEqual([...expected[action][0]].sort());
  });

  it('gives every state a fixed type: closed ones closed, the clock stopped only while paused', () => {
    expect(Object.keys(stateTypeOf).sort()).toEqual([...concernStates].sort());
    expect(concernStates.filter((s) => stateTypeOf[s] === 'closed').sort()).toEqual(['closed', 'closed_unrated', 'duplicate', 'rejected']);
    expect(concernStates.filter((s) => stateTypeOf[s] === 'paused')).toEqual(['paused']);
    expect(concernStates.filter((s) => stateTypeOf[s] === 'new').sort()).toEqual(['referred', 'submitted']);
    expect(concernStates.filter((s) => stateTypeOf[s] === 'resolved')).toEqual(['replied']);
  });
});

describe('who may act', () => {
  for (const action of handlerActions) {
    const state = expected[action][0][0]!;
    it(`${action}: ${dispatchOnly.has(action) ? 'dispatchers only' : 'the handler or a dispatcher'}`, () => {
      expect(verdict(action, { state, handlerId: 'p-h' }, dispatcher).allowed).toBe(true);
      expect(verdict(action, { state, handlerId: 'p-h' }, handler)).toEqual(dispatchOnly.has(action) ? { allowed: false, reason: 'no_ability' } : { allowed: true, to: expected[action][1] });
      // Another handler of the same organization is not this case's handler.
      expect(verdict(action, { state, handlerId: 'p-other' }, handler)).toEqual({ allowed: false, reason: dispatchOnly.has(action) ? 'no_ability' : 'not_handler' });
      expect(verdict(action, { state, handlerId: null }, handler).allowed).toBe(false);
      expect(verdict(action, { state, handlerId: 'p-h' }, elsewhere)).toEqual({ allowed: false, reason: 'out_of_scope' });
      expect(verdict(action, { state, handlerId: 'p-m' }, member)).toEqual({ allowed: false, reason: 'no_ability' });
    });
  }

  it('checks who before the state: an outsider learns nothing of where a case stands', () => {
    expect(verdict('reply', { state: 'closed', handlerId: null }, elsewhere)).toEqual({ allowed: false, reason: 'out_of_scope' });
  });
});

describe('the deadline from the history', () => {
  const step = (on: string, action: string, toStateType: HistoryStep['toStateType']): HistoryStep => ({ on, action, toStateType });

  it('has no start before acceptance', () => {
    expect(pausesSince([step('2026-03-02', 'submit', 'new')])).toEqual({ start: null, pauses: [] });
    expect(dueOn(national, [step('2026-03-02', 'submit', 'new')], 10)).toBeNull();
  });

  it('counts the limit in working days from acceptance', () => {
    // Monday 2 March + 10 working days = Monday 16 March.
    const history = [step('2026-03-01', 'submit', 'new'), step('2026-03-02', 'accept', 'open'), step('2026-03-03', 'assign', 'open')];
    expect(dueOn(national, history, 10)).toBe('2026-03-16');
    expect(dueOn(national, history, null)).toBeNull();
  });

  it('skips holidays and counts make-up working days', () => {
    // Friday 13 February + 3: Saturday 14th is worked, the festival runs 15–23 → Tuesday 24th, Wednesday 25th.
    expect(dueOn(national, [step('2026-02-13', 'accept', 'open')], 3)).toBe('2026-02-25');
  });

  it('stops the clock over each paused span, and has no deadline while paused', () => {
    const history = [
      step('2026-03-02', 'accept', 'open'),
      step('2026-03-03', 'start', 'open'),
      step('2026-03-04', 'pause', 'paused'),
      step('2026-03-06', 'resume', 'open'), // Thursday and Friday paused: two working days
      step('2026-03-09', 'pause', 'paused'),
    ];
    expect(pausesSince(history).pauses).toEqual([{ from: '2026-03-04', to: '2026-03-06' }, { from: '2026-03-09', to: null }]);
    expect(dueOn(national, history, 10)).toBeNull();
    const resumed = [...history, step('2026-03-10', 'resume', 'open')];
    expect(dueOn(national, resumed, 10)).toBe('2026-03-19'); // 16 March + 2 + 1
  });

  it('ignores notes without a state, and a second pause event while already paused', () => {
    const history = [
      step('2026-03-02', 'accept', 'open'), step('2026-03-04', 'pause', 'paused'), step('2026-03-05', 'note', null),
      step('2026-03-05', 'pause', 'paused'), step('2026-03-06', 'resume', 'open'),
    ];
    expect(pausesSince(history).pauses).toEqual([{ from: '2026-03-04', to: '2026-03-06' }]);
  });

  it('counts again from a reopening, leaving earlier pauses behind', () => {
    const history = [
      step('2026-03-02', 'accept', 'open'), step('2026-03-04', 'pause', 'paused'), step('2026-03-10', 'resume', 'open'),
      step('2026-03-12', 'reply', 'resolved'), step('2026-03-16', 'reopen', 'open'),
    ];
    expect(pausesSince(history)).toEqual({ start: '2026-03-16', pauses: [] });
    expect(dueOn(national, history, 5)).toBe('2026-03-23');
  });

  it('asks for the calendar of a year it does not have', () => {
    expect(() => dueOn(national, [step('2026-12-28', 'accept', 'open')], 10)).toThrow(CalendarMissing);
    expect(calendarYears([step('2025-12-30', 'submit', 'new'), step('2026-01-05', 'accept', 'open')])).toEqual([2025, 2026, 2027]);
    expect(calendarYears([])).toEqual([]);
  });
});

describe('overdue and escalation', () => {
  it('is overdue only while open and past the due day', () => {
    expect(isOverdue({ stateType: 'open', dueOn: '2026-03-16' }, '2026-03-16')).toBe(false);
    expect(isOverdue({ stateType: 'open', dueOn: '2026-03-16' }, '2026-03-17')).toBe(true);
    for (const stateType of ['new', 'paused', 'resolved', 'closed'] as const) expect(isOverdue({ stateType, dueOn: '2026-03-16' }, '2026-04-01')).toBe(false);
    expect(isOverdue({ stateType: 'open', dueOn: null }, '2026-04-01')).toBe(false);
  });

  it('goes one level up from the first day late and one more per step of working days', () => {
    const c = { stateType: 'open' as const, dueOn: '2026-03-16' };
    expect(escalationLevel(national, c, '2026-03-16', 5)).toBe(0);
    expect(escalationLevel(national, c, '2026-03-17', 5)).toBe(1);
    expect(escalationLevel(national, c, '2026-03-23', 5)).toBe(1); // 5 working days late
    expect(escalationLevel(national, c, '2026-03-24', 5)).toBe(2);
    expect(escalationLevel(national, c, '2026-03-31', 5)).toBe(3);
    // Late over a weekend only: still one level.
    expect(escalationLevel(national, { stateType: 'open', dueOn: '2026-03-20' }, '2026-03-22', 5)).toBe(1);
  });
});

describe('the submitter\'s rating, reopening and lapse', () => {
  const w = { ratingDays: 7, reopenDays: 15 };
  const replied = { state: 'replied' as ConcernState, repliedOn: '2026-03-10', rating: null };

  it('rates once, within the rating window, only a replied concern', () => {
    expect(rateVerdict(replied, w, '2026-03-17')).toEqual({ allowed: true, to: 'replied' });
    expect(rateVerdict(replied, w, '2026-03-18')).toEqual({ allowed: false, reason: 'window_closed' });
    expect(rateVerdict({ ...replied, rating: 'unsatisfied' }, w, '2026-03-11')).toEqual({ allowed: false, reason: 'already_rated' });
    expect(rateVerdict({ ...replied, state: 'closed', rating: 'satisfied' }, w, '2026-03-11')).toEqual({ allowed: false, reason: 'already_rated' });
    for (const state of concernStates.filter((s) => s !== 'replied' && s !== 'closed')) {
      expect(rateVerdict({ state, repliedOn: null, rating: null }, w, '2026-03-11')).toEqual({ allowed: false, reason: 'wrong_state' });
    }
  });

  it('closes on a satisfied rating and stays open to reopening on an unsatisfied one', () => {
    expect(ratedState('satisfied')).toBe('closed');
    expect(ratedState('basically_satisfied')).toBe('closed');
    expect(ratedState('unsatisfied')).toBe('replied');
  });

  it('reopens within the reopen window, rated or not, closed or not', () => {
    for (const state of ['replied', 'closed', 'closed_unrated'] as const) {
      expect(reopenVerdict({ ...replied, state }, w, '2026-03-25')).toEqual({ allowed: true, to: 'reopened' });
      expect(reopenVerdict({ ...replied, state }, w, '2026-03-26')).toEqual({ allowed: false, reason: 'window_closed' });
    }
    for (const state of ['submitted', 'in_progress', 'answered', 'reopened', 'duplicate', 'rejected'] as const) {
      expect(reopenVerdict({ state, repliedOn: state === 'reopened' ? '2026-03-10' : null, rating: null }, w, '2026-03-11')).toEqual({ allowed: false, reason: 'wrong_state' });
    }
  });

  it('lapses unrated after the rating window and unsatisfied after the reopen window, and nothing else', () => {
    expect(lapse(replied, w, '2026-03-17')).toBeNull();
    expect(lapse(replied, w, '2026-03-18')).toBe('closed_unrated');
    expect(lapse({ ...replied, rating: 'unsatisfied' }, w, '2026-03-25')).toBeNull();
    expect(lapse({ ...replied, rating: 'unsatisfied' }, w, '2026-03-26')).toBe('closed');
    for (const state of concernStates.filter((s) => s !== 'replied')) expect(lapse({ ...replied, state }, w, '2027-01-01')).toBeNull();
  });
});

describe('intake', () => {
  it('refuses a name or phone with anonymity and SMS without a phone, naming each field', () => {
    expect(submitterProblems({})).toEqual([]);
    expect(submitterProblems({ name: '张三', phone: '13800001111', replyChannel: 'sms' })).toEqual([]);
    expect(submitterProblems({ anonymous: true })).toEqual([]);
    expect(submitterProblems({ anonymous: true, name: '张三', phone: '13800001111' })).toEqual([
      { field: 'name', rule: 'anonymous_named' }, { field: 'phone', rule: 'anonymous_named' },
    ]);
    expect(submitterProblems({ replyChannel: 'sms' })).toEqual([{ field: 'replyChannel', rule: 'sms_without_phone' }]);
    expect(submitterProblems({ anonymous: true, replyChannel: 'sms' })).toEqual([{ field: 'replyChannel', rule: 'sms_without_phone' }]);
    expect(submitterProblems({ replyChannel: 'none' })).toEqual([]);
  });

  it('files concerns with active village and community branches only', () => {
    expect(isVillageBranch({ type: 'branch', unitType: 'village', status: 'active' })).toBe(true);
    expect(isVillageBranch({ type: 'general_branch', unitType: 'community', status: 'active' })).toBe(true);
    expect(isVillageBranch({ type: 'branch', unitType: 'village', status: 'dissolved' })).toBe(false);
    expect(isVillageBranch({ type: 'committee', unitType: 'township', status: 'active' })).toBe(false);
    expect(isVillageBranch({ type: 'branch', unitType: 'enterprise', status: 'active' })).toBe(false);
    expect(isVillageBranch({ type: 'party_group', unitType: null, status: 'active' })).toBe(false);
  });

  it('draws tracking codes from the unambiguous alphabet', () => {
    expect(TRACKING_ALPHABET).not.toMatch(/[01OIL]/);
    let n = 0;
    const code = trackingCodeFrom((max) => n++ % max);
    expect(code).toHaveLength(TRACKING_LENGTH);
    expect(code).toBe(TRACKING_ALPHABET.slice(0, TRACKING_LENGTH));
    expect(trackingCodeFrom((max) => max - 1)).toBe('Z'.repeat(TRACKING_LENGTH));
  });
});
