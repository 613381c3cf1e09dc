import { Card, Col, Row, Statistic } from 'antd';
import type { StatisticsView } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { headlineFigures, percentText } from './share.js';

export function HeadlineCards({ view }: { view: StatisticsView }) {
  const { t } = useI18n();
  const span = { xs: 12, sm: 8, lg: 6, xxl: 3 } as const;
  return (
    <Row gutter={[12, 12]}>
      <Col {...span}>
        <Card size="small" data-testid="stats-total" style={{ height: '100%' }}>
          <Statistic title={t('stats.total')} value={view.members.total} suffix={t('unit.people')} />
        </Card>
      </Col>
      {headlineFigures.map(({ figure, label }) => (
        <Col {...span} key={figure}>
          <Card size="small" data-testid={`stats-${figure}`} style={{ height: '100%' }}>
            <Statistic title={t(label)} value={view.members[figure]} suffix={t('unit.people')} />
            <div className="stat-breakdown">{t('stats.share', { pct: percentText(view.percents[figure]) })}</div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
