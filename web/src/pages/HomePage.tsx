import { Col, Flex, Row, Select, Skeleton, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { api } from '../api.js';
import { ApiFailure } from '../components/ApiFailure.js';
import { ChildMembersChart } from '../components/home/ChildMembersChart.js';
import { OrgTypeChart } from '../components/home/OrgTypeChart.js';
import { DetailCards, MembersCard, OrgsCard } from '../components/home/StatCards.js';
import { TodoList } from '../components/home/TodoList.js';
import type { HomeView } from '../contracts.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useApi } from '../useApi.js';

export default function HomePage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const orgCode = params.get('org') ?? '';
  const { data: view, error, loading, reload } = useApi(orgCode, (signal) =>
    api.get<HomeView>('/api/home', { org: orgCode }, { signal }));

  if (error && !view) return <ApiFailure error={error} onRetry={reload} />;
  if (!view) return <Skeleton active paragraph={{ rows: 8 }} />;

  const pickOrg = (code: string) => setParams(code ? { org: code } : {});
  const scopeOptions = view.scopes.map((s) => ({ value: s.code, label: s.name }));
  if (!scopeOptions.some((o) => o.value === view.org.code)) scopeOptions.push({ value: view.org.code, label: view.org.name });

  return (
    <Flex vertical gap={12}>
      <Flex wrap align="center" justify="space-between" gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="home-title">{view.org.name}</Typography.Title>
        {scopeOptions.length > 1 && (
          <Select
            aria-label={t('home.scope')}
            data-testid="home-scope"
            style={{ minWidth: 200 }}
            value={view.org.code}
            options={scopeOptions}
            loading={loading}
            onChange={pickOrg}
            prefix={t('home.scope')}
          />
        )}
      </Flex>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12} xl={8}><OrgsCard view={view} /></Col>
        <Col xs={24} md={12} xl={8}><MembersCard view={view} /></Col>
        <Col xs={24} xl={8}><TodoList /></Col>
      </Row>
      <DetailCards view={view} />
      {/* A village without sub-organizations has nothing to chart. */}
      {view.children.length > 0 && (
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={14}><ChildMembersChart items={view.children} onPick={pickOrg} /></Col>
          <Col xs={24} lg={10}><OrgTypeChart byType={view.orgsByType} /></Col>
        </Row>
      )}
    </Flex>
  );
}
