import type { Translate } from '../../i18n/I18nProvider.js';
import type { Lang } from '../../i18n/lang.js';

/** A calendar day as people write it: 2026年3月2日 in Chinese, 2 Mar 2026 in English. */
export function dayLabel(day: string | null | undefined, lang: Lang): string {
  if (!day) return '';
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  if (lang === 'zh') return `${y}年${m}月${d}日`;
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** Why an action is not allowed, from the server's permission. */
export const reasonOf = (t: Translate, reason: string | undefined) =>
  t(reason === 'out_of_scope' ? 'assessments.reason.out_of_scope' : reason === 'no_ability' ? 'assessments.reason.no_ability' : 'assessments.reason.state');
