/**
 * The records a county's year leaves beside the memberships: the admission steps of everyone on the
 * path to membership (the ones their stage dates imply, each on a plausible day between them), the
 * transfer record of every member who moved, and two transfers still waiting to be received, so
 * that the timelines, the transfers page and the to-do lists have something to show. Derived
 * without randomness from the generated people, so the generator's output stays as it was.
 */
import type { StepCode, StepDetail } from '../modules/members/admission/steps.js';
import { letterNumber } from '../modules/members/transfers/rules.js';
import { addMonths } from '../platform/dates.js';
import type { DemoCounty, DemoOrg, DemoPerson } from './generate.js';
import { addDays, fromDayNumber, minDate, toDayNumber } from './random.js';

export interface DemoStep {
  personKey: string;
  step: StepCode;
  doneOn: string;
  /** The township committee, for its decisions. */
  approvingOrgCode: string | null;
  approver: string | null;
  detail: StepDetail | null;
}

export interface DemoTransfer {
  personKey: string;
  fromOrgCode: string;
  toOrgCode: string;
  state: 'sent' | 'received';
  sentOn: string;
  /** The day the sending relation ended, for a received transfer. */
  decidedOn: string | null;
  letterNo: string;
}

/** Days after the application that the branch talks with the applicant (within the month the rules allow). */
const TALK_AFTER = 14;
/** Days after the branch's resolution that the township committee approves (within its three months). */
const APPROVAL_AFTER = 20;
const OATH_AFTER_APPROVAL = 10;
/** Where the steps of a development target fall between the decision and the branch meeting. */
const TARGET_STEPS: [StepCode, number][] = [['sponsors', 0.1], ['political_review', 0.3], ['training', 0.5], ['pre_review', 0.8]];
/** For a development target still waiting, days after the decision. */
const TARGET_STEP_DAYS = [7, 21, 35, 50];
const PENDING_TRANSFERS = 2;

export function demoRecords(demo: DemoCounty, asOf: string): { steps: DemoStep[]; transfers: DemoTransfer[] } {
  const orgs = new Map(demo.orgs.map((o) => [o.code, o]));
  const committeeOf = (code: string): DemoOrg | undefined => {
    for (let o = orgs.get(code)?.parentCode ? orgs.get(orgs.get(code)!.parentCode!) : undefined; o; o = o.parentCode ? orgs.get(o.parentCode) : undefined) {
      if (o.type === 'committee') return o;
    }
    return undefined;
  };
  const fullMembers = new Map<string, string[]>();
  for (const p of demo.people) {
    if (p.membership?.category === 'full') fullMembers.set(p.orgCode, [...(fullMembers.get(p.orgCode) ?? []), p.name]);
  }
  const steps = demo.people.flatMap((p) => stepsOf(p, asOf, committeeOf(p.orgCode), fullMembers.get(p.orgCode) ?? []));
  return { steps, transfers: transfersOf(demo, asOf) };
}

function stepsOf(p: DemoPerson, asOf: string, committee: DemoOrg | undefined, fullMembers: string[]): DemoStep[] {
  const m = p.membership;
  if (!m || m.category === 'full') return [];
  const found: DemoStep[] = [];
  const add = (step: StepCode, doneOn: string | null, extra: Partial<DemoStep> = {}) => {
    if (doneOn && doneOn <= asOf) found.push({ personKey: p.key, step, doneOn, approvingOrgCode: null, approver: null, detail: null, ...extra });
  };
  const byCommittee = { approvingOrgCode: committee?.code ?? null, approver: committee?.name ?? null };
  const names = fullMembers.filter((n) => n !== p.name).slice(0, 2);
  add('application', m.appliedOn);
  add('talk', minDate(addDays(m.appliedOn, TALK_AFTER), m.activistOn ?? asOf));
  add('activist', m.activistOn);
  if (names.length > 0) add('mentors', m.activistOn, { detail: { mentors: names } });
  add('development_target', m.targetOn);
  if (m.targetOn) {
    const end = m.joinedOn;
    TARGET_STEPS.forEach(([step, share], i) => {
      const day = end
        ? fromDayNumber(toDayNumber(m.targetOn!) + Math.floor((toDayNumber(end) - toDayNumber(m.targetOn!)) * share))
        : addDays(m.targetOn!, TARGET_STEP_DAYS[i]!);
      add(step, day, step === 'sponsors' && names.length === 2 ? { detail: { sponsors: names } } : step === 'training' ? { detail: { days: 3 } } : {});
    });
  }
  // A branch meeting with all but one of those who should attend, every one in favour.
  const shouldAttend = Math.max(3, fullMembers.length);
  const votes = { shouldAttend, present: shouldAttend - 1, yes: shouldAttend - 1 };
  if (m.joinedOn) {
    add('branch_admission', m.joinedOn, { detail: votes });
    const approved = minDate(addDays(m.joinedOn, APPROVAL_AFTER), asOf);
    add('admission_approval', approved, byCommittee);
    add('oath', minDate(addDays(approved, OATH_AFTER_APPROVAL), asOf));
  }
  if (m.joinedOn && m.probationExtensionMonths) {
    const yearOn = addMonths(m.joinedOn, 12);
    add('full_application', addDays(yearOn, -14));
    add('branch_full', yearOn, { detail: votes });
    add('extension', addDays(yearOn, 7), { ...byCommittee, detail: { months: m.probationExtensionMonths } });
  }
  return found;
}

function transfersOf(demo: DemoCounty, asOf: string): DemoTransfer[] {
  const moves: Omit<DemoTransfer, 'letterNo'>[] = [];
  for (const p of demo.people) {
    p.endedMemberships.forEach((ended, i) => {
      if (ended.endReason !== 'transferred') return;
      const next = p.endedMemberships[i + 1]?.orgCode ?? p.orgCode;
      moves.push({ personKey: p.key, fromOrgCode: ended.orgCode, toOrgCode: next, state: 'received', sentOn: addDays(ended.endedOn, -5), decidedOn: ended.endedOn });
    });
  }
  // Two members of ordinary village branches on their way to the next village, not yet received.
  const holders = new Set(demo.posts.map((post) => post.personKey));
  const villages = demo.orgs.filter((o) => o.type === 'branch' && o.unitType === 'village').map((o) => o.code);
  const waiting = demo.people.filter((p) => p.membership?.category === 'full' && !p.membership.mobile && !holders.has(p.key)
    && p.endedMemberships.length === 0 && villages.includes(p.orgCode));
  for (const p of waiting.slice(0, PENDING_TRANSFERS)) {
    const to = villages[(villages.indexOf(p.orgCode) + 1) % villages.length]!;
    moves.push({ personKey: p.key, fromOrgCode: p.orgCode, toOrgCode: to, state: 'sent', sentOn: addDays(asOf, -3), decidedOn: null });
  }
  // Letters are numbered per year in the order they were sent.
  moves.sort((a, b) => a.sentOn.localeCompare(b.sentOn) || a.personKey.localeCompare(b.personKey));
  const issued = new Map<number, number>();
  return moves.map((move) => {
    const year = Number(move.sentOn.slice(0, 4));
    issued.set(year, (issued.get(year) ?? 0) + 1);
    return { ...move, letterNo: letterNumber(year, issued.get(year)!) };
  });
}
