import { Tooltip } from 'antd';
import type { ReactNode } from 'react';

/**
 * A control the user may not use, with why on hover; with no reason, the control as it is. Chromium
 * sends a disabled button's pointer events to nobody, so the tooltip listens on a span around it.
 */
export function Refused({ reason, children, testId }: { reason?: string | null; children: ReactNode; testId?: string }) {
  if (!reason) return children;
  return <Tooltip title={reason}><span style={{ display: 'inline-block', cursor: 'not-allowed' }} data-testid={testId}>{children}</span></Tooltip>;
}
