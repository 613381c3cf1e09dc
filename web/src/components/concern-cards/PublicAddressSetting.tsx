import { App as AntApp, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import type { CardSettings, CardSettingsBody } from '../../contracts.js';
import { showServerErrors } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';
import { ApiFailure } from '../ApiFailure.js';

/** The platform's public address the concern cards' QR codes lead to: the county administrator's to set, shown read-only to others. */
export function PublicAddressSetting({ onSaved }: { onSaved?: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ publicAddress: string }>();
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const loaded = useApi('card-settings', (signal) => api.get<CardSettings>('/api/concern-cards/settings', undefined, { signal }));
  if (loaded.error) return <ApiFailure error={loaded.error} onRetry={loaded.reload} />;
  const settings = loaded.data;
  const editable = settings?.can.edit.allowed === true;

  const save = async ({ publicAddress }: { publicAddress: string }) => {
    setSaving(true);
    setProblem(null);
    form.setFields([{ name: 'publicAddress', errors: [] }]);
    try {
      const body: CardSettingsBody = { publicAddress: publicAddress?.trim() ? publicAddress.trim() : null };
      await api.put<CardSettings>('/api/concern-cards/settings', body);
      message.success(t('cards.address.saved'));
      loaded.reload();
      onSaved?.();
    } catch (e) {
      setProblem(showServerErrors(form, e, ['publicAddress']));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size="small" title={t('cards.address.title')} loading={loaded.loading && !settings} data-testid="cards-address">
      {settings && (editable ? (
        <Form form={form} layout="vertical" initialValues={{ publicAddress: settings.publicAddress ?? '' }} onFinish={save}>
          <Form.Item name="publicAddress" label={t('cards.address.label')} extra={t('cards.address.help')} style={{ marginBottom: 8 }}>
            <Input placeholder={t('cards.address.placeholder')} inputMode="url" allowClear data-testid="cards-address-input" />
          </Form.Item>
          {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
          <Flex justify="end"><Button type="primary" htmlType="submit" loading={saving} data-testid="cards-address-save">{t('cards.address.save')}</Button></Flex>
        </Form>
      ) : (
        <Flex vertical gap={4}>
          <Typography.Text>{t('cards.address.label')}：{settings.publicAddress ?? t('cards.address.unset')}</Typography.Text>
          <Typography.Text type="secondary">{t('cards.address.readOnly')} · {t('cards.address.help')}</Typography.Text>
        </Flex>
      ))}
    </Card>
  );
}
