import { Card, Empty } from 'antd';
import { useMemo } from 'react';
import { orgTypes, type OrgType } from '../../../../src/modules/organizations/rules.js';
import type { HomeView } from '../../contracts.js';
import { orgTypeLabel } from '../../format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { EChart, type ChartOption } from './EChart.js';

/** One colour per type, so a type keeps its colour from one scope to the next. */
const colors: Record<OrgType, string> = {
  committee: '#c8102e', working_committee: '#e8684a', general_branch: '#f6bd16',
  branch: '#5b8ff9', joint_branch: '#5ad8a6', party_group: '#9270ca',
};

export function OrgTypeChart({ byType }: { byType: HomeView['orgsByType'] }) {
  const { t, lang } = useI18n();
  const data = useMemo(
    () => orgTypes
      .map((type) => ({ name: orgTypeLabel(type, lang), value: byType[type] ?? 0, itemStyle: { color: colors[type] } }))
      .filter((d) => d.value > 0),
    [byType, lang],
  );
  const option = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'item', formatter: lang === 'zh' ? '{b}：{c}（{d}%）' : '{b}: {c} ({d}%)' },
    // Counts sit in the legend: outside labels collide on a phone-width pie.
    legend: { bottom: 0, formatter: (name: string) => `${name} ${data.find((d) => d.name === name)?.value ?? ''}` },
    series: [{
      type: 'pie',
      name: t('home.orgsByType'),
      radius: ['40%', '68%'],
      center: ['50%', '42%'],
      data,
      label: { show: false },
    }],
  }), [data, lang, t]);

  return (
    <Card title={t('home.orgsByType')} size="small">
      {data.length === 0 ? <Empty description={t('home.noOrgs')} /> : <EChart option={option} height={300} ariaLabel={t('home.orgsByType')} />}
    </Card>
  );
}
