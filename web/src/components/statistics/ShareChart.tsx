import { Card, Empty, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider.js';
import { EChart, type ChartOption } from '../home/EChart.js';
import { percentText, type Share } from './share.js';

/** Columns for few short labels, rows for many or long ones (they stay readable at phone width), or a ring. */
export type ChartKind = 'columns' | 'rows' | 'pie';

const palette = ['#c8102e', '#5b8ff9', '#f6bd16', '#5ad8a6', '#e8684a', '#9270ca', '#6dc8ec', '#ff9d4d', '#269a99', '#ff99c3'];

function optionFor(kind: ChartKind, items: Share[], name: string, zh: boolean): ChartOption {
  const byLabel = new Map(items.map((i) => [i.label, i]));
  const tip = (label: string) => {
    const item = byLabel.get(label);
    return item ? `${label}${zh ? '：' : ': '}${item.count}${zh ? '（' : ' ('}${percentText(item.percent)}${zh ? '）' : ')'}` : label;
  };
  const formatter = (p: { name: string } | { name: string }[]) => tip(Array.isArray(p) ? p[0]?.name ?? '' : p.name);
  if (kind === 'pie') {
    return {
      tooltip: { trigger: 'item', formatter },
      // Counts sit in the legend: outside labels collide on a phone-width pie.
      legend: { bottom: 0, type: 'scroll', formatter: (label: string) => `${label} ${byLabel.get(label)?.count ?? ''}` },
      series: [{
        type: 'pie', name, radius: ['38%', '64%'], center: ['50%', '42%'], label: { show: false },
        data: items.map((i, n) => ({ name: i.label, value: i.count, itemStyle: { color: palette[n % palette.length] } })),
      }],
    };
  }
  const rows = kind === 'rows' ? [...items].reverse() : items;
  // Long Chinese labels (入党时间 periods) wrap beside rows; under columns they are short and only tilt.
  const category = { type: 'category' as const, data: rows.map((i) => i.label), axisLabel: { width: 110, overflow: kind === 'rows' ? 'break' as const : 'truncate' as const, interval: 0 } };
  const value = { type: 'value' as const, minInterval: 1 };
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter },
    grid: { left: 8, right: 40, top: 16, bottom: 8, containLabel: true },
    xAxis: kind === 'rows' ? value : { ...category, axisLabel: { ...category.axisLabel, rotate: rows.length > 4 ? 30 : 0 } },
    yAxis: kind === 'rows' ? category : value,
    series: [{
      type: 'bar', name, data: rows.map((i) => i.count), itemStyle: { color: '#c8102e' }, barMaxWidth: 28,
      label: { show: true, position: kind === 'rows' ? 'right' : 'top' },
    }],
  };
}

interface Props {
  title: string;
  items: Share[];
  kind: ChartKind;
  testId: string;
  footnote?: ReactNode;
}

/** One breakdown of the membership as a chart; an empty breakdown says so instead of drawing axes. */
export function ShareChart({ title, items, kind, testId, footnote }: Props) {
  const { t, lang } = useI18n();
  const shown = useMemo(() => items.filter((i) => i.count > 0 || kind !== 'pie'), [items, kind]);
  const option = useMemo(() => optionFor(kind, shown, title, lang === 'zh'), [kind, shown, title, lang]);
  const height = kind === 'rows' ? Math.max(220, shown.length * 28 + 40) : 300;
  const empty = shown.every((i) => i.count === 0);
  return (
    <Card title={title} size="small" data-testid={testId} style={{ height: '100%' }}>
      {empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('stats.noMembers')} /> : (
        <EChart option={option} height={height} ariaLabel={title} />
      )}
      {footnote && <Typography.Text type="secondary">{footnote}</Typography.Text>}
    </Card>
  );
}
