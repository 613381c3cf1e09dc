import { Alert, App, Form, Input, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import type { ConcernSettings, OnBehalfBody, OrgSummary } from '../../contracts.js';
import { noteOf, showServerErrors } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { OrgIndex } from '../../orgTree.js';
import { OrgPicker } from '../org/OrgPicker.js';

type Values = { orgCode: string; content: string; category?: string; priority?: 'normal' | 'urgent'; channel: 'on_behalf' | 'visit'; visitId?: string; submitterName?: string; submitterPhone?: string; anonymous?: boolean; sms?: boolean };
/** Concerns are raised in villages and communities; their branches are what the picker offers. */
const notVillage = (o: OrgSummary) => (o.type !== 'branch' && o.type !== 'joint_branch' && o.type !== 'general_branch') || (o.unitType !== 'village' && o.unitType !== 'community');
const fields = ['orgCode', 'content', 'category', 'priority', 'channel', 'visitId', 'submitterName', 'submitterPhone', 'anonymous', 'replyChannel'];

/** A cadre enters a villager's concern: recorded as on their behalf (or from a visit) with whoever entered it. */
export function OnBehalfModal({ open, index, settings, onClose }: { open: boolean; index: OrgIndex; settings: ConcernSettings | undefined; onClose: (created: boolean) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const anonymous = Form.useWatch('anonymous', form);
  const channel = Form.useWatch('channel', form);

  const submit = async (v: Values) => {
    setBusy(true);
    setFailure(null);
    try {
      const body: OnBehalfBody = {
        orgCode: v.orgCode, content: v.content, category: v.category, priority: v.priority, channel: v.channel, visitId: noteOf(v.visitId),
        submitterName: v.anonymous ? undefined : noteOf(v.submitterName), submitterPhone: v.anonymous ? undefined : noteOf(v.submitterPhone),
        anonymous: v.anonymous || undefined, replyChannel: v.sms ? 'sms' : undefined,
      };
      const made = await api.post<{ id: string; trackingCode: string }>('/api/concerns', body);
      message.success(t('concerns.created', { code: made.trackingCode }));
      form.resetFields();
      onClose(true);
    } catch (error) {
      setFailure(showServerErrors(form, error, fields));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={t('concerns.new')} onCancel={() => onClose(false)} onOk={() => form.submit()} okButtonProps={{ loading: busy }} destroyOnHidden>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ channel: 'on_behalf', priority: 'normal' }} data-testid="concern-on-behalf">
        <Form.Item name="orgCode" label={t('concerns.form.village')} rules={[{ required: true, message: t('concerns.form.required') }]}>
          <OrgPicker index={index} isDisabled={notVillage} id="concern-village" />
        </Form.Item>
        <Form.Item name="content" label={t('concerns.form.content')} rules={[{ required: true, whitespace: true, min: 5, message: t('public.form.contentLength') }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="category" label={t('concerns.form.category')}>
          <Select allowClear options={settings?.categories.map((c) => ({ value: c.id, label: c.name })) ?? []} />
        </Form.Item>
        <Form.Item name="priority" label={t('concerns.form.priority')}>
          <Select options={(['normal', 'urgent'] as const).map((p) => ({ value: p, label: t(`concerns.form.priority.${p}`) }))} />
        </Form.Item>
        <Form.Item name="channel" label={t('concerns.form.channel')}>
          <Select options={(['on_behalf', 'visit'] as const).map((c) => ({ value: c, label: t(`concerns.channel.${c}`) }))} />
        </Form.Item>
        {channel === 'visit' && <Form.Item name="visitId" label={t('concerns.form.visitId')}><Input /></Form.Item>}
        <Form.Item name="anonymous" label={t('concerns.form.anonymous')} valuePropName="checked"><Switch /></Form.Item>
        {!anonymous && (
          <>
            <Form.Item name="submitterName" label={t('concerns.form.submitterName')}><Input maxLength={30} /></Form.Item>
            <Form.Item name="submitterPhone" label={t('concerns.form.submitterPhone')}><Input maxLength={20} inputMode="tel" /></Form.Item>
            <Form.Item name="sms" label={t('concerns.form.sms')} valuePropName="checked"><Switch /></Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
