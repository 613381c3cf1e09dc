import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Flex, Form, Input, InputNumber, Radio, Skeleton, Typography } from 'antd';
import { api } from '../../api.js';
import type { RectificationSettings } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';
import { useSubmit } from '../../useSubmit.js';
import { ApiFailure } from '../ApiFailure.js';

type Body = Omit<RectificationSettings, 'can'>;
/** The cadence as the form edits it: a unit, or every N days. */
type Values = Omit<Body, 'cadence'> & { cadenceKind: 'week' | 'month' | 'days'; everyDays?: number };

const toValues = ({ cadence, ...rest }: Body): Values => ('everyDays' in cadence
  ? { ...rest, cadenceKind: 'days', everyDays: cadence.everyDays }
  : { ...rest, cadenceKind: cadence.unit });
const toBody = ({ cadenceKind, everyDays, ...rest }: Values): Body => ({
  ...rest, cadence: cadenceKind === 'days' ? { everyDays: everyDays ?? 0 } : { unit: cadenceKind },
  scoreSheet: (rest.scoreSheet ?? []).map((s) => ({ item: s.item, max: s.max })),
});
const sum = (sheet: { max?: number }[] | undefined) => Math.round((sheet ?? []).reduce((total, s) => total + (s?.max ?? 0), 0) * 10) / 10;

/**
 * 整顿设置: how often progress is reported, the watch after acceptance, the pass score, the dissatisfied
 * share that fails and the default score sheet. The county administrator edits them; everyone else reads
 * them with the reason they cannot change them.
 */
export function SettingsDrawer({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved?: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const settings = useApi(open ? `rectification-settings-edit|${lang}` : null, (signal) => api.get<RectificationSettings>('/api/rectification/settings', undefined, { signal }));
  const [form] = Form.useForm<Values>();
  const sheet = Form.useWatch('scoreSheet', form);
  const { busy, error, submit } = useSubmit<Values>(form, ['watchMonths', 'basicPassExtraMonths', 'passScore', 'failDissatisfiedPermille', 'scoreSheet', 'everyDays'], async (values) => {
    await api.put<RectificationSettings>('/api/rectification/settings', toBody(values));
    message.success(t('rectification.saved'));
    settings.reload();
    onSaved?.();
  });
  const view = settings.data;
  const editable = view?.can.edit.allowed ?? false;
  const body = () => {
    if (settings.error && !view) return <ApiFailure error={settings.error} onRetry={settings.reload} />;
    if (!view) return <Skeleton active paragraph={{ rows: 8 }} />;
    const { can, ...initial } = view;
    const reason = t(can.edit.reason === 'out_of_scope' ? 'rectification.settings.reason.out_of_scope' : 'rectification.settings.reason.no_ability');
    return (
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} disabled={!editable} initialValues={toValues(initial)} key={JSON.stringify(initial)}
        data-testid="rectification-settings">
        {!editable && <Alert type="info" showIcon title={t('rectification.settings.readOnly', { reason })} style={{ marginBottom: 12 }} data-testid="rectification-settings-readonly" />}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form.Item name="cadenceKind" label={t('rectification.settings.cadence')}>
          <Radio.Group data-testid="settings-cadence" options={(['week', 'month', 'days'] as const).map((k) => ({
            value: k, label: <span data-testid={`settings-cadence-${k}`}>{t(`rectification.settings.cadence.${k}`)}</span>,
          }))} />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.cadenceKind !== b.cadenceKind}>
          {({ getFieldValue }) => getFieldValue('cadenceKind') === 'days' && (
            <Form.Item name="everyDays" label={t('rectification.settings.everyDays')} rules={[{ required: true, message: t('rectification.settings.everyDaysRequired') }]}>
              <InputNumber min={1} max={31} precision={0} suffix={t('rectification.settings.days')} data-testid="settings-every-days" />
            </Form.Item>
          )}
        </Form.Item>
        <Flex wrap gap="0 12px">
          <Form.Item name="watchMonths" label={t('rectification.settings.watchMonths')} rules={[{ required: true }]} style={{ flex: '1 1 160px' }}>
            <InputNumber min={1} max={60} precision={0} suffix={t('rectification.settings.months')} style={{ width: '100%' }} data-testid="settings-watch" />
          </Form.Item>
          <Form.Item name="basicPassExtraMonths" label={t('rectification.settings.basicPassExtraMonths')} rules={[{ required: true }]} style={{ flex: '1 1 160px' }}>
            <InputNumber min={0} max={36} precision={0} suffix={t('rectification.settings.months')} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="passScore" label={t('rectification.settings.passScore')} rules={[{ required: true }]} style={{ flex: '1 1 160px' }}>
            <InputNumber min={0} max={100} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="failDissatisfiedPermille" label={t('rectification.settings.failDissatisfied')} rules={[{ required: true }]} style={{ flex: '1 1 160px' }}>
            <InputNumber min={0} max={1000} precision={0} suffix="‰" style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Typography.Title level={5}>{t('rectification.scoreSheet')}</Typography.Title>
        <Form.List name="scoreSheet">
          {(fields, { add, remove }, { errors }) => (
            <Flex vertical gap={4}>
              {fields.map((field) => (
                <Flex key={field.key} gap={6} align="start">
                  <Form.Item name={[field.name, 'item']} style={{ flex: 1, marginBottom: 4 }} rules={[{ required: true, whitespace: true, max: 100 }]}>
                    <Input placeholder={t('rectification.settings.item')} data-testid={`settings-item-${field.name}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'max']} style={{ width: 110, marginBottom: 4 }} rules={[{ required: true }]}>
                    <InputNumber min={0.5} max={100} step={0.5} placeholder={t('rectification.max')} data-testid={`settings-max-${field.name}`} />
                  </Form.Item>
                  {editable && <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('rectification.settings.removeItem')} />}
                </Flex>
              ))}
              <Typography.Text type={sum(sheet) === 100 ? 'secondary' : 'danger'} data-testid="settings-sum">{t('rectification.total', { total: sum(sheet) })}</Typography.Text>
              <Form.ErrorList errors={errors} />
              {editable && <Button icon={<PlusOutlined />} onClick={() => add({ item: '', max: undefined })}>{t('rectification.settings.addItem')}</Button>}
            </Flex>
          )}
        </Form.List>
        {editable && <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 12 }} data-testid="rectification-settings-save">{t('rectification.settings.save')}</Button>}
      </Form>
    );
  };
  return <Drawer open={open} onClose={onClose} title={t('rectification.settings')} size="large" destroyOnHidden>{body()}</Drawer>;
}
