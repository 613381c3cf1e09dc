import { App as AntApp, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../../api.js';
import { disabledDate, isoDay, today } from '../../../forms.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { ActionModal } from '../../org/ActionModal.js';
import type { TransferView } from './types.js';

interface Props {
  transfer: TransferView;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

/** Receiving a transfer within the county, or recording the receipt of one out of it: on a day not before it was sent. */
export function ReceiveModal({ transfer, open, onClose, onDone }: Props) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ receivedOn: Dayjs }>();
  const receipt = transfer.kind === 'out';
  const submit = async (v: { receivedOn: Dayjs }) => {
    await api.post<TransferView>(`/api/member-transfers/${transfer.id}/receive`, { receivedOn: isoDay(v.receivedOn) });
    message.success(t(receipt ? 'transfers.done.receipt' : 'transfers.done.received'));
    onDone();
  };
  return (
    <ActionModal<{ receivedOn: Dayjs }> open={open} form={form} fields={['receivedOn']} initialValues={{ receivedOn: today() }}
      title={t('form.modalTitle', { action: t(receipt ? 'transfers.action.receipt' : 'transfers.action.receive'), name: transfer.person.name })}
      warning={receipt ? undefined : t('transfers.withinHint')} onSubmit={submit} onClose={onClose}>
      <Form.Item name="receivedOn" label={t(receipt ? 'transfers.field.receiptOn' : 'transfers.field.receivedOn')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={disabledDate(transfer.sentOn)} data-testid="transfer-received-on" />
      </Form.Item>
    </ActionModal>
  );
}

interface RejectValues {
  rejectedOn: Dayjs;
  reason: string;
}

/** Refusing a transfer within the county: the reason is required, so the sender knows what to do next. */
export function RejectModal({ transfer, open, onClose, onDone }: Props) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<RejectValues>();
  const submit = async (v: RejectValues) => {
    await api.post<TransferView>(`/api/member-transfers/${transfer.id}/reject`, { rejectedOn: isoDay(v.rejectedOn), reason: v.reason.trim() });
    message.success(t('transfers.done.rejected'));
    onDone();
  };
  return (
    <ActionModal<RejectValues> open={open} form={form} fields={['rejectedOn', 'reason']} initialValues={{ rejectedOn: today() }} danger
      title={t('form.modalTitle', { action: t('transfers.action.reject'), name: transfer.person.name })} onSubmit={submit} onClose={onClose}>
      <Form.Item name="reason" label={t('transfers.field.reason')} rules={[{ required: true, whitespace: true, min: 2, max: 500 }]}>
        <Input.TextArea rows={3} maxLength={500} data-testid="transfer-reject-reason" />
      </Form.Item>
      <Form.Item name="rejectedOn" label={t('transfers.field.rejectedOn')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={disabledDate(transfer.sentOn)} />
      </Form.Item>
    </ActionModal>
  );
}

/** The letter, with the month dues are paid up to (the platform keeps no dues yet); the download is audited. */
export function LetterModal({ transfer, open, onClose, onDone }: Props) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ duesPaidTo?: Dayjs | null }>();
  const submit = async (v: { duesPaidTo?: Dayjs | null }) => {
    const query = v.duesPaidTo ? `?duesPaidTo=${v.duesPaidTo.format('YYYY-MM')}` : '';
    await api.download(`/api/member-transfers/${transfer.id}/letter.docx${query}`, `${t('transfers.action.letter')}-${transfer.person.name}.docx`);
    message.success(t('transfers.done.letter'));
    onDone();
  };
  return (
    <ActionModal<{ duesPaidTo?: Dayjs | null }> open={open} form={form} fields={['duesPaidTo']} okText={t('transfers.action.letter')}
      initialValues={{ duesPaidTo: dayjs(transfer.sentOn).subtract(1, 'month') }}
      title={t('form.modalTitle', { action: t('transfers.action.letter'), name: transfer.person.name })}
      warning={t('transfers.letterSensitive')} onSubmit={submit} onClose={onClose}>
      <Form.Item name="duesPaidTo" label={t('transfers.field.duesPaidTo')} extra={t('transfers.field.duesHint')}>
        <DatePicker picker="month" style={{ width: '100%' }} />
      </Form.Item>
    </ActionModal>
  );
}
