import { App as AntApp, Button, Flex, Popconfirm } from 'antd';
import { useState } from 'react';
import { api } from '../../../api.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { LetterModal, ReceiveModal, RejectModal } from './DecisionModals.js';
import { GatedButton, refusal } from './GatedButton.js';
import type { TransferPermission, TransferView } from './types.js';

/** Actions that never apply to the transfer (its kind or state) are left out; the others say why they are refused. */
const applies = (p: TransferPermission) => p.allowed || (p.reason !== 'not_applicable' && p.reason !== 'not_pending');

/** What the reader may do with one transfer: receive or record the receipt, reject, withdraw, issue the letter. */
export function TransferRowActions({ transfer, onChanged }: { transfer: TransferView; onChanged: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState<'receive' | 'reject' | 'letter' | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const { can } = transfer;
  const close = () => setOpen(null);
  const done = () => {
    setOpen(null);
    onChanged();
  };
  const cancel = async () => {
    setCancelling(true);
    try {
      await api.post<TransferView>(`/api/member-transfers/${transfer.id}/cancel`, {});
      message.success(t('transfers.done.cancelled'));
      onChanged();
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setCancelling(false);
    }
  };
  const testId = (action: string) => `transfer-${action}-${transfer.id}`;

  return (
    <Flex wrap gap={4}>
      {applies(can.receive) && (
        <GatedButton size="small" type="primary" reason={refusal(t, can.receive)} onClick={() => setOpen('receive')} data-testid={testId('receive')}>
          {t(transfer.kind === 'out' ? 'transfers.action.receipt' : 'transfers.action.receive')}
        </GatedButton>
      )}
      {applies(can.reject) && (
        <GatedButton size="small" danger reason={refusal(t, can.reject)} onClick={() => setOpen('reject')} data-testid={testId('reject')}>
          {t('transfers.action.reject')}
        </GatedButton>
      )}
      {applies(can.cancel) && (can.cancel.allowed ? (
        <Popconfirm title={t('transfers.cancelConfirm')} description={transfer.kind === 'out' ? t('transfers.cancelOutConfirm') : undefined} onConfirm={cancel}>
          <Button size="small" loading={cancelling} data-testid={testId('cancel')}>{t('transfers.action.cancel')}</Button>
        </Popconfirm>
      ) : <GatedButton size="small" reason={refusal(t, can.cancel)} data-testid={testId('cancel')}>{t('transfers.action.cancel')}</GatedButton>)}
      {applies(can.letter) && (
        <GatedButton size="small" reason={refusal(t, can.letter, true)} onClick={() => setOpen('letter')} data-testid={testId('letter')}>
          {t('transfers.action.letter')}
        </GatedButton>
      )}
      <ReceiveModal transfer={transfer} open={open === 'receive'} onClose={close} onDone={done} />
      <RejectModal transfer={transfer} open={open === 'reject'} onClose={close} onDone={done} />
      <LetterModal transfer={transfer} open={open === 'letter'} onClose={close} onDone={close} />
    </Flex>
  );
}
