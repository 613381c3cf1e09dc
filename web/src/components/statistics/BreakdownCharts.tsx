import { Col, Row } from 'antd';
import { useMemo } from 'react';
import { percent } from '../../../../src/modules/members/statistics/rules.js';
import type { StatisticsView } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ShareChart } from './ShareChart.js';
import type { Share } from './share.js';

/** Gender as the bulletin splits it; members with no gender on record get their own slice rather than vanish. */
function genderShares(view: StatisticsView, labels: [string, string, string]): Share[] {
  const { members: m, percents: p } = view;
  const unknown = m.total - m.male - m.female;
  return [
    { label: labels[0], count: m.male, percent: p.male },
    { label: labels[1], count: m.female, percent: p.female },
    ...(unknown > 0 ? [{ label: labels[2], count: unknown, percent: percent(unknown, m.total) }] : []),
  ];
}

/** Every breakdown of the membership, one chart each. */
export function BreakdownCharts({ view }: { view: StatisticsView }) {
  const { t } = useI18n();
  const half = { xs: 24, lg: 12 } as const;
  const gender = useMemo(
    () => genderShares(view, [t('stats.male'), t('stats.femaleShort'), t('stats.genderUnknown')]),
    [view, t],
  );
  const ethnicity = useMemo(() => view.ethnicity.map((e) => ({ ...e, label: e.name })), [view]);
  return (
    <Row gutter={[12, 12]}>
      <Col {...half}>
        <ShareChart
          title={t('stats.byAge')} kind="columns" testId="stats-chart-age" items={view.ageBands}
          footnote={view.ageUnknown > 0 ? t('stats.ageUnknown', { count: view.ageUnknown }) : undefined}
        />
      </Col>
      <Col {...half}><ShareChart title={t('stats.byEducation')} kind="pie" testId="stats-chart-education" items={view.education} /></Col>
      <Col {...half}><ShareChart title={t('stats.byGender')} kind="pie" testId="stats-chart-gender" items={gender} /></Col>
      <Col {...half}><ShareChart title={t('stats.byEthnicity')} kind="rows" testId="stats-chart-ethnicity" items={ethnicity} /></Col>
      <Col {...half}><ShareChart title={t('stats.byOccupation')} kind="rows" testId="stats-chart-occupation" items={view.occupation} /></Col>
      <Col {...half}><ShareChart title={t('stats.byJoinPeriod')} kind="rows" testId="stats-chart-join" items={view.joinPeriods} /></Col>
    </Row>
  );
}
