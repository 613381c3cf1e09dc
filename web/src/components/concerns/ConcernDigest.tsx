import { Button, Card, DatePicker, Empty, Flex, Form, Skeleton, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../api.js';
import type { ConcernDigestView, OrgSummary } from '../../contracts.js';
import { chinaToday } from '../../format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';
import { ApiFailure } from '../ApiFailure.js';
import type { ConcernViewProps } from './ConcernStatistics.js';
import { OrgPicker } from '../org/OrgPicker.js';

type Village = ConcernDigestView['villages'][number];
type Item = Village['items'][number];
const anyOrg = (_org: OrgSummary) => false;

/** The month before the one holding `day`, 'YYYY-MM': the digest is made at the start of a month for the last. */
export const lastMonth = (day: string) => dayjs(day).startOf('month').subtract(1, 'month').format('YYYY-MM');

/**
 * 月度汇总: a village's month (or every village of a township at once): what was collected,
 * answered and is still open, by category, with the notice to post (Word) and the workbook.
 */
export function ConcernDigest({ index, params, set }: ConcernViewProps) {
  const { t, lang } = useI18n();
  const org = params.get('org') ?? index.roots[0]?.code ?? '';
  const month = params.get('month') ?? lastMonth(chinaToday());
  const query = new URLSearchParams({ org, month }).toString();
  const digest = useApi(org ? `concern-digest|${org}|${month}|${lang}` : null, (signal) => api.get<ConcernDigestView>('/api/concerns/digest', { org, month }, { signal }));
  const d = digest.data;

  const columns = [
    { title: t('concerns.digest.received'), dataIndex: 'receivedOn', width: 100 },
    { title: t('concerns.digest.category'), key: 'category', width: 96, render: (_: unknown, i: Item) => i.category ?? '—' },
    { title: t('concerns.digest.summary'), dataIndex: 'summary' },
    { title: t('concerns.digest.state'), key: 'state', width: 180, render: (_: unknown, i: Item) => (
      <Space size={4} wrap>
        <Tag>{i.stateLabel}</Tag>
        {i.collected && <Tag color="blue">{t('concerns.digest.collected')}</Tag>}
        {i.answered && <Tag color="green">{t('concerns.digest.answered')}</Tag>}
        {i.open && <Tag color="orange">{t('concerns.digest.open')}</Tag>}
      </Space>
    ) },
    { title: t('concerns.digest.reply'), key: 'reply', render: (_: unknown, i: Item) => i.reply ?? '—' },
  ];

  return (
    <Flex vertical gap={12} data-testid="concern-digest">
      <Card size="small">
        <Form layout="vertical" component="div">
          <Flex wrap gap="0 12px" align="end">
            <Form.Item label={t('concerns.digest.org')} style={{ flex: '1 1 240px', marginBottom: 8 }}>
              <OrgPicker index={index} isDisabled={anyOrg} value={org || undefined} onChange={(code) => code && set({ org: code })} id="concern-digest-org" />
            </Form.Item>
            <Form.Item label={t('concerns.digest.month')} style={{ flex: '0 1 160px', marginBottom: 8 }}>
              <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} style={{ width: '100%' }} data-testid="concern-digest-month"
                onChange={(m) => m && set({ month: m.format('YYYY-MM') })} />
            </Form.Item>
            <Form.Item style={{ marginBottom: 8 }}>
              <Space wrap>
                <Button disabled={!d || d.villages.length === 0} data-testid="concern-digest-docx"
                  onClick={() => void api.download(`/api/concerns/digest.docx?${query}`, 'digest.docx')}>{t('concerns.digest.docx')}</Button>
                <Button disabled={!d || d.villages.length === 0} data-testid="concern-digest-xlsx"
                  onClick={() => void api.download(`/api/concerns/digest.xlsx?${query}`, 'digest.xlsx')}>{t('concerns.digest.xlsx')}</Button>
              </Space>
            </Form.Item>
          </Flex>
        </Form>
      </Card>
      {digest.error ? <ApiFailure error={digest.error} onRetry={digest.reload} /> : !d ? <Skeleton active /> : d.villages.length === 0 ? <Empty description={t('concerns.digest.none')} /> : (
        d.villages.map((v) => (
          <Card key={v.org.code} size="small" title={v.org.name} data-testid={`concern-digest-${v.org.code}`}>
            <Flex vertical gap={8}>
              <Typography.Text data-testid={`concern-digest-counts-${v.org.code}`}>{t('concerns.digest.counts', { collected: v.collected, answered: v.answered, onTime: v.onTime, open: v.open })}</Typography.Text>
              <Flex wrap gap={4}>
                {v.byCategory.map((c) => <Tag key={c.name}>{c.name} {c.collected}/{c.answered}</Tag>)}
              </Flex>
              {v.items.length > 0 && (
                <Table<Item & { key: number }> size="small" rowKey="key" columns={columns} dataSource={v.items.map((i, key) => ({ ...i, key }))} pagination={false} scroll={{ x: 720 }} />
              )}
            </Flex>
          </Card>
        ))
      )}
    </Flex>
  );
}
