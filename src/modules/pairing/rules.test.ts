import { describe, expect, it } from 'vitest';
import { periodsBetween } from '../../platform/cadence/periods.js';
import type { PairingSettings } from './contracts.js';
import { defaultPairingSettings } from './defaults.js';
import { checkSettings, contactCells, quotaFlag, rankOf, titleParts, unknownHelpTypes } from './rules.js';

const ranks = defaultPairingSettings.ranks;
const rank = (...titles: string[]) => rankOf(titles, ranks)?.id ?? null;

describe('a cadre\'s rank from their titles', () => {
  it('splits a combined title into its parts', () => {
    expect(titleParts('党委副书记、镇长')).toEqual(['党委副书记', '镇长']);
    expect(titleParts(' 组织委员 / 宣传委员，统战委员 ')).toEqual(['组织委员', '宣传委员', '统战委员']);
    expect(titleParts('')).toEqual([]);
  });

  it.each([
    ['党委书记', 'main_leader'], ['党工委书记', 'main_leader'], ['镇长', 'main_leader'], ['乡长', 'main_leader'],
    ['党委副书记', 'team_member'], ['纪委书记', 'team_member'], ['组织委员', 'team_member'], ['副镇长', 'team_member'], ['武装部部长', 'team_member'],
    ['站长', 'station_cadre'], ['干部', 'station_cadre'], ['站所负责人', 'station_cadre'],
  ])('puts %s in %s', (title, expected) => {
    expect(rank(title)).toBe(expected);
  });

  it('matches whole parts only: a deputy secretary is not the secretary', () => {
    expect(rank('党委副书记')).toBe('team_member');
    expect(rank('副乡长')).toBe('team_member');
  });

  it('takes the first rank any part falls in: a deputy secretary who is mayor is a main leader', () => {
    expect(rank('党委副书记、镇长')).toBe('main_leader');
    expect(rank('干部', '组织委员')).toBe('team_member');
    expect(rank('党委委员、副乡长')).toBe('team_member');
  });

  it('has no rank for titles outside every list, or none at all', () => {
    expect(rank('乡镇（街道）党委管理员')).toBeNull();
    expect(rank()).toBeNull();
  });

  it('follows the county\'s own ranks and their order', () => {
    const own: PairingSettings['ranks'] = [{ id: 'all', name: '全体', titles: ['干部', '镇长'], households: 5 }, ...ranks];
    expect(rankOf(['镇长'], own)?.id).toBe('all');
  });
});

describe('the quota flag', () => {
  it.each([[0, 1, 'under'], [1, 1, 'met'], [2, 1, 'over'], [2, 3, 'under'], [3, 3, 'met'], [4, 3, 'over'], [0, 0, 'met'], [1, 0, 'over'], [0, null, 'unranked'], [5, null, 'unranked']] as const)(
    '%s households against a quota of %s: %s', (paired, quota, flag) => {
      expect(quotaFlag(paired, quota)).toBe(flag);
    });
});

describe('contacts against the frequency', () => {
  const months = periodsBetween('month', '2026-01-01', '2026-04-30');
  const statuses = (span: { startedOn: string; endedOn: string | null }, contacts: string[], min = 1, today = '2026-03-15') =>
    contactCells(span, contacts, months, min, today).map((c) => (c ? `${c.status}:${c.held}` : null));

  it('is done with a contact in the month, overdue after a month without, due in the current one, not yet due after', () => {
    expect(statuses({ startedOn: '2025-06-01', endedOn: null }, ['2026-01-20'])).toEqual(['done:1', 'overdue:0', 'due:0', 'not_due:0']);
  });

  it('counts the contacts of each period against the minimum', () => {
    expect(statuses({ startedOn: '2025-06-01', endedOn: null }, ['2026-01-02', '2026-01-30', '2026-02-01', '2026-03-01', '2026-03-02'], 2))
      .toEqual(['done:2', 'overdue:1', 'done:2', 'not_due:0']);
  });

  it('leaves out the periods before the pairing opened and after it ended, and owes a contact in the months it opened and ended', () => {
    expect(statuses({ startedOn: '2026-02-20', endedOn: null }, [])).toEqual([null, 'overdue:0', 'due:0', 'not_due:0']);
    expect(statuses({ startedOn: '2025-06-01', endedOn: '2026-02-05' }, ['2026-02-03'])).toEqual(['overdue:0', 'done:1', null, null]);
  });

  it('counts no contact outside the pairing\'s own days', () => {
    expect(statuses({ startedOn: '2026-01-15', endedOn: '2026-01-20' }, ['2026-01-10', '2026-01-25'])).toEqual(['overdue:0', null, null, null]);
    expect(statuses({ startedOn: '2026-01-15', endedOn: '2026-01-20' }, ['2026-01-15'])).toEqual(['done:1', null, null, null]);
  });

  it('works the same on weeks', () => {
    const weeks = periodsBetween('week', '2026-03-02', '2026-03-15');
    expect(contactCells({ startedOn: '2026-01-01', endedOn: null }, ['2026-03-04'], weeks, 1, '2026-03-10').map((c) => c?.status)).toEqual(['done', 'due']);
  });
});

describe('the settings\' consistency', () => {
  it('finds nothing wrong with the defaults', () => {
    expect(checkSettings(defaultPairingSettings)).toEqual([]);
  });

  it('names a rank id or help type id used twice, and a title listed in two ranks', () => {
    const broken: PairingSettings = {
      ...defaultPairingSettings,
      ranks: [...ranks, { id: 'main_leader', name: '又一档', titles: ['镇长', '新职务'], households: 1 }],
      helpTypes: [...defaultPairingSettings.helpTypes, { id: 'industry', name: '产业' }],
    };
    expect(checkSettings(broken)).toEqual([
      { path: 'ranks.3.id', rule: 'duplicate_rank', params: { id: 'main_leader' } },
      { path: 'helpTypes.8.id', rule: 'duplicate_help_type', params: { id: 'industry' } },
      { path: 'ranks.3.titles.0', rule: 'title_in_two_ranks', params: { title: '镇长', rank: '主要领导' } },
    ]);
  });

  it('finds help types outside the county\'s list with their place', () => {
    expect(unknownHelpTypes(['industry', 'lottery', 'care', 'x'], defaultPairingSettings)).toEqual([{ index: 1, id: 'lottery' }, { index: 3, id: 'x' }]);
    expect(unknownHelpTypes(['industry'], defaultPairingSettings)).toEqual([]);
  });
});
