import type { Permission } from '../../contracts.js';
import type { MessageKey } from '../../i18n/messages.js';

/** Why a household action is disabled, as the page says it. */
export const reasonKey = (p: Permission | undefined): MessageKey => `households.reason.${p?.reason === 'out_of_scope' || p?.reason === 'dissolved' ? p.reason : 'no_ability'}`;
