import { describe, expect, it } from 'vitest';
import { parsePeriodKey, periodOf } from '../../platform/cadence/periods.js';
import {
  checkTeam, checkVisit, defaultSettings, isStale, quotaCell, quotaPeriods, remaining, STALE_DAYS, teamRules, visitRules, type TeamFacts, type VisitFacts,
} from './rules.js';

const week = (key: string) => parsePeriodKey(key)!;

describe('quota periods', () => {
  it('are the ISO weeks of the year up to the one holding today', () => {
    const periods = quotaPeriods('week', 2026, '2026-01-01', '2026-12-31', '2026-03-04');
    expect(periods.map((p) => p.key)).toEqual(['2026-W01', '2026-W02', '2026-W03', '2026-W04', '2026-W05', '2026-W06', '2026-W07', '2026-W08', '2026-W09', '2026-W10']);
    expect(periods.at(-1)).toMatchObject({ start: '2026-03-02', end: '2026-03-08' });
  });

  it('cut the first and last weeks at the year', () => {
    // 2026-W01 runs from Monday 29 December 2025; 2025-W01 from 30 December 2024.
    expect(quotaPeriods('week', 2026, '2026-01-01', '2026-01-10', '2026-06-01')[0]).toMatchObject({ key: '2026-W01', start: '2026-01-01', end: '2026-01-04' });
    const late = quotaPeriods('week', 2025, '2025-12-20', '2025-12-31', '2026-06-01');
    expect(late.at(-1)).toMatchObject({ key: '2026-W01', start: '2025-12-29', end: '2025-12-31' });
  });

  it('keep within the span asked and the year', () => {
    expect(quotaPeriods('week', 2026, '2025-06-01', '2026-01-12', '2026-06-01').map((p) => p.key)).toEqual(['2026-W01', '2026-W02', '2026-W03']);
    expect(quotaPeriods('week', 2026, '2026-02-02', '2026-02-15', '2026-06-01').map((p) => p.key)).toEqual(['2026-W06', '2026-W07']);
  });

  it('are none for a year not begun, or a span outside the year', () => {
    expect(quotaPeriods('week', 2027, '2027-01-01', '2027-12-31', '2026-03-02')).toEqual([]);
    expect(quotaPeriods('week', 2026, '2027-01-01', '2027-03-01', '2027-06-01')).toEqual([]);
  });

  it('follow the county’s unit', () => {
    expect(quotaPeriods('month', 2026, '2026-01-01', '2026-12-31', '2026-03-02').map((p) => p.key)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(quotaPeriods('quarter', 2026, '2026-01-01', '2026-12-31', '2026-07-01').map((p) => p.key)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
  });
});

describe('a quota cell', () => {
  const settings = defaultSettings;

  it('is done once the leader’s visits reach the quota, whenever', () => {
    expect(quotaCell(week('2026-W09'), 3, settings, '2026-02-24')).toEqual({ held: 3, required: 3, status: 'done' });
    expect(quotaCell(week('2026-W09'), 5, settings, '2026-12-01')).toEqual({ held: 5, required: 3, status: 'done' });
  });

  it('is due during the week, overdue after it and not yet due before it', () => {
    expect(quotaCell(week('2026-W09'), 2, settings, '2026-03-01').status).toBe('due');
    expect(quotaCell(week('2026-W09'), 2, settings, '2026-02-23').status).toBe('due');
    expect(quotaCell(week('2026-W09'), 2, settings, '2026-03-02').status).toBe('overdue');
    expect(quotaCell(week('2026-W10'), 0, settings, '2026-03-01').status).toBe('not_due');
  });

  it('asks less of a week cut short by the year, rounding up', () => {
    const first = quotaPeriods('week', 2026, '2026-01-01', '2026-01-04', '2026-06-01')[0]!; // 4 of 7 days
    expect(quotaCell(first, 0, settings, '2026-06-01').required).toBe(2);
    const last = quotaPeriods('week', 2025, '2025-12-29', '2025-12-31', '2026-06-01')[0]!; // 3 of 7 days
    expect(quotaCell(last, 0, settings, '2026-06-01').required).toBe(2);
    expect(quotaCell(last, 0, { ...settings, visitsPerPeriod: 1 }, '2026-06-01').required).toBe(1);
    expect(quotaCell(last, 2, settings, '2026-06-01').status).toBe('done');
  });

  it('follows the county’s number and unit', () => {
    const month = periodOf('month', '2026-02-10');
    expect(quotaCell(month, 9, { ...settings, visitsPerPeriod: 10, period: 'month' }, '2026-03-02')).toEqual({ held: 9, required: 10, status: 'overdue' });
  });

  it('says how many visits are still wanted', () => {
    expect(remaining({ held: 1, required: 3, status: 'due' })).toBe(2);
    expect(remaining({ held: 4, required: 3, status: 'done' })).toBe(0);
  });
});

describe('a stale village', () => {
  it('is one never visited, or not for STALE_DAYS days', () => {
    expect(STALE_DAYS).toBe(30);
    expect(isStale(null, '2026-03-02')).toBe(true);
    expect(isStale('2026-01-31', '2026-03-02')).toBe(true);
    expect(isStale('2026-02-01', '2026-03-02')).toBe(false);
    expect(isStale('2026-03-02', '2026-03-02')).toBe(false);
  });
});

describe('a team', () => {
  const facts = (over: Partial<TeamFacts> = {}): TeamFacts => ({
    today: '2026-03-02',
    township: { name: '和顺镇党委', establishedOn: '1956-01-01', isTownship: true },
    people: new Map([
      ['lead', { name: '李书记', leads: true, serves: true }],
      ['cadre', { name: '王干部', leads: false, serves: true }],
      ['villager', { name: '张村民', leads: false, serves: false }],
    ]),
    villages: new Map([
      ['V1', { name: '马家村党支部', inTownship: true, isVillage: true, otherTeam: null }],
      ['V2', { name: '石桥村党支部', inTownship: true, isVillage: true, otherTeam: '第二组' }],
      ['G1', { name: '第一党小组', inTownship: true, isVillage: false, otherTeam: null }],
      ['X1', { name: '东风村党支部', inTownship: false, isVillage: true, otherTeam: null }],
    ]),
    nameTaken: false,
    ...over,
  });
  const team = { year: 2026, name: '第一组', leaderId: 'lead', memberIds: ['cadre'], villageCodes: ['V1'] };
  const rulesOf = (t: Partial<typeof team>, f: Partial<TeamFacts> = {}) => checkTeam({ ...team, ...t }, facts(f)).map((p) => `${p.rule}@${p.field}`);

  it('passes when every rule holds', () => {
    expect(checkTeam(team, facts())).toEqual([]);
    expect(rulesOf({ memberIds: [], villageCodes: [] })).toEqual([]);
    expect(rulesOf({ year: 2027 })).toEqual([]);
  });

  it('belongs to a township', () => {
    expect(rulesOf({}, { township: { name: '马家村党支部', establishedOn: '1958-05-01', isTownship: false } })).toEqual(['not_township@orgCode']);
  });

  it('is of a sane year', () => {
    expect(rulesOf({ year: 2028 })).toEqual(['year_future@year']);
    expect(rulesOf({ year: 1950 })).toEqual(['year_before_org@year']);
  });

  it('has a name of its own in the township and year', () => {
    expect(checkTeam(team, facts({ nameTaken: true }))).toEqual([{ rule: 'name_taken', field: 'name', params: { name: '第一组', year: 2026 } }]);
  });

  it('is led by a member of the township committee', () => {
    expect(rulesOf({ leaderId: 'cadre', memberIds: [] })).toEqual(['leader_not_committee@leaderId']);
    expect(rulesOf({ leaderId: 'nobody' })).toEqual(['person_unknown@leaderId']);
  });

  it('is served by cadres of the township, each once, other than the leader', () => {
    expect(rulesOf({ memberIds: ['cadre', 'villager', 'lead', 'cadre', 'ghost'] })).toEqual([
      'member_not_cadre@memberIds.1', 'member_is_leader@memberIds.2', 'member_twice@memberIds.3', 'person_unknown@memberIds.4',
    ]);
  });

  it('has villages of the township that no other team has that year, each once', () => {
    expect(rulesOf({ villageCodes: ['V1', 'V2', 'G1', 'X1', 'V1', 'NOPE'] })).toEqual([
      'village_taken@villageCodes.1', 'village_not_village@villageCodes.2', 'village_outside@villageCodes.3', 'village_twice@villageCodes.4', 'village_unknown@villageCodes.5',
    ]);
    expect(checkTeam({ ...team, villageCodes: ['V2'] }, facts())[0]!.params).toEqual({ village: '石桥村党支部', team: '第二组', year: 2026 });
  });

  it('names every problem at once', () => {
    const all = rulesOf({ year: 2030, leaderId: 'cadre', memberIds: ['villager'], villageCodes: ['X1'] }, { nameTaken: true });
    expect(all).toEqual(['year_future@year', 'name_taken@name', 'leader_not_committee@leaderId', 'member_not_cadre@memberIds.0', 'village_outside@villageCodes.0']);
  });

  it('has a message for every rule', () => {
    expect(teamRules).toHaveLength(14);
  });
});

describe('a visit', () => {
  const facts = (over: Partial<VisitFacts> = {}): VisitFacts => ({
    today: '2026-03-02',
    village: { name: '马家村党支部', isVillage: true, township: '和顺镇党委' },
    participants: new Map([['lead', { name: '李书记', eligible: true }], ['outsider', { name: '外人', eligible: false }]]),
    households: new Map([['h1', { headName: '马大', inVillage: true }], ['h9', { headName: '东户', inVillage: false }]]),
    ...over,
  });
  const visit = { visitedOn: '2026-03-02', participantIds: ['lead'], householdIds: ['h1'] };
  const rulesOf = (v: Partial<typeof visit> & { teamId?: string | null }, f: Partial<VisitFacts> = {}) =>
    checkVisit({ ...visit, ...v }, facts(f)).map((p) => `${p.rule}@${p.field}`);

  it('passes when every rule holds', () => {
    expect(rulesOf({})).toEqual([]);
    expect(rulesOf({ householdIds: [] })).toEqual([]);
    expect(rulesOf({ teamId: 't' }, { team: { name: '第一组', assigned: true } })).toEqual([]);
  });

  it('is to a village or community', () => {
    expect(rulesOf({}, { village: { name: '和顺镇党委', isVillage: false, township: '和顺镇党委' } })).toEqual(['not_village@orgCode']);
  });

  it('was made by today', () => {
    expect(rulesOf({ visitedOn: '2026-03-03' })).toEqual(['visited_future@visitedOn']);
    expect(rulesOf({ visitedOn: '2025-12-31' })).toEqual([]);
  });

  it('was made by people holding a post in the township or village, each once', () => {
    expect(rulesOf({ participantIds: ['lead', 'outsider', 'lead', 'ghost'] })).toEqual([
      'participant_no_post@participantIds.1', 'participant_twice@participantIds.2', 'participant_unknown@participantIds.3',
    ]);
    expect(checkVisit({ ...visit, participantIds: ['outsider'] }, facts())[0]!.params).toEqual({ name: '外人', village: '马家村党支部', township: '和顺镇党委', date: '2026-03-02' });
  });

  it('met households of the village, each once', () => {
    expect(rulesOf({ householdIds: ['h1', 'h9', 'h1', 'ghost'] })).toEqual([
      'household_elsewhere@householdIds.1', 'household_twice@householdIds.2', 'household_unknown@householdIds.3',
    ]);
  });

  it('counts for a team only if the team has the village that year', () => {
    expect(rulesOf({ teamId: 't' }, { team: { name: '第二组', assigned: false } })).toEqual(['team_not_assigned@teamId']);
    expect(checkVisit({ ...visit, teamId: 't' }, facts({ team: { name: '第二组', assigned: false } }))[0]!.params).toEqual({ team: '第二组', village: '马家村党支部', year: '2026' });
    expect(rulesOf({ teamId: 'gone' }, { team: null })).toEqual(['team_unknown@teamId']);
  });

  it('has a message for every rule', () => {
    expect(visitRules).toHaveLength(10);
  });
});
