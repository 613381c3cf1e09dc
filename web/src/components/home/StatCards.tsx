import { Card, Col, Flex, Row, Statistic } from 'antd';
import { orgTypes } from '../../../../src/modules/organizations/rules.js';
import type { HomeView } from '../../contracts.js';
import { orgTypeLabel, percent, unitTypeLabel } from '../../format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { ReactNode } from 'react';

const adminUnitKinds = ['township', 'street', 'village', 'community', 'villager_group'] as const;

/** The county shows every kind; a township or village only the kinds it has (no "乡镇 0" on a village's page). */
const shownUnitKind = (view: HomeView, kind: (typeof adminUnitKinds)[number]) =>
  view.org.unitType === null || (view.adminUnitsByKind[kind] ?? 0) > 0;

function Breakdown({ items }: { items: { label: string; value: ReactNode }[] }) {
  return (
    <div className="stat-breakdown">
      {items.map((item) => <span key={item.label}>{item.label} <b>{item.value}</b></span>)}
    </div>
  );
}

export function OrgsCard({ view }: { view: HomeView }) {
  const { t, lang } = useI18n();
  const total = orgTypes.reduce((sum, type) => sum + (view.orgsByType[type] ?? 0), 0);
  return (
    <Card size="small" data-testid="stat-orgs" style={{ height: '100%' }}>
      <Statistic title={t('home.orgs')} value={total} suffix={t('unit.orgs')} />
      <Breakdown items={orgTypes.map((type) => ({ label: orgTypeLabel(type, lang), value: view.orgsByType[type] ?? 0 }))} />
    </Card>
  );
}

export function MembersCard({ view }: { view: HomeView }) {
  const { t } = useI18n();
  const m = view.members;
  return (
    <Card size="small" data-testid="stat-members" style={{ height: '100%' }}>
      <Statistic title={t('home.members')} value={m.total} suffix={t('unit.people')} />
      <Breakdown items={[
        { label: t('home.fullMembers'), value: m.full },
        { label: t('home.probationary'), value: m.probationary },
        { label: t('home.female'), value: m.female },
        { label: t('home.minority'), value: m.minority },
      ]} />
    </Card>
  );
}

function ShareCard({ title, count, total, testId }: { title: string; count: number; total: number; testId: string }) {
  const { t } = useI18n();
  return (
    <Card size="small" data-testid={testId} style={{ height: '100%' }}>
      <Statistic title={title} value={count} suffix={t('unit.people')} />
      <div className="stat-breakdown">{t('home.share', { pct: percent(count, total) })}</div>
    </Card>
  );
}

/** Shares of the membership, admin units by kind and the recruitment pipeline. */
export function DetailCards({ view }: { view: HomeView }) {
  const { t, lang } = useI18n();
  const m = view.members;
  const span = { xs: 12, md: 6 } as const;
  return (
    <Row gutter={[12, 12]}>
      <Col {...span}><ShareCard title={t('home.fullMembers')} count={m.full} total={m.total} testId="stat-full" /></Col>
      <Col {...span}><ShareCard title={t('home.probationary')} count={m.probationary} total={m.total} testId="stat-probationary" /></Col>
      <Col {...span}><ShareCard title={t('home.female')} count={m.female} total={m.total} testId="stat-female" /></Col>
      <Col {...span}><ShareCard title={t('home.minority')} count={m.minority} total={m.total} testId="stat-minority" /></Col>
      <Col xs={24} md={12}>
        <Card size="small" title={t('home.adminUnits')} data-testid="stat-admin-units" style={{ height: '100%' }}>
          {/* Five kinds: a label keeps to one line, and the row wraps when they do not fit. */}
          <Flex wrap gap="8px 16px">
            {adminUnitKinds.filter((kind) => shownUnitKind(view, kind)).map((kind) => (
              <div style={{ flex: '1 0 auto' }} key={kind} data-testid={`stat-admin-${kind}`}>
                <Statistic title={<span style={{ whiteSpace: 'nowrap' }}>{unitTypeLabel(kind, lang)}</span>} value={view.adminUnitsByKind[kind] ?? 0} />
              </div>
            ))}
          </Flex>
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card size="small" title={t('home.pipeline')} data-testid="stat-pipeline" style={{ height: '100%' }}>
          <Row gutter={8}>
            <Col span={8}><Statistic title={t('home.applicants')} value={m.applicants} /></Col>
            <Col span={8}><Statistic title={t('home.activists')} value={m.activists} /></Col>
            <Col span={8}><Statistic title={t('home.developmentTargets')} value={m.developmentTargets} /></Col>
          </Row>
        </Card>
      </Col>
    </Row>
  );
}
