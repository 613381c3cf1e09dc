import { Alert, App, Button, Form, InputNumber, Skeleton } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import type { AppraisalSettings } from '../../contracts.js';
import { showServerErrors } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';
import { ApiFailure } from '../ApiFailure.js';

interface Values { excellentCapPermille: number; remindFromMonth: number }

/** 设置: the county's cap on 优秀 and the month the round is expected from, the county administrator's to change. */
export function SettingsTab() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const settings = useApi(`appraisal-settings|${lang}`, (signal) => api.get<AppraisalSettings>('/api/appraisal/settings', undefined, { signal }));
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (settings.error && !settings.data) return <ApiFailure error={settings.error} onRetry={settings.reload} />;
  const view = settings.data;
  if (!view) return <Skeleton active paragraph={{ rows: 2 }} />;
  const editable = view.can.edit.allowed;
  const save = async (values: Values) => {
    setSaving(true);
    setFailure(null);
    try {
      await api.put<AppraisalSettings>('/api/appraisal/settings', values);
      message.success(t('appraisal.settings.saved'));
      settings.reload();
    } catch (error) {
      setFailure(showServerErrors(form, error, ['excellentCapPermille', 'remindFromMonth']));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={save} disabled={!editable} style={{ maxWidth: 480 }} data-testid="appraisal-settings"
      initialValues={{ excellentCapPermille: view.excellentCapPermille, remindFromMonth: view.remindFromMonth }}>
      {!editable && <Alert type="info" showIcon title={t('appraisal.settings.readOnly')} style={{ marginBottom: 12 }} />}
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Form.Item name="excellentCapPermille" label={t('appraisal.settings.cap')} extra={t('appraisal.settings.capHint')} rules={[{ required: true }]}>
        <InputNumber min={0} max={1000} precision={0} suffix="‰" style={{ width: '100%' }} data-testid="appraisal-settings-cap" />
      </Form.Item>
      <Form.Item name="remindFromMonth" label={t('appraisal.settings.month')} extra={t('appraisal.settings.monthHint')} rules={[{ required: true }]}>
        <InputNumber min={1} max={12} precision={0} style={{ width: '100%' }} data-testid="appraisal-settings-month" />
      </Form.Item>
      {editable && <Button type="primary" htmlType="submit" loading={saving} data-testid="appraisal-settings-save">{t('appraisal.settings.save')}</Button>}
    </Form>
  );
}
