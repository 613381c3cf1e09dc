import { Button, Tooltip, type ButtonProps } from 'antd';
import type { Translate } from '../../../i18n/I18nProvider.js';
import type { TransferPermission } from './types.js';

/** Why the server refuses an action, in words for a tooltip; null when allowed. */
export function refusal(t: Translate, permission: TransferPermission, letter = false): string | null {
  if (permission.allowed) return null;
  if (letter && (permission.reason === 'no_ability' || permission.reason === 'out_of_scope')) return t('transfers.reason.letter');
  return t(`transfers.reason.${permission.reason ?? 'no_ability'}`);
}

/** A button the API's permission enables, or disables with the reason in a tooltip. */
export function GatedButton({ reason, ...props }: ButtonProps & { reason: string | null }) {
  const button = <Button {...props} disabled={reason !== null} />;
  // A disabled button swallows pointer events, so the tooltip hangs on a wrapper.
  return reason ? <Tooltip title={reason}><span style={{ display: 'inline-block' }}>{button}</span></Tooltip> : button;
}
