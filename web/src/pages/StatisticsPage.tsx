import { Flex, Skeleton, Spin, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { defaultAgeEdges } from '../../../src/modules/members/statistics/rules.js';
import { api, ApiError } from '../api.js';
import { ApiFailure } from '../components/ApiFailure.js';
import { BasicSituationCard } from '../components/statistics/BasicSituationCard.js';
import { BreakdownCharts } from '../components/statistics/BreakdownCharts.js';
import { ChildrenTable } from '../components/statistics/ChildrenTable.js';
import { HeadlineCards } from '../components/statistics/HeadlineCards.js';
import { StatisticsFilters, type StatisticsParams } from '../components/statistics/StatisticsFilters.js';
import type { StatisticsView } from '../contracts.js';
import { chinaToday } from '../format.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useApi } from '../useApi.js';
import { useOrgIndex } from '../useOrgIndex.js';

/** 党员统计: the figures of any organization in scope on any day, kept in the address so a view can be shared. */
export default function StatisticsPage() {
  const { t, lang } = useI18n();
  const [search, setSearch] = useSearchParams();
  const params: StatisticsParams = {
    org: search.get('org') ?? '',
    asOf: search.get('asOf') ?? chinaToday(),
    ageBands: search.get('ageBands') ?? defaultAgeEdges.join(','),
  };
  const query = { org: params.org, asOf: params.asOf, ageBands: params.ageBands };
  // Labels of the breakdowns come from the server in the page's language.
  const stats = useApi(`${params.org}|${params.asOf}|${params.ageBands}|${lang}`, (signal) =>
    api.get<StatisticsView>('/api/statistics/members', query, { signal }));
  const index = useOrgIndex();

  const change = (next: Partial<StatisticsParams>) => {
    const merged = { ...params, ...next };
    const kept: Record<string, string> = {};
    if (merged.org) kept.org = merged.org;
    if (merged.asOf !== chinaToday()) kept.asOf = merged.asOf;
    if (merged.ageBands !== defaultAgeEdges.join(',')) kept.ageBands = merged.ageBands;
    setSearch(kept);
  };

  const ageBandsError = stats.error instanceof ApiError
    ? stats.error.fields.find((f) => f.path.endsWith('ageBands'))?.message
    : undefined;
  const view = stats.data;
  // A refused age band keeps the last figures on screen with the reason under the field.
  const failure = stats.error && !ageBandsError ? <ApiFailure error={stats.error} onRetry={stats.reload} /> : null;

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="stats-title">
        {t('stats.title')}{view ? ` · ${view.org.name}` : ''}
      </Typography.Title>
      <StatisticsFilters index={index} value={{ ...params, org: params.org || view?.org.code || '' }} ageBandsError={ageBandsError} onChange={change} />
      {failure ?? (!view ? <Skeleton active paragraph={{ rows: 8 }} /> : (
        <Spin spinning={stats.loading}>
          <Flex vertical gap={12} data-testid="stats-view" data-org={view.org.code} data-as-of={view.asOf}>
            <HeadlineCards view={view} />
            <BasicSituationCard org={view.org.code} asOf={view.asOf} />
            <BreakdownCharts view={view} />
            {/* A branch has at most its own row: nothing to compare. */}
            {view.children.some((c) => !c.own) && <ChildrenTable items={view.children} onPick={(org) => change({ org })} />}
          </Flex>
        </Spin>
      ))}
    </Flex>
  );
}
