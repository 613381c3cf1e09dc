import type { ReactElement } from 'react';
import type { Permission } from '../../contracts.js';
import type { Translate } from '../../i18n/I18nProvider.js';
import { Refused } from '../Refused.js';

/** An action not open to the user: disabled, with why on hover (no reason: the record is at another stage). */
export function Gate({ can, t, children }: { can: Permission; t: Translate; children: ReactElement }) {
  if (can.allowed) return children;
  const reason = can.reason === 'no_ability' || can.reason === 'out_of_scope' ? `points.reason.${can.reason}` as const : 'points.reason.stage';
  return <Refused reason={t(reason)}>{children}</Refused>;
}
