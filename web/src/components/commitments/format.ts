import type { CommitmentPermission } from '../../contracts.js';
import type { Translate } from '../../i18n/I18nProvider.js';
import type { Lang } from '../../i18n/lang.js';
import type { MessageKey } from '../../i18n/messages.js';

/** A calendar day as people write it: 2026年3月2日 in Chinese, 2 Mar 2026 in English. */
export function dayLabel(day: string | null | undefined, lang: Lang): string {
  if (!day) return '';
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  if (lang === 'zh') return `${y}年${m}月${d}日`;
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export const stateColors: Record<string, string> = {
  draft: 'default', published: 'blue', in_progress: 'processing', completed: 'green', delayed: 'orange', abandoned: 'red',
};

/**
 * Why an action is not allowed, from the server's reason: access (scope, ability), or the commitment's own
 * (its state refuses this action, appraisal not open yet, not a branch). A state reason reads with the action.
 */
export function reasonOf(t: Translate, can: CommitmentPermission, action: string, year?: number): string {
  switch (can.reason) {
    case undefined: return '';
    case 'out_of_scope': case 'no_ability': return t(`commitments.reason.${can.reason}`);
    case 'appraisal_not_open': return t('commitments.refused.appraisal_not_open', { year: year ?? '' });
    case 'not_a_branch': return t('commitments.refused.not_a_branch');
    default: return t(`commitments.refused.${can.reason}.${action}` as MessageKey);
  }
}

/** Progress in permille as the bar shows it. */
export const percentOf = (permille: number) => Math.round(permille / 10);
