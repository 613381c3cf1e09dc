import { Alert, App, Button, Flex, Form, Input, InputNumber, Skeleton } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { api } from '../../api.js';
import type { CommitmentSettings } from '../../contracts.js';
import { showServerErrors } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';
import { ApiFailure } from '../ApiFailure.js';

type Values = Omit<CommitmentSettings, 'can'>;

/** 设置: levels, appraisal weights, minimums per maker and the publishing month; the county administrator's to change. */
export function SettingsTab() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const settings = useApi(`commitment-settings|${lang}`, (signal) => api.get<CommitmentSettings>('/api/commitments/settings', undefined, { signal }));
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (settings.error && !settings.data) return <ApiFailure error={settings.error} onRetry={settings.reload} />;
  const view = settings.data;
  if (!view) return <Skeleton active paragraph={{ rows: 4 }} />;
  const editable = view.can.edit.allowed;
  const { can: _can, ...initial } = view;
  const save = async (values: Values) => {
    setSaving(true);
    setFailure(null);
    try {
      await api.put<CommitmentSettings>('/api/commitments/settings', {
        ...values, minimums: { branch: values.minimums.branch ?? null, secretary: values.minimums.secretary ?? null, member: values.minimums.member ?? null },
      });
      message.success(t('commitments.settings.saved'));
      settings.reload();
    } catch (error) {
      setFailure(showServerErrors(form, error, ['publishByMonth']));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={save} disabled={!editable} style={{ maxWidth: 560 }} initialValues={initial} data-testid="commitments-settings">
      {!editable && <Alert type="info" showIcon title={t('commitments.settings.readOnly')} style={{ marginBottom: 12 }} />}
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Form.Item label={t('commitments.settings.levels')}>
        <Form.List name="levels">
          {(rows, { add, remove }) => (
            <Flex vertical gap={4}>
              {rows.map((row) => (
                <Flex key={row.key} gap={8}>
                  <Form.Item name={[row.name, 'key']} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]*$/, message: t('commitments.settings.keyRule') }]} style={{ flex: 1, marginBottom: 0 }}>
                    <Input placeholder="key" />
                  </Form.Item>
                  <Form.Item name={[row.name, 'label']} rules={[{ required: true, whitespace: true }]} style={{ flex: 2, marginBottom: 0 }}>
                    <Input placeholder={t('commitments.level')} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={t('commitments.removeItem')} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ key: '', label: '' })}>{t('commitments.settings.addLevel')}</Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
      <Flex wrap gap="0 12px">
        {(['self', 'masses', 'superior'] as const).map((k) => (
          <Form.Item key={k} name={['weights', k]} label={t(`commitments.settings.weight.${k}`)} rules={[{ required: true }]} style={{ flex: '1 1 120px' }}>
            <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: '100%' }} />
          </Form.Item>
        ))}
      </Flex>
      <Flex wrap gap="0 12px">
        {(['branch', 'secretary', 'member'] as const).map((k) => (
          <Form.Item key={k} name={['minimums', k]} label={t(`commitments.settings.minimum.${k}`)} style={{ flex: '1 1 120px' }}>
            <InputNumber min={1} max={50} precision={0} placeholder={t('commitments.settings.noMinimum')} style={{ width: '100%' }} />
          </Form.Item>
        ))}
      </Flex>
      <Form.Item name="publishByMonth" label={t('commitments.settings.publishByMonth')} rules={[{ required: true }]}>
        <InputNumber min={1} max={12} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      {editable && <Button type="primary" htmlType="submit" loading={saving}>{t('commitments.settings.save')}</Button>}
    </Form>
  );
}
