import { Card, Empty, Flex, Skeleton, Spin, Tabs, Typography } from 'antd';
import { useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../api.js';
import { ApiFailure } from '../components/ApiFailure.js';
import { ComplianceFilters, type ComplianceParams } from '../components/compliance/ComplianceFilters.js';
import { ComplianceOverview } from '../components/compliance/ComplianceOverview.js';
import { RulesTab } from '../components/compliance/RulesTab.js';
import type { ComplianceView, Rules } from '../contracts.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useApi } from '../useApi.js';
import { useOrgIndex } from '../useOrgIndex.js';

const tabs = ['matrix', 'rules'] as const;
type Tab = (typeof tabs)[number];

interface Address extends ComplianceParams {
  tab: Tab;
  pending: boolean;
}

/**
 * 落实情况: how a subtree keeps a cadence rule over a span of periods, and the rules themselves.
 * Everything chosen lives in the address, so a view can be shared and the back button undoes a drill-down.
 */
export default function CompliancePage() {
  const { t, lang } = useI18n();
  const [search, setSearch] = useSearchParams();
  // Labels of rules and periods come from the server in the page's language.
  const rules = useApi(`rules|${lang}`, (signal) => api.get<Rules>('/api/compliance/rules', undefined, { signal }));
  const index = useOrgIndex();

  const items = rules.data?.items ?? [];
  // A rule switched off since the address was made falls back to the first in force.
  const rule = items.find((r) => r.id === search.get('rule'))?.id ?? items[0]?.id ?? '';
  const address: Address = {
    tab: tabs.find((x) => x === search.get('tab')) ?? 'matrix',
    rule,
    org: search.get('org') ?? '',
    from: search.get('from') ?? undefined,
    to: search.get('to') ?? undefined,
    pending: search.get('pending') === '1',
  };
  const query = { rule, org: address.org, from: address.from, to: address.to };
  const view = useApi(rule ? `${rule}|${address.org}|${address.from ?? ''}|${address.to ?? ''}|${lang}` : null, (signal) => api.get<ComplianceView>('/api/compliance', query, { signal }));

  // From the address as it is now, not as this render saw it: a table row may hold an older handler.
  const latest = useRef(search);
  latest.current = search;
  const change = (next: Partial<Address>) => {
    const kept = new URLSearchParams(latest.current);
    if (!kept.get('rule') && rule) kept.set('rule', rule);
    for (const [key, value] of Object.entries(next)) {
      const text = key === 'pending' ? (value ? '1' : '') : key === 'tab' && value === 'matrix' ? '' : value;
      if (typeof text === 'string' && text) kept.set(key, text);
      else kept.delete(key);
    }
    setSearch(kept);
  };

  if (rules.error && !rules.data) return <ApiFailure error={rules.error} onRetry={rules.reload} />;
  const shown = view.data;
  const matrix = items.length === 0 && rules.data ? <Empty description={t('compliance.noRules')} /> : (
    <Flex vertical gap={12}>
      <Card size="small">
        <ComplianceFilters rules={items} index={index} value={{ ...address, org: address.org || shown?.org.code || '' }} onChange={change} />
      </Card>
      {view.error ? <ApiFailure error={view.error} onRetry={view.reload} /> : !shown ? <Skeleton active paragraph={{ rows: 8 }} /> : (
        <Spin spinning={view.loading}>
          <ComplianceOverview view={shown} pendingOnly={address.pending} onPendingOnly={(pending) => change({ pending })} onPickOrg={(org) => change({ org })} />
        </Spin>
      )}
    </Flex>
  );

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="compliance-title">
        {t('compliance.title')}{address.tab === 'matrix' && shown ? ` · ${shown.org.name}` : ''}
      </Typography.Title>
      <Tabs activeKey={address.tab} onChange={(key) => change({ tab: key as Tab })} items={[
        { key: 'matrix', label: <span data-testid="compliance-tab-matrix">{t('compliance.tab.matrix')}</span>, children: matrix },
        {
          key: 'rules', label: <span data-testid="compliance-tab-rules">{t('compliance.tab.rules')}</span>,
          children: rules.data ? <RulesTab rules={items} onChanged={rules.reload} /> : <Skeleton active />,
        },
      ]} />
    </Flex>
  );
}
