import { App as AntApp, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../api.js';
import type { DissolveOrgBody, OrgDetail } from '../../contracts.js';
import { disabledDate, isoDay, noteOf, today } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ActionModal } from './ActionModal.js';

interface Values {
  effectiveOn: Dayjs;
  note?: string;
}

const fields = ['effectiveOn', 'note'] as const;

export function DissolveOrgModal({ org, open, onClose, onDone }: {
  org: OrgDetail; open: boolean; onClose: () => void; onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();

  const submit = async (v: Values) => {
    const body: DissolveOrgBody = { effectiveOn: isoDay(v.effectiveOn), note: noteOf(v.note) };
    await api.post<OrgDetail>(`/api/organizations/${encodeURIComponent(org.code)}/dissolve`, body);
    message.success(t('org.done.dissolved', { name: org.name }));
    onDone();
  };

  return (
    <ActionModal<Values>
      open={open}
      title={t('form.modalTitle', { action: t('org.action.dissolve'), name: org.name })}
      form={form}
      fields={fields}
      initialValues={{ effectiveOn: today() }}
      warning={t('org.dissolveWarning')}
      danger
      okText={t('org.action.dissolve')}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item name="effectiveOn" label={t('form.effectiveOn')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={disabledDate(org.establishedOn)} />
      </Form.Item>
      <Form.Item name="note" label={t('form.note')} rules={[{ max: 500 }]}>
        <Input.TextArea rows={2} maxLength={500} placeholder={t('form.notePlaceholder')} />
      </Form.Item>
    </ActionModal>
  );
}
