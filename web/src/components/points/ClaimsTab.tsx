import { Alert, App, Button, Card, Checkbox, DatePicker, Flex, Form, Input, Modal, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import type { PointEntry, PointEntryPage, PointsLedger, PointsSettings } from '../../contracts.js';
import { disabledDate, isoDay, noteOf, showServerErrors } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';
import { ApiFailure } from '../ApiFailure.js';
import { Gate } from './Gate.js';
import { useMembers } from './useMembers.js';

interface Values { personId: string; itemId: string; occurredOn: import('dayjs').Dayjs; description: string; evidence?: string }
const statusColor = { pending: 'gold', approved: 'green', rejected: 'red' } as const;

/** 积分申报与审核: a claim of a manual item (for oneself, or a member by their branch), and the claims of the organization with their decisions. */
export function ClaimsTab({ orgCode, year }: { orgCode: string; year: number }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [pendingOnly, setPendingOnly] = useState(true);
  const [rejecting, setRejecting] = useState<PointEntry | null>(null);
  const settings = useApi(`points-settings|${lang}`, (signal) => api.get<PointsSettings>('/api/points/settings', undefined, { signal }));
  // The user's own person, from their own ledger (none for an account without a member record).
  const own = useApi(`points-own|${year}|${lang}`, (signal) => api.get<PointsLedger>('/api/points/ledger', { year }, { signal }));
  const members = useMembers(orgCode);
  const entries = useApi(`points-entries|${orgCode}|${year}|${pendingOnly}|${lang}`,
    (signal) => api.get<PointEntryPage>('/api/points/entries', { org: orgCode || undefined, year, status: pendingOnly ? 'pending' : undefined }, { signal }));

  const manual = settings.data?.items.filter((i) => i.source === 'manual') ?? [];
  const people = [
    ...(own.data ? [{ value: own.data.person.id, label: `${t('points.claim.self')}（${own.data.person.name}）` }] : []),
    ...members.filter((m) => m.id !== own.data?.person.id).map((m) => ({ value: m.id, label: m.name })),
  ];
  const itemOf = (id: string | undefined) => manual.find((i) => i.id === id);

  const submit = async (v: Values) => {
    setSaving(true);
    setFailure(null);
    try {
      await api.post('/api/points/entries', { personId: v.personId, itemId: v.itemId, occurredOn: isoDay(v.occurredOn), description: v.description.trim(), evidence: noteOf(v.evidence) });
      message.success(t('points.claim.submitted'));
      form.resetFields(['itemId', 'description', 'evidence']);
      entries.reload();
    } catch (error) {
      setFailure(showServerErrors(form, error, ['personId', 'itemId', 'occurredOn', 'description', 'evidence']));
    } finally {
      setSaving(false);
    }
  };
  const approve = async (e: PointEntry) => {
    try {
      await api.post(`/api/points/entries/${e.id}/approve`);
      message.success(t('points.queue.approved'));
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
    entries.reload();
  };

  const columns = [
    { title: t('points.claim.person'), key: 'person', render: (_: unknown, e: PointEntry) => <Flex vertical><span>{e.person.name}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.org.name}</Typography.Text></Flex> },
    { title: t('points.claim.item'), key: 'item', render: (_: unknown, e: PointEntry) => (
      <Flex vertical>
        <span>{e.item.name}（{e.points > 0 ? '+' : ''}{e.points}）</span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.occurredOn} {e.description}{e.evidence ? ` · ${e.evidence}` : ''}</Typography.Text>
        {e.rejectReason && <Typography.Text type="danger" style={{ fontSize: 12 }}>{e.rejectReason}</Typography.Text>}
      </Flex>
    ) },
    { title: t('points.queue.status'), key: 'status', width: 90, render: (_: unknown, e: PointEntry) => <Tag color={statusColor[e.status]}>{t(`points.status.${e.status}`)}</Tag> },
    { title: '', key: 'actions', width: 150, render: (_: unknown, e: PointEntry) => e.status === 'pending' && (
      e.mine ? <Tooltip title={t('points.queue.mine')}><Typography.Text type="secondary">—</Typography.Text></Tooltip> : (
        <Flex gap={4}>
          <Gate can={e.can.decide} t={t}><Button size="small" type="primary" disabled={!e.can.decide.allowed} onClick={() => void approve(e)} data-testid="points-approve">{t('points.queue.approve')}</Button></Gate>
          <Gate can={e.can.decide} t={t}><Button size="small" danger disabled={!e.can.decide.allowed} onClick={() => setRejecting(e)} data-testid="points-reject">{t('points.queue.reject')}</Button></Gate>
        </Flex>
      )
    ) },
  ];

  return (
    <Flex vertical gap={12}>
      {people.length > 0 && (
        <Card size="small" title={t('points.claim.title')}>
          <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 560 }} data-testid="points-claim-form" initialValues={{ personId: people[0]?.value }}>
            {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
            <Form.Item name="personId" label={t('points.claim.person')} rules={[{ required: true, message: t('points.claim.required') }]}>
              <Select showSearch optionFilterProp="label" options={people} data-testid="points-claim-person" />
            </Form.Item>
            <Form.Item name="itemId" label={t('points.claim.item')} rules={[{ required: true, message: t('points.claim.required') }]}>
              <Select data-testid="points-claim-item" options={manual.map((i) => ({
                value: i.id, label: `${i.name}（${i.kind === 'deduction' ? '-' : '+'}${i.points}${i.evidenceRequired ? `，${t('points.claim.evidenceRequired')}` : ''}）`,
              }))} />
            </Form.Item>
            <Form.Item name="occurredOn" label={t('points.claim.occurredOn')} rules={[{ required: true, message: t('points.claim.required') }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={disabledDate()} data-testid="points-claim-date" />
            </Form.Item>
            <Form.Item name="description" label={t('points.claim.description')} rules={[{ required: true, whitespace: true, message: t('points.claim.required') }]}>
              <Input.TextArea rows={2} maxLength={500} data-testid="points-claim-description" />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.itemId !== b.itemId}>
              {() => (
                <Form.Item name="evidence" label={t('points.claim.evidence')} extra={t('points.claim.evidenceHint')}
                  rules={[{ required: itemOf(form.getFieldValue('itemId'))?.evidenceRequired ?? false, whitespace: true, message: t('points.claim.required') }]}>
                  <Input maxLength={500} data-testid="points-claim-evidence" />
                </Form.Item>
              )}
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="points-claim-submit">{t('points.claim.submit')}</Button>
          </Form>
        </Card>
      )}
      <Card size="small" title={t('points.queue.title')} extra={<Checkbox checked={pendingOnly} onChange={(e) => setPendingOnly(e.target.checked)} data-testid="points-pending-only">{t('points.queue.onlyPending')}</Checkbox>}>
        {entries.error ? <ApiFailure error={entries.error} onRetry={entries.reload} /> : (
          <Table<PointEntry> size="small" rowKey="id" loading={entries.loading} columns={columns} dataSource={entries.data?.items ?? []} scroll={{ x: 560 }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }} locale={{ emptyText: t('points.queue.empty') }} data-testid="points-queue" />
        )}
      </Card>
      <RejectModal entry={rejecting} onClose={(done) => { setRejecting(null); if (done) entries.reload(); }} />
    </Flex>
  );
}

function RejectModal({ entry, onClose }: { entry: PointEntry | null; onClose: (done: boolean) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async ({ reason }: { reason: string }) => {
    try {
      await api.post(`/api/points/entries/${entry!.id}/reject`, { reason: reason.trim() });
      message.success(t('points.queue.rejected'));
      form.resetFields();
      onClose(true);
    } catch (error) {
      setFailure(showServerErrors(form, error, ['reason']));
    }
  };
  return (
    <Modal open={entry !== null} title={`${t('points.queue.reject')} · ${entry?.person.name ?? ''} ${entry?.item.name ?? ''}`} onCancel={() => onClose(false)} onOk={() => form.submit()} destroyOnHidden>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label={t('points.queue.rejectReason')} rules={[{ required: true, whitespace: true, message: t('points.claim.required') }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="points-reject-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
