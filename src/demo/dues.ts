/**
 * The demo county's dues for the year so far: every member's base and monthly amount (farmers at
 * the national default fixed amount, retirees on their pension, the others on their pay), and a
 * payment for most members most months, some paid by a relative for members working away; a few
 * members stopped paying seven months ago, so the six-months-behind flag has someone to show.
 * Derived from the generated county with its own random stream.
 */
import { ruleMonthlyFen, type DuesKind } from '../modules/dues/rules.js';
import { periodsBetween } from '../platform/cadence/periods.js';
import { addMonths } from '../platform/dates.js';
import type { DemoCounty, DemoPerson } from './generate.js';
import { Random } from './random.js';

/** The national defaults of the dues settings (dues_settings' column defaults). */
const FIXED = { farmerFen: 20, lowIncomeFen: 20 };

export interface DemoDuesBase { personKey: string; orgCode: string; year: number; kind: DuesKind; baseFen: number | null; monthlyFen: number }
export interface DemoDuesPayment { personKey: string; orgCode: string; month: string; amountFen: number; paidOn: string; paidBy: string | null }

function kindOf(p: DemoPerson): DuesKind {
  switch (p.occupation) {
    case 'farmer': return 'farmer';
    case 'retired': return 'retiree';
    case 'student': return 'student';
    default: return 'wage';
  }
}

/** Monthly pay or pension in fen: a county's range, in whole yuan. */
const baseOf = (kind: DuesKind, rng: Random) => (kind === 'retiree' ? rng.int(2200, 6500) : rng.int(2800, 9000)) * 100;

export function demoDues(demo: DemoCounty, asOf: string): { bases: DemoDuesBase[]; payments: DemoDuesPayment[] } {
  const rng = new Random(`dues:${demo.code}:${asOf}`);
  const year = Number(asOf.slice(0, 4));
  const months = periodsBetween('month', `${year}-01-01`, asOf).map((m) => m.key);
  const stoppedAfter = addMonths(asOf, -7).slice(0, 7);
  const bases: DemoDuesBase[] = [];
  const payments: DemoDuesPayment[] = [];
  for (const p of demo.people) {
    const m = p.membership;
    if (!m || (m.category !== 'full' && m.category !== 'probationary')) continue;
    const kind = kindOf(p);
    const baseFen = kind === 'farmer' || kind === 'student' ? null : baseOf(kind, rng);
    const monthlyFen = ruleMonthlyFen(kind, baseFen, FIXED)!;
    bases.push({ personKey: p.key, orgCode: p.orgCode, year, kind, baseFen, monthlyFen });
    // Owed from admission: a member admitted this year pays from that month on.
    const from = (m.joinedOn ?? `${year}-01-01`).slice(0, 7);
    const stopped = rng.next() < 0.03;
    const away = m.mobile ? '家属代交' : null;
    for (const month of months) {
      if (month < from || (stopped && month > stoppedAfter) || rng.next() < 0.04) continue;
      // Collected on the branch's theme day early in the month, or in the first days of the next for the current one.
      const paidOn = `${month}-${String(rng.int(3, 12)).padStart(2, '0')}`;
      if (paidOn > asOf) continue;
      payments.push({ personKey: p.key, orgCode: p.orgCode, month, amountFen: monthlyFen, paidOn, paidBy: away });
    }
  }
  return { bases, payments };
}
