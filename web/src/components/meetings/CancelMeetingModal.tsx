import { Alert, App as AntApp, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import type { CancelMeetingBody, MeetingDetail } from '../../contracts.js';
import { showServerErrors } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';

interface Props {
  meeting: MeetingDetail;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

/** 取消会议: a planned meeting called off, with the reason kept on the record. */
export function CancelMeetingModal({ meeting, open, onClose, onDone }: Props) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<CancelMeetingBody>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async ({ reason }: CancelMeetingBody) => {
    setBusy(true);
    setError(null);
    try {
      await api.post<MeetingDetail>(`/api/meetings/${encodeURIComponent(meeting.id)}/cancel`, { reason: reason.trim() });
      message.success(t('meetings.cancel.done', { topic: meeting.topic }));
      onDone();
    } catch (e) {
      setError(showServerErrors(form, e, ['reason']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={t('meetings.cancel.title', { topic: meeting.topic })} okText={t('meetings.cancel.ok')} okButtonProps={{ danger: true, loading: busy }}
      onOk={() => form.submit()} onCancel={onClose} destroyOnHidden afterClose={() => setError(null)}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<CancelMeetingBody> form={form} layout="vertical" onFinish={submit} preserve={false} data-testid="meeting-cancel-form">
        <Form.Item name="reason" label={t('meetings.field.cancelReason')}
          rules={[{ required: true, whitespace: true, message: t('meetings.required', { field: t('meetings.field.cancelReason') }) }, { max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} data-testid="meeting-cancel-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
