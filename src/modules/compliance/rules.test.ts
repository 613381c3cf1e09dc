import { describe, expect, it } from 'vitest';
import { parsePeriodKey } from '../../platform/cadence/periods.js';
import { nationalRules } from './catalogue.js';
import { describeRule, mergeRules } from './rules.js';
import type { cadenceRules } from './schema.js';
import { dueFrom } from './service.js';

type Row = typeof cadenceRules.$inferSelect;
const row = (id: string, over: Partial<Row> = {}): Row => ({
  countyId: 'c', id, eventKind: 'monday_meeting', subjectType: 'township_committee', period: 'week', min: 1, dueFromMonth: null, label: null,
  enabled: true, createdAt: new Date(), updatedAt: new Date(), ...over,
});

describe('mergeRules', () => {
  it('is the national list when the county has set nothing', () => {
    expect(mergeRules([])).toEqual(nationalRules.map((r) => ({ ...r, changed: false })));
  });

  it('puts a county\'s change in the national rule\'s place, drops what it switched off, and adds its own after, by id', () => {
    const merged = mergeRules([
      row('zz_friday_study', { eventKind: 'friday_study' }),
      row('committee_meeting_monthly', { eventKind: 'committee_meeting', subjectType: 'branch', period: 'month', min: 2 }),
      row('party_lecture_yearly', { eventKind: 'party_lecture', subjectType: 'committee', period: 'year', enabled: false }),
      row('monday_meeting_weekly'),
      row('old_local', { enabled: false }),
    ]);
    expect(merged.map((r) => [r.id, r.source, r.changed, r.min])).toEqual([
      ['members_meeting_quarterly', 'national', false, 1], ['committee_meeting_monthly', 'national', true, 2], ['group_meeting_monthly', 'national', false, 1],
      ['theme_day_monthly', 'national', false, 1], ['life_meeting_yearly', 'national', false, 1],
      ['monday_meeting_weekly', 'local', false, 1], ['zz_friday_study', 'local', false, 1],
    ]);
  });
});

describe('dueFrom', () => {
  const year = parsePeriodKey('2026')!;
  it('opens a yearly rule on the first of its month, and never outside the period', () => {
    expect(dueFrom({ dueFromMonth: 10 }, year)).toBe('2026-10-01');
    expect(dueFrom({ dueFromMonth: null }, year)).toBeUndefined();
    // January is the period's own start: nothing to wait for.
    expect(dueFrom({ dueFromMonth: 1 }, year)).toBeUndefined();
    expect(dueFrom({ dueFromMonth: 10 }, parsePeriodKey('2026-03')!)).toBeUndefined();
    expect(dueFrom({ dueFromMonth: 11 }, parsePeriodKey('2026-Q4')!)).toBe('2026-11-01');
  });
});

describe('describeRule', () => {
  it('says the rule in Chinese or English, with a county\'s own name first', () => {
    const monday = { ...mergeRules([row('monday_meeting_weekly', { label: '周一例会' })]).at(-1)! };
    expect(describeRule(monday, 'zh')).toBe('周一例会：每周至少 1 次周一例会（各乡镇（街道）党委）');
    expect(describeRule(monday, 'en')).toBe('周一例会: At least 1 × Monday regular meeting a week (each of the township committees)');
    expect(describeRule({ ...monday, label: null, eventKind: 'visit', min: 3 }, 'zh')).toBe('每周至少 3 次visit（各乡镇（街道）党委）');
  });
});
