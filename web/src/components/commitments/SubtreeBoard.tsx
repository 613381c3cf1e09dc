import { Card, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { CommitmentBoard } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { EChart, type ChartOption } from '../home/EChart.js';

type Row = CommitmentBoard['rows'][number];
const rate = (permille: number | null) => (permille === null ? '—' : `${(permille / 10).toFixed(1)}%`);

/** A township's or the county's branches: completion rates in a table and, by township (or branch), in a bar chart. */
export function SubtreeBoard({ board }: { board: CommitmentBoard }) {
  const { t } = useI18n();
  const groups = useMemo(() => {
    const byUnder = new Map<string, { name: string; published: number; completed: number }>();
    for (const r of board.rows) {
      const g = byUnder.get(r.under.code) ?? { name: r.under.name, published: 0, completed: 0 };
      g.published += r.published;
      g.completed += r.completed;
      byUnder.set(r.under.code, g);
    }
    return [...byUnder.values()];
  }, [board]);
  const option = useMemo(() => ({
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 8, bottom: 8, top: 24, containLabel: true },
    xAxis: { type: 'category', data: groups.map((g) => g.name), axisLabel: { interval: 0, rotate: groups.length > 6 ? 45 : 0, fontSize: 11 } },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [{ type: 'bar', name: t('commitments.col.rate'), data: groups.map((g) => (g.published === 0 ? 0 : Math.round((g.completed / g.published) * 1000) / 10)), itemStyle: { color: '#cf1322' } }],
  }) as ChartOption, [groups, t]);
  const { minimums } = board;
  const columns: TableColumnsType<Row> = [
    { key: 'org', title: t('commitments.col.branch'), fixed: 'left', render: (_, r) => <Link to={`/commitments?org=${r.org.code}&year=${board.year}`}>{r.org.name}</Link> },
    { key: 'under', title: t('commitments.col.under'), render: (_, r) => (r.under.code === r.org.code ? '' : r.under.name), responsive: ['md'] },
    { key: 'made', title: t('commitments.col.made'), dataIndex: 'made', align: 'right' },
    { key: 'published', title: t('commitments.col.published'), dataIndex: 'published', align: 'right' },
    { key: 'completed', title: t('commitments.col.completed'), dataIndex: 'completed', align: 'right' },
    { key: 'onTime', title: t('commitments.col.onTime'), dataIndex: 'completedOnTime', align: 'right' },
    { key: 'overdue', title: t('commitments.col.overdue'), align: 'right', render: (_, r) => (r.overdue > 0 ? <Typography.Text type="danger">{r.overdue}</Typography.Text> : 0) },
    { key: 'rate', title: t('commitments.col.rate'), align: 'right', render: (_, r) => rate(r.ratePermille) },
    { key: 'appraisal', title: t('commitments.col.appraisal'), align: 'right', render: (_, r) => r.averageAppraisal ?? '—' },
    {
      key: 'minimum', title: t('commitments.col.minimum'),
      render: (_, r) => (minimums.secretary === null && minimums.branch === null ? '—' : (
        <Typography.Text type={r.short > 0 ? 'danger' : undefined}>
          {minimums.secretary !== null ? t('commitments.secretaryAgainst', { made: r.secretaryFewest ?? '—', minimum: minimums.secretary }) : ''}
          {minimums.branch !== null ? ` ${t('commitments.branchAgainst', { made: r.branchMade, minimum: minimums.branch })}` : ''}
        </Typography.Text>
      )),
    },
  ];
  return (
    <Flex vertical gap={12} data-testid="commitments-subtree">
      <Typography.Text data-testid="commitments-subtree-summary">
        {t('commitments.subtree.summary', { branches: board.rows.length, made: board.total.made, completed: board.total.completed, rate: rate(board.total.ratePermille), overdue: board.total.overdue })}
      </Typography.Text>
      {groups.length > 0 && (
        <Card size="small" title={t('commitments.subtree.chart')}>
          <EChart option={option} height={260} ariaLabel={t('commitments.subtree.chart')} />
        </Card>
      )}
      <Table<Row> rowKey={(r) => r.org.code} size="small" columns={columns} dataSource={board.rows} pagination={{ pageSize: 50, hideOnSinglePage: true }} scroll={{ x: 900 }}
        onRow={() => ({ 'data-testid': 'commitments-subtree-row' } as React.HTMLAttributes<HTMLElement>)} />
    </Flex>
  );
}
