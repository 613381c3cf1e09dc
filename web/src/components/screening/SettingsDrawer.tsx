import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Flex, Form, Input, InputNumber, Radio, Select, Skeleton, Switch, Typography } from 'antd';
import { api } from '../../api.js';
import type { ScreeningSettings } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';
import { useSubmit } from '../../useSubmit.js';
import { ApiFailure } from '../ApiFailure.js';

type Values = Omit<ScreeningSettings, 'can'>;
const categories = ['soft', 'lax', 'poor', 'chaotic'] as const;
const kinds = ['secretary_vacant_months', 'meetings_missed', 'no_development_target_years', 'satisfaction_below', 'petitions_above', 'assessment_low_grade'] as const;

/** 认定标准: the county's criteria, departments and quota; others read them with the reason. */
export function SettingsDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const settings = useApi(open ? `screening-settings|${lang}` : null, (signal) => api.get<ScreeningSettings>('/api/screening/settings', undefined, { signal }));
  const [form] = Form.useForm<Values>();
  const { busy, error, submit } = useSubmit<Values>(form, ['criteria', 'departments', 'quota'], async (values) => {
    const criteria = values.criteria.map((c) => ({ ...c, indicator: c.indicator?.kind ? { kind: c.indicator.kind, threshold: c.indicator.threshold ?? 0 } : null }));
    await api.put<ScreeningSettings>('/api/screening/settings', { ...values, criteria });
    message.success(t('screening.saved'));
    settings.reload();
  });
  const view = settings.data;
  const editable = view?.can.edit.allowed ?? false;
  const body = () => {
    if (settings.error && !view) return <ApiFailure error={settings.error} onRetry={settings.reload} />;
    if (!view) return <Skeleton active paragraph={{ rows: 8 }} />;
    const { can: _, ...initial } = view;
    return (
      <Form form={form} layout="vertical" onFinish={submit} disabled={!editable} initialValues={initial} key={JSON.stringify(initial)} data-testid="screening-settings">
        {!editable && <Alert type="info" showIcon title={t('screening.readOnly')} style={{ marginBottom: 12 }} />}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form.List name="criteria">
          {(fields, { add }) => (
            <Flex vertical gap={4}>
              {fields.map((field) => (
                <Flex key={field.key} gap={6} align="start" wrap>
                  <Form.Item name={[field.name, 'code']} style={{ width: 64, marginBottom: 4 }} rules={[{ required: true }]}><Input placeholder={t('screening.settings.code')} /></Form.Item>
                  <Form.Item name={[field.name, 'title']} style={{ flex: '1 1 260px', marginBottom: 4 }} rules={[{ required: true, whitespace: true }]}><Input.TextArea autoSize placeholder={t('screening.settings.title')} /></Form.Item>
                  <Form.Item name={[field.name, 'category']} style={{ width: 72, marginBottom: 4 }}>
                    <Select options={categories.map((c) => ({ value: c, label: t(`screening.category.${c}`) }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'indicator', 'kind']} style={{ width: 200, marginBottom: 4 }}>
                    <Select allowClear placeholder={t('screening.indicator.none')} options={kinds.map((k) => ({ value: k, label: t(`screening.indicator.${k}`) }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'indicator', 'threshold']} style={{ width: 80, marginBottom: 4 }}><InputNumber min={0} max={1000} precision={0} placeholder="N" /></Form.Item>
                  <Form.Item name={[field.name, 'active']} valuePropName="checked" style={{ marginBottom: 4 }}><Switch size="small" /></Form.Item>
                </Flex>
              ))}
              {editable && <Button icon={<PlusOutlined />} onClick={() => add({ code: '', title: '', category: 'soft', indicator: null, active: true })}>{t('screening.settings.add')}</Button>}
            </Flex>
          )}
        </Form.List>
        <Typography.Text type="secondary" style={{ display: 'block', margin: '8px 0' }}>{t('screening.settings.noIncome')}</Typography.Text>
        <Typography.Title level={5}>{t('screening.settings.departments')}</Typography.Title>
        {categories.map((c) => (
          <Form.Item key={c} name={['departments', c]} label={t(`screening.category.${c}`)}>
            <Select mode="tags" tokenSeparators={[',', '，', '、']} />
          </Form.Item>
        ))}
        <Typography.Title level={5}>{t('screening.settings.quota')}</Typography.Title>
        <Form.Item name={['quota', 'kind']}>
          <Radio.Group options={[{ value: 'none', label: t('screening.settings.quotaNone') }, { value: 'share', label: t('screening.settings.quotaShare') }]} />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.quota?.kind !== b.quota?.kind}>
          {({ getFieldValue }) => getFieldValue(['quota', 'kind']) === 'share' && (
            <Form.Item name={['quota', 'permille']} label={t('screening.settings.permille')} rules={[{ required: true }]}>
              <InputNumber min={1} max={1000} precision={0} suffix="‰" />
            </Form.Item>
          )}
        </Form.Item>
        {editable && <Button type="primary" htmlType="submit" loading={busy} data-testid="screening-settings-save">{t('screening.save')}</Button>}
      </Form>
    );
  };
  return <Drawer open={open} onClose={onClose} title={t('screening.criteria')} size="large" destroyOnHidden>{body()}</Drawer>;
}
