import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useLayoutEffect, useState } from 'react';
import { api } from '../../api.js';
import type { Commitment } from '../../contracts.js';
import { isoDay, showServerErrors, today } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { dayLabel } from './format.js';

export type CommitmentAction = 'publish' | 'update' | 'complete' | 'delay' | 'abandon' | 'appraise';

interface Values {
  on?: Dayjs;
  leaf?: string;
  value?: number | null;
  percent?: number | null;
  note?: string;
  evidence?: string;
  dueOn?: Dayjs;
  reason?: string;
  selfScore?: number;
  massesScore?: number;
  superiorScore?: number;
  satisfiedVotes?: number | null;
  votes?: number | null;
}

/** One action on a commitment: publish, record progress (践诺), complete, delay, abandon, or appraise (评诺). */
export function ActionModal({ commitment, action, onClose, onDone }: { commitment: Commitment; action: CommitmentAction | null; onClose: () => void; onDone: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const leafId = Form.useWatch('leaf', form);
  const leaves = commitment.items.length > 0
    ? commitment.items.map((i) => ({ id: i.id, title: i.title, targetValue: i.targetValue, unit: i.unit }))
    : [{ id: commitment.id, title: commitment.title, targetValue: commitment.targetValue, unit: commitment.unit }];
  const leaf = leaves.find((l) => l.id === leafId) ?? leaves[0]!;
  const firstLeaf = leaves[0]!.id;

  // Before paint: a modal shown a moment with an empty date refused an OK clicked at once (seen on CI's loaded machine).
  useLayoutEffect(() => {
    if (!action) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue({ on: today(), leaf: firstLeaf });
  }, [action, firstLeaf, form]);

  const submit = async (v: Values) => {
    if (!action) return;
    setSaving(true);
    setFailure(null);
    const on = isoDay(v.on)!;
    try {
      const url = `/api/commitments/${commitment.id}`;
      if (action === 'publish') await api.post(`${url}/publish`, { publishedOn: on });
      if (action === 'complete') await api.post(`${url}/complete`, { completedOn: on });
      if (action === 'delay') await api.post(`${url}/delay`, { dueOn: isoDay(v.dueOn), reason: v.reason });
      if (action === 'abandon') await api.post(`${url}/abandon`, { reason: v.reason });
      if (action === 'update') {
        await api.post(`/api/commitments/${leaf.id}/updates`, {
          madeOn: on, note: v.note, evidence: v.evidence?.trim() || null,
          ...(leaf.targetValue !== null ? { value: v.value ?? null } : { progressPermille: v.percent === null || v.percent === undefined ? null : Math.round(v.percent * 10) }),
        });
      }
      if (action === 'appraise') {
        await api.put(`${url}/appraisal`, {
          selfScore: v.selfScore, massesScore: v.massesScore, superiorScore: v.superiorScore, appraisedOn: on,
          satisfiedVotes: v.satisfiedVotes ?? null, votes: v.votes ?? null,
        });
      }
      message.success(t(`commitments.done.${action}`));
      onDone();
    } catch (error) {
      // The server's message names every field; the form's field names differ from the request's, so it is shown above the form.
      setFailure(showServerErrors(form, error, []));
    } finally {
      setSaving(false);
    }
  };

  const dateLabel = action === 'update' ? t('commitments.madeOn') : action === 'publish' ? t('commitments.publishedOn') : action === 'complete' ? t('commitments.completedOn') : t('commitments.appraisedOn');
  return (
    <Modal open={action !== null} onCancel={onClose} onOk={() => form.submit()} confirmLoading={saving} destroyOnHidden
      title={action ? `${t(`commitments.action.${action}`)} · ${commitment.title}` : ''}>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="commitment-action-failure" />}
      <Form form={form} layout="vertical" onFinish={submit} data-testid="commitment-action-form">
        {action !== 'delay' && action !== 'abandon' && (
          <Form.Item name="on" label={dateLabel} rules={[{ required: true }]}>
            <DatePicker allowClear={false} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(today(), 'day')} data-testid="commitment-action-date" />
          </Form.Item>
        )}
        {action === 'update' && (
          <>
            {leaves.length > 1 && (
              <Form.Item name="leaf" label={t('commitments.item')} rules={[{ required: true }]}>
                <Select options={leaves.map((l) => ({ value: l.id, label: l.title }))} data-testid="commitment-update-item" />
              </Form.Item>
            )}
            {leaf.targetValue !== null ? (
              <Form.Item name="value" label={t('commitments.valueReached', { target: leaf.targetValue, unit: leaf.unit ?? '' })} rules={[{ required: true }]}>
                <InputNumber min={0} style={{ width: '100%' }} suffix={leaf.unit ?? undefined} data-testid="commitment-update-value" />
              </Form.Item>
            ) : (
              <Form.Item name="percent" label={t('commitments.percentReached')} rules={[{ required: true }]}>
                <InputNumber min={0} max={100} precision={1} suffix="%" style={{ width: '100%' }} data-testid="commitment-update-percent" />
              </Form.Item>
            )}
            <Form.Item name="note" label={t('commitments.note')} rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea autoSize maxLength={2000} data-testid="commitment-update-note" />
            </Form.Item>
            <Form.Item name="evidence" label={t('commitments.evidence')} extra={t('commitments.evidenceHint')}>
              <Input maxLength={1000} data-testid="commitment-update-evidence" />
            </Form.Item>
          </>
        )}
        {action === 'delay' && (
          <Form.Item name="dueOn" label={t('commitments.newDueOn', { due: dayLabel(commitment.dueOn, lang) })} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => !d.isAfter(dayjs(commitment.dueOn), 'day')} data-testid="commitment-delay-due" />
          </Form.Item>
        )}
        {(action === 'delay' || action === 'abandon') && (
          <Form.Item name="reason" label={t('commitments.reason')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea autoSize maxLength={1000} data-testid="commitment-reason" />
          </Form.Item>
        )}
        {action === 'appraise' && (
          <>
            <Typography.Paragraph type="secondary">{t('commitments.appraiseHint')}</Typography.Paragraph>
            {(['selfScore', 'massesScore', 'superiorScore'] as const).map((name) => (
              <Form.Item key={name} name={name} label={t(`commitments.${name}`)} rules={[{ required: true }]}>
                <InputNumber min={0} max={100} precision={1} style={{ width: '100%' }} data-testid={`commitment-${name}`} />
              </Form.Item>
            ))}
            <Form.Item name="votes" label={t('commitments.votes')} extra={t('commitments.votesHint')}>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid="commitment-votes" />
            </Form.Item>
            <Form.Item name="satisfiedVotes" label={t('commitments.satisfiedVotes')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="commitment-satisfied" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
