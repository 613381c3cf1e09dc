import { Card, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { gradeLabels, grades } from '../../../../src/modules/appraisal/rules.js';
import type { AppraisalRoundItem, AppraisalRoundList } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { EChart, type ChartOption } from '../home/EChart.js';

const colors = { excellent: '#cf1322', qualified: '#1677ff', basically_qualified: '#faad14', unqualified: '#595959' } as const;

/** The rounds of a township's or the county's branches: who has started, graded, and how the grades fall, by township or branch. */
export function SubtreeRounds({ list, year }: { list: AppraisalRoundList; year: number }) {
  const { t, lang } = useI18n();
  const groups = useMemo(() => {
    const byUnder = new Map<string, { name: string; counts: Record<string, number>; notStarted: number }>();
    for (const item of list.items) {
      const g = byUnder.get(item.under.code) ?? { name: item.under.name, counts: Object.fromEntries(grades.map((x) => [x, 0])), notStarted: 0 };
      if (item.round) for (const x of grades) g.counts[x]! += item.round.grades[x];
      else g.notStarted += 1;
      byUnder.set(item.under.code, g);
    }
    return [...byUnder.values()];
  }, [list]);
  const option = useMemo(() => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: 32, containLabel: true },
    xAxis: { type: 'category', data: groups.map((g) => g.name), axisLabel: { interval: 0, rotate: groups.length > 6 ? 45 : 0, fontSize: 11 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: grades.map((x) => ({ type: 'bar', stack: 'grades', name: gradeLabels[x][lang], data: groups.map((g) => g.counts[x]!), itemStyle: { color: colors[x] } })),
  }) as ChartOption, [groups, lang]);

  const started = list.items.filter((i) => i.round).length;
  const graded = list.items.filter((i) => i.round?.status === 'graded').length;
  const columns: TableColumnsType<AppraisalRoundItem> = [
    { key: 'org', title: t('appraisal.col.branch'), render: (_, i) => <Link to={`/appraisal?org=${i.org.code}&year=${year}`}>{i.org.name}</Link> },
    { key: 'under', title: t('appraisal.col.under'), render: (_, i) => (i.under.code === i.org.code ? '' : i.under.name), responsive: ['md'] },
    {
      key: 'status', title: t('appraisal.round.status'),
      render: (_, i) => (i.round ? <Tag color={i.round.status === 'graded' ? 'green' : 'blue'}>{t(`appraisal.status.${i.round.status}`)}</Tag> : <Tag>{t('appraisal.status.none')}</Tag>),
    },
    { key: 'progress', title: t('appraisal.col.progress'), render: (_, i) => i.round && t('appraisal.round.progress', { evaluated: i.round.evaluated, members: i.round.members, graded: i.round.graded, full: i.round.full }) },
    {
      key: 'grades', title: t('appraisal.col.grades'),
      render: (_, i) => i.round && i.round.graded > 0 && grades.map((x) => `${gradeLabels[x][lang]} ${i.round!.grades[x]}`).join(' / '),
    },
  ];
  return (
    <Flex vertical gap={12} data-testid="appraisal-subtree">
      <Typography.Text data-testid="appraisal-subtree-summary">{t('appraisal.subtree.summary', { branches: list.items.length, started, graded, year })}</Typography.Text>
      {groups.length > 0 && (
        <Card size="small" title={t('appraisal.subtree.chart')}>
          <EChart option={option} height={280} ariaLabel={t('appraisal.subtree.chart')} />
        </Card>
      )}
      <Table<AppraisalRoundItem> rowKey={(i) => i.org.code} size="small" columns={columns} dataSource={list.items} pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 640 }} onRow={() => ({ 'data-testid': 'appraisal-subtree-row' } as React.HTMLAttributes<HTMLElement>)} />
    </Flex>
  );
}
