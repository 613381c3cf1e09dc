import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { api } from '../../api.js';
import type { RectificationAccountability } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { EChart, type ChartOption } from '../home/EChart.js';
import { dayLabel } from '../screening/format.js';
import { reportPeriodName } from '../../../../src/modules/rectification/cases/rules.js';

type Kind = RectificationAccountability['events'][number]['kind'];
const kindColors: Record<Kind, string> = { missed_report: 'orange', overdue_item: 'volcano', overdue_case: 'red' };

interface Props {
  accountability: RectificationAccountability;
  township: string | undefined;
  onTownship: (code: string | undefined) => void;
  onOpen: (caseId: string) => void;
}

/**
 * 问责事项: the counts per township as a chart, and every event below it (the county's notice is drafted
 * from this list, also as a workbook). A bar or the select narrows the list to one township.
 */
export function Accountability({ accountability, township, onTownship, onOpen }: Props) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const towns = accountability.byTownship;
  const chart = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 10, top: 30, bottom: 60 },
    xAxis: { type: 'category', data: towns.map((x) => x.name), axisLabel: { rotate: 30 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', stack: 'a', name: t('rectification.missedReports'), data: towns.map((x) => x.missedReports) },
      { type: 'bar', stack: 'a', name: t('rectification.overdueItems'), data: towns.map((x) => x.overdueItems) },
      { type: 'bar', stack: 'a', name: t('rectification.overdueCases'), data: towns.map((x) => x.overdueCases) },
    ],
  }), [towns, t]);
  const rows = accountability.events.filter((e) => !township || (e.township?.code ?? '') === township);
  const exportList = () => {
    const query = new URLSearchParams({ org: accountability.org.code, year: String(accountability.year) });
    api.download(`/api/rectification/accountability.xlsx?${query.toString()}`, 'accountability.xlsx').catch((e: unknown) => message.error(e instanceof Error ? e.message : String(e)));
  };
  return (
    <Card size="small" title={t('rectification.accountability')} data-testid="rectification-accountability" extra={(
      <Button size="small" icon={<DownloadOutlined />} onClick={exportList} data-testid="accountability-export">{t('rectification.accountability.export')}</Button>
    )}>
      {towns.length > 0 && (
        <EChart option={chart} height={220} ariaLabel={t('rectification.accountability')}
          onItemClick={(i) => { const code = towns[i]?.code; onTownship(code && code !== township ? code : undefined); }} />
      )}
      <Flex gap={8} align="center" style={{ margin: '8px 0' }}>
        <Select allowClear style={{ minWidth: 180 }} placeholder={t('rectification.allTownships')} value={township} onChange={(v: string | undefined) => onTownship(v)}
          data-testid="accountability-township" options={towns.map((x) => ({ value: x.code, label: x.name }))} />
        <Typography.Text type="secondary" data-testid="accountability-count">{t('rectification.accountability.count', { count: rows.length })}</Typography.Text>
      </Flex>
      <Table size="small" rowKey={(e) => `${e.caseId}|${e.kind}|${e.what}`} dataSource={rows} pagination={rows.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: t('rectification.accountability.empty') }} data-testid="accountability-list"
        onRow={(e) => ({ onClick: () => onOpen(e.caseId), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('rectification.township'), render: (_, e) => e.township?.name ?? '' },
          { title: t('rectification.org'), render: (_, e) => <Typography.Link>{e.org.name}</Typography.Link> },
          { title: t('rectification.accountability.kind'), render: (_, e) => <Tag color={kindColors[e.kind]}>{t(`rectification.accountability.kind.${e.kind}`)}</Tag> },
          { title: t('rectification.accountability.what'), render: (_, e) => (e.kind === 'overdue_case' ? dayLabel(e.what, lang) : e.kind === 'missed_report' ? reportPeriodName(e.what, lang) : e.what) },
          { title: t('rectification.accountability.due'), render: (_, e) => dayLabel(e.day, lang) },
        ]} />
    </Card>
  );
}
