import { RollbackOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../../api.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { stepLabel } from './labels.js';
import type { AdmissionStep } from './types.js';

/**
 * 撤销: the latest step, recorded by mistake, goes and the record is put back as it was before it.
 * The reason is asked for because it is kept in the audit trail with the step.
 */
export function UndoStep({ personId, step, onDone }: { personId: string; step: AdmissionStep; onDone: () => void }) {
  const { t, lang } = useI18n();
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();

  const submit = async ({ reason }: { reason: string }) => {
    setSaving(true);
    try {
      await api.post(`/api/members/${personId}/admission-steps/${step.id}/undo`, { reason: reason.trim() });
      message.success(t('admission.undo.done', { step: stepLabel(step.step, lang) }));
      setOpen(false);
      onDone();
    } catch (error) {
      message.error(error instanceof ApiError ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button size="small" type="link" icon={<RollbackOutlined />} onClick={() => setOpen(true)} data-testid="admission-undo">{t('admission.undo')}</Button>
      <Modal open={open} title={t('admission.undo.title', { step: stepLabel(step.step, lang), date: step.doneOn })} okText={t('admission.undo')}
        okButtonProps={{ danger: true, loading: saving }} onOk={() => form.submit()} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit} preserve={false} data-testid="admission-undo-form">
          <Form.Item name="reason" label={t('admission.undo.reason')} extra={t('admission.undo.hint')}
            rules={[{ required: true, whitespace: true, min: 2, max: 500 }]}>
            <Input.TextArea rows={2} maxLength={500} data-testid="admission-undo-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
