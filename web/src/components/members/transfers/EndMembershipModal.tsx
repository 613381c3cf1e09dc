import { App as AntApp, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { endReasons, type EndReason } from '../../../../../src/modules/members/transfers/rules.js';
import { api } from '../../../api.js';
import type { MemberProfile } from '../../../contracts.js';
import { disabledDate, isoDay, today } from '../../../forms.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { ActionModal } from '../../org/ActionModal.js';
import type { EndBody } from './types.js';

interface Values {
  reason: EndReason;
  endedOn: Dayjs;
  note: string;
}

const fields = ['reason', 'endedOn', 'note'] as const;

/** Death, withdrawal, removal or expulsion: the relation ends on a day and stays in the history. */
export function EndMembershipModal({ profile, open, onClose, onDone }: { profile: MemberProfile; open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const category = profile.membership?.category;
  const member = category === 'full' || category === 'probationary';

  const submit = async (v: Values) => {
    const body: EndBody = { reason: v.reason, endedOn: isoDay(v.endedOn)!, note: v.note.trim() };
    await api.post(`/api/members/${profile.person.id}/end`, body);
    message.success(t('transfers.done.ended'));
    onDone();
  };

  return (
    <ActionModal<Values> open={open} form={form} fields={fields} initialValues={{ reason: 'died', endedOn: today() }} danger
      title={t('form.modalTitle', { action: t('transfers.action.end'), name: profile.person.name })}
      warning={t('transfers.end.warning')} onSubmit={submit} onClose={onClose}>
      <Form.Item name="reason" label={t('transfers.end.reason')} rules={[{ required: true }]} extra={member ? undefined : t('transfers.end.onlyDied')}>
        <Select data-testid="end-reason"
          options={endReasons.map((r) => ({ value: r, label: t(`transfers.end.${r}`), disabled: !member && r !== 'died' }))} />
      </Form.Item>
      <Form.Item name="endedOn" label={t('transfers.end.endedOn')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={disabledDate(profile.membership?.startedOn)} />
      </Form.Item>
      <Form.Item name="note" label={t('transfers.end.note')} rules={[{ required: true, whitespace: true, min: 2, max: 500 }]}>
        <Input.TextArea rows={2} maxLength={500} placeholder={t('transfers.end.notePlaceholder')} data-testid="end-note" />
      </Form.Item>
    </ActionModal>
  );
}
