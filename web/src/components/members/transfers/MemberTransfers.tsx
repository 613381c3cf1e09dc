import { DownOutlined, StopOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Card, Dropdown, Flex, Tooltip } from 'antd';
import { useState } from 'react';
import { api } from '../../../api.js';
import type { MemberProfile } from '../../../contracts.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../useApi.js';
import { ApiFailure } from '../../ApiFailure.js';
import { EndMembershipModal } from './EndMembershipModal.js';
import { GatedButton, refusal } from './GatedButton.js';
import { SendTransferModal } from './SendTransferModal.js';
import { TransferTable } from './TransferTable.js';
import type { PersonTransfers } from './types.js';

/**
 * The member's transfers, pending and done, with the actions on them, and the actions that change
 * the relation: transfer it within or out of the county, or end it. Every change reloads the profile.
 */
export function MemberTransfers({ profile, onChanged }: { profile: MemberProfile; onChanged: () => void }) {
  const { t } = useI18n();
  const id = profile.person.id;
  const transfers = useApi(`transfers|${id}`, (signal) => api.get<PersonTransfers>(`/api/members/${id}/transfers`, undefined, { signal }));
  const [open, setOpen] = useState<'within' | 'out' | 'end' | null>(null);
  const changed = () => {
    setOpen(null);
    transfers.reload();
    onChanged();
  };

  if (transfers.error && !transfers.data) return <ApiFailure error={transfers.error} onRetry={transfers.reload} />;
  const can = transfers.data?.can;
  const sendRefusal = can ? refusal(t, can.send) : '';
  const send = (
    <Dropdown disabled={sendRefusal !== null} trigger={['click']} menu={{
      items: [{ key: 'within', label: t('transfers.action.sendWithin') }, { key: 'out', label: t('transfers.action.sendOut') }],
      onClick: ({ key }) => setOpen(key as 'within' | 'out'),
    }}>
      <Button icon={<SwapOutlined />} disabled={sendRefusal !== null} data-testid="transfer-send">
        {t('transfers.action.send')} <DownOutlined />
      </Button>
    </Dropdown>
  );

  return (
    <Card size="small" title={t('transfers.history')} data-testid="member-transfers" extra={(
      <Flex wrap gap={8}>
        {sendRefusal ? <Tooltip title={sendRefusal}><span style={{ display: 'inline-block' }}>{send}</span></Tooltip> : send}
        <GatedButton danger icon={<StopOutlined />} reason={can ? refusal(t, can.end) : ''} onClick={() => setOpen('end')} data-testid="member-end">
          {t('transfers.action.end')}
        </GatedButton>
      </Flex>
    )}>
      <TransferTable testId="member-transfer-table" items={transfers.data?.items ?? []} loading={transfers.loading} showPerson={false}
        pagination={false} onChanged={changed} locale={{ emptyText: t('transfers.none') }} />
      <SendTransferModal profile={profile} kind="within" open={open === 'within'} onClose={() => setOpen(null)} onDone={changed} />
      <SendTransferModal profile={profile} kind="out" open={open === 'out'} onClose={() => setOpen(null)} onDone={changed} />
      <EndMembershipModal profile={profile} open={open === 'end'} onClose={() => setOpen(null)} onDone={changed} />
    </Card>
  );
}
