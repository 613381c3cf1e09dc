import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Modal, Rate, Select, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import type { StarRatingList, StarRatingSubject } from '../../contracts.js';
import { noteOf, showServerErrors } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';
import { ApiFailure } from '../ApiFailure.js';
import { EChart, type ChartOption } from '../home/EChart.js';
import { Gate } from './Gate.js';

type Action = 'self' | 'review' | 'approve' | 'return';
const stageColor = { self_assessed: 'gold', reviewed: 'blue', approved: 'green' } as const;

/** 星级评定: the branches (and a branch's members) of the year with their stage, and the action each user may take. */
export function RatingsTab({ orgCode, year }: { orgCode: string; year: number }) {
  const { t, lang } = useI18n();
  const [acting, setActing] = useState<{ action: Action; subject: StarRatingSubject } | null>(null);
  const list = useApi(orgCode ? `points-ratings|${orgCode}|${year}|${lang}` : null, (signal) => api.get<StarRatingList>('/api/points/ratings', { org: orgCode, year }, { signal }));
  if (!orgCode) return <Alert type="info" showIcon title={t('points.pickOrg')} />;
  if (list.error && !list.data) return <ApiFailure error={list.error} onRetry={list.reload} />;
  const view = list.data;
  if (!view) return <Skeleton active paragraph={{ rows: 4 }} />;
  const counts = [0, 1, 2, 3, 4, 5].map((s) => view.items.filter((i) => i.rating?.stage === 'approved' && i.rating.stars === s).length);
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 32, right: 12, top: 16, bottom: 24 },
    xAxis: { type: 'category', data: counts.map((_, s) => t('points.stars', { count: s })) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: counts, itemStyle: { color: '#d4380d' } }],
  } as ChartOption;
  const button = (action: Action, s: StarRatingSubject) => (
    <Gate key={action} can={s.can[action]} t={t}>
      <Button size="small" type={action === 'return' ? 'default' : 'primary'} disabled={!s.can[action].allowed} onClick={() => setActing({ action, subject: s })} data-testid={`points-rating-${action}`}>
        {t(`points.rating.${action}`)}
      </Button>
    </Gate>
  );
  const columns = [
    { title: t('points.rating.subject'), key: 'subject', render: (_: unknown, s: StarRatingSubject) => (
      <Flex vertical><span>{s.person?.name ?? s.org.name}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(s.subjectType === 'branch' ? 'points.rating.branch' : 'points.rating.member')}</Typography.Text></Flex>
    ) },
    { title: t('points.rating.stage'), key: 'stage', render: (_: unknown, s: StarRatingSubject) => (
      <Flex vertical gap={2}>
        {s.rating ? <Tag color={stageColor[s.rating.stage]} data-testid="points-rating-stage">{t(`points.stage.${s.rating.stage}`)}</Tag> : <Tag data-testid="points-rating-stage">{t('points.rating.none')}</Tag>}
        {s.rating?.returnReason && <Typography.Text type="danger" style={{ fontSize: 12 }}>{t('points.rating.returned', { reason: s.rating.returnReason })}</Typography.Text>}
      </Flex>
    ) },
    { title: t('points.rating.selfTotal'), key: 'self', width: 80, render: (_: unknown, s: StarRatingSubject) => s.rating?.selfTotal ?? '—' },
    { title: t('points.rating.reviewTotal'), key: 'review', width: 80, render: (_: unknown, s: StarRatingSubject) => s.rating?.reviewTotal ?? '—' },
    { title: t('points.rating.stars'), key: 'stars', render: (_: unknown, s: StarRatingSubject) => (s.rating?.stars !== null && s.rating?.stars !== undefined
      ? <Rate disabled value={s.rating.stars} style={{ fontSize: 14 }} />
      : s.rating?.proposedStars !== null && s.rating?.proposedStars !== undefined ? <Typography.Text type="secondary">{t('points.rating.proposed', { count: s.rating.proposedStars })}</Typography.Text> : '—') },
    { title: t('points.rating.actions'), key: 'actions', render: (_: unknown, s: StarRatingSubject) => (
      <Flex gap={4} wrap>{(['self', 'review', 'approve', 'return'] as const).map((a) => button(a, s))}</Flex>
    ) },
  ];
  return (
    <Flex vertical gap={12}>
      <Card size="small" title={t('points.rating.chart')}><EChart option={option} height={180} ariaLabel={t('points.rating.chartAria')} /></Card>
      <Table<StarRatingSubject> size="small" rowKey={(s) => `${s.subjectType}|${s.org.code}|${s.person?.id ?? ''}`} columns={columns} dataSource={view.items}
        scroll={{ x: 720 }} pagination={{ pageSize: 50, hideOnSinglePage: true }} data-testid="points-ratings"
        onRow={(s) => ({ 'data-testid': `points-rating-row-${s.person?.name ?? s.org.name}` } as React.HTMLAttributes<HTMLElement>)} />
      {acting && <ActionModal {...acting} year={year} indicators={view.indicators} onClose={(done) => { setActing(null); if (done) list.reload(); }} />}
    </Flex>
  );
}

interface ModalProps { action: Action; subject: StarRatingSubject; year: number; indicators: StarRatingList['indicators']; onClose: (done: boolean) => void }

/** The form of one action: scores per indicator (self, review), the stars (approve), a reason (return). */
function ActionModal({ action, subject, year, indicators, onClose }: ModalProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, unknown>>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const list = indicators[subject.subjectType];
  const rating = subject.rating;
  const start = action === 'review' ? rating?.selfScores : action === 'self' ? rating?.selfScores : undefined;
  const initial = { ...Object.fromEntries(list.map((i) => [`score.${i.id}`, start?.[i.id]])), stars: rating?.proposedStars ?? undefined };
  const submit = async (v: Record<string, unknown>) => {
    setSaving(true);
    setFailure(null);
    const scores = Object.fromEntries(list.map((i) => [i.id, Number(v[`score.${i.id}`])]));
    const note = noteOf(v.note as string | undefined);
    try {
      if (action === 'self') await api.post('/api/points/ratings', { subjectType: subject.subjectType, orgCode: subject.org.code, personId: subject.person?.id, year, scores, note });
      if (action === 'review') await api.post(`/api/points/ratings/${rating!.id}/review`, { scores, note });
      if (action === 'approve') await api.post(`/api/points/ratings/${rating!.id}/approve`, { stars: v.stars as number | undefined, reason: noteOf(v.reason as string | undefined) });
      if (action === 'return') await api.post(`/api/points/ratings/${rating!.id}/return`, { reason: String(v.reason ?? '').trim() });
      message.success(t('points.rating.saved'));
      onClose(true);
    } catch (error) {
      setFailure(showServerErrors(form, error, ['reason', 'note', 'stars']));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={`${t(`points.rating.${action}`)} · ${subject.person?.name ?? subject.org.name} ${year}`} onCancel={() => onClose(false)}
      onOk={() => form.submit()} okButtonProps={{ loading: saving, ...{ 'data-testid': 'points-rating-submit' } }} destroyOnHidden>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="points-rating-failure" />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initial}>
        {(action === 'self' || action === 'review') && list.map((i) => (
          <Form.Item key={i.id} name={`score.${i.id}`} label={`${i.name}（${t('points.rating.max', { max: i.max })}）`} rules={[{ required: true, message: t('points.claim.required') }]}>
            <InputNumber min={0} max={i.max} step={0.5} style={{ width: '100%' }} data-testid={`points-score-${i.id}`} />
          </Form.Item>
        ))}
        {(action === 'self' || action === 'review') && <Form.Item name="note" label={t('points.rating.note')}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>}
        {action === 'approve' && (
          <>
            <Typography.Paragraph>{t('points.rating.reviewTotal')}：{rating?.reviewTotal} · {t('points.rating.proposed', { count: rating?.proposedStars ?? 0 })}</Typography.Paragraph>
            <Form.Item name="stars" label={t('points.rating.starsField')}>
              <Select options={[0, 1, 2, 3, 4, 5].map((s) => ({ value: s, label: t('points.stars', { count: s }) }))} data-testid="points-rating-stars" />
            </Form.Item>
            <Form.Item name="reason" label={t('points.rating.reason')} extra={t('points.rating.reasonHint')}><Input maxLength={500} /></Form.Item>
          </>
        )}
        {action === 'return' && (
          <Form.Item name="reason" label={t('points.rating.returnReason')} rules={[{ required: true, whitespace: true, message: t('points.claim.required') }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
