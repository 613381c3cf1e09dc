import { Alert, Flex, Rate, Skeleton, Table } from 'antd';
import { api, ApiError } from '../../api.js';
import type { PointsRanking } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';
import { ApiFailure } from '../ApiFailure.js';

type Row = PointsRanking['items'][number];

/** 排行: a branch's members by total, for its administrators (and its members when the county displays it); otherwise why not. */
export function RankingTab({ orgCode, year }: { orgCode: string; year: number }) {
  const { t, lang } = useI18n();
  const ranking = useApi(orgCode ? `points-ranking|${orgCode}|${year}|${lang}` : null, (signal) => api.get<PointsRanking>('/api/points/ranking', { org: orgCode, year }, { signal }));
  if (!orgCode) return <Alert type="info" showIcon title={t('points.ranking.pickBranch')} />;
  if (ranking.error instanceof ApiError && ranking.error.status === 403) {
    return <Alert type="info" showIcon title={ranking.error.message} description={t('points.ranking.private')} data-testid="points-ranking-refused" />;
  }
  if (ranking.error) return <ApiFailure error={ranking.error} onRetry={ranking.reload} />;
  const view = ranking.data;
  if (!view) return <Skeleton active paragraph={{ rows: 4 }} />;
  return (
    <Flex vertical gap={12}>
      <Alert type="info" showIcon title={t(view.public ? 'points.ranking.public' : 'points.ranking.private')} />
      <Table<Row> size="small" rowKey={(r) => r.person.id} pagination={{ pageSize: 50, hideOnSinglePage: true }} dataSource={view.items} data-testid="points-ranking"
        columns={[
          { title: t('points.ranking.rank'), dataIndex: 'rank', key: 'rank', width: 70 },
          { title: t('points.ledger.member'), key: 'name', render: (_: unknown, r: Row) => r.person.name },
          { title: t('points.ranking.total'), dataIndex: 'total', key: 'total', width: 80 },
          { title: t('points.rating.stars'), key: 'stars', render: (_: unknown, r: Row) => <Rate disabled value={r.stars} style={{ fontSize: 14 }} /> },
        ]} />
    </Flex>
  );
}
