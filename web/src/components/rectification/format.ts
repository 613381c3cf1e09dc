import type { RectificationAction } from '../../contracts.js';
import type { Translate } from '../../i18n/I18nProvider.js';

export const stateColors: Record<string, string> = {
  identified: 'red', plan_approved: 'orange', rectifying: 'gold', acceptance_requested: 'blue', under_watch: 'cyan', closed: 'green',
};

export const states = ['identified', 'plan_approved', 'rectifying', 'acceptance_requested', 'under_watch', 'closed'] as const;

/** Why a ledger button is disabled: the ledger's own message, or the access reason. */
export function whyNot(t: Translate, a: RectificationAction): string | undefined {
  if (a.allowed) return undefined;
  if (a.message) return a.message;
  return t(a.reason === 'out_of_scope' ? 'rectification.reason.out_of_scope' : 'rectification.reason.no_ability');
}

/** "、"- or comma-separated names as a list. */
export const splitNames = (text: string | undefined) => (text ?? '').split(/[、,，;；\n]/).map((s) => s.trim()).filter(Boolean);
