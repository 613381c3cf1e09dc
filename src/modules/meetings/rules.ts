/**
 * What a meeting record must satisfy before it is kept (issue 4, "bad input"; rules.md §1): dates
 * that fit its status, people from the organization's roster of the meeting's day, and votes that
 * add up and agree with the outcome the meeting declared. Pure: the service gathers the roster.
 */
import type { Params } from '../../platform/i18n/index.js';
import type { MemberCategory } from '../members/rules/pipeline.js';
import type { MeetingUpdate } from './contracts.js';
import { votingKinds } from './kinds.js';

/** One person the attendee picker offers. Only full members vote (probationary ones take part without a vote). */
export interface RosterEntry {
  id: string;
  name: string;
  category: MemberCategory | null;
  votes: boolean;
  /** The titles of the person's offices in the organization, if any. */
  post?: string;
}

export interface Count {
  shouldAttend: number;
  present: number;
  yes: number;
}

/**
 * rules.md §1: a members' meeting needs more than half of the voting members present; a committee
 * meeting more than half of its members. The same rule serves both.
 */
export const quorumMet = (c: Count): boolean => c.present * 2 > c.shouldAttend;

/** Carried: a quorum, and yes from more than half of those who should attend (not merely of those present). */
export const carried = (c: Count): boolean => quorumMet(c) && c.yes * 2 > c.shouldAttend;

export const meetingRules = [
  'held_on_required', 'held_on_future', 'held_on_not_held', 'planned_on_required', 'org_not_existing', 'not_held',
  'resolutions_kind', 'lecturer_twice', 'not_on_roster', 'attendee_twice', 'excused_reason', 'reason_not_excused',
  'left_out_not_voter', 'votes_exceed_present', 'present_exceeds_should', 'should_exceeds_voters',
  'present_exceeds_voters_present', 'passed_without_quorum', 'passed_without_majority', 'carried_not_passed',
] as const;
export type MeetingRule = (typeof meetingRules)[number];

export interface MeetingProblem {
  rule: MeetingRule;
  /** The request field to correct, under `body.` ('heldOn', 'attendees.2.reason', 'resolutions.0.passed' …). */
  field: string;
  /** Names, dates and counts as they are; a meeting kind as its code under `kind`. */
  params: Params;
}

export interface MeetingContext {
  /** China's date today. */
  today: string;
  org: { name: string; establishedOn: string; dissolvedOn: string | null };
  /** The organization's roster on the meeting's day, by person id. */
  roster: ReadonlyMap<string, RosterEntry>;
  /** Names of the other people the record mentions, where the user may read them; an id stands for anyone else. */
  names: ReadonlyMap<string, string>;
}

/** The day the meeting is dated: held on, or planned for. */
export function meetingDay(input: Pick<MeetingUpdate, 'status' | 'heldOn' | 'plannedOn'>): string | undefined {
  return input.status === 'held' ? input.heldOn : input.plannedOn;
}

/** Every problem of a meeting record; `[]` when it may be kept. */
export function checkMeeting(input: MeetingUpdate, ctx: MeetingContext): MeetingProblem[] {
  const found: MeetingProblem[] = [];
  const add = (rule: MeetingRule, field: string, params: Params = {}) => found.push({ rule, field, params });
  const nameOf = (id: string) => ctx.roster.get(id)?.name ?? ctx.names.get(id) ?? id;
  const held = input.status === 'held';

  if (held && !input.heldOn) add('held_on_required', 'heldOn');
  if (input.heldOn && input.heldOn > ctx.today) add('held_on_future', 'heldOn', { date: input.heldOn, today: ctx.today });
  if (!held && input.heldOn) add('held_on_not_held', 'heldOn');
  if (!held && !input.plannedOn) add('planned_on_required', 'plannedOn');
  const day = meetingDay(input);
  if (day && (day < ctx.org.establishedOn || (ctx.org.dissolvedOn !== null && day >= ctx.org.dissolvedOn))) {
    add('org_not_existing', held ? 'heldOn' : 'plannedOn', { org: ctx.org.name, date: day });
  }
  if (!held) {
    // What happened at a meeting is recorded once it has been held.
    if (input.attendees.length > 0) add('not_held', 'attendees');
    if (input.minutes) add('not_held', 'minutes');
    if (input.resolutions.length > 0) add('not_held', 'resolutions');
  }
  if (input.resolutions.length > 0 && !votingKinds.has(input.kind)) {
    add('resolutions_kind', 'resolutions', { kind: input.kind });
  }
  if (input.lecturerId && input.lecturerName) add('lecturer_twice', 'lecturerName');
  for (const field of ['hostId', 'recorderId', 'lecturerId'] as const) {
    const id = input[field];
    if (id && !ctx.roster.has(id)) add('not_on_roster', field, { name: nameOf(id), org: ctx.org.name });
  }
  found.push(...attendeeProblems(input, ctx, nameOf));
  if (held) found.push(...resolutionProblems(input, ctx));
  return found;
}

function attendeeProblems(input: MeetingUpdate, ctx: MeetingContext, nameOf: (id: string) => string): MeetingProblem[] {
  const found: MeetingProblem[] = [];
  const seen = new Set<string>();
  input.attendees.forEach((a, i) => {
    const at = `attendees.${i}`;
    const name = nameOf(a.personId);
    const entry = ctx.roster.get(a.personId);
    if (!entry) found.push({ rule: 'not_on_roster', field: `${at}.personId`, params: { name, org: ctx.org.name } });
    if (seen.has(a.personId)) found.push({ rule: 'attendee_twice', field: `${at}.personId`, params: { name } });
    seen.add(a.personId);
    if (a.status === 'excused' && !a.reason) found.push({ rule: 'excused_reason', field: `${at}.reason`, params: { name } });
    if (a.status !== 'excused' && a.reason) found.push({ rule: 'reason_not_excused', field: `${at}.reason`, params: { name } });
    // Leaving out of "should attend" (rules.md §1.2) concerns votes, and only those who have one.
    if (a.leftOut && (!votingKinds.has(input.kind) || (entry && !entry.votes))) {
      found.push({ rule: 'left_out_not_voter', field: `${at}.leftOut`, params: { name } });
    }
  });
  return found;
}

function resolutionProblems(input: MeetingUpdate, ctx: MeetingContext): MeetingProblem[] {
  const found: MeetingProblem[] = [];
  // With attendees listed, they bound the count: the full members not left out, and those of them present.
  const listed = input.attendees.length > 0;
  const voters = input.attendees.filter((a) => ctx.roster.get(a.personId)?.votes && !a.leftOut);
  const votersPresent = voters.filter((a) => a.status === 'present').length;
  input.resolutions.forEach((r, i) => {
    const add = (rule: MeetingRule, field: string, params: Params) => found.push({ rule, field: `resolutions.${i}.${field}`, params: { title: r.title, ...params } });
    const votes = r.yes + r.no + r.abstain;
    const consistent = votes <= r.present && r.present <= r.shouldAttend;
    if (votes > r.present) add('votes_exceed_present', 'yes', { votes, present: r.present });
    if (r.present > r.shouldAttend) add('present_exceeds_should', 'present', { present: r.present, shouldAttend: r.shouldAttend });
    if (listed && r.shouldAttend > voters.length) add('should_exceeds_voters', 'shouldAttend', { shouldAttend: r.shouldAttend, voters: voters.length });
    if (listed && r.present > votersPresent) add('present_exceeds_voters_present', 'present', { present: r.present, votersPresent });
    // The outcome is judged only on counts that add up; otherwise the counts are what to correct.
    if (!consistent) return;
    if (r.passed && !quorumMet(r)) add('passed_without_quorum', 'passed', { present: r.present, shouldAttend: r.shouldAttend });
    else if (r.passed && !carried(r)) add('passed_without_majority', 'passed', { yes: r.yes, shouldAttend: r.shouldAttend });
    else if (!r.passed && carried(r)) add('carried_not_passed', 'passed', { yes: r.yes, present: r.present, shouldAttend: r.shouldAttend });
  });
  return found;
}
