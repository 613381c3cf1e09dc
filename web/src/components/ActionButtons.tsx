import { App, Button, Flex, Tooltip } from 'antd';
import { useState } from 'react';

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

/**
 * The action being taken on a case in its drawer, and what follows when the action's modal closes:
 * after a change, the message `done` gives, the case reloaded and the list behind it told.
 */
export function useCaseAction<A extends string>(done: (action: A) => string, reload: () => void, onChanged: () => void) {
  const { message } = App.useApp();
  const [acting, setActing] = useState<A | null>(null);
  const finished = (updated: unknown) => {
    if (updated && acting) {
      message.success(done(acting));
      reload();
      onChanged();
    }
    setActing(null);
  };
  return { acting, setActing, finished };
}
