import { Alert, App, Button, Card, Checkbox, Flex, Form, Input, InputNumber, Select, Skeleton, Switch, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import type { PointsSettings, PointsSettingsBody } from '../../contracts.js';
import { showServerErrors } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';
import { ApiFailure } from '../ApiFailure.js';

const kinds = ['base', 'addition', 'deduction'] as const;
const sources = ['manual', 'full_membership', 'meeting_attendance', 'meeting_absence', 'dues_on_time', 'visit'] as const;

/** 积分设置: the county's catalogue, star thresholds, rating indicators and the display switch; editable by the county administrator only. */
export function SettingsTab() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const settings = useApi(`points-settings|${lang}`, (signal) => api.get<PointsSettings>('/api/points/settings', undefined, { signal }));
  const [form] = Form.useForm<PointsSettingsBody>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (settings.error && !settings.data) return <ApiFailure error={settings.error} onRetry={settings.reload} />;
  const view = settings.data;
  if (!view) return <Skeleton active paragraph={{ rows: 6 }} />;
  const editable = view.can.edit.allowed;
  const { can: _can, ...initial } = view;

  const save = async (values: PointsSettingsBody) => {
    setSaving(true);
    setFailure(null);
    try {
      await api.put('/api/points/settings', { ...values, items: values.items.map((i) => ({ ...i, cap: i.cap ?? null, evidenceRequired: i.evidenceRequired ?? false })) });
      message.success(t('points.settings.saved'));
      settings.reload();
    } catch (error) {
      // Problems name nested paths (items.1.cap); shown together above the form.
      setFailure(showServerErrors(form, error, []));
    } finally {
      setSaving(false);
    }
  };
  const thresholds = (name: (string | number)[], label: string, testid: string) => (
    <Form.Item label={label}>
      <Flex gap={4} wrap data-testid={testid}>
        {[0, 1, 2, 3, 4].map((i) => (
          <Form.Item key={i} name={[...name, i]} noStyle rules={[{ required: true }]}>
            <InputNumber min={0} max={100000} precision={0} style={{ width: 80 }} addonBefore={`${i + 1}★`} />
          </Form.Item>
        ))}
      </Flex>
    </Form.Item>
  );
  const indicators = (name: 'branchIndicators' | 'memberIndicators', label: string) => (
    <Card size="small" title={label}>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <Flex vertical gap={4}>
            {fields.map((f) => (
              <Flex key={f.key} gap={4} wrap align="center">
                <Form.Item name={[f.name, 'id']} noStyle rules={[{ required: true }]}><Input placeholder={t('points.settings.id')} style={{ width: 150 }} /></Form.Item>
                <Form.Item name={[f.name, 'name']} noStyle rules={[{ required: true }]}><Input placeholder={t('points.settings.name')} style={{ width: 150 }} /></Form.Item>
                <Form.Item name={[f.name, 'max']} noStyle rules={[{ required: true }]}><InputNumber min={0} max={1000} precision={0} placeholder={t('points.settings.max')} style={{ width: 90 }} /></Form.Item>
                {editable && <Button size="small" onClick={() => remove(f.name)}>{t('points.remove')}</Button>}
              </Flex>
            ))}
            {editable && <Button size="small" onClick={() => add({ id: '', name: '', max: 10 })} style={{ alignSelf: 'flex-start' }}>{t('points.settings.addIndicator')}</Button>}
          </Flex>
        )}
      </Form.List>
    </Card>
  );

  return (
    <Form form={form} layout="vertical" onFinish={save} disabled={!editable} initialValues={initial} data-testid="points-settings">
      <Flex vertical gap={12}>
        {!editable && <Alert type="info" showIcon title={t('points.settings.readOnly')} data-testid="points-settings-readonly" />}
        {failure && <Alert type="error" showIcon title={failure} data-testid="points-settings-failure" />}
        <Card size="small" title={t('points.settings.items')} extra={<Typography.Text type="secondary">{t('points.settings.visitNote')}</Typography.Text>}>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <Flex vertical gap={6}>
                {fields.map((f) => (
                  <Flex key={f.key} gap={4} wrap align="center" style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 6 }}>
                    <Form.Item name={[f.name, 'id']} noStyle rules={[{ required: true }]}><Input placeholder={t('points.settings.id')} style={{ width: 150 }} /></Form.Item>
                    <Form.Item name={[f.name, 'name']} noStyle rules={[{ required: true }]}><Input placeholder={t('points.settings.name')} style={{ width: 160 }} /></Form.Item>
                    <Form.Item name={[f.name, 'kind']} noStyle><Select style={{ width: 90 }} options={kinds.map((k) => ({ value: k, label: t(`points.kind.${k}`) }))} /></Form.Item>
                    <Form.Item name={[f.name, 'source']} noStyle><Select style={{ width: 200 }} options={sources.map((s) => ({ value: s, label: t(`points.source.${s}`) }))} /></Form.Item>
                    <Form.Item name={[f.name, 'points']} noStyle rules={[{ required: true }]}><InputNumber min={1} max={1000} precision={0} style={{ width: 110 }} addonBefore={t('points.settings.pointsEach')} /></Form.Item>
                    <Form.Item name={[f.name, 'cap']} noStyle><InputNumber min={1} max={10000} precision={0} style={{ width: 120 }} addonBefore={t('points.settings.cap')} /></Form.Item>
                    <Form.Item name={[f.name, 'evidenceRequired']} noStyle valuePropName="checked"><Checkbox>{t('points.settings.evidence')}</Checkbox></Form.Item>
                    {editable && <Button size="small" onClick={() => remove(f.name)}>{t('points.remove')}</Button>}
                  </Flex>
                ))}
                {editable && <Button size="small" style={{ alignSelf: 'flex-start' }} onClick={() => add({ id: '', name: '', kind: 'addition', source: 'manual', points: 1, cap: null, evidenceRequired: true })}>{t('points.settings.addItem')}</Button>}
              </Flex>
            )}
          </Form.List>
        </Card>
        <Card size="small">
          {thresholds(['memberStars'], t('points.settings.memberStars'), 'points-settings-memberStars')}
          {thresholds(['ratingStars', 'branch'], t('points.settings.ratingStarsBranch'), 'points-settings-branchStars')}
          {thresholds(['ratingStars', 'member'], t('points.settings.ratingStarsMember'), 'points-settings-memberRatingStars')}
        </Card>
        {indicators('branchIndicators', t('points.settings.branchIndicators'))}
        {indicators('memberIndicators', t('points.settings.memberIndicators'))}
        <Form.Item name="rankingsPublic" label={t('points.settings.rankingsPublic')} extra={t('points.settings.rankingsHint')} valuePropName="checked">
          <Switch data-testid="points-settings-public" />
        </Form.Item>
        {editable && <Button type="primary" htmlType="submit" loading={saving} style={{ alignSelf: 'flex-start' }} data-testid="points-settings-save">{t('points.settings.save')}</Button>}
      </Flex>
    </Form>
  );
}
