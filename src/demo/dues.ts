/**
 * The demo county's dues for the year so far: every member's base and monthly amount (farmers at
 * the national default fixed amount, retirees on their pension, the others on their pay), and a
 * payment for most members most months, some paid by a relative for members working away; a few
 * members stopped paying seven months ago, so the six-months-behind flag has someone to show.
 * Then what the collections did: remitted up the hierarchy and spent (demoDuesFlows).
 * Derived from the generated county with its own random stream.
 */
import { addMonthsTo, receivingTypes, ruleMonthlyFen, type DuesKind, type UsePurpose } from '../modules/dues/rules.js';
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

export function demoDues(demo: DemoCounty, asOf: string): { bases: DemoDuesBase[]; payments: DemoDuesPayment[]; remittances: DemoDuesRemittance[]; uses: DemoDuesUse[] } {
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
  return { bases, payments, ...demoDuesFlows(demo, asOf, payments) };
}

export interface DemoDuesRemittance { orgCode: string; toOrgCode: string; month: string; amountFen: number; remittedOn: string; note: string | null }
export interface DemoDuesUse { orgCode: string; usedOn: string; amountFen: number; purpose: UsePurpose; description: string }

const useDescriptions: Partial<Record<UsePurpose, string[]>> = {
  training: ['举办党员冬春训培训班', '组织党员赴红色教育基地学习', '入党积极分子培训'],
  materials: ['订阅《云南日报》《支部生活》', '购置党员教育投影设备'],
  commendation: ['表彰优秀共产党员', '表彰先进基层党组织'],
  visits: ['走访慰问老党员、困难党员', '走访慰问生活困难党员'],
  hardship: ['补助因病致困党员'],
  meetings: ['主题党日活动资料', '“三会一课”学习资料复印'],
  printing: ['印制党费证', '印制入党志愿书'],
};
const townshipPurposes: UsePurpose[] = ['training', 'materials', 'commendation', 'visits'];
const branchPurposes: UsePurpose[] = ['meetings', 'visits', 'printing', 'hardship'];

/**
 * What the year's collections did: most branches remit each month in the middle of the next, and
 * the committees above pass on what they received early in the month after; the last month or two
 * before `asOf` wait. Townships and some branches spend a part of what they kept (rules.md §3.3).
 */
export function demoDuesFlows(demo: DemoCounty, asOf: string, payments: DemoDuesPayment[]): { remittances: DemoDuesRemittance[]; uses: DemoDuesUse[] } {
  const rng = new Random(`dues-flows:${demo.code}:${asOf}`);
  const year = Number(asOf.slice(0, 4));
  const months = periodsBetween('month', `${year}-01-01`, asOf).map((m) => m.key);
  const byCode = new Map(demo.orgs.map((o) => [o.code, o]));
  const receiverOf = (code: string) => {
    for (let up = byCode.get(code)?.parentCode; up; up = byCode.get(up)?.parentCode) {
      if ((receivingTypes as readonly string[]).includes(byCode.get(up)!.type)) return up;
    }
    return null;
  };
  const depth = (code: string): number => (byCode.get(code)?.parentCode ? 1 + depth(byCode.get(code)!.parentCode!) : 0);
  const takenIn = new Map<string, number>();
  const add = (org: string, month: string, fen: number) => takenIn.set(`${org}|${month}`, (takenIn.get(`${org}|${month}`) ?? 0) + fen);
  for (const p of payments) add(p.orgCode, p.month, p.amountFen);

  const remittances: DemoDuesRemittance[] = [];
  const collecting = (type: string) => type === 'branch' || type === 'joint_branch';
  // The deepest first, so that a committee passes on what reached it.
  const senders = demo.orgs.filter((o) => o.type !== 'party_group' && o.parentCode).sort((a, b) => depth(b.code) - depth(a.code) || a.code.localeCompare(b.code));
  for (const org of senders) {
    const to = receiverOf(org.code);
    if (!to || (collecting(org.type) && !rng.chance(0.85))) continue;
    for (const month of months) {
      const amountFen = takenIn.get(`${org.code}|${month}`) ?? 0;
      const remittedOn = collecting(org.type)
        ? `${addMonthsTo(month, 1)}-${String(rng.int(15, 25)).padStart(2, '0')}`
        : `${addMonthsTo(month, 2)}-${String(rng.int(5, 10)).padStart(2, '0')}`;
      if (amountFen === 0 || remittedOn > asOf || rng.chance(0.04)) continue;
      remittances.push({ orgCode: org.code, toOrgCode: to, month, amountFen, remittedOn, note: null });
      add(to, month, amountFen);
    }
  }

  // What each organization kept: taken in, less what it passed on.
  const kept = new Map<string, number>();
  for (const [key, fen] of takenIn) kept.set(key.split('|')[0]!, (kept.get(key.split('|')[0]!) ?? 0) + fen);
  for (const r of remittances) kept.set(r.orgCode, kept.get(r.orgCode)! - r.amountFen);
  const uses: DemoDuesUse[] = [];
  for (const org of demo.orgs) {
    const township = org.type === 'committee' && (org.unitType === 'township' || org.unitType === 'street');
    if (!township && !(collecting(org.type) && rng.chance(0.3))) continue;
    const count = township ? rng.int(2, 3) : rng.int(1, 2);
    // Spend at most half of what was kept, in whole yuan of at least 10.
    const each = Math.floor((kept.get(org.code) ?? 0) / 2 / count / 100) * 100;
    if (each < 1000) continue;
    for (let i = 0; i < count; i++) {
      const purpose = rng.pick(township ? townshipPurposes : branchPurposes);
      uses.push({ orgCode: org.code, usedOn: rng.date(`${year}-01-01`, asOf), amountFen: rng.int(10, each / 100) * 100, purpose, description: rng.pick(useDescriptions[purpose]!) });
    }
  }
  return { remittances, uses };
}
