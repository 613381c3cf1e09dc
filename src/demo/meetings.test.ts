import { describe, expect, it } from 'vitest';
import { periodOf } from '../platform/cadence/periods.js';
import { generateCounty } from './generate.js';
import { demoMeetings } from './meetings.js';

const AS_OF = '2026-06-30';
const demo = generateCounty({ seed: 11, code: '530522', asOf: AS_OF, memberTarget: 1500 });
const year = demoMeetings(demo, AS_OF);
const orgs = new Map(demo.orgs.map((o) => [o.code, o]));

describe('the demo county’s year of meetings', () => {
  it('is the same every time, and never in the future or before an organization existed', () => {
    expect(demoMeetings(demo, AS_OF)).toEqual(year);
    for (const m of year) {
      expect(m.heldOn <= AS_OF, m.heldOn).toBe(true);
      expect(m.heldOn >= orgs.get(m.orgCode)!.establishedOn, m.orgCode).toBe(true);
    }
  });

  it('leaves some branches behind and most on time, month by month', () => {
    const branches = demo.orgs.filter((o) => o.type === 'branch' || o.type === 'joint_branch');
    const may = periodOf('month', '2026-05-01');
    const held = new Set(year.filter((m) => m.kind === 'committee_meeting' && m.heldOn >= may.start && m.heldOn <= may.end).map((m) => m.orgCode));
    const done = branches.filter((b) => held.has(b.code)).length;
    expect(done / branches.length).toBeGreaterThan(0.7);
    expect(done).toBeLessThan(branches.length);
  });

  it('records members’ meetings with every member expected and resolutions the voting rule passes', () => {
    const members = year.filter((m) => m.kind === 'members_meeting');
    expect(members.length).toBeGreaterThan(100);
    for (const m of members) {
      expect(m.attendees.length, m.orgCode).toBeGreaterThan(0);
      if (!m.resolution) continue;
      const { shouldAttend, present, yes } = m.resolution;
      expect(present * 2 > shouldAttend && yes * 2 > shouldAttend && present <= shouldAttend && yes <= present, m.orgCode).toBe(true);
      expect(present).toBeLessThanOrEqual(m.attendees.filter((a) => a.status === 'present').length);
    }
  });

  it('gives townships their weekly Monday meeting and Friday study, and no branch either', () => {
    const weekly = year.filter((m) => m.kind === 'monday_meeting' || m.kind === 'friday_study');
    expect(weekly.length).toBeGreaterThan(100);
    expect(weekly.every((m) => orgs.get(m.orgCode)!.unitType === 'township' || orgs.get(m.orgCode)!.unitType === 'street')).toBe(true);
  });
});
