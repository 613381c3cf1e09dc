import { Alert, App as AntApp, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../api.js';
import type { PairingDetail, PairingItem } from '../../contracts.js';
import { disabledDate, isoDay, today } from '../../forms.js';
import { useSubmit } from '../../useSubmit.js';
import { useI18n } from '../../i18n/I18nProvider.js';

interface Values { endedOn: Dayjs; reason: string }

/** 结束结对: the last day and why (the household left poverty, the cadre moved…). */
export function EndModal({ pairing, onClose, onSaved }: { pairing: PairingItem | null; onClose: () => void; onSaved: (p: PairingDetail) => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, error, setError, submit: save } = useSubmit(form, ['endedOn', 'reason'], async (values: Values) => {
    const saved = await api.post<PairingDetail>(`/api/pairing/pairings/${encodeURIComponent(pairing!.id)}/end`, { endedOn: isoDay(values.endedOn), reason: values.reason.trim() });
    message.success(t('pairing.end.saved'));
    onSaved(saved);
  });
  return (
    <Modal open={pairing !== null} title={pairing ? t('pairing.end.title', { cadre: pairing.cadre.name, name: pairing.household.headName }) : ''} onCancel={onClose}
      destroyOnHidden onOk={() => form.submit()} okText={t('pairing.end.confirm')} okButtonProps={{ danger: true }} cancelText={t('pairing.cancel')} confirmLoading={busy}
      afterOpenChange={(visible) => !visible && setError(null)}>
      <Form form={form} layout="vertical" initialValues={{ endedOn: today() }} onFinish={save}>
        <Form.Item name="endedOn" label={t('pairing.end.on')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={disabledDate(pairing?.startedOn)} allowClear={false} inputReadOnly />
        </Form.Item>
        <Form.Item name="reason" label={t('pairing.end.reason')} rules={[{ required: true, whitespace: true, message: t('pairing.end.reasonRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
