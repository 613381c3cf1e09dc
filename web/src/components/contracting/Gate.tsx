import type { ReactElement } from 'react';
import type { Permission } from '../../contracts.js';
import type { Translate } from '../../i18n/I18nProvider.js';
import { Refused } from '../Refused.js';

/** An action the user's posts may not allow: disabled, with the reason on hover. */
export function Gate({ can, t, children }: { can: Permission; t: Translate; children: ReactElement }) {
  if (can.allowed) return children;
  const reason = can.reason === 'out_of_scope' || can.reason === 'not_a_village' ? can.reason : 'no_ability';
  return <Refused reason={t(`contracting.reason.${reason}`)} testId="contracting-reason">{children}</Refused>;
}
