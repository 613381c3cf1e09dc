import { Alert, Button, Card, Flex, Form, Input, Radio, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api } from '../api.js';
import { ApiFailure } from '../components/ApiFailure.js';
import { PublicShell } from '../components/concerns/PublicShell.js';
import type { TrackingView } from '../contracts.js';
import { chinaDateTime } from '../format.js';
import { showServerErrors } from '../forms.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { MessageKey } from '../i18n/messages.js';
import { useApi } from '../useApi.js';

const ratings = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;

/** The submitter's tracking page: where the concern stands, its public history, the reply, rating and reopening. */
export default function PublicTrackingPage() {
  const { trackingCode = '' } = useParams();
  const { t, lang } = useI18n();
  const [view, setView] = useState<TrackingView | null>(null);
  const loaded = useApi(`tracking|${trackingCode}|${lang}`, (signal) => api.get<TrackingView>(`/api/public/concerns/${encodeURIComponent(trackingCode)}`, undefined, { signal }));
  const c = view ?? loaded.data;

  return (
    <PublicShell title={t('public.track.title')}>
      {loaded.error ? <ApiFailure error={loaded.error} onRetry={loaded.reload} /> : !c ? <Skeleton active /> : (
        <>
          <Card size="small">
            <Flex vertical gap={8}>
              <Flex justify="space-between" align="center" wrap gap={8}>
                <Typography.Text type="secondary">{t('public.track.code', { code: c.trackingCode })}</Typography.Text>
                <Tag color={c.stateType === 'closed' ? 'default' : c.stateType === 'resolved' ? 'green' : 'blue'} data-testid="public-state">{c.stateLabel}</Tag>
              </Flex>
              <Typography.Text type="secondary">{c.org} · {t('public.track.received', { date: c.receivedOn })}{c.category ? ` · ${c.category}` : ''}</Typography.Text>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="public-content-text">{c.content}</Typography.Paragraph>
            </Flex>
          </Card>
          {c.reply && (
            <Alert type="success" title={t('public.track.reply')} data-testid="public-reply"
              description={<span style={{ whiteSpace: 'pre-wrap' }}>{c.reply}</span>} />
          )}
          {c.rating && <Typography.Text data-testid="public-rating">{t('public.track.rated', { rating: t(`concerns.rating.${c.rating}`) })}</Typography.Text>}
          {c.canRate && <RateForm code={c.trackingCode} until={c.rateUntil} onDone={setView} />}
          {c.canReopen && <ReopenForm code={c.trackingCode} until={c.reopenUntil} onDone={setView} />}
          <Card size="small">
            <Timeline data-testid="public-timeline" items={c.timeline.map((e) => ({
              content: (
                <Flex vertical>
                  <span>{t(`concerns.event.${e.action}` as MessageKey)}{e.stateLabel ? ` · ${e.stateLabel}` : ''}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{chinaDateTime(e.at)}{e.org ? ` · ${e.org}` : ''}</Typography.Text>
                </Flex>
              ),
            }))} />
          </Card>
        </>
      )}
    </PublicShell>
  );
}

function RateForm({ code, until, onDone }: { code: string; until: string | null; onDone: (v: TrackingView) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ rating: (typeof ratings)[number]; comment?: string }>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { rating: (typeof ratings)[number]; comment?: string }) => {
    setBusy(true);
    try {
      onDone(await api.post<TrackingView>(`/api/public/concerns/${encodeURIComponent(code)}/rate`, { rating: v.rating, comment: v.comment?.trim() || undefined }));
    } catch (error) {
      setFailure(showServerErrors(form, error, ['rating', 'comment']));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('public.track.rate')} extra={until && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('public.track.rateUntil', { date: until })}</Typography.Text>}>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} data-testid="public-rate-form">
        <Form.Item name="rating" rules={[{ required: true, message: t('concerns.form.required') }]}>
          <Radio.Group optionType="button" buttonStyle="solid" size="large" data-testid="public-rating-choice"
            options={ratings.map((r) => ({ value: r, label: <span data-testid={`public-rate-${r}`}>{t(`concerns.rating.${r}`)}</span> }))} />
        </Form.Item>
        <Form.Item name="comment" label={t('public.track.comment')}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="public-rate-submit">{t('public.track.rateSubmit')}</Button>
      </Form>
    </Card>
  );
}

function ReopenForm({ code, until, onDone }: { code: string; until: string | null; onDone: (v: TrackingView) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async ({ reason }: { reason: string }) => {
    try {
      onDone(await api.post<TrackingView>(`/api/public/concerns/${encodeURIComponent(code)}/reopen`, { reason: reason.trim() }));
    } catch (error) {
      setFailure(showServerErrors(form, error, ['reason']));
    }
  };
  if (!open) {
    return <Button block onClick={() => setOpen(true)} data-testid="public-reopen">{t('public.track.reopen')}{until ? `（${t('public.track.reopenUntil', { date: until })}）` : ''}</Button>;
  }
  return (
    <Card size="small" title={t('public.track.reopen')}>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label={t('public.track.reopenReason')} rules={[{ required: true, whitespace: true, min: 2, message: t('concerns.form.required') }]}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="public-reopen-reason" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block data-testid="public-reopen-submit">{t('public.track.reopenSubmit')}</Button>
      </Form>
    </Card>
  );
}
