import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import type { ConcernAction, ConcernDetail, ConcernSettings } from '../../contracts.js';
import { noteOf, showServerErrors } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';

type Values = { category?: string; priority?: 'normal' | 'urgent'; note?: string; orgCode?: string; of?: string; reason?: string; handlerId?: string; answer?: string; reply?: string };

/** The fields each action asks for; the server checks them again and names any it refuses. */
const fieldsOf: Record<ConcernAction, (keyof Values)[]> = {
  accept: ['category', 'priority', 'note'],
  refer: ['orgCode', 'note'],
  duplicate: ['of', 'note'],
  reject: ['reason'],
  assign: ['handlerId', 'note'],
  start: ['note'],
  pause: ['reason', 'note'],
  resume: ['note'],
  answer: ['answer'],
  reply: ['reply'],
};

/** One action on a concern, with its form; closes with the concern as it became. */
export function ActionModal({ concern, action, settings, onClose }: {
  concern: ConcernDetail; action: ConcernAction | null; settings: ConcernSettings | undefined; onClose: (updated: ConcernDetail | null) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const fields = action ? fieldsOf[action] : [];
  const required = [{ required: true, whitespace: true, message: t('concerns.form.required') }];

  const submit = async (v: Values) => {
    if (!action) return;
    setBusy(true);
    setFailure(null);
    try {
      const body: Record<string, unknown> = {};
      for (const f of fields) {
        const value = typeof v[f] === 'string' ? noteOf(v[f]) : v[f];
        if (value !== undefined) body[f] = value;
      }
      onClose(await api.post<ConcernDetail>(`/api/concerns/${concern.id}/${action}`, body));
      form.resetFields();
    } catch (error) {
      setFailure(showServerErrors(form, error, fields));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={action !== null} title={action ? t(`concerns.action.${action}`) : ''} onCancel={() => onClose(null)} onOk={() => form.submit()}
      okButtonProps={{ loading: busy, ...{ 'data-testid': 'concern-action-ok' } }} destroyOnHidden>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="concern-action-error" />}
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}
        initialValues={{ category: concern.category?.id, priority: concern.priority, reply: concern.answerDraft ?? undefined, answer: concern.answerDraft ?? undefined }}>
        {fields.includes('category') && (
          <Form.Item name="category" label={t('concerns.form.category')} rules={[{ required: true, message: t('concerns.form.required') }]}>
            <Select data-testid="concern-field-category" options={settings?.categories.map((c) => ({ value: c.id, label: c.name })) ?? []} />
          </Form.Item>
        )}
        {fields.includes('priority') && (
          <Form.Item name="priority" label={t('concerns.form.priority')}>
            <Select options={(['normal', 'urgent'] as const).map((p) => ({ value: p, label: t(`concerns.form.priority.${p}`) }))} />
          </Form.Item>
        )}
        {fields.includes('orgCode') && <Form.Item name="orgCode" label={t('concerns.form.orgCode')} rules={required}><Input maxLength={40} /></Form.Item>}
        {fields.includes('of') && <Form.Item name="of" label={t('concerns.form.of')} rules={required}><Input maxLength={20} /></Form.Item>}
        {action === 'pause' && (
          <Form.Item name="reason" label={t('concerns.form.pauseReason')} rules={[{ required: true, message: t('concerns.form.required') }]}>
            <Select options={(['awaiting_submitter', 'awaiting_other_unit'] as const).map((r) => ({ value: r, label: t(`concerns.form.pause.${r}`) }))} />
          </Form.Item>
        )}
        {action === 'reject' && <Form.Item name="reason" label={t('concerns.form.reason')} rules={required}><Input.TextArea rows={2} maxLength={500} /></Form.Item>}
        {fields.includes('handlerId') && (
          <Form.Item name="handlerId" label={t('concerns.form.handler')} rules={[{ required: true, message: t('concerns.form.required') }]}>
            <Select showSearch optionFilterProp="label" data-testid="concern-field-handler"
              options={concern.handlers.map((h) => ({ value: h.id, label: `${h.name}（${h.org} ${h.title}）` }))} />
          </Form.Item>
        )}
        {fields.includes('answer') && <Form.Item name="answer" label={t('concerns.form.answer')} rules={required}><Input.TextArea rows={4} maxLength={4000} data-testid="concern-field-answer" /></Form.Item>}
        {fields.includes('reply') && <Form.Item name="reply" label={t('concerns.form.reply')} rules={required}><Input.TextArea rows={4} maxLength={4000} data-testid="concern-field-reply" /></Form.Item>}
        {fields.includes('note') && <Form.Item name="note" label={t('concerns.form.note')}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>}
      </Form>
    </Modal>
  );
}
