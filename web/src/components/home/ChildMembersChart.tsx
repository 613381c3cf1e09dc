import { Card, Empty } from 'antd';
import { useMemo } from 'react';
import type { HomeView } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { EChart, type ChartOption } from './EChart.js';

/** Members per direct sub-organization, as horizontal bars so long Chinese names stay readable. */
export function ChildMembersChart({ items, onPick }: { items: HomeView['children']; onPick: (code: string) => void }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(() => {
    const rows = [...items].reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: rows.map((c) => c.name),
        axisLabel: { width: 120, overflow: 'truncate' },
      },
      series: [{
        type: 'bar',
        name: t('home.chartMembers'),
        data: rows.map((c) => c.members),
        itemStyle: { color: '#c8102e' },
        label: { show: true, position: 'right' },
        barMaxWidth: 22,
        cursor: 'pointer',
      }],
    };
  }, [items, t]);

  return (
    <Card title={t('home.membersByChild')} size="small">
      {items.length === 0 ? <Empty description={t('home.noChildren')} /> : (
        <EChart
          option={option}
          height={Math.max(220, items.length * 28 + 40)}
          ariaLabel={t('home.membersByChild')}
          onItemClick={(i) => {
            const child = items[items.length - 1 - i];
            if (child) onPick(child.code);
          }}
        />
      )}
    </Card>
  );
}
