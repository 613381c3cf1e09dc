import { DeleteOutlined, EditOutlined, MergeCellsOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useState, type ReactNode } from 'react';
import type { OrgDetail } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { OrgIndex } from '../../orgTree.js';
import { refusal } from './refusal.js';
import { CreateOrgModal } from './CreateOrgModal.js';
import { DissolveOrgModal } from './DissolveOrgModal.js';
import { MergeOrgModal } from './MergeOrgModal.js';
import { MoveOrgModal } from './MoveOrgModal.js';
import { UpdateOrgModal } from './UpdateOrgModal.js';
import { Refused } from '../Refused.js';

type Action = 'create' | 'update' | 'move' | 'merge' | 'dissolve';

interface Props {
  org: OrgDetail;
  index: OrgIndex;
  /** After a change: reload the tree and the detail, and show `code` when given. */
  onChanged: (code?: string) => void;
}

/** The actions on an organization; a disabled one says why in a tooltip instead of disappearing. */
export function OrgActions({ org, index, onChanged }: Props) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState<Action | null>(null);

  const reasons = Object.fromEntries(
    (['create', 'update', 'move', 'merge', 'dissolve'] as const).map((action) => [action, refusal(org.can[action], org, t, lang)]),
  ) as Record<Action, string | null>;

  const button = (action: Action, icon: ReactNode, label: string, danger = false) => {
    const reason = reasons[action];
    const element = (
      <Button icon={icon} danger={danger} disabled={reason !== null} onClick={() => setOpen(action)} data-testid={`org-action-${action}`}>
        {label}
      </Button>
    );
    return reason ? <Refused key={action} reason={reason}>{element}</Refused> : <span key={action}>{element}</span>;
  };

  const close = () => setOpen(null);
  const done = (code?: string) => {
    setOpen(null);
    onChanged(code);
  };

  return (
    <>
      <Flex wrap gap={8}>
        {button('create', <PlusOutlined />, t('org.action.create'))}
        {button('update', <EditOutlined />, t('org.action.update'))}
        {button('move', <SwapOutlined />, t('org.action.move'))}
        {button('merge', <MergeCellsOutlined />, t('org.action.merge'), true)}
        {button('dissolve', <DeleteOutlined />, t('org.action.dissolve'), true)}
      </Flex>
      <CreateOrgModal parent={org} open={open === 'create'} onClose={close} onDone={done} />
      <UpdateOrgModal org={org} index={index} open={open === 'update'} onClose={close} onDone={() => done()} />
      <MoveOrgModal org={org} index={index} open={open === 'move'} onClose={close} onDone={() => done()} />
      <MergeOrgModal org={org} index={index} open={open === 'merge'} onClose={close} onDone={done} />
      <DissolveOrgModal org={org} open={open === 'dissolve'} onClose={close} onDone={() => done()} />
    </>
  );
}
