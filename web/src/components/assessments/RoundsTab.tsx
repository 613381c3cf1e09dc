import { App, Button, Card, DatePicker, Empty, Flex, Form, Select, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api.js';
import type { AssessmentRound, AssessmentRoundList, AssessmentRoundSummary } from '../../contracts.js';
import { disabledDate, isoDay, showServerErrors, today } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAddress } from '../../useAddress.js';
import { useApi } from '../../useApi.js';
import { ApiFailure } from '../ApiFailure.js';
import { dayLabel } from './format.js';
import { RoundDetail } from './RoundDetail.js';
import { SchemesCard } from './SchemesCard.js';

interface OpenValues { orgCode: string; schemeCode: string; openedOn: Dayjs }

/** The rounds of a year the user runs, the form to open one, and the chosen round's results. */
export function RoundsTab({ year }: { year: number }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [params, set] = useAddress();
  const chosen = params.get('round');
  const list = useApi(`rounds|${year}|${lang}`, (signal) => api.get<AssessmentRoundList>('/api/assessments/rounds', { year }, { signal }));
  const [form] = Form.useForm<OpenValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  if (list.error && !list.data) return <ApiFailure error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  const data = list.data;

  const open = async (values: OpenValues) => {
    setBusy(true);
    setFailure(null);
    try {
      const round = await api.post<AssessmentRound>('/api/assessments/rounds', { orgCode: values.orgCode, schemeCode: values.schemeCode, openedOn: isoDay(values.openedOn), year });
      message.success(t('assessments.round.opened'));
      list.reload();
      set({ round: round.id });
    } catch (error) {
      setFailure(showServerErrors(form, error, ['orgCode', 'schemeCode', 'openedOn', 'year']));
    } finally {
      setBusy(false);
    }
  };

  const columns: TableColumnsType<AssessmentRoundSummary> = [
    { key: 'title', title: t('assessments.round.title'), render: (_, r) => <Typography.Link onClick={() => set({ round: r.id })} data-testid="assessments-round-link">{r.title}</Typography.Link> },
    { key: 'scheme', title: t('assessments.round.scheme'), render: (_, r) => r.schemeName, responsive: ['md'] },
    { key: 'opened', title: t('assessments.round.openedOn'), render: (_, r) => dayLabel(r.openedOn, lang), responsive: ['md'] },
    { key: 'status', title: t('assessments.round.status'), render: (_, r) => <Tag color={r.status === 'finished' ? 'green' : 'blue'}>{t(`assessments.round.status.${r.status}`)}</Tag> },
    { key: 'progress', title: t('assessments.round.progress'), render: (_, r) => t('assessments.round.progressText', { complete: r.complete, results: r.results }) },
    { key: 'grades', title: t('assessments.round.grades'), render: (_, r) => r.grades.map((g) => `${g.label} ${g.count}`).join(' / ') },
  ];

  return (
    <Flex vertical gap={12}>
      {data.openers.length > 0 && (
        <Card size="small" title={t('assessments.round.openTitle', { year })}>
          <Form form={form} layout="inline" onFinish={open} initialValues={{ orgCode: data.openers[0]!.code, schemeCode: data.schemes[0]?.code, openedOn: today() }}>
            <Form.Item name="orgCode" label={t('assessments.round.org')} rules={[{ required: true }]}>
              <Select style={{ minWidth: 180 }} options={data.openers.map((o) => ({ value: o.code, label: o.name }))} data-testid="assessments-open-org" />
            </Form.Item>
            <Form.Item name="schemeCode" label={t('assessments.round.scheme')} rules={[{ required: true }]}>
              <Select style={{ minWidth: 240 }} options={data.schemes.map((s) => ({ value: s.code, label: s.name }))} data-testid="assessments-open-scheme" />
            </Form.Item>
            <Form.Item name="openedOn" label={t('assessments.round.openedOn')} rules={[{ required: true }]}>
              <DatePicker disabledDate={disabledDate()} data-testid="assessments-open-date" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="assessments-open">{t('assessments.round.open')}</Button>
          </Form>
          {failure && <Typography.Text type="danger" data-testid="assessments-open-error">{failure}</Typography.Text>}
        </Card>
      )}
      {data.items.length === 0 ? <Empty description={t('assessments.round.none', { year })} />
        : <Table<AssessmentRoundSummary> rowKey="id" size="small" columns={columns} dataSource={data.items} pagination={false} scroll={{ x: 640 }}
          onRow={() => ({ 'data-testid': 'assessments-round-row' } as React.HTMLAttributes<HTMLElement>)} />}
      {chosen && <RoundDetail key={chosen} id={chosen} onChanged={list.reload} />}
      <SchemesCard onSaved={list.reload} />
    </Flex>
  );
}
