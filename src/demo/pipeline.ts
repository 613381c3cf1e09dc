/**
 * Stage dates on the path to membership that obey rules.md §2.2: application at 18 or later, an
 * activist a few months after applying, a development target at least a year after becoming an
 * activist, admission a few months later, full membership when probation (one year, plus any
 * extension) ends. Dates are walked back from the latest stage reached, by typical gaps.
 */
import { fullYears } from '../platform/dates.js';
import { probationEnds, type MemberCategory } from '../modules/members/rules/pipeline.js';
import { Random, addDays, addYears, fromDayNumber, maxDate, toDayNumber } from './random.js';

export interface StageDates {
  /** The stage reached on the last of the dates. */
  category: MemberCategory;
  appliedOn: string;
  activistOn: string | null;
  targetOn: string | null;
  /** Admitted as probationary member. */
  joinedOn: string | null;
  fullOn: string | null;
  /** Probation extended once, by 6 to 12 months. */
  probationExtensionMonths: number | null;
}

type Band = readonly [number, number];

/** 党章 Art. 1: an applicant is at least 18 (the age rules/pipeline.ts checks). */
const MIN_AGE = 18;

// Gaps are counted in days, so a whole county's dates cost a few integer sums each.
/** Days from application to activist: the talk within a month, then selection within a few months. */
const APPLIED_TO_ACTIVIST: Band = [30, 240];
/** Days from activist to development target: at least a year of observation (a year is ≤ 366 days). */
const ACTIVIST_TO_TARGET: Band = [366, 730];
/** Days from development target to admission: review, training, the approving committee's decision. */
const TARGET_TO_JOINED: Band = [60, 300];

const EARLIEST_AFTER_18: Record<'applied' | 'activist' | 'target' | 'joined', number> = {
  applied: 0,
  activist: APPLIED_TO_ACTIVIST[0],
  target: APPLIED_TO_ACTIVIST[0] + ACTIVIST_TO_TARGET[0],
  joined: APPLIED_TO_ACTIVIST[0] + ACTIVIST_TO_TARGET[0] + TARGET_TO_JOINED[0],
};

/**
 * The first day the registry's rules count the person as 18: someone born on 29 February turns 18
 * on 1 March of a common year (rules/dates.ts fullYears), a day after the same date 18 years on.
 */
function day18(birthDate: string): number {
  const sameDate = addYears(birthDate, MIN_AGE);
  return toDayNumber(sameDate) + (fullYears(birthDate, sameDate) < MIN_AGE ? 1 : 0);
}

/** The earliest day a person born on `birthDate` can reach a stage by the shortest gaps above. */
export function earliestOn(stage: keyof typeof EARLIEST_AFTER_18, birthDate: string): string {
  return fromDayNumber(day18(birthDate) + EARLIEST_AFTER_18[stage]);
}

function gap(rng: Random, band: Band): number {
  return rng.int(band[0], band[1]);
}

/**
 * The dates of every stage up to `stage`, which was reached on `on` (no earlier than
 * earliestOn(stage)). Gaps that would put the application before the 18th birthday are
 * shortened to the minimum, so the young still obey every rule.
 */
function stagesReaching(rng: Random, birthDate: string, stage: 'activist' | 'target' | 'joined', on: string) {
  const last = toDayNumber(on);
  const earliest = day18(birthDate);
  if (last < earliest + EARLIEST_AFTER_18[stage]) {
    throw new RangeError(`${stage} on ${on} is too early for a person born ${birthDate}`);
  }
  let target = stage === 'target' ? last : stage === 'joined' ? last - gap(rng, TARGET_TO_JOINED) : null;
  let activist = target === null ? last : target - gap(rng, ACTIVIST_TO_TARGET);
  const applied = Math.max(activist - gap(rng, APPLIED_TO_ACTIVIST), earliest);
  activist = Math.max(activist, applied + APPLIED_TO_ACTIVIST[0]);
  if (target !== null) target = Math.max(target, activist + ACTIVIST_TO_TARGET[0]);
  return {
    appliedOn: fromDayNumber(applied),
    activistOn: fromDayNumber(activist),
    targetOn: target === null ? null : fromDayNumber(target),
  };
}

/**
 * A member's stage dates given the admission date: full on the day probation ends if that is on or
 * before asOf, otherwise still probationary.
 */
export function memberStages(
  rng: Random,
  birthDate: string,
  joinedOn: string,
  extensionMonths: number | null,
  asOf: string,
): StageDates {
  const ends = probationEnds(joinedOn, extensionMonths);
  const fullOn = ends <= asOf ? ends : null;
  const { appliedOn, activistOn, targetOn } = stagesReaching(rng, birthDate, 'joined', joinedOn);
  const category = fullOn === null ? 'probationary' : 'full';
  return { category, appliedOn, activistOn, targetOn, joinedOn, fullOn, probationExtensionMonths: extensionMonths };
}

/**
 * Stage dates of a person still on the path: applicants who applied within the last eleven months
 * (some only days ago), activists of up to two years (about half with their year complete), and
 * development targets named within the last ten months.
 */
export function pipelineStages(
  rng: Random,
  stage: 'applicant' | 'activist' | 'development_target',
  birthDate: string,
  asOf: string,
): StageDates {
  const pending = { category: stage, joinedOn: null, fullOn: null, probationExtensionMonths: null };
  if (stage === 'applicant') {
    const appliedOn = rng.date(maxDate(earliestOn('applied', birthDate), addDays(asOf, -330)), asOf);
    return { ...pending, appliedOn, activistOn: null, targetOn: null };
  }
  const reached = stage === 'activist' ? 'activist' : 'target';
  const from = stage === 'activist' ? addYears(asOf, -2) : addDays(asOf, -300);
  const on = rng.date(maxDate(earliestOn(reached, birthDate), from), addDays(asOf, -7));
  const { appliedOn, activistOn, targetOn } = stagesReaching(rng, birthDate, reached, on);
  return { ...pending, appliedOn, activistOn, targetOn };
}
