import { Card, Empty, Flex, Progress, Skeleton, Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { api } from '../../api.js';
import type { ContractingBoard } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';
import { ApiFailure } from '../ApiFailure.js';
import { EChart, type ChartOption } from '../home/EChart.js';

const statusColor = { done: 'success', due: 'processing', overdue: 'error', not_due: 'default' } as const;

/** 包村看板: each team's villages, the leader's visits this period against the quota, and eight weeks of visits. */
export function BoardTab({ orgCode, week, refreshed }: { orgCode: string; week?: string; refreshed: number }) {
  const { t, lang } = useI18n();
  const board = useApi(`contracting-board|${orgCode}|${week ?? ''}|${lang}|${refreshed}`, (signal) =>
    api.get<ContractingBoard>('/api/contracting/board', { org: orgCode, week }, { signal }));
  const view = board.data;
  const chart = useMemo<ChartOption | null>(() => view && view.teams.length > 0 ? {
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 32, right: 8, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: view.history.map((w) => w.key.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: view.teams.map((team) => ({ type: 'bar', name: team.name, data: team.history })),
  } : null, [view]);

  if (board.error && !view) return <ApiFailure error={board.error} onRetry={board.reload} />;
  if (!view) return <Skeleton active />;
  const periodName = t(`contracting.board.period.${view.quota.period}`);
  return (
    <Flex vertical gap={12} data-testid="contracting-board">
      <Typography.Text type="secondary">
        {view.week.label} · {t('contracting.board.quota', { count: view.quota.visitsPerPeriod, period: periodName })}
      </Typography.Text>
      {view.teams.length === 0 && <Empty description={t('contracting.board.noTeams')} />}
      <Flex wrap gap={12}>
        {view.teams.map((team) => {
          const overdue = team.quota.status === 'overdue';
          return (
            <Card key={team.id} size="small" style={{ flex: '1 1 300px', maxWidth: 480 }} data-testid="contracting-board-team"
              title={<Space wrap><span>{team.name}</span><Tag color={statusColor[team.quota.status]}>{t(`contracting.status.${team.quota.status}`)}</Tag></Space>}>
              <Typography.Text>{t('contracting.board.leader')}：{team.leader.name}</Typography.Text>
              {team.members.length > 0 && <div><Typography.Text type="secondary">{t('contracting.board.members')}：{team.members.map((m) => m.name).join('、')}</Typography.Text></div>}
              <div data-testid="contracting-board-held" style={{ marginTop: 8, color: overdue ? '#cf1322' : undefined }}>
                {t('contracting.board.held', { held: team.quota.held, required: team.quota.required })}
              </div>
              <Progress percent={Math.min(100, Math.round((team.quota.held / team.quota.required) * 100))} status={overdue ? 'exception' : team.quota.status === 'done' ? 'success' : 'active'}
                showInfo={false} strokeColor={overdue ? '#cf1322' : undefined} />
              <Flex vertical gap={4} style={{ marginTop: 8 }}>
                {team.villages.map((v) => (
                  <Flex key={v.code} justify="space-between" wrap gap={4} data-testid="contracting-board-village">
                    <span>{v.name}</span>
                    <span>
                      {v.lastVisitedOn ? <Typography.Text type="secondary">{t('contracting.board.lastVisit', { date: v.lastVisitedOn })}</Typography.Text> : <Typography.Text type="secondary">{t('contracting.board.never')}</Typography.Text>}
                      {v.stale && <Tag color="error" style={{ marginInlineStart: 6 }}>{t('contracting.board.stale', { days: view.staleDays })}</Tag>}
                    </span>
                  </Flex>
                ))}
              </Flex>
            </Card>
          );
        })}
      </Flex>
      {chart && (
        <Card size="small" title={t('contracting.board.chart')}>
          <EChart option={chart} height={260} ariaLabel={t('contracting.board.chart')} />
        </Card>
      )}
    </Flex>
  );
}
