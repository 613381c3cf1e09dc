import { Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import type { ScreeningGrid } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { EChart, type ChartOption } from '../home/EChart.js';

/** 排查统计: screened, with findings, defined, by category and by township, and the quota line. */
export function Summary({ grid }: { grid: ScreeningGrid }) {
  const { t } = useI18n();
  const { figures } = grid;
  const byCategory = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'item' },
    series: [{ type: 'pie', radius: ['40%', '70%'], data: figures.byCategory.map((c) => ({ name: t(`screening.category.${c.category as 'soft'}`), value: c.organizations })) }],
  }), [figures, t]);
  const byTownship = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 10, top: 30, bottom: 60 },
    xAxis: { type: 'category', data: figures.byTownship.map((tw) => tw.name), axisLabel: { rotate: 30 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', name: t('screening.withFindings'), data: figures.byTownship.map((tw) => tw.withFindings) },
      { type: 'bar', name: t('screening.defined'), data: figures.byTownship.map((tw) => tw.defined) },
    ],
  }), [figures, t]);
  return (
    <Flex vertical gap={12} data-testid="screening-summary">
      <Row gutter={12}>
        <Col span={8}><Card size="small"><Statistic title={t('screening.screened')} value={figures.screened} /></Card></Col>
        <Col span={8}><Card size="small"><Statistic title={t('screening.withFindings')} value={figures.withFindings} /></Card></Col>
        <Col span={8}><Card size="small"><Statistic title={t('screening.defined')} value={figures.defined} /></Card></Col>
      </Row>
      <Typography.Text strong data-testid="screening-quota">{grid.quota}</Typography.Text>
      <Row gutter={12}>
        <Col xs={24} md={10}><Card size="small" title={t('screening.byCategory')}><EChart option={byCategory} height={240} ariaLabel={t('screening.byCategory')} /></Card></Col>
        <Col xs={24} md={14}><Card size="small" title={t('screening.byTownship')}><EChart option={byTownship} height={240} ariaLabel={t('screening.byTownship')} /></Card></Col>
      </Row>
      <Card size="small" title={t('screening.byCriterion')}>
        {figures.byCriterion.map((c) => <div key={c.code}>{c.code} {c.title}：{c.organizations}</div>)}
      </Card>
    </Flex>
  );
}
