import { Alert, App, Button, Card, Flex, Form, InputNumber, Select, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import type { PairingSettingsView } from '../../contracts.js';
import { showServerErrors } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';
import { ApiFailure } from '../ApiFailure.js';

type Settings = Omit<PairingSettingsView, 'can'>;
const units = ['week', 'month', 'quarter', 'year'] as const;

/**
 * 设置: households per rank with the titles that fall in it, and the contact frequency; the county
 * administrator edits them, everyone else reads them. Help types are shown as the county has them.
 */
export function SettingsTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const settings = useApi('pairing-settings', (signal) => api.get<PairingSettingsView>('/api/pairing/settings', undefined, { signal }));
  const [form] = Form.useForm<Settings>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (settings.error && !settings.data) return <ApiFailure error={settings.error} onRetry={settings.reload} />;
  const view = settings.data;
  if (!view) return <Skeleton active paragraph={{ rows: 4 }} />;
  const { can, ...initial } = view;
  const editable = can.edit.allowed;

  const save = async (values: Settings) => {
    setSaving(true);
    setFailure(null);
    try {
      // The form edits numbers, titles and the frequency; ids, names and help types go back as they came.
      const ranks = initial.ranks.map((r, i) => ({ ...r, households: values.ranks[i]!.households, titles: values.ranks[i]!.titles }));
      await api.put<PairingSettingsView>('/api/pairing/settings', { ...initial, ranks, frequency: values.frequency });
      message.success(t('pairing.settings.saved'));
      settings.reload();
    } catch (error) {
      setFailure(showServerErrors(form, error, []));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={save} disabled={!editable} initialValues={initial} style={{ maxWidth: 720 }} data-testid="pairing-settings">
      {!editable && <Alert type="info" showIcon title={t('pairing.settings.readOnly')} style={{ marginBottom: 12 }} />}
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Typography.Title level={5}>{t('pairing.settings.ranks')}</Typography.Title>
      {initial.ranks.map((r, i) => (
        <Card key={r.id} size="small" title={r.name} style={{ marginBottom: 8 }}>
          <Flex wrap gap="0 12px">
            <Form.Item name={['ranks', i, 'households']} label={t('pairing.quota.quota')} rules={[{ required: true }]} style={{ flex: '0 0 120px' }}>
              <InputNumber min={0} max={50} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name={['ranks', i, 'titles']} label={t('pairing.settings.titles')} style={{ flex: '1 1 300px' }}>
              <Select mode="tags" tokenSeparators={['、', '，', ',']} open={false} suffixIcon={null} />
            </Form.Item>
          </Flex>
        </Card>
      ))}
      <Typography.Title level={5}>{t('pairing.settings.frequency')}</Typography.Title>
      <Flex wrap gap="0 12px">
        <Form.Item name={['frequency', 'min']} label={t('pairing.settings.min')} rules={[{ required: true }]} style={{ flex: '0 0 160px' }}>
          <InputNumber min={1} max={31} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name={['frequency', 'unit']} label={t('pairing.settings.unit')} style={{ flex: '0 0 160px' }}>
          <Select options={units.map((u) => ({ value: u, label: t(`pairing.unit.${u}`) }))} />
        </Form.Item>
      </Flex>
      <Typography.Title level={5}>{t('pairing.field.helpTypes')}</Typography.Title>
      <Flex wrap gap={4} style={{ marginBottom: 16 }}>{initial.helpTypes.map((h) => <Tag key={h.id}>{h.name}</Tag>)}</Flex>
      {editable && <Button type="primary" htmlType="submit" loading={saving} data-testid="pairing-settings-save">{t('pairing.save')}</Button>}
    </Form>
  );
}
