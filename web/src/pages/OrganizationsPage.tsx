import { Col, Empty, Grid, Row, Skeleton } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../api.js';
import { ApiFailure } from '../components/ApiFailure.js';
import { OrgDetailPanel } from '../components/org/OrgDetailPanel.js';
import { ImportOrgsButton } from '../components/org/ImportOrgsButton.js';
import { OrgTreePanel } from '../components/org/OrgTreePanel.js';
import type { OrgDetail, OrgList } from '../contracts.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { indexOrgs } from '../orgTree.js';
import { useUser } from '../session.js';
import { useApi } from '../useApi.js';
import { useDebounced } from '../useDebounced.js';

export default function OrganizationsPage() {
  const { t } = useI18n();
  const { code } = useParams();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const user = useUser();
  const [includeDissolved, setIncludeDissolved] = useState(false);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  // Bumped after every change so the tree and the detail load again.
  const [version, setVersion] = useState(0);

  const list = useApi(`${includeDissolved}|${version}`, (signal) =>
    api.get<OrgList>('/api/organizations', { includeDissolved: includeDissolved ? 'true' : undefined }, { signal }));
  const found = useApi(q ? `${q}|${includeDissolved}|${version}` : null, (signal) =>
    api.get<OrgList>('/api/organizations', { q, includeDissolved: includeDissolved ? 'true' : undefined }, { signal }));
  const detail = useApi(code ? `${code}|${version}` : null, (signal) =>
    api.get<OrgDetail>(`/api/organizations/${encodeURIComponent(code!)}`, undefined, { signal }));

  const index = useMemo(() => (list.data ? indexOrgs(list.data.items) : undefined), [list.data]);
  const matches = useMemo(() => (q && found.data ? new Set(found.data.items.map((o) => o.code)) : undefined), [q, found.data]);

  // Without a code, show the top of the user's scope.
  useEffect(() => {
    const top = index?.roots[0];
    if (!code && top) navigate(`/organizations/${encodeURIComponent(top.code)}`, { replace: true });
  }, [code, index, navigate]);

  const select = useCallback((next: string) => navigate(`/organizations/${encodeURIComponent(next)}`), [navigate]);
  const onChanged = useCallback((next?: string) => {
    setVersion((v) => v + 1);
    if (next && next !== code) select(next);
  }, [code, select]);

  if (list.error && !list.data) return <ApiFailure error={list.error} onRetry={list.reload} />;

  const detailError = detail.error;
  const phone = screens.lg === false;

  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} lg={8} xxl={6}>
        <OrgTreePanel
          index={index}
          loading={list.loading || found.loading}
          selected={code}
          onSelect={select}
          search={search}
          onSearch={setSearch}
          matches={matches}
          searchError={found.error instanceof ApiError ? found.error.message : undefined}
          includeDissolved={includeDissolved}
          onIncludeDissolved={setIncludeDissolved}
          height={phone ? 320 : Math.max(360, window.innerHeight - 280)}
          extra={user.abilities.includes('org.manage') && <ImportOrgsButton onDone={() => onChanged()} />}
        />
      </Col>
      <Col xs={24} lg={16} xxl={18}>
        {detailError && !detail.loading ? (
          <ApiFailure error={detailError} onRetry={detail.reload} />
        ) : detail.data && index ? (
          <OrgDetailPanel org={detail.data} index={index} loading={detail.loading} onChanged={onChanged} />
        ) : code ? (
          <Skeleton active paragraph={{ rows: 10 }} />
        ) : (
          <Empty description={t('org.selectHint')} />
        )}
      </Col>
    </Row>
  );
}
