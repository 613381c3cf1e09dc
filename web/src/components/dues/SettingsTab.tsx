import { Alert, App, Button, Form, Input, InputNumber, Skeleton } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import type { DuesSettingsView } from '../../contracts.js';
import { showServerErrors } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';
import { ApiFailure } from '../ApiFailure.js';
import { fenOf, yuanOf } from './money.js';

interface Values { farmerFen: string; lowIncomeFen: string; backPaymentMonths: number }

/** 设置: the county's fixed amounts and back-payment limit, editable by the county administrator only. */
export function SettingsTab() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const settings = useApi(`dues-settings|${lang}`, (signal) => api.get<DuesSettingsView>('/api/dues/settings', undefined, { signal }));
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  if (settings.error && !settings.data) return <ApiFailure error={settings.error} onRetry={settings.reload} />;
  const view = settings.data;
  if (!view) return <Skeleton active paragraph={{ rows: 3 }} />;
  const editable = view.can.edit.allowed;
  // The bounds of the server's contract: farmers 0.20–1.00 元 (rules.md §3.1), the low-income amount up to 1.00 元.
  const amountRule = (min: number) => ({ validator: (_: unknown, v: string | undefined) => {
    const fen = fenOf(v ?? '');
    return fen !== null && fen >= min && fen <= 100 ? Promise.resolve() : Promise.reject(new Error(t('dues.settings.badAmount', { min: yuanOf(min) })));
  } });

  const save = async (values: Values) => {
    setSaving(true);
    setFailure(null);
    try {
      await api.put<DuesSettingsView>('/api/dues/settings', { farmerFen: fenOf(values.farmerFen)!, lowIncomeFen: fenOf(values.lowIncomeFen)!, backPaymentMonths: values.backPaymentMonths });
      message.success(t('dues.settings.saved'));
      settings.reload();
    } catch (error) {
      setFailure(showServerErrors(form, error, ['farmerFen', 'lowIncomeFen', 'backPaymentMonths']));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={save} disabled={!editable} style={{ maxWidth: 480 }} data-testid="dues-settings"
      initialValues={{ farmerFen: yuanOf(view.farmerFen), lowIncomeFen: yuanOf(view.lowIncomeFen), backPaymentMonths: view.backPaymentMonths }}>
      {!editable && <Alert type="info" showIcon title={t('dues.settings.readOnly')} style={{ marginBottom: 12 }} data-testid="dues-settings-readonly" />}
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Form.Item name="farmerFen" label={t('dues.settings.farmer')} extra={t('dues.settings.farmerHint')} rules={[amountRule(20)]}>
        <Input inputMode="decimal" data-testid="dues-settings-farmer" />
      </Form.Item>
      <Form.Item name="lowIncomeFen" label={t('dues.settings.lowIncome')} extra={t('dues.settings.lowIncomeHint')} rules={[amountRule(1)]}>
        <Input inputMode="decimal" data-testid="dues-settings-lowIncome" />
      </Form.Item>
      <Form.Item name="backPaymentMonths" label={t('dues.settings.backPayment')} extra={t('dues.settings.backPaymentHint')} rules={[{ required: true }]}>
        <InputNumber min={1} max={24} precision={0} style={{ width: '100%' }} data-testid="dues-settings-backPayment" />
      </Form.Item>
      {editable && <Button type="primary" htmlType="submit" loading={saving} data-testid="dues-settings-save">{t('dues.settings.save')}</Button>}
    </Form>
  );
}
