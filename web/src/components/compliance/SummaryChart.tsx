import { Card } from 'antd';
import { useMemo } from 'react';
import { cellStatuses, type CellStatus } from '../../../../src/platform/cadence/status.js';
import type { ComplianceView } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { EChart, type ChartOption } from '../home/EChart.js';
import { statusColors } from './labels.js';

const summaryField: Record<CellStatus, 'done' | 'due' | 'overdue' | 'notDue'> = { done: 'done', due: 'due', overdue: 'overdue', not_due: 'notDue' };

/** How many subjects are done, due, overdue and not yet due in each period, stacked. */
export function SummaryChart({ view }: { view: ComplianceView }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(() => {
    const labels = new Map(view.periods.map((p) => [p.key, p.label]));
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: view.summary.map((s) => labels.get(s.period) ?? s.period) },
      yAxis: { type: 'value', minInterval: 1 },
      series: cellStatuses.map((status) => ({
        type: 'bar' as const,
        stack: 'subjects',
        name: t(`compliance.status.${status}`),
        itemStyle: { color: statusColors[status] },
        data: view.summary.map((s) => s[summaryField[status]]),
        barMaxWidth: 40,
      })),
    };
  }, [view, t]);

  return (
    <Card size="small" title={t('compliance.summary', { subjects: view.rows.length })} data-testid="compliance-chart">
      <EChart option={option} height={260} ariaLabel={t('compliance.summaryAria')} />
    </Card>
  );
}
