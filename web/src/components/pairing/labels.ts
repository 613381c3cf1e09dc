import type { PairingQuotas } from '../../contracts.js';
import type { Translate } from '../../i18n/I18nProvider.js';

export type QuotaFlag = PairingQuotas['items'][number]['flag'];
export const flagColor: Record<QuotaFlag, string> = { met: 'green', over: 'orange', under: 'red', unranked: 'default' };
export const flagLabel = (t: Translate, flag: QuotaFlag) => t(`pairing.flag.${flag}`);
export const statusColor = { done: 'green', due: 'orange', overdue: 'red', not_due: 'default' } as const;
