/**
 * Pure rules of membership transfers (组织关系转接) and of the ends of membership: which
 * organization may receive a member, who may act on a transfer in which state, letter numbers,
 * deadlines and dates. Shared by the services, the to-do list and the answers' permissions.
 */
import type { OrgType } from '../../organizations/rules.js';
import { formatDate } from '../../../platform/dates.js';
import type { MemberCategory, StageDates } from '../rules/pipeline.js';

export const transferKinds = ['within', 'out', 'in'] as const;
export type TransferKind = (typeof transferKinds)[number];
export const transferStates = ['sent', 'received', 'rejected', 'cancelled'] as const;
export type TransferState = (typeof transferStates)[number];

/**
 * Days a receiving organization has to act on a transfer, and the validity printed on the letter:
 * introduction letters are conventionally valid for 30 days, after which the member must ask the
 * sender for a new one, so a transfer still waiting then is overdue for both sides.
 */
export const RECEIVE_WITHIN_DAYS = 30;

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The last day a transfer sent on `sentOn` should be received on. */
export const receiveDue = (sentOn: string): string => addDays(sentOn, RECEIVE_WITHIN_DAYS);

export const isOverdue = (sentOn: string, today: string): boolean => today > receiveDue(sentOn);

export type HoldsMembers = 'yes' | 'party_group' | 'has_branches';

/**
 * Whether an organization may hold membership relations: a party group never does (its members
 * belong to the branch), and a committee or general branch with branches below it keeps its
 * members in those branches; one without any holds them itself.
 */
export function holdsMembers(type: OrgType, activeChildTypes: readonly OrgType[]): HoldsMembers {
  if (type === 'party_group') return 'party_group';
  return activeChildTypes.some((t) => t !== 'party_group') ? 'has_branches' : 'yes';
}

/** Who may take each action on a transfer of a kind in a state; null: nobody, the action does not apply. */
export interface TransferRoles {
  receive: 'receiver' | 'sender' | null;
  reject: 'receiver' | null;
  cancel: 'sender' | null;
}

/**
 * Within the county the receiver receives or rejects and the sender may withdraw while it waits.
 * A transfer out of the county waits for the receipt (回执), which the sender records when it comes
 * back, or withdraws when the letter comes back unused. A transfer in is done when registered.
 */
export function transferRoles(kind: TransferKind, state: TransferState): TransferRoles {
  if (state !== 'sent' || kind === 'in') return { receive: null, reject: null, cancel: null };
  return kind === 'within'
    ? { receive: 'receiver', reject: 'receiver', cancel: 'sender' }
    : { receive: 'sender', reject: null, cancel: 'sender' };
}

/** A letter is issued by the sender for a transfer under way or done, never for one withdrawn or refused. */
export function hasLetter(kind: TransferKind, state: TransferState): boolean {
  return kind !== 'in' && (state === 'sent' || state === 'received');
}

/** 〔2026〕第 12 号: the year and the county's sequence number within it. */
export function letterNumber(year: number, seq: number): string {
  return `〔${year}〕第 ${seq} 号`;
}

/** The sequence number of a letter number of the given year in our own format, if it is one. */
export function letterSeq(letterNo: string, year: number): number | undefined {
  const m = /^〔(\d{4})〕第\s*(\d+)\s*号$/.exec(letterNo.trim());
  return m && Number(m[1]) === year ? Number(m[2]) : undefined;
}

/** The next number of a year after those already issued (numbers typed by hand in other formats are skipped). */
export function nextLetterNumber(year: number, issued: readonly string[]): string {
  const last = issued.reduce((max, no) => Math.max(max, letterSeq(no, year) ?? 0), 0);
  return letterNumber(year, last + 1);
}

export const endReasons = ['died', 'withdrew', 'removed', 'expelled'] as const;
export type EndReason = (typeof endReasons)[number];

/**
 * Death ends anyone's relation; withdrawal (退党), removal (除名) and expulsion (开除党籍) are
 * decisions about Party members, full or probationary, and do not apply to applicants.
 */
export function endApplies(reason: EndReason, category: MemberCategory): boolean {
  return reason === 'died' || category === 'full' || category === 'probationary';
}

export type DateProblem = 'future' | 'too_early';

/** A day an action takes effect: not after today, not before `earliest` (a start, a sending). */
export function checkDay(date: string, today: string, earliest: string | null): DateProblem | null {
  if (date > today) return 'future';
  if (earliest !== null && date < earliest) return 'too_early';
  return null;
}

export type PeriodDates = Omit<StageDates, 'category'>;

/** When a membership row began: its start, else its first stage date (as the profile shows it). */
export function periodStart(m: PeriodDates): string | null {
  return m.startedOn ?? m.appliedOn ?? m.activistOn ?? m.targetOn ?? m.joinedOn ?? m.fullOn ?? null;
}

/** 2026年3月2日, as letters write dates. */
export function chineseDate(date: string): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}
