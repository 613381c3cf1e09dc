import { App as AntApp, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../../api.js';
import type { MemberProfile } from '../../../contracts.js';
import { disabledDate, isoDay, noteOf, today } from '../../../forms.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { ActionModal } from '../../org/ActionModal.js';
import { TargetPicker } from './TargetPicker.js';
import type { SendTransferBody, TransferView } from './types.js';

interface Values {
  toOrgCode?: string;
  externalOrg?: string;
  sentOn: Dayjs;
  letterNo?: string;
  note?: string;
}

const fields = ['toOrgCode', 'externalOrg', 'sentOn', 'letterNo', 'note'] as const;

/** Sending the member's relation to another organization of the county, or out of it. */
export function SendTransferModal({ profile, kind, open, onClose, onDone }: {
  profile: MemberProfile; kind: 'within' | 'out'; open: boolean; onClose: () => void; onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const membership = profile.membership;

  const submit = async (v: Values) => {
    const common = { sentOn: isoDay(v.sentOn), letterNo: v.letterNo?.trim() || undefined, note: noteOf(v.note) };
    const body: SendTransferBody = kind === 'within' ? { kind, toOrgCode: v.toOrgCode!, ...common } : { kind, externalOrg: v.externalOrg!.trim(), ...common };
    await api.post<TransferView>(`/api/members/${profile.person.id}/transfers`, body);
    message.success(t(kind === 'within' ? 'transfers.done.sent' : 'transfers.done.sentOut'));
    onDone();
  };

  return (
    <ActionModal<Values> open={open} form={form} fields={fields} initialValues={{ sentOn: today() }} onSubmit={submit} onClose={onClose}
      title={t('form.modalTitle', { action: t(kind === 'within' ? 'transfers.action.sendWithin' : 'transfers.action.sendOut'), name: profile.person.name })}
      warning={t(kind === 'within' ? 'transfers.withinHint' : 'transfers.outWarning')} danger={kind === 'out'}>
      {kind === 'within' ? (
        <Form.Item name="toOrgCode" label={t('transfers.field.toOrg')} rules={[{ required: true }]}>
          <TargetPicker current={membership?.orgCode} />
        </Form.Item>
      ) : (
        <Form.Item name="externalOrg" label={t('transfers.field.externalTo')} rules={[{ required: true, whitespace: true, min: 2, max: 100 }]}>
          <Input maxLength={100} data-testid="transfer-external-org" />
        </Form.Item>
      )}
      <Form.Item name="sentOn" label={t('transfers.field.sentOn')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={disabledDate(membership?.startedOn)} />
      </Form.Item>
      <Form.Item name="letterNo" label={t('transfers.field.letterNo')} rules={[{ max: 40 }]}>
        <Input maxLength={40} placeholder={t('transfers.field.letterNoHint')} />
      </Form.Item>
      <Form.Item name="note" label={t('transfers.field.note')} rules={[{ max: 500 }]}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </ActionModal>
  );
}
