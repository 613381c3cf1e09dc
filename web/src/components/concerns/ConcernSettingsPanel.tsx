import { Alert, App, Button, Flex, Form, Input, InputNumber, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import type { ConcernSettings } from '../../contracts.js';
import { showServerErrors } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';
import { ApiFailure } from '../ApiFailure.js';

type Values = Omit<ConcernSettings, 'can' | 'stateLabels'>;
const fields = ['ratingDays', 'reopenDays', 'escalationStepDays', 'categories'];

/**
 * 设置: the county's categories with their time limits, the rating and reopen windows and the
 * escalation step. The county administrator edits them; everyone else reads them, told why.
 * State labels go back as they came.
 */
export function ConcernSettingsPanel({ onSaved }: { onSaved: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const settings = useApi(`concern-settings|${lang}`, (signal) => api.get<ConcernSettings>('/api/concerns/settings', undefined, { signal }));
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (settings.error && !settings.data) return <ApiFailure error={settings.error} onRetry={settings.reload} />;
  const view = settings.data;
  if (!view) return <Skeleton active paragraph={{ rows: 6 }} />;
  const { can, stateLabels, ...initial } = view;
  const editable = can.edit.allowed;

  const save = async (values: Values) => {
    setSaving(true);
    setFailure(null);
    try {
      await api.put<ConcernSettings>('/api/concerns/settings', { ...values, stateLabels });
      message.success(t('concerns.settings.saved'));
      settings.reload();
      onSaved();
    } catch (error) {
      setFailure(showServerErrors(form, error, fields));
    } finally {
      setSaving(false);
    }
  };
  const number = (name: keyof Values, max: number) => (
    <Form.Item name={name} label={t(`concerns.settings.${name}`)} rules={[{ required: true }]} style={{ flex: '1 1 200px' }}>
      <InputNumber min={1} max={max} precision={0} style={{ width: '100%' }} data-testid={`concern-settings-${name}`} />
    </Form.Item>
  );

  return (
    <Form form={form} layout="vertical" onFinish={save} disabled={!editable} initialValues={initial} style={{ maxWidth: 720 }} data-testid="concern-settings">
      {!editable && <Alert type="info" showIcon title={t('concerns.settings.readOnly')} style={{ marginBottom: 12 }} data-testid="concern-settings-readonly" />}
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="concern-settings-error" />}
      <Typography.Title level={5}>{t('concerns.settings.categories')}</Typography.Title>
      <Form.List name="categories">
        {(rows, { add, remove }) => (
          <Flex vertical gap={0}>
            {rows.map((row, i) => (
              <Flex key={row.key} wrap gap="0 8px" align="start" data-testid={`concern-category-${i}`}>
                <Form.Item name={[row.name, 'id']} rules={[{ required: true }]} style={{ flex: '1 1 140px' }} label={i === 0 ? t('concerns.settings.id') : undefined}>
                  <Input disabled={!editable || i < initial.categories.length} aria-label={t('concerns.settings.id')} />
                </Form.Item>
                <Form.Item name={[row.name, 'name']} rules={[{ required: true }]} style={{ flex: '1 1 160px' }} label={i === 0 ? t('concerns.settings.name') : undefined}>
                  <Input maxLength={20} aria-label={t('concerns.settings.name')} data-testid={`concern-category-name-${i}`} />
                </Form.Item>
                <Form.Item name={[row.name, 'limitDays']} rules={[{ required: true }]} style={{ flex: '0 0 120px' }} label={i === 0 ? t('concerns.settings.limitDays') : undefined}>
                  <InputNumber min={1} max={120} precision={0} style={{ width: '100%' }} aria-label={t('concerns.settings.limitDays')} data-testid={`concern-category-limit-${i}`} />
                </Form.Item>
                {editable && <Button type="link" danger onClick={() => remove(row.name)} style={{ marginTop: i === 0 ? 30 : 0 }}>{t('concerns.settings.remove')}</Button>}
              </Flex>
            ))}
            {editable && <Button onClick={() => add({ id: '', name: '', limitDays: 10 })} style={{ alignSelf: 'start', marginBottom: 16 }} data-testid="concern-category-add">{t('concerns.settings.add')}</Button>}
          </Flex>
        )}
      </Form.List>
      <Flex wrap gap="0 12px">
        {number('ratingDays', 60)}
        {number('reopenDays', 90)}
        {number('escalationStepDays', 60)}
      </Flex>
      {editable && <Button type="primary" htmlType="submit" loading={saving} data-testid="concern-settings-save">{t('concerns.settings.save')}</Button>}
    </Form>
  );
}
