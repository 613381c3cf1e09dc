import { orgTypeLabels, unitTypeLabels, type OrgType, type UnitType } from '../../src/modules/organizations/rules.js';
import type { Lang } from './i18n/lang.js';

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The shared labels are lower-case in English (they sit inside sentences); standalone they start with a capital. */
export function orgTypeLabel(type: OrgType, lang: Lang, inSentence = false): string {
  const label = orgTypeLabels[type][lang];
  return lang === 'en' && !inSentence ? capital(label) : label;
}

/** Admin-unit kinds that are no organization's unit type. */
const kindLabels: Record<string, { zh: string; en: string }> = {
  villager_group: { zh: '村民小组', en: 'villager group' },
};

/** Unit types and admin-unit kinds share their codes; an unknown kind shows as sent. */
export function unitTypeLabel(type: string | null | undefined, lang: Lang, inSentence = false): string {
  if (!type) return '';
  const label = type in unitTypeLabels ? unitTypeLabels[type as UnitType][lang] : kindLabels[type]?.[lang] ?? type;
  return lang === 'en' && !inSentence ? capital(label) : label;
}

/** A share as a percentage with two decimals; nothing to divide by gives a dash. */
export function percent(part: number, total: number): string {
  return total > 0 ? `${((part / total) * 100).toFixed(2)}%` : '—';
}

const chinaTime = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit',
  hourCycle: 'h23',
});

/** An instant in China's time zone as YYYY-MM-DD HH:mm:ss, whatever the browser's zone. */
export function chinaDateTime(iso: string): string {
  const parts = Object.fromEntries(chinaTime.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** Today's date in China (the server refuses effective dates after it). */
export function chinaToday(): string {
  return chinaDateTime(new Date().toISOString()).slice(0, 10);
}

const chineseDigits: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** A Chinese numeral below 100 (七, 十二, 二十, 九十九) as a number; anything else as NaN. */
function chineseNumber(text: string): number {
  const [tens, ones] = text.includes('十') ? text.split('十') : ['', text];
  if (text.includes('十')) return (tens ? chineseDigits[tens] ?? NaN : 1) * 10 + (ones ? chineseDigits[ones] ?? NaN : 0);
  return text.length === 1 ? chineseDigits[text] ?? NaN : NaN;
}

/** Sorts names the way people count: 第二村民小组 before 第十村民小组, 2组 before 10组. */
export function compareNatural(a: string, b: string): number {
  const key = (s: string) => s.replace(/[零〇一二两三四五六七八九十]+/g, (m) => {
    const n = chineseNumber(m);
    return Number.isNaN(n) ? m : String(n);
  });
  return key(a).localeCompare(key(b), 'zh-Hans-CN', { numeric: true });
}
