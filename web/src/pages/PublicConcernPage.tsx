import { Alert, Button, Card, Form, Input, Result, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api.js';
import { ApiFailure } from '../components/ApiFailure.js';
import { PublicCommitmentList } from '../components/commitments/PublicCommitmentList.js';
import { PublicShell } from '../components/concerns/PublicShell.js';
import type { VillageView } from '../contracts.js';
import { noteOf, showServerErrors } from '../forms.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useApi } from '../useApi.js';

type Values = { content: string; category?: string; name?: string; phone?: string; anonymous?: boolean; sms?: boolean; website?: string };
const fields = ['content', 'category', 'name', 'phone', 'anonymous', 'replyChannel'];

/** A village's concern page, opened from the QR code on its concern cards: no account, a phone's width. */
export default function PublicConcernPage() {
  const { orgCode = '' } = useParams();
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [code, setCode] = useState<string | null>(null);
  const anonymous = Form.useWatch('anonymous', form);
  const village = useApi(`village|${orgCode}|${lang}`, (signal) => api.get<VillageView>(`/api/public/villages/${encodeURIComponent(orgCode)}`, undefined, { signal }));

  const submit = async (v: Values) => {
    setBusy(true);
    setFailure(null);
    try {
      const phone = v.anonymous ? undefined : noteOf(v.phone);
      const made = await api.post<{ trackingCode: string }>(`/api/public/villages/${encodeURIComponent(orgCode)}/concerns`, {
        content: v.content, category: v.category, name: v.anonymous ? undefined : noteOf(v.name), phone, anonymous: v.anonymous || undefined,
        replyChannel: v.sms && phone ? 'sms' : undefined, website: v.website || undefined,
      });
      setCode(made.trackingCode);
      form.resetFields();
    } catch (error) {
      setFailure(showServerErrors(form, error, fields));
    } finally {
      setBusy(false);
    }
  };

  if (village.error) return <PublicShell title={t('concerns.title')}><ApiFailure error={village.error} onRetry={village.reload} /></PublicShell>;
  const title = village.data ? t('public.form.title', { org: village.data.org.name }) : t('concerns.title');
  if (code) {
    return (
      <PublicShell title={title}>
        <Result status="success" title={t('public.form.done')} subTitle={t('public.form.keep')} extra={[
          <Typography.Title key="code" level={2} copyable style={{ letterSpacing: 2 }} data-testid="public-tracking-code">{code}</Typography.Title>,
          <Link key="track" to={`/t/${code}`}><Button type="primary" size="large" data-testid="public-track-link">{t('public.form.track')}</Button></Link>,
          <Button key="again" size="large" onClick={() => setCode(null)}>{t('public.form.another')}</Button>,
        ]} />
      </PublicShell>
    );
  }
  return (
    <PublicShell title={title}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('public.form.intro')}</Typography.Paragraph>
      {village.data && (
        <Typography.Paragraph style={{ margin: 0 }} data-testid="public-last-month">
          {t('concerns.public.lastMonth', { ...village.data.lastMonth, month: lang === 'zh' ? `${Number(village.data.lastMonth.month.slice(5))}月` : village.data.lastMonth.month })}
        </Typography.Paragraph>
      )}
      <Card size="small">
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="public-form-error" />}
        <Form form={form} layout="vertical" onFinish={submit} data-testid="public-concern-form" size="large">
          <Form.Item name="content" label={t('public.form.content')} rules={[{ required: true, whitespace: true, min: 5, max: 2000, message: t('public.form.contentLength') }]}>
            <Input.TextArea rows={5} maxLength={2000} showCount data-testid="public-content" />
          </Form.Item>
          <Form.Item name="category" label={t('public.form.category')}>
            <Select allowClear options={village.data?.categories.map((c) => ({ value: c.id, label: c.name })) ?? []} data-testid="public-category" />
          </Form.Item>
          <Form.Item name="anonymous" label={t('public.form.anonymous')} valuePropName="checked"><Switch data-testid="public-anonymous" /></Form.Item>
          {!anonymous && (
            <>
              <Form.Item name="name" label={t('public.form.name')}><Input maxLength={30} autoComplete="name" data-testid="public-name" /></Form.Item>
              <Form.Item name="phone" label={t('public.form.phone')}><Input maxLength={11} inputMode="tel" autoComplete="tel" data-testid="public-phone" /></Form.Item>
              <Form.Item name="sms" label={t('public.form.sms')} valuePropName="checked"><Switch /></Form.Item>
            </>
          )}
          {/* A field people never see: bots fill every input they find, and the server drops what fills it. */}
          <div aria-hidden="true" style={{ position: 'absolute', left: -10000, top: 'auto', width: 1, height: 1, overflow: 'hidden' }}>
            <Form.Item name="website" label={t('public.form.website')}><Input tabIndex={-1} autoComplete="off" /></Form.Item>
          </div>
          <Button type="primary" htmlType="submit" block loading={busy} disabled={!village.data} data-testid="public-submit">{t('public.form.submit')}</Button>
        </Form>
      </Card>
      <PublicCommitmentList orgCode={orgCode} />
    </PublicShell>
  );
}
