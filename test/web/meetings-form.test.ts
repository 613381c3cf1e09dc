import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { bodyOf, createBodyOf, preselected, valuesOf, voteCounts, type AttendeeValue, type MeetingValues } from '../../web/src/components/meetings/formValues.js';
import { filtersFromParams, filtersToQuery } from '../../web/src/components/meetings/filters.js';
import { today } from '../../web/src/forms.js';
import type { MeetingDetail, RosterPerson } from '../../web/src/contracts.js';

/** The meeting form's mapping between what the user sees and what the server takes (web/src/components/meetings). */
describe('meeting form values', () => {
  const roster: RosterPerson[] = [
    { id: 's', name: '书记', category: 'full', votes: true, post: '党支部书记' },
    { id: 'c', name: '委员', category: 'full', votes: true, post: '支部委员（组织委员）' },
    { id: 'f', name: '党员', category: 'full', votes: true },
    { id: 'p', name: '预备党员', category: 'probationary', votes: false },
    { id: 'a', name: '积极分子', category: 'activist', votes: false },
    { id: 'h', name: '驻村干部', category: null, votes: false, post: '第一书记' },
  ];
  const ids = (list: AttendeeValue[]) => list.map((a) => a.personId);

  it('expects the office holders at a committee meeting, and members and office holders otherwise, all present', () => {
    expect(ids(preselected(roster, 'committee_meeting'))).toEqual(['s', 'c', 'h']);
    for (const kind of ['members_meeting', 'theme_day', 'party_lecture'] as const) expect(ids(preselected(roster, kind))).toEqual(['s', 'c', 'f', 'p', 'h']);
    expect(preselected(roster, 'members_meeting').every((a) => a.status === 'present')).toBe(true);
    // A roster that names no office (an older server, a group) falls back to everyone who takes part.
    expect(ids(preselected(roster.map(({ post: _post, ...p }) => p), 'committee_meeting'))).toEqual(['s', 'c', 'f', 'p', 'h']);
  });

  it('counts for a vote only the voters not left out, and of them those present', () => {
    const list: AttendeeValue[] = [
      { personId: 's', name: '', votes: true, status: 'present' },
      { personId: 'c', name: '', votes: true, status: 'excused', reason: '外出' },
      { personId: 'f', name: '', votes: true, status: 'absent', leftOut: 'bedridden' },
      { personId: 'p', name: '', votes: false, status: 'present' },
      { personId: 'x', name: '', votes: true, status: 'absent' },
    ];
    expect(voteCounts(list)).toEqual({ shouldAttend: 3, present: 1 });
    expect(voteCounts([])).toEqual({ shouldAttend: 0, present: 0 });
  });

  const held: MeetingValues = {
    orgCode: '530522101201', kind: 'committee_meeting', status: 'held', heldOn: dayjs('2026-11-20'), plannedOn: dayjs('2026-11-30'),
    startsAt: dayjs('2026-11-20T09:05:00'), place: '  活动室 ', topic: ' 研究发展对象 ', agenda: '   ', hostId: 's', recorderId: 'c',
    lecturerId: 'h', lecturerName: '外请老师', minutes: '记录',
    attendees: [
      { personId: 's', name: '书记', votes: true, status: 'present', reason: '残留', leftOut: 'abroad' },
      { personId: 'c', name: '委员', votes: true, status: 'excused', reason: ' 外出务工 ' },
    ],
    resolutions: [{ title: ' 同意 ', shouldAttend: 2, present: 1, yes: 1, no: null, abstain: undefined, passed: undefined }],
  };

  it('sends a held meeting with its attendance and votes, trimmed, and nothing the kind does not take', () => {
    expect(createBodyOf(held)).toEqual({
      orgCode: '530522101201', kind: 'committee_meeting', status: 'held', heldOn: '2026-11-20', plannedOn: undefined, startsAt: '09:05',
      place: '活动室', topic: '研究发展对象', agenda: undefined, hostId: 's', recorderId: 'c', lecturerId: undefined, lecturerName: undefined,
      minutes: '记录',
      attendees: [
        { personId: 's', status: 'present', reason: undefined, leftOut: 'abroad' },
        { personId: 'c', status: 'excused', reason: '外出务工', leftOut: undefined },
      ],
      resolutions: [{ title: '同意', shouldAttend: 2, present: 1, yes: 1, no: 0, abstain: 0, passed: false }],
    });
    const study = bodyOf({ ...held, kind: 'friday_study' });
    expect(study).toMatchObject({ lecturerId: 'h', lecturerName: '外请老师', resolutions: [] });
    expect(study.attendees?.map((a) => a.leftOut)).toEqual([undefined, undefined]);
  });

  it('keeps the day a held meeting had been planned for, and only that', () => {
    expect(bodyOf(held, '2026-11-18').plannedOn).toBe('2026-11-18');
    expect(bodyOf(held, null).plannedOn).toBeUndefined();
    expect(bodyOf({ ...held, status: 'planned' }, '2026-11-18').plannedOn).toBe('2026-11-30');
  });

  it('sends a planned meeting with its day and none of what only a held one has', () => {
    expect(bodyOf({ ...held, status: 'planned' })).toMatchObject({
      status: 'planned', plannedOn: '2026-11-30', heldOn: undefined, minutes: undefined, attendees: [], resolutions: [],
    });
  });

  it('edits a record as it was, the voters from the roster', () => {
    const detail: MeetingDetail = {
      id: 'm', org: { code: '530522101201', name: '凤头村党支部' }, kind: 'committee_meeting', status: 'held', plannedOn: null, heldOn: '2026-11-20',
      startsAt: '19:30', place: null, topic: '研究', present: 1, expected: 2, agenda: null, host: { id: 's', name: '书记' }, recorder: null,
      lecturer: null, lecturerName: null, minutes: null, cancelReason: null,
      attendees: [
        { person: { id: 's', name: '书记' }, status: 'present', reason: null, leftOut: null },
        { person: { id: 'gone', name: '已转出' }, status: 'excused', reason: '外出', leftOut: null },
      ],
      resolutions: [{ id: 'r', title: '同意', shouldAttend: 1, present: 1, yes: 1, no: 0, abstain: 0, passed: true }],
      attachments: [],
      can: { edit: { allowed: true } },
    };
    const values = valuesOf(detail, roster);
    expect(values.attendees).toEqual([
      { personId: 's', name: '书记', votes: true, status: 'present', reason: undefined, leftOut: undefined },
      { personId: 'gone', name: '已转出', votes: false, status: 'excused', reason: '外出', leftOut: undefined },
    ]);
    expect(values.startsAt?.format('HH:mm')).toBe('19:30');
    const again = bodyOf(values);
    expect(again).toMatchObject({ heldOn: '2026-11-20', startsAt: '19:30', hostId: 's', topic: '研究', place: undefined });
    expect(again.resolutions).toEqual([{ title: '同意', shouldAttend: 1, present: 1, yes: 1, no: 0, abstain: 0, passed: true }]);
  });

  it('records a planned meeting as held from its day, unless that day is still ahead', () => {
    const planned = (plannedOn: string): MeetingDetail => ({
      id: 'm', org: { code: 'x', name: 'x' }, kind: 'theme_day', status: 'planned', plannedOn, heldOn: null, startsAt: null, place: null,
      topic: 't', present: 0, expected: 0, agenda: null, host: null, recorder: null, lecturer: null, lecturerName: null, minutes: null,
      cancelReason: null, attendees: [], resolutions: [], attachments: [], can: { edit: { allowed: true } },
    });
    expect(valuesOf(planned('2020-01-06'), []).heldOn?.format('YYYY-MM-DD')).toBe('2020-01-06');
    const ahead = valuesOf(planned('2999-01-01'), []);
    // Today in China, not in the machine's zone: after 16:00 UTC they differ.
    expect(ahead.heldOn?.format('YYYY-MM-DD')).toBe(today().format('YYYY-MM-DD'));
    expect(ahead.plannedOn?.format('YYYY-MM-DD')).toBe('2999-01-01');
  });
});

describe('meeting list filters in the address', () => {
  it('keeps known values and drops unknown kinds and statuses', () => {
    const params = new URLSearchParams('org=530522101&kind=committee_meeting&status=held&from=2026-01-01&to=2026-03-31&page=2');
    expect(filtersFromParams(params)).toEqual({ org: '530522101', kind: 'committee_meeting', status: 'held', from: '2026-01-01', to: '2026-03-31' });
    expect(filtersToQuery(filtersFromParams(params))).toEqual({ org: '530522101', kind: 'committee_meeting', status: 'held', from: '2026-01-01', to: '2026-03-31' });
    expect(filtersFromParams(new URLSearchParams('kind=picnic&status=done&org='))).toEqual({ org: undefined, kind: undefined, status: undefined, from: undefined, to: undefined });
    expect(filtersToQuery({})).toEqual({});
  });
});
