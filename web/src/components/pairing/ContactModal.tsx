import { Alert, App as AntApp, DatePicker, Form, Input, Modal, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../api.js';
import type { PairingDetail, PairingItem } from '../../contracts.js';
import { disabledDate, isoDay, noteOf, today } from '../../forms.js';
import { useSubmit } from '../../useSubmit.js';
import { useI18n } from '../../i18n/I18nProvider.js';

const modes = ['visit', 'phone', 'other'] as const;

interface Values { contactedOn: Dayjs; mode: (typeof modes)[number]; note?: string }

/** 登记联系: the day, how, and a note; on a phone the modal fills the width. */
export function ContactModal({ pairing, onClose, onSaved }: { pairing: PairingItem | null; onClose: () => void; onSaved: (p: PairingDetail) => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, error, setError, submit: save } = useSubmit(form, ['contactedOn', 'mode', 'note'], async (values: Values) => {
    const saved = await api.post<PairingDetail>(`/api/pairing/pairings/${encodeURIComponent(pairing!.id)}/contacts`, {
      contactedOn: isoDay(values.contactedOn), mode: values.mode, note: noteOf(values.note),
    });
    message.success(t('pairing.contact.saved', { name: saved.household.headName }));
    onSaved(saved);
  });
  return (
    <Modal open={pairing !== null} title={pairing ? t('pairing.contact.title', { name: pairing.household.headName }) : ''} onCancel={onClose} destroyOnHidden
      onOk={() => form.submit()} okText={t('pairing.save')} cancelText={t('pairing.cancel')} confirmLoading={busy}
      afterOpenChange={(visible) => !visible && setError(null)}>
      <Form form={form} layout="vertical" initialValues={{ contactedOn: today(), mode: 'visit' }} onFinish={save}>
        <Form.Item name="contactedOn" label={t('pairing.contact.on')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={disabledDate(pairing?.startedOn)} allowClear={false} inputReadOnly data-testid="contact-date" />
        </Form.Item>
        <Form.Item name="mode" label={t('pairing.contact.mode')}>
          <Radio.Group optionType="button" options={modes.map((m) => ({ value: m, label: t(`pairing.mode.${m}`) }))} data-testid="contact-mode" />
        </Form.Item>
        <Form.Item name="note" label={t('pairing.contact.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} data-testid="contact-note" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} data-testid="contact-error" />}
    </Modal>
  );
}
