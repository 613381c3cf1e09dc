import { Button, Flex, Tooltip } from 'antd';

/**
 * A case's actions as a row of buttons: the allowed ones primary, the others disabled with the
 * reason in a tooltip (REFERENCES: say why an action is not allowed instead of hiding it).
 */
export function ActionButtons<A extends string>({ actions, can, label, reason, onAct, testId }: {
  actions: readonly A[];
  can: Record<A, { allowed: boolean; reason?: string }>;
  label: (action: A) => string;
  reason: (reason: string) => string;
  onAct: (action: A) => void;
  /** Prefix of each button's data-testid and the row's: `${testId}-actions`, `${testId}-${action}`. */
  testId: string;
}) {
  return (
    <Flex wrap gap={8} data-testid={`${testId}-actions`}>
      {actions.map((a) => {
        const allowed = can[a].allowed;
        const button = (
          <Button size="small" type={allowed ? 'primary' : 'default'} disabled={!allowed} onClick={() => onAct(a)} data-testid={`${testId}-${a}`}>
            {label(a)}
          </Button>
        );
        return allowed ? <span key={a}>{button}</span>
          : <Tooltip key={a} title={reason(can[a].reason ?? 'wrong_state')}><span>{button}</span></Tooltip>;
      })}
    </Flex>
  );
}
