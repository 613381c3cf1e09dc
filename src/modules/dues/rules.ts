/**
 * The dues rules (rules.md §3), pure: what a member pays a month for their kind and base, which
 * months they are behind on, and how far back a month may still be paid. Amounts are whole fen.
 */

/** How a member's monthly amount is reckoned (rules.md §3.1). */
export const duesKinds = ['wage', 'annual_salary', 'self_employed', 'retiree', 'farmer', 'student', 'unemployed', 'subsistence', 'relief'] as const;
export type DuesKind = (typeof duesKinds)[number];

export const duesKindLabels: Record<DuesKind, { zh: string; en: string }> = {
  wage: { zh: '在职（工资收入）', en: 'Wage earner' },
  annual_salary: { zh: '年薪制人员', en: 'Annual-salary staff' },
  self_employed: { zh: '无固定工资收入（上季度月平均纯收入）', en: 'Self-employed (average monthly net income of the previous quarter)' },
  retiree: { zh: '离退休人员', en: 'Retiree' },
  farmer: { zh: '农民党员', en: 'Farmer' },
  student: { zh: '学生党员', en: 'Student' },
  unemployed: { zh: '下岗失业人员', en: 'Laid off or unemployed' },
  subsistence: { zh: '享受最低生活保障', en: 'On the minimum living allowance (低保)' },
  relief: { zh: '依靠抚恤或救济生活', en: 'Living on survivors\' pensions or relief' },
};

/** What dues are spent on (rules.md §3.3), the national list and the local additions. */
export const usePurposes = ['training', 'materials', 'commendation', 'hardship', 'disaster', 'meetings', 'visits', 'venue', 'printing'] as const;
export type UsePurpose = (typeof usePurposes)[number];

export const usePurposeLabels: Record<UsePurpose, { zh: string; en: string }> = {
  training: { zh: '培训党员', en: 'Training members' },
  materials: { zh: '订阅教育刊物、购置教育设备', en: 'Education publications and equipment' },
  commendation: { zh: '表彰先进基层党组织、优秀党员和优秀党务工作者', en: 'Commending outstanding organizations, members and Party workers' },
  hardship: { zh: '补助生活困难党员', en: 'Helping members in hardship' },
  disaster: { zh: '补助受灾党员、修缮受灾基层党员教育设施', en: 'Helping disaster-hit members and repairing education facilities' },
  meetings: { zh: '“三会一课”和主题党日活动', en: 'Regular meetings and theme days' },
  visits: { zh: '走访慰问老党员、困难党员', en: 'Visiting old and struggling members' },
  venue: { zh: '活动场所维修', en: 'Repairing the activity venue' },
  printing: { zh: '印制入党志愿书、党费证等', en: 'Printing forms (application forms, dues books)' },
};

/** The kinds whose amount is a rate of a base; the others pay the county's fixed amount. */
export const rateKinds: readonly DuesKind[] = ['wage', 'annual_salary', 'self_employed', 'retiree'];
export const hasRate = (kind: DuesKind) => rateKinds.includes(kind);

export interface FixedAmounts {
  farmerFen: number;
  lowIncomeFen: number;
}

/** The rate in tenths of a percent: band edges belong to the lower band (3000 元 pays 0.5 %, 5000 元 1 %). */
function ratePermille(kind: DuesKind, baseFen: number): number {
  if (kind === 'retiree') return baseFen <= 500_000 ? 5 : 10;
  if (baseFen <= 300_000) return 5;
  if (baseFen <= 500_000) return 10;
  if (baseFen <= 1_000_000) return 15;
  return 20;
}

/**
 * The monthly amount the rule gives, rounded to the whole fen half up (integer arithmetic, so
 * 0.5 fen always rounds up); null when a rate kind has no base to apply it to.
 */
export function ruleMonthlyFen(kind: DuesKind, baseFen: number | null | undefined, fixed: FixedAmounts): number | null {
  if (kind === 'farmer') return fixed.farmerFen;
  if (!hasRate(kind)) return fixed.lowIncomeFen;
  if (baseFen === null || baseFen === undefined) return null;
  return Math.floor((baseFen * ratePermille(kind, baseFen) + 500) / 1000);
}

/** Why a base row cannot be saved: a rate kind without a base, a fixed kind with one, below the rule without a reason. */
export type BaseProblem = 'base_required' | 'base_not_applicable' | 'below_rule';

export function checkBase(row: { kind: DuesKind; baseFen?: number | null; monthlyFen?: number | null; reason?: string | null }, fixed: FixedAmounts): { monthlyFen: number; ruleFen: number } | { problem: BaseProblem; ruleFen?: number } {
  const hasBase = row.baseFen !== undefined && row.baseFen !== null;
  if (hasRate(row.kind) && !hasBase) return { problem: 'base_required' };
  if (!hasRate(row.kind) && hasBase) return { problem: 'base_not_applicable' };
  const ruleFen = ruleMonthlyFen(row.kind, row.baseFen, fixed)!;
  const monthlyFen = row.monthlyFen ?? ruleFen;
  if (monthlyFen < ruleFen && !row.reason) return { problem: 'below_rule', ruleFen };
  return { monthlyFen, ruleFen };
}

// Months, as 'YYYY-MM'.

export const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
export const monthOf = (index: number) => `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
export const addMonthsTo = (month: string, n: number) => monthOf(monthIndex(month) + n);
export const yearMonths = (year: number) => Array.from({ length: 12 }, (_, i) => monthOf(year * 12 + i));

/**
 * Consecutive months up to and including `upTo` left unpaid, counting only the months owed:
 * a month not owed (no base, exempt, not a member then) neither counts nor breaks the run.
 */
export function monthsBehind(upTo: string, owed: ReadonlySet<string>, paid: ReadonlySet<string>): number {
  let behind = 0;
  for (const month of [...owed].filter((m) => m <= upTo).sort().reverse()) {
    if (paid.has(month)) break;
    behind++;
  }
  return behind;
}

/** Whether `month` may still be paid on `paidOn`: at most `limit` months before the month of payment; in advance always. */
export const withinBackPayment = (month: string, paidOn: string, limit: number) => monthIndex(paidOn.slice(0, 7)) - monthIndex(month) <= limit;

/** Whether a membership held from `from` to `to` (days, null: unknown start, still open) covers any day of `month`. */
export const heldDuring = (month: string, from: string | null, to: string | null) =>
  (from === null || from.slice(0, 7) <= month) && (to === null || to.slice(0, 7) >= month);

// Remittance and the branch's account.

/** The organization types a remittance goes up to: the nearest of these above the remitting organization. */
export const receivingTypes = ['committee', 'working_committee', 'general_branch'] as const;

/** The paths of the organizations above the one at `path` ('1.7.42.' → '1.', '1.7.'), nearest last. */
export function ancestorPaths(path: string): string[] {
  const seqs = path.split('.').slice(0, -1);
  return seqs.slice(0, -1).map((_, i) => `${seqs.slice(0, i + 1).join('.')}.`);
}

export type RemittanceProblem = { field: 'month' | 'remittedOn' | 'amountFen'; problem: 'month_not_started' | 'future' | 'exceeds' };

/**
 * Why a month's remittance cannot stand: the month has not begun, it is dated after today, or it
 * passes up more than the organization took in for that month (collected from members and received
 * from below).
 */
export function checkRemittance(r: { month: string; amountFen: number; remittedOn: string }, ctx: { today: string; availableFen: number }): RemittanceProblem[] {
  const problems: RemittanceProblem[] = [];
  if (r.month > ctx.today.slice(0, 7)) problems.push({ field: 'month', problem: 'month_not_started' });
  if (r.remittedOn > ctx.today) problems.push({ field: 'remittedOn', problem: 'future' });
  if (r.amountFen > ctx.availableFen) problems.push({ field: 'amountFen', problem: 'exceeds' });
  return problems;
}
