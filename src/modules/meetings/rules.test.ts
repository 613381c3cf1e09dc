import { describe, expect, it } from 'vitest';
import type { MeetingUpdate } from './contracts.js';
import { meetingKinds, votingKinds, type MeetingKind } from './kinds.js';
import { carried, checkMeeting, meetingDay, quorumMet, type MeetingContext, type RosterEntry } from './rules.js';

const TODAY = '2026-03-02';

const entry = (id: string, name: string, category: RosterEntry['category']): RosterEntry => ({ id, name, category, votes: category === 'full' });
/** Four full members, a probationary member, and the secretary's account without a membership. */
const roster = new Map([
  entry('f1', '张一', 'full'), entry('f2', '王二', 'full'), entry('f3', '李三', 'full'), entry('f4', '赵四', 'full'),
  entry('p1', '钱五', 'probationary'), entry('s1', '书记', null),
].map((e) => [e.id, e]));

const context = (over: Partial<MeetingContext> = {}): MeetingContext => ({
  today: TODAY, org: { name: '马家村党支部', establishedOn: '1958-05-01', dissolvedOn: null }, roster, names: new Map([['x1', '外人']]), ...over,
});

const resolution = { title: '接收预备党员', shouldAttend: 4, present: 3, yes: 3, no: 0, abstain: 0, passed: true };

/** A members' meeting by the book: everyone listed, one excused, one vote carried. */
const held: MeetingUpdate = {
  kind: 'members_meeting', status: 'held', heldOn: '2026-02-20', topic: '2月党员大会', hostId: 's1', recorderId: 'f1',
  attendees: [
    { personId: 'f1', status: 'present' }, { personId: 'f2', status: 'present' }, { personId: 'f3', status: 'present' },
    { personId: 'f4', status: 'excused', reason: '外出务工' }, { personId: 'p1', status: 'present' }, { personId: 's1', status: 'present' },
  ],
  resolutions: [resolution],
  minutes: '讨论接收预备党员',
};
const planned: MeetingUpdate = { kind: 'theme_day', status: 'planned', plannedOn: '2026-03-05', topic: '3月主题党日', attendees: [], resolutions: [] };

/** The rules broken, each with the field it names. */
const broken = (input: MeetingUpdate, ctx = context()) => checkMeeting(input, ctx).map((p) => `${p.rule}@${p.field}`);
const withVote = (vote: Partial<typeof resolution>, input: MeetingUpdate = held) => ({ ...input, resolutions: [{ ...resolution, ...vote }] });

describe('quorum and majority (rules.md §1)', () => {
  it('needs more than half of those who should attend present: exactly half is not enough', () => {
    expect(quorumMet({ shouldAttend: 10, present: 5, yes: 0 })).toBe(false);
    expect(quorumMet({ shouldAttend: 10, present: 6, yes: 0 })).toBe(true);
    expect(quorumMet({ shouldAttend: 9, present: 4, yes: 0 })).toBe(false);
    expect(quorumMet({ shouldAttend: 9, present: 5, yes: 0 })).toBe(true);
    expect(quorumMet({ shouldAttend: 1, present: 0, yes: 0 })).toBe(false);
    expect(quorumMet({ shouldAttend: 1, present: 1, yes: 0 })).toBe(true);
    expect(quorumMet({ shouldAttend: 2, present: 1, yes: 0 })).toBe(false);
    expect(quorumMet({ shouldAttend: 2, present: 2, yes: 0 })).toBe(true);
  });

  it('carries with yes from more than half of those who should attend, not of those present', () => {
    expect(carried({ shouldAttend: 10, present: 10, yes: 5 })).toBe(false);
    expect(carried({ shouldAttend: 10, present: 10, yes: 6 })).toBe(true);
    expect(carried({ shouldAttend: 10, present: 6, yes: 5 })).toBe(false);
    expect(carried({ shouldAttend: 10, present: 6, yes: 6 })).toBe(true);
    expect(carried({ shouldAttend: 7, present: 7, yes: 4 })).toBe(true);
    expect(carried({ shouldAttend: 7, present: 7, yes: 3 })).toBe(false);
    expect(carried({ shouldAttend: 1, present: 1, yes: 1 })).toBe(true);
    expect(carried({ shouldAttend: 1, present: 1, yes: 0 })).toBe(false);
    expect(carried({ shouldAttend: 3, present: 0, yes: 0 })).toBe(false);
  });

  it('never carries without a quorum, and carries whenever the yes votes alone would make one', () => {
    for (let shouldAttend = 1; shouldAttend <= 12; shouldAttend++) {
      for (let present = 0; present <= shouldAttend; present++) {
        for (let yes = 0; yes <= present; yes++) {
          const c = { shouldAttend, present, yes };
          if (carried(c)) expect(quorumMet(c), JSON.stringify(c)).toBe(true);
          expect(carried(c), JSON.stringify(c)).toBe(quorumMet({ shouldAttend, present: yes, yes }));
        }
      }
    }
  });
});

describe('a meeting record', () => {
  it('accepts a held meeting by the book and a planned one', () => {
    expect(broken(held)).toEqual([]);
    expect(broken(planned)).toEqual([]);
    expect(meetingDay(held)).toBe('2026-02-20');
    expect(meetingDay(planned)).toBe('2026-03-05');
  });

  it('dates a held meeting by the day it was held, today at the latest', () => {
    expect(broken({ ...held, heldOn: undefined })).toEqual(['held_on_required@heldOn']);
    expect(broken({ ...held, heldOn: TODAY })).toEqual([]);
    expect(broken({ ...held, heldOn: '2026-03-03' })).toEqual(['held_on_future@heldOn']);
    expect(checkMeeting({ ...held, heldOn: '2026-03-03' }, context())[0]!.params).toEqual({ date: '2026-03-03', today: TODAY });
    // Planned for another day, held earlier or later: both happen.
    expect(broken({ ...held, plannedOn: '2026-02-25' })).toEqual([]);
    expect(broken({ ...held, plannedOn: '2026-01-25' })).toEqual([]);
  });

  it('dates a planned meeting by its planned day, which may have passed (recorded late)', () => {
    expect(broken({ ...planned, plannedOn: undefined })).toEqual(['planned_on_required@plannedOn']);
    expect(broken({ ...planned, plannedOn: '2026-01-05' })).toEqual([]);
    expect(broken({ ...planned, heldOn: '2026-03-01' })).toEqual(['held_on_not_held@heldOn']);
    expect(broken({ ...planned, heldOn: '2026-03-09' })).toEqual(['held_on_future@heldOn', 'held_on_not_held@heldOn']);
  });

  it('refuses a day on which the organization did not exist', () => {
    const org = { name: '马家村党支部', establishedOn: '2026-02-21', dissolvedOn: null };
    expect(broken(held, context({ org }))).toEqual(['org_not_existing@heldOn']);
    expect(broken({ ...held, heldOn: '2026-02-21' }, context({ org }))).toEqual([]);
    const dissolved = { name: '马家村党支部', establishedOn: '1958-05-01', dissolvedOn: '2026-03-05' };
    expect(broken({ ...planned, plannedOn: '2026-03-05' }, context({ org: dissolved }))).toEqual(['org_not_existing@plannedOn']);
    expect(broken({ ...planned, plannedOn: '2026-03-04' }, context({ org: dissolved }))).toEqual([]);
  });

  it('records attendance, minutes and votes only once held', () => {
    const early = { ...planned, kind: 'members_meeting' as const, attendees: held.attendees, minutes: '记录', resolutions: [resolution] };
    expect(broken(early)).toEqual(['not_held@attendees', 'not_held@minutes', 'not_held@resolutions']);
  });

  it('takes votes at members\' and committee meetings only', () => {
    for (const kind of meetingKinds) {
      const found = broken({ ...held, kind });
      if (votingKinds.has(kind)) expect(found, kind).toEqual([]);
      else expect(found, kind).toEqual(['resolutions_kind@resolutions']);
    }
    expect(checkMeeting({ ...held, kind: 'theme_day' }, context())[0]!.params).toEqual({ kind: 'theme_day' });
    const noVotes = (kind: MeetingKind) => broken({ ...held, kind, resolutions: [] });
    expect(meetingKinds.map(noVotes).flat()).toEqual([]);
  });

  it('takes the host, recorder and lecturer from the roster, the lecturer by name instead if from outside', () => {
    expect(broken({ ...held, hostId: 'x1', recorderId: 'x2', lecturerId: 'f3' })).toEqual(['not_on_roster@hostId', 'not_on_roster@recorderId']);
    const [outsider, unknown] = checkMeeting({ ...held, hostId: 'x1', recorderId: 'x2' }, context());
    expect(outsider!.params).toEqual({ name: '外人', org: '马家村党支部' });
    expect(unknown!.params).toEqual({ name: 'x2', org: '马家村党支部' });
    expect(broken({ ...held, kind: 'party_lecture', resolutions: [], lecturerName: '县委党校王老师' })).toEqual([]);
    expect(broken({ ...held, kind: 'party_lecture', resolutions: [], lecturerName: '县委党校王老师', lecturerId: 'f1' })).toEqual(['lecturer_twice@lecturerName']);
    expect(broken({ ...held, lecturerId: 'x1' })).toEqual(['not_on_roster@lecturerId']);
  });

  it('lists each attendee once, from the roster, with a reason exactly when excused', () => {
    const attendees = (...extra: MeetingUpdate['attendees']) => ({ ...held, resolutions: [], attendees: [...held.attendees, ...extra] });
    expect(broken(attendees({ personId: 'x1', status: 'present' }))).toEqual(['not_on_roster@attendees.6.personId']);
    expect(checkMeeting(attendees({ personId: 'x1', status: 'present' }), context())[0]!.params).toEqual({ name: '外人', org: '马家村党支部' });
    expect(broken(attendees({ personId: 'f2', status: 'absent' }))).toEqual(['attendee_twice@attendees.6.personId']);
    expect(checkMeeting(attendees({ personId: 'f2', status: 'absent' }), context())[0]!.params).toEqual({ name: '王二' });
    const noReason = { ...held, attendees: held.attendees.map((a) => (a.personId === 'f4' ? { personId: 'f4', status: 'excused' as const } : a)) };
    expect(broken(noReason)).toEqual(['excused_reason@attendees.3.reason']);
    const reasons = { ...held, resolutions: [], attendees: [{ personId: 'f1', status: 'present' as const, reason: '迟到' }, { personId: 'f2', status: 'absent' as const, reason: '无' }] };
    expect(broken(reasons)).toEqual(['reason_not_excused@attendees.0.reason', 'reason_not_excused@attendees.1.reason']);
  });

  it('leaves out of those who should attend only full members, at meetings that vote', () => {
    const leaving = (personId: string, kind: MeetingKind = 'members_meeting') => ({
      ...held, kind, resolutions: [],
      attendees: held.attendees.map((a) => (a.personId === personId ? { personId, status: 'absent' as const, leftOut: 'abroad' as const } : a)),
    });
    expect(broken(leaving('f4'))).toEqual([]);
    expect(broken(leaving('f4', 'committee_meeting'))).toEqual([]);
    expect(broken(leaving('p1'))).toEqual(['left_out_not_voter@attendees.4.leftOut']);
    expect(broken(leaving('s1'))).toEqual(['left_out_not_voter@attendees.5.leftOut']);
    expect(broken(leaving('f4', 'theme_day'))).toEqual(['left_out_not_voter@attendees.3.leftOut']);
  });

  describe('votes', () => {
    it('counts no more votes than members present, nor more present than should attend', () => {
      expect(broken(withVote({ yes: 3, no: 0, abstain: 0 }))).toEqual([]);
      expect(broken(withVote({ yes: 2, no: 1, abstain: 1 }))).toEqual(['votes_exceed_present@resolutions.0.yes']);
      expect(checkMeeting(withVote({ yes: 2, no: 1, abstain: 1 }), context())[0]!.params).toEqual({ title: '接收预备党员', votes: 4, present: 3 });
      const unlisted = (vote: Partial<typeof resolution>) => withVote(vote, { ...held, attendees: [] });
      expect(broken(unlisted({ shouldAttend: 4, present: 4, yes: 4 }))).toEqual([]);
      expect(broken(unlisted({ shouldAttend: 4, present: 5, yes: 4 }))).toEqual(['present_exceeds_should@resolutions.0.present']);
    });

    it('with attendees listed, expects no more than the voters among them, nor more present than came', () => {
      // Four full members listed (f4 excused); the probationary member and the secretary's account do not vote.
      expect(broken(withVote({ shouldAttend: 5, present: 3, yes: 3 }))).toEqual(['should_exceeds_voters@resolutions.0.shouldAttend']);
      expect(checkMeeting(withVote({ shouldAttend: 5 }), context())[0]!.params).toEqual({ title: '接收预备党员', shouldAttend: 5, voters: 4 });
      expect(broken(withVote({ shouldAttend: 4, present: 4, yes: 4 }))).toEqual(['present_exceeds_voters_present@resolutions.0.present']);
      const leftOut = { ...held, attendees: held.attendees.map((a) => (a.personId === 'f4' ? { personId: 'f4', status: 'absent' as const, leftOut: 'abroad' as const } : a)) };
      expect(broken(withVote({ shouldAttend: 3, present: 3, yes: 2 }, leftOut))).toEqual([]);
      expect(broken(withVote({ shouldAttend: 4, present: 3, yes: 3 }, leftOut))).toEqual(['should_exceeds_voters@resolutions.0.shouldAttend']);
    });

    it('refuses "passed" without a quorum, exactly half present included', () => {
      const meeting = { ...held, attendees: [] };
      expect(broken(withVote({ shouldAttend: 10, present: 5, yes: 5, passed: true }, meeting))).toEqual(['passed_without_quorum@resolutions.0.passed']);
      expect(broken(withVote({ shouldAttend: 10, present: 5, yes: 5, passed: false }, meeting))).toEqual([]);
      expect(broken(withVote({ shouldAttend: 10, present: 0, yes: 0, passed: true }, meeting))).toEqual(['passed_without_quorum@resolutions.0.passed']);
      expect(broken(withVote({ shouldAttend: 10, present: 6, yes: 6, passed: true }, meeting))).toEqual([]);
    });

    it('refuses "passed" with yes from half of those who should attend or fewer, even with most of those present', () => {
      const meeting = { ...held, attendees: [] };
      expect(broken(withVote({ shouldAttend: 10, present: 8, yes: 5, no: 3, passed: true }, meeting))).toEqual(['passed_without_majority@resolutions.0.passed']);
      expect(checkMeeting(withVote({ shouldAttend: 10, present: 8, yes: 5, passed: true }, meeting), context())[0]!.params)
        .toEqual({ title: '接收预备党员', yes: 5, shouldAttend: 10 });
      expect(broken(withVote({ shouldAttend: 10, present: 8, yes: 6, no: 2, passed: true }, meeting))).toEqual([]);
      expect(broken(withVote({ shouldAttend: 10, present: 8, yes: 5, no: 3, passed: false }, meeting))).toEqual([]);
    });

    it('refuses "not passed" when the votes carried it', () => {
      const meeting = { ...held, attendees: [] };
      expect(broken(withVote({ shouldAttend: 10, present: 6, yes: 6, passed: false }, meeting))).toEqual(['carried_not_passed@resolutions.0.passed']);
      expect(broken(withVote({ shouldAttend: 1, present: 1, yes: 1, passed: false }, meeting))).toEqual(['carried_not_passed@resolutions.0.passed']);
      expect(broken(withVote({ shouldAttend: 1, present: 1, yes: 0, no: 1, passed: false }, meeting))).toEqual([]);
    });

    it('judges the outcome only on counts that add up, and each resolution on its own', () => {
      const meeting = { ...held, attendees: [] };
      expect(broken(withVote({ shouldAttend: 10, present: 3, yes: 6, passed: false }, meeting))).toEqual(['votes_exceed_present@resolutions.0.yes']);
      const two = { ...meeting, resolutions: [{ ...resolution, shouldAttend: 4, present: 4, yes: 3 }, { ...resolution, title: '第二项', shouldAttend: 4, present: 4, yes: 2 }] };
      expect(broken(two)).toEqual(['passed_without_majority@resolutions.1.passed']);
    });
  });

  it('names every problem at once', () => {
    const messy: MeetingUpdate = {
      ...held, heldOn: '2026-04-01', lecturerId: 'f1', lecturerName: '王老师',
      attendees: [{ personId: 'x1', status: 'excused' }, { personId: 'x1', status: 'present' }], resolutions: [{ ...resolution, shouldAttend: 2, present: 3 }],
    };
    expect(broken(messy)).toEqual([
      'held_on_future@heldOn', 'lecturer_twice@lecturerName',
      'not_on_roster@attendees.0.personId', 'excused_reason@attendees.0.reason',
      'not_on_roster@attendees.1.personId', 'attendee_twice@attendees.1.personId',
      'present_exceeds_should@resolutions.0.present', 'should_exceeds_voters@resolutions.0.shouldAttend', 'present_exceeds_voters_present@resolutions.0.present',
    ]);
  });
});
