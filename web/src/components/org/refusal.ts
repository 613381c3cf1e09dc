import type { OrgDetail, Permission } from '../../contracts.js';
import { orgTypeLabel } from '../../format.js';
import type { Translate } from '../../i18n/I18nProvider.js';
import type { Lang } from '../../i18n/lang.js';

/** Why the server refuses an action on an organization, in words for a tooltip; null when allowed. */
export function refusal(permission: Permission, org: OrgDetail, t: Translate, lang: Lang): string | null {
  if (permission.allowed) return null;
  return t(`org.reason.${permission.reason ?? 'no_ability'}`, { type: orgTypeLabel(org.type, lang, true) });
}
