import { describe, expect, it } from 'vitest';
import { orgTypes } from '../../organizations/rules.js';
import { memberCategories } from '../rules/pipeline.js';
import {
  addDays, checkDay, chineseDate, endApplies, endReasons, hasLetter, holdsMembers, isOverdue, letterNumber, letterSeq, nextLetterNumber,
  periodStart, RECEIVE_WITHIN_DAYS, receiveDue, transferKinds, transferRoles, transferStates,
} from './rules.js';

describe('transfer deadlines', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-03-02', 30)).toBe('2026-04-01');
    expect(addDays('2026-12-15', 30)).toBe('2027-01-14');
    expect(addDays('2024-02-01', 28)).toBe('2024-02-29');
    expect(addDays('2025-02-01', 28)).toBe('2025-03-01');
    expect(addDays('2026-03-02', 0)).toBe('2026-03-02');
  });

  it('is due the letter\'s validity after sending, and overdue only after that day', () => {
    expect(RECEIVE_WITHIN_DAYS).toBe(30);
    expect(receiveDue('2026-01-10')).toBe('2026-02-09');
    expect(isOverdue('2026-01-10', '2026-02-09')).toBe(false);
    expect(isOverdue('2026-01-10', '2026-02-10')).toBe(true);
    expect(isOverdue('2026-01-10', '2026-01-10')).toBe(false);
  });
});

describe('which organizations hold members', () => {
  it('never a party group', () => {
    expect(holdsMembers('party_group', [])).toBe('party_group');
  });

  it('a branch, with or without party groups below it', () => {
    expect(holdsMembers('branch', [])).toBe('yes');
    expect(holdsMembers('branch', ['party_group', 'party_group'])).toBe('yes');
    expect(holdsMembers('joint_branch', ['party_group'])).toBe('yes');
  });

  it('a committee or general branch only while no branch sits below it', () => {
    for (const type of ['committee', 'working_committee', 'general_branch'] as const) {
      expect(holdsMembers(type, [])).toBe('yes');
      expect(holdsMembers(type, ['branch'])).toBe('has_branches');
      expect(holdsMembers(type, ['party_group', 'joint_branch'])).toBe('has_branches');
    }
    expect(holdsMembers('committee', ['committee'])).toBe('has_branches');
  });

  it('answers for every type', () => {
    for (const type of orgTypes) expect(['yes', 'party_group', 'has_branches']).toContain(holdsMembers(type, []));
  });
});

describe('who acts on a transfer', () => {
  it('within the county: the receiver receives or rejects, the sender withdraws, while it waits', () => {
    expect(transferRoles('within', 'sent')).toEqual({ receive: 'receiver', reject: 'receiver', cancel: 'sender' });
  });

  it('out of the county: the sender records the receipt or withdraws; nobody rejects', () => {
    expect(transferRoles('out', 'sent')).toEqual({ receive: 'sender', reject: null, cancel: 'sender' });
  });

  it('nobody acts on a transfer in, or on one decided', () => {
    const none = { receive: null, reject: null, cancel: null };
    for (const kind of transferKinds) {
      for (const state of transferStates.filter((s) => s !== 'sent')) expect(transferRoles(kind, state), `${kind} ${state}`).toEqual(none);
    }
    expect(transferRoles('in', 'sent')).toEqual(none);
  });

  it('issues letters for transfers under way or done, never for one refused, withdrawn or come in', () => {
    const issued = transferKinds.flatMap((kind) => transferStates.filter((state) => hasLetter(kind, state)).map((state) => `${kind} ${state}`));
    expect(issued).toEqual(['within sent', 'within received', 'out sent', 'out received']);
  });
});

describe('letter numbers', () => {
  it('writes and reads the county\'s format', () => {
    expect(letterNumber(2026, 12)).toBe('〔2026〕第 12 号');
    expect(letterSeq('〔2026〕第 12 号', 2026)).toBe(12);
    expect(letterSeq('〔2026〕第12号', 2026)).toBe(12);
    expect(letterSeq(' 〔2026〕第 3 号 ', 2026)).toBe(3);
  });

  it('ignores other years and other formats', () => {
    expect(letterSeq('〔2025〕第 12 号', 2026)).toBeUndefined();
    expect(letterSeq('马组字〔2026〕5号', 2026)).toBeUndefined();
    expect(letterSeq('12', 2026)).toBeUndefined();
  });

  it('numbers from 1 each year, after the highest issued', () => {
    expect(nextLetterNumber(2026, [])).toBe('〔2026〕第 1 号');
    expect(nextLetterNumber(2026, ['〔2026〕第 2 号', '〔2026〕第 9 号', '〔2026〕第 4 号'])).toBe('〔2026〕第 10 号');
    expect(nextLetterNumber(2027, ['〔2026〕第 9 号'])).toBe('〔2027〕第 1 号');
    expect(nextLetterNumber(2026, ['手写 88 号', '〔2026〕第 1 号'])).toBe('〔2026〕第 2 号');
  });
});

describe('ends of membership', () => {
  it('death ends anyone\'s relation; the other ends only a member\'s', () => {
    for (const category of memberCategories) {
      const member = category === 'full' || category === 'probationary';
      expect(endApplies('died', category)).toBe(true);
      for (const reason of endReasons.filter((r) => r !== 'died')) expect(endApplies(reason, category), `${reason} ${category}`).toBe(member);
    }
  });
});

describe('effective days', () => {
  it('refuses a day after today and one before the earliest allowed, both boundaries included', () => {
    expect(checkDay('2026-03-02', '2026-03-02', '2026-03-02')).toBeNull();
    expect(checkDay('2026-03-03', '2026-03-02', null)).toBe('future');
    expect(checkDay('2026-03-01', '2026-03-02', '2026-03-02')).toBe('too_early');
    expect(checkDay('1990-01-01', '2026-03-02', null)).toBeNull();
  });

  it('starts a period at its start, else at its first recorded stage', () => {
    const none = { startedOn: null, appliedOn: null, activistOn: null, targetOn: null, joinedOn: null, fullOn: null };
    expect(periodStart(none)).toBeNull();
    expect(periodStart({ ...none, joinedOn: '2000-07-01', fullOn: '2001-07-01' })).toBe('2000-07-01');
    expect(periodStart({ ...none, appliedOn: '1999-03-01', joinedOn: '2000-07-01' })).toBe('1999-03-01');
    expect(periodStart({ ...none, startedOn: '2021-03-01', appliedOn: '1999-03-01' })).toBe('2021-03-01');
  });

  it('writes dates as letters do', () => {
    expect(chineseDate('2026-03-02')).toBe('2026年3月2日');
    expect(chineseDate('2026-12-31')).toBe('2026年12月31日');
  });
});
