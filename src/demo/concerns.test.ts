import { describe, expect, it } from 'vitest';
import { workCalendar } from '../platform/calendar/calendar.js';
import { nationalCalendars } from '../platform/calendar/national.js';
import { dueOn, isOverdue, lapse, stateTypeOf, TRACKING_ALPHABET, TRACKING_LENGTH, type HistoryStep } from '../modules/concerns/rules.js';
import { defaultConcernSettings } from '../modules/concerns/settings.js';
import { demoConcerns } from './concerns.js';
import { generateCounty } from './generate.js';

const AS_OF = '2026-06-30';
const demo = generateCounty({ seed: 11, code: '530522', asOf: AS_OF, memberTarget: 1500 });
const year = demoConcerns(demo, AS_OF);
const orgs = new Map(demo.orgs.map((o) => [o.code, o]));
const calendar = workCalendar(nationalCalendars);
const share = (n: number) => n / year.length;

describe('the demo county’s year of concerns', () => {
  it('is the same every time, in villages and communities, never in the future, under unique codes', () => {
    expect(demoConcerns(demo, AS_OF)).toEqual(year);
    expect(year.length).toBeGreaterThan(100);
    expect(new Set(year.map((c) => c.trackingCode)).size).toBe(year.length);
    for (const c of year) {
      const org = orgs.get(c.orgCode)!;
      expect(['village', 'community']).toContain(org.unitType);
      expect(c.trackingCode).toHaveLength(TRACKING_LENGTH);
      expect([...c.trackingCode].every((ch) => TRACKING_ALPHABET.includes(ch))).toBe(true);
      expect(c.receivedAt.slice(0, 10) <= AS_OF).toBe(true);
      for (const e of c.events) expect(e.at.slice(0, 10) <= AS_OF, c.trackingCode).toBe(true);
      expect(c.anonymous && (c.submitterName !== null || c.submitterPhone !== null)).toBe(false);
      expect(c.replyChannel === 'sms' && c.submitterPhone === null).toBe(false);
    }
  });

  it('spreads over every category and channel', () => {
    expect(new Set(year.map((c) => c.category).filter(Boolean))).toEqual(new Set(defaultConcernSettings.categories.map((c) => c.id)));
    expect(new Set(year.map((c) => c.channel))).toEqual(new Set(['public', 'on_behalf', 'visit']));
  });

  it('keeps each concern\'s state, type and due day as its history gives them', () => {
    for (const c of year) {
      const last = c.events.at(-1)!;
      expect(c.state, c.trackingCode).toBe(last.toState);
      expect(c.stateType).toBe(stateTypeOf[c.state]);
      expect(c.events[0]!.action).toBe('submit');
      const history: HistoryStep[] = c.events.map((e) => ({ on: e.at.slice(0, 10), action: e.action, toStateType: e.toStateType }));
      const limit = defaultConcernSettings.categories.find((x) => x.id === c.category)?.limitDays ?? null;
      if (c.stateType === 'open' || c.stateType === 'paused') expect(c.dueOn, c.trackingCode).toBe(dueOn(calendar, history, limit));
      if (c.stateType === 'closed') expect(c.closedAt).not.toBeNull();
      // Nothing is left that the lapse rule would close on the day.
      const lapsed = lapse({ state: c.state, repliedOn: c.repliedAt?.slice(0, 10) ?? null, rating: c.rating }, defaultConcernSettings, AS_OF);
      expect(lapsed, c.trackingCode).toBeNull();
    }
  });

  it('answers most on time, leaves some late and some open and overdue, reopens and leaves some unrated', () => {
    const replied = year.filter((c) => c.repliedAt !== null);
    const onTime = replied.filter((c) => c.repliedAt!.slice(0, 10) <= c.dueOn!);
    expect(onTime.length / replied.length).toBeGreaterThan(0.75);
    expect(onTime.length).toBeLessThan(replied.length);
    expect(year.some((c) => isOverdue({ stateType: c.stateType, dueOn: c.dueOn }, AS_OF))).toBe(true);
    expect(year.some((c) => c.reopenCount > 0)).toBe(true);
    expect(share(year.filter((c) => c.state === 'closed_unrated').length)).toBeGreaterThan(0.05);
    expect(year.some((c) => c.state === 'rejected')).toBe(true);
    expect(year.filter((c) => c.state === 'duplicate').every((c) => year.some((o) => o.trackingCode === c.duplicateOfTrackingCode))).toBe(true);
    expect(year.some((c) => c.events.some((e) => e.action === 'pause'))).toBe(true);
    const rated = year.filter((c) => c.rating !== null);
    expect(rated.filter((c) => c.rating !== 'unsatisfied').length / rated.length).toBeGreaterThan(0.8);
    for (const c of rated) expect(c.ratedHandlerPersonKey).toBe(c.handlerPersonKey);
  });
});
