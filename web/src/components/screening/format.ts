import type { Permission } from '../../contracts.js';
import type { Translate } from '../../i18n/I18nProvider.js';
import type { Lang } from '../../i18n/lang.js';

/** A calendar day as people write it: 2026年3月2日 in Chinese, 2 Mar 2026 in English. */
export function dayLabel(day: string | null | undefined, lang: Lang): string {
  if (!day) return '';
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  if (lang === 'zh') return `${y}年${m}月${d}日`;
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** Why a button is disabled: the server's reason, or the round being closed. */
export function reasonOf(t: Translate, p: Permission): string | undefined {
  if (p.allowed) return undefined;
  if (p.reason === 'no_ability') return t('screening.reason.no_ability');
  if (p.reason === 'out_of_scope') return t('screening.reason.out_of_scope');
  return t('screening.reason.closed');
}

export const categoryColors: Record<string, string> = { soft: 'blue', lax: 'orange', poor: 'gold', chaotic: 'red' };
