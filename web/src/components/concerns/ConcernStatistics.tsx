import { Button, Card, DatePicker, Empty, Flex, Form, Segmented, Skeleton, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { api } from '../../api.js';
import type { ConcernStatisticsView, OrgSummary } from '../../contracts.js';
import { chinaToday } from '../../format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { OrgIndex } from '../../orgTree.js';
import { useApi } from '../../useApi.js';
import { ApiFailure } from '../ApiFailure.js';
import { EChart, type ChartOption } from '../home/EChart.js';
import { OrgPicker } from '../org/OrgPicker.js';

type Figures = ConcernStatisticsView['byVillage'][number];
const anyOrg = (_org: OrgSummary) => false;
export const rate = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);

/** A view of the concerns page: the organizations in reach and the page's address, which holds its choices. */
export interface ConcernViewProps {
  index: OrgIndex;
  params: URLSearchParams;
  set: (next: Record<string, string | undefined>) => void;
}

/**
 * 统计: an organization's concerns over a span of intake, with the month-by-month received and
 * answered, the categories, and a table by township or village with on-time and satisfaction rates.
 * Organization and span live in the address; the first organization in reach is the default.
 */
export function ConcernStatistics({ index, params, set }: ConcernViewProps) {
  const { t, lang } = useI18n();
  const today = chinaToday();
  const org = params.get('org') ?? index.roots[0]?.code ?? '';
  const from = params.get('from') ?? `${today.slice(0, 4)}-01-01`;
  const to = params.get('to') ?? today;
  const [level, setLevel] = useState<'byTownship' | 'byVillage'>('byVillage');
  const query = { org, from, to };
  const stats = useApi(org ? `concern-stats|${org}|${from}|${to}|${lang}` : null, (signal) => api.get<ConcernStatisticsView>('/api/concerns/statistics', query, { signal }));
  const s = stats.data;

  const trend = useMemo<ChartOption | null>(() => !s ? null : {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: s.trend.map((m) => m.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: (['received', 'answered'] as const).map((key) => ({ type: 'bar' as const, name: t(`concerns.stats.${key}`), data: s.trend.map((m) => m[key]), barMaxWidth: 28 })),
  }, [s, t]);
  const categories = useMemo<ChartOption | null>(() => !s ? null : {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    yAxis: { type: 'category', data: s.byCategory.map((c) => c.name), inverse: true },
    xAxis: { type: 'value', minInterval: 1 },
    series: (['received', 'answered', 'overdue'] as const).map((key) => ({ type: 'bar' as const, name: t(`concerns.stats.${key}`), data: s.byCategory.map((c) => c[key]), barMaxWidth: 18 })),
  }, [s, t]);

  const columns = [
    { title: t('concerns.stats.name'), key: 'name', render: (_: unknown, r: Figures | ConcernStatisticsView['byTownship'][number]) => r.name, fixed: 'left' as const },
    ...(['received', 'answered', 'onTime', 'overdue'] as const).map((k) => ({ title: t(`concerns.stats.${k}`), dataIndex: k, align: 'right' as const })),
    ...(['onTimeRate', 'satisfactionRate'] as const).map((k) => ({ title: t(`concerns.stats.${k}`), key: k, align: 'right' as const, render: (_: unknown, r: Figures) => rate(r[k]) })),
  ];

  return (
    <Flex vertical gap={12} data-testid="concern-statistics">
      <Card size="small">
        <Form layout="vertical" component="div">
          <Flex wrap gap="0 12px" align="end">
            <Form.Item label={t('concerns.stats.org')} style={{ flex: '1 1 240px', marginBottom: 8 }}>
              <OrgPicker index={index} isDisabled={anyOrg} value={org || undefined} onChange={(code) => code && set({ org: code })} id="concern-stats-org" />
            </Form.Item>
            <Form.Item label={t('concerns.stats.span')} style={{ flex: '1 1 280px', marginBottom: 8 }}>
              <DatePicker.RangePicker data-testid="concern-stats-span" allowClear={false} value={[dayjs(from), dayjs(to)]} style={{ width: '100%' }}
                onChange={(days) => days?.[0] && days[1] && set({ from: days[0].format('YYYY-MM-DD'), to: days[1].format('YYYY-MM-DD') })} />
            </Form.Item>
            <Form.Item style={{ marginBottom: 8 }}>
              <Button disabled={!s} data-testid="concern-stats-export"
                onClick={() => void api.download(`/api/concerns/statistics.xlsx?${new URLSearchParams(query).toString()}`, 'concern-statistics.xlsx')}>
                {t('concerns.stats.export')}
              </Button>
            </Form.Item>
          </Flex>
        </Form>
      </Card>
      {!org ? <Empty description={t('concerns.stats.pickOrg')} /> : stats.error ? <ApiFailure error={stats.error} onRetry={stats.reload} /> : !s ? <Skeleton active /> : (
        <>
          <Card size="small">
            <Flex wrap gap={24} data-testid="concern-stats-figures">
              {(['received', 'answered', 'onTime', 'overdue'] as const).map((k) => (
                <Statistic key={k} title={t(`concerns.stats.${k}`)} value={s[k]} data-testid={`concern-stats-${k}`}
                  styles={{ content: k === 'overdue' && s.overdue > 0 ? { color: '#cf1322' } : undefined }} />
              ))}
              <Statistic title={t('concerns.stats.onTimeRate')} value={rate(s.onTimeRate)} data-testid="concern-stats-onTimeRate" />
              <Statistic title={t('concerns.stats.satisfactionRate')} value={rate(s.satisfactionRate)} data-testid="concern-stats-satisfactionRate" />
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('concerns.stats.rateNote')}</Typography.Text>
          </Card>
          {s.received === 0 ? <Empty description={t('concerns.stats.empty')} /> : (
            <Flex wrap gap={12}>
              <Card size="small" title={t('concerns.stats.trend')} style={{ flex: '1 1 340px', minWidth: 0 }} data-testid="concern-stats-trend">
                {trend && <EChart option={trend} height={260} ariaLabel={t('concerns.stats.trendAria')} />}
              </Card>
              <Card size="small" title={t('concerns.stats.byCategory')} style={{ flex: '1 1 340px', minWidth: 0 }} data-testid="concern-stats-categories">
                {categories && <EChart option={categories} height={Math.max(200, 40 + s.byCategory.length * 36)} ariaLabel={t('concerns.stats.byCategoryAria')} />}
              </Card>
            </Flex>
          )}
          <Card size="small" title={<Segmented value={level} onChange={(v) => setLevel(v as typeof level)} data-testid="concern-stats-level"
            options={(['byVillage', 'byTownship'] as const).map((v) => ({ value: v, label: t(`concerns.stats.${v}`) }))} />}>
            <Table<Figures> size="small" rowKey="code" columns={columns} dataSource={s[level] as Figures[]} pagination={false} scroll={{ x: 640 }}
              data-testid="concern-stats-table" onRow={(r) => ({ 'data-testid': `concern-stats-row-${r.code}` } as object)} />
          </Card>
        </>
      )}
    </Flex>
  );
}
