import { Alert, App, Button, Form, InputNumber, Select, Skeleton, Switch } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import type { ContractingSettingsBody, ContractingSettingsView } from '../../contracts.js';
import { showServerErrors } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';
import { ApiFailure } from '../ApiFailure.js';

const periods = ['week', 'month', 'quarter', 'year'] as const;

/** 走访要求: the county's visit quota, editable by the county administrator only. */
export function SettingsTab({ onSaved }: { onSaved: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const settings = useApi('contracting-settings', (signal) => api.get<ContractingSettingsView>('/api/contracting/settings', undefined, { signal }));
  const [form] = Form.useForm<ContractingSettingsBody>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (settings.error && !settings.data) return <ApiFailure error={settings.error} onRetry={settings.reload} />;
  const view = settings.data;
  if (!view) return <Skeleton active />;
  const editable = view.can.edit.allowed;
  const save = async (values: ContractingSettingsBody) => {
    setSaving(true);
    setFailure(null);
    try {
      await api.put<ContractingSettingsView>('/api/contracting/settings', values);
      message.success(t('contracting.settings.saved'));
      settings.reload();
      onSaved();
    } catch (error) {
      setFailure(showServerErrors(form, error, ['visitsPerPeriod', 'period', 'memberVisitsCount']));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={save} disabled={!editable} style={{ maxWidth: 420 }} data-testid="contracting-settings"
      initialValues={{ visitsPerPeriod: view.visitsPerPeriod, period: view.period, memberVisitsCount: view.memberVisitsCount }}>
      {!editable && <Alert type="info" showIcon title={t('contracting.settings.readOnly')} style={{ marginBottom: 12 }} />}
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Form.Item name="visitsPerPeriod" label={t('contracting.settings.visits')} rules={[{ required: true }]}>
        <InputNumber min={1} max={50} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="period" label={t('contracting.settings.period')}>
        <Select options={periods.map((p) => ({ value: p, label: t(`contracting.board.period.${p}`) }))} />
      </Form.Item>
      <Form.Item name="memberVisitsCount" label={t('contracting.settings.memberVisits')} valuePropName="checked"><Switch /></Form.Item>
      {editable && <Button type="primary" htmlType="submit" loading={saving}>{t('contracting.settings.save')}</Button>}
    </Form>
  );
}
