/**
 * The past year of a demo county, written over members who hold no post once everyone exists:
 * one or two probationary members whose probation was extended, a few transfers between villages
 * of the county, and a few deaths, so that statistics as of a past date differ from today's.
 */
import { addMonths, fullYears } from '../platform/dates.js';
import type { DemoMembership, DemoPerson } from './generate.js';
import { address, type Home, type Workplace } from './life.js';
import { earliestOn, memberStages } from './pipeline.js';
import { Random, addDays, addYears, maxDate } from './random.js';

/** A branch that members can be transferred into. */
export interface Branch {
  orgCode: string;
  workplace: Workplace;
  homes: Home[];
}

/** Village codes are 12 digits; a general branch's branches add two more. */
const VILLAGE_CODE_LENGTH = 12;
const TOWNSHIP_CODE_LENGTH = 9;

export function addHistory(rng: Random, ordinary: DemoPerson[], branches: Branch[], asOf: string, memberTarget: number): void {
  const touched = new Set<DemoPerson>();
  // Random draws rather than a shuffle: a province county has 50,000 members and needs ~100 of them.
  const take = (count: number, eligible: (p: DemoPerson, m: DemoMembership) => boolean, apply: (p: DemoPerson, m: DemoMembership) => boolean) => {
    let done = 0;
    for (let tries = 0; done < count && tries < ordinary.length * 4; tries++) {
      const p = ordinary[rng.int(0, ordinary.length - 1)] as DemoPerson;
      const m = p.membership;
      if (m === null || touched.has(p) || !eligible(p, m) || !apply(p, m)) continue;
      touched.add(p);
      done++;
    }
  };
  const yearAgo = addDays(addYears(asOf, -1), 1);
  const yesterday = addDays(asOf, -1);
  // After the last stage date, so that the relation that ends had already reached today's stage.
  const dayWithin = (m: DemoMembership): string | null => {
    const from = maxDate(yearAgo, addDays(m.fullOn ?? m.joinedOn ?? m.targetOn ?? m.activistOn ?? m.appliedOn, 1));
    return from > yesterday ? null : rng.date(from, yesterday);
  };

  take(Math.max(1, Math.round(memberTarget / 2500)), (_, m) => m.category === 'probationary', (p, m) => extendProbation(rng, p, m, asOf));

  const local = branches.filter((b) => b.workplace === 'village' || b.workplace === 'community');
  const localCodes = new Set(local.map((b) => b.orgCode));
  take(
    Math.max(2, Math.round(memberTarget * 0.002)),
    (p, m) => !m.mobile && !m.outOfContact && localCodes.has(p.orgCode),
    (p, m) => {
      const on = dayWithin(m);
      if (on === null) return false;
      const village = p.orgCode.slice(0, VILLAGE_CODE_LENGTH);
      const others = local.filter((b) => !b.orgCode.startsWith(village));
      const nearby = others.filter((b) => b.orgCode.startsWith(p.orgCode.slice(0, TOWNSHIP_CODE_LENGTH)));
      const to = rng.pick(nearby.length > 0 && rng.chance(0.6) ? nearby : others);
      p.endedMemberships.push({ ...m, orgCode: p.orgCode, endedOn: on, endReason: 'transferred' });
      p.membership = { ...m, startedOn: on };
      p.orgCode = to.orgCode;
      p.address = address(rng, rng.pick(to.homes));
      return true;
    },
  );

  take(
    Math.max(2, Math.round(memberTarget / 1500)),
    (p, m) => m.category === 'full' && fullYears(p.birthDate, asOf) >= 75,
    (p, m) => {
      const on = dayWithin(m);
      if (on === null) return false;
      p.endedMemberships.push({ ...m, orgCode: p.orgCode, endedOn: on, endReason: 'died' });
      p.membership = null;
      return true;
    },
  );
}

/**
 * Moves a probationary member's admission back so that the first year has passed and an extension
 * of 6–12 months is running now; false when the person would have been too young then.
 */
function extendProbation(rng: Random, p: DemoPerson, m: DemoMembership, asOf: string): boolean {
  const months = rng.int(6, 12);
  // A day ≤ 28 makes "a year and N months" one date however months are counted.
  const month = addMonths(asOf, -(12 + rng.int(1, months - 1)));
  const joinedOn = `${month.slice(0, 8)}${String(rng.int(1, 28)).padStart(2, '0')}`;
  if (joinedOn < earliestOn('joined', p.birthDate) || (m.mobileSince !== null && m.mobileSince < joinedOn)) return false;
  const stages = memberStages(rng, p.birthDate, joinedOn, months, asOf);
  if (stages.category !== 'probationary') throw new Error(`extended probation of ${p.key} has already ended`);
  Object.assign(m, stages);
  return true;
}
