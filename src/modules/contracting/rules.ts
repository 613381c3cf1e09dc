/**
 * The rules of village contracting, pure: the visit quota per team leader and period, and what a
 * team or a visit must satisfy before it is kept. The services gather the facts (posts, villages,
 * households) and these decide.
 */
import { periodOf, periodsBetween, type Period } from '../../platform/cadence/periods.js';
import { cellStatus, type CellStatus } from '../../platform/cadence/status.js';
import { daysBetween } from '../../platform/dates.js';
import type { Params } from '../../platform/i18n/index.js';
import type { ContractingSettings, TeamInput, VisitInput } from './contracts.js';

export const SETTINGS_KEY = 'contracting';

/** Seed 000: a township leader visits the contracted villages at least three times a week; the county may change it. */
export const defaultSettings: ContractingSettings = { visitsPerPeriod: 3, period: 'week', memberVisitsCount: false };

/** A village nobody has visited for this many days is flagged on the board. */
export const STALE_DAYS = 30;

export const yearSpan = (year: number) => ({ start: `${year}-01-01`, end: `${year}-12-31` });

/**
 * The quota periods of a team's year from `from` to `to`, cut to the year: a week straddling New
 * Year belongs to the team only for its days in the year. Periods that begin after `today` are left
 * out, since nothing can be said of them yet.
 */
export function quotaPeriods(unit: Period['unit'], year: number, from: string, to: string, today: string): Period[] {
  const span = yearSpan(year);
  const first = from > span.start ? from : span.start;
  const last = [to, span.end, today].sort()[0]!;
  if (first > last) return [];
  return periodsBetween(unit, first, last).map((p) => ({
    ...p,
    start: p.start < span.start ? span.start : p.start,
    end: p.end > span.end ? span.end : p.end,
  }));
}

export interface QuotaCell {
  held: number;
  required: number;
  status: CellStatus;
}

/**
 * Where a leader stands in one period: the quota, reduced in proportion for a period cut short by
 * the year's start or end (rounded up, so a part-week still asks for a visit), against the visits held.
 */
export function quotaCell(period: Period, held: number, settings: ContractingSettings, today: string): QuotaCell {
  const length = (p: Period) => daysBetween(p.start, p.end) + 1;
  const required = Math.ceil((settings.visitsPerPeriod * length(period)) / length(periodOf(period.unit, period.start)));
  return { held, required, status: cellStatus({ period, held, min: required }, today) };
}

/** Visits still wanted in a period (0 once the quota is met). */
export const remaining = (cell: QuotaCell) => Math.max(0, cell.required - cell.held);

/** A village is flagged when it has had no visit, or none for STALE_DAYS days, by `today`. */
export const isStale = (lastVisitedOn: string | null, today: string) => lastVisitedOn === null || daysBetween(lastVisitedOn, today) >= STALE_DAYS;

// What a team and a visit must satisfy.

export interface Problem {
  rule: string;
  /** The request field to correct, under `body.` ('leaderId', 'memberIds.1', 'villageCodes.0' …). */
  field: string;
  params: Params;
}

/** A person the service looked up: their name, and whether their posts qualify them. */
export interface PersonFact {
  name: string;
  eligible: boolean;
}

export interface TeamFacts {
  today: string;
  township: { name: string; establishedOn: string; isTownship: boolean };
  /** People of the county by id; an id missing here does not exist. */
  people: ReadonlyMap<string, { name: string; leads: boolean; serves: boolean }>;
  /** Organizations by code; a code missing here does not exist (or lies outside the user's reach). */
  villages: ReadonlyMap<string, { name: string; inTownship: boolean; isVillage: boolean; otherTeam: string | null }>;
  /** Another team of the township that year already has the name. */
  nameTaken: boolean;
}

export const teamRules = [
  'not_township', 'year_future', 'year_before_org', 'name_taken', 'person_unknown', 'leader_not_committee', 'member_not_cadre',
  'member_is_leader', 'member_twice', 'village_unknown', 'village_outside', 'village_not_village', 'village_twice', 'village_taken',
] as const;

type TeamRecord = Pick<TeamInput, 'year' | 'name' | 'leaderId' | 'memberIds' | 'villageCodes'>;

/**
 * A team: of a township's committee, in a year that has begun or is the next one; led by a member of
 * the committee that year (a post on the township's own organization as its administrator or a
 * cadre); served by cadres of the township (administrator or cadre posts anywhere in it) other than
 * the leader; assigned villages and communities of the township that no other team has that year.
 */
export function checkTeam(team: TeamRecord, facts: TeamFacts): Problem[] {
  const problems: Problem[] = [];
  const add = (rule: (typeof teamRules)[number], field: string, params: Params = {}) => problems.push({ rule, field, params });
  const thisYear = Number(facts.today.slice(0, 4));
  if (!facts.township.isTownship) add('not_township', 'orgCode', { org: facts.township.name });
  if (team.year > thisYear + 1) add('year_future', 'year', { year: team.year, max: thisYear + 1 });
  if (team.year < Number(facts.township.establishedOn.slice(0, 4))) add('year_before_org', 'year', { year: team.year, org: facts.township.name, date: facts.township.establishedOn });
  if (facts.nameTaken) add('name_taken', 'name', { name: team.name, year: team.year });

  const leader = facts.people.get(team.leaderId);
  if (!leader) add('person_unknown', 'leaderId', { id: team.leaderId });
  else if (!leader.leads) add('leader_not_committee', 'leaderId', { name: leader.name, org: facts.township.name, year: team.year });

  team.memberIds.forEach((id, i) => {
    const person = facts.people.get(id);
    const field = `memberIds.${i}`;
    if (!person) add('person_unknown', field, { id });
    else if (id === team.leaderId) add('member_is_leader', field, { name: person.name });
    else if (team.memberIds.indexOf(id) < i) add('member_twice', field, { name: person.name });
    else if (!person.serves) add('member_not_cadre', field, { name: person.name, org: facts.township.name, year: team.year });
  });

  team.villageCodes.forEach((code, i) => {
    const village = facts.villages.get(code);
    const field = `villageCodes.${i}`;
    if (!village) add('village_unknown', field, { code });
    else if (team.villageCodes.indexOf(code) < i) add('village_twice', field, { village: village.name });
    else if (!village.inTownship) add('village_outside', field, { village: village.name, org: facts.township.name });
    else if (!village.isVillage) add('village_not_village', field, { village: village.name });
    else if (village.otherTeam !== null) add('village_taken', field, { village: village.name, team: village.otherTeam, year: team.year });
  });
  return problems;
}

export interface VisitFacts {
  today: string;
  village: { name: string; isVillage: boolean; township: string };
  /** People by id with whether they held a post in the township's committee or the village on the day; missing: no such person. */
  participants: ReadonlyMap<string, PersonFact>;
  /** Households by id with whether they are the village's; missing: no such household. */
  households: ReadonlyMap<string, { headName: string; inVillage: boolean }>;
  /** The team named, if one was: null when there is no such team; `assigned` when it has the village in the visit's year. */
  team?: { name: string; assigned: boolean } | null;
}

export const visitRules = [
  'not_village', 'visited_future', 'participant_unknown', 'participant_no_post', 'participant_twice',
  'household_unknown', 'household_elsewhere', 'household_twice', 'team_unknown', 'team_not_assigned',
] as const;

type VisitRecord = Pick<VisitInput, 'visitedOn' | 'householdIds'> & { participantIds: string[]; teamId?: string | null };

/**
 * A visit: to a village or community, made by then, by people holding a post in the village or on
 * the township's committee that day, meeting households of that village, for a team that has the
 * village that year.
 */
export function checkVisit(visit: VisitRecord, facts: VisitFacts): Problem[] {
  const problems: Problem[] = [];
  const add = (rule: (typeof visitRules)[number], field: string, params: Params = {}) => problems.push({ rule, field, params });
  if (!facts.village.isVillage) add('not_village', 'orgCode', { org: facts.village.name });
  if (visit.visitedOn > facts.today) add('visited_future', 'visitedOn', { date: visit.visitedOn, today: facts.today });

  visit.participantIds.forEach((id, i) => {
    const person = facts.participants.get(id);
    const field = `participantIds.${i}`;
    if (!person) add('participant_unknown', field, { id });
    else if (visit.participantIds.indexOf(id) < i) add('participant_twice', field, { name: person.name });
    else if (!person.eligible) add('participant_no_post', field, { name: person.name, village: facts.village.name, township: facts.village.township, date: visit.visitedOn });
  });

  visit.householdIds.forEach((id, i) => {
    const household = facts.households.get(id);
    const field = `householdIds.${i}`;
    if (!household) add('household_unknown', field, { id });
    else if (visit.householdIds.indexOf(id) < i) add('household_twice', field, { name: household.headName });
    else if (!household.inVillage) add('household_elsewhere', field, { name: household.headName, village: facts.village.name });
  });

  if (facts.team === null) add('team_unknown', 'teamId', { id: visit.teamId ?? '' });
  else if (facts.team && !facts.team.assigned) add('team_not_assigned', 'teamId', { team: facts.team.name, village: facts.village.name, year: visit.visitedOn.slice(0, 4) });
  return problems;
}
