import { Alert, Flex, Rate, Select, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { api, ApiError } from '../../api.js';
import type { PointsLedger } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';
import { ApiFailure } from '../ApiFailure.js';
import { useMembers } from './useMembers.js';

type Line = PointsLedger['lines'][number];

/** 我的积分: the user's own ledger, or a member's of the organization picked by those who read people. */
export function LedgerTab({ orgCode, year, person, onPick }: { orgCode: string; year: number; person?: string; onPick: (person: string | undefined) => void }) {
  const { t, lang } = useI18n();
  const members = useMembers(orgCode);
  const ledger = useApi(`points-ledger|${person ?? ''}|${year}|${lang}`, (signal) => api.get<PointsLedger>('/api/points/ledger', { person, year }, { signal }));
  const picker = members.length > 0 && (
    <Select allowClear showSearch optionFilterProp="label" placeholder={t('points.ledger.pickMember')} style={{ maxWidth: 320, width: '100%' }} value={person}
      options={members.map((m) => ({ value: m.id, label: m.name }))} onChange={(v: string | undefined) => onPick(v)} data-testid="points-ledger-member" />
  );
  const ownMissing = !person && ledger.error instanceof ApiError && ledger.error.status === 404;
  if (ledger.error && !ownMissing) return <Flex vertical gap={12}>{picker}<ApiFailure error={ledger.error} onRetry={ledger.reload} /></Flex>;
  if (ownMissing) return <Flex vertical gap={12}>{picker}<Alert type="info" showIcon title={t('points.ledger.noPerson')} /></Flex>;
  const view = ledger.data;
  if (!view) return <Skeleton active paragraph={{ rows: 4 }} />;
  const columns = [
    { title: t('points.ledger.item'), key: 'item', render: (_: unknown, l: Line) => (
      <Flex vertical gap={2}>
        <span>{l.name} <Tag>{t(`points.kind.${l.kind}`)}</Tag></span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`points.source.${l.source}`)}</Typography.Text>
        {l.entries.map((e) => <Typography.Text key={e.id} type="secondary" style={{ fontSize: 12 }}>{e.occurredOn} {e.description}（{e.points > 0 ? '+' : ''}{e.points}）</Typography.Text>)}
      </Flex>
    ) },
    { title: t('points.ledger.count'), dataIndex: 'count', key: 'count', width: 70 },
    { title: t('points.ledger.points'), key: 'points', width: 130, render: (_: unknown, l: Line) => (
      <Flex vertical>
        <strong>{l.points > 0 ? '+' : ''}{l.points}</strong>
        {l.points !== l.uncapped && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('points.ledger.capped', { cap: l.cap ?? 0, uncapped: l.uncapped })}</Typography.Text>}
      </Flex>
    ) },
  ];
  return (
    <Flex vertical gap={12} data-testid="points-ledger">
      {picker}
      <Flex wrap gap={24} align="center">
        <Statistic title={`${view.person.name} · ${view.org.name} · ${t('points.ledger.total')}`} value={view.total} data-testid="points-ledger-total" />
        <Flex vertical>
          <Rate disabled count={5} value={view.stars} />
          <Typography.Text type="secondary">{t('points.ledger.thresholds', { list: view.thresholds.map((x, i) => `${i + 1}★ ${x}`).join(' / ') })}</Typography.Text>
        </Flex>
      </Flex>
      {view.inactive.length > 0 && <Alert type="info" showIcon title={t('points.ledger.inactive', { names: view.inactive.map((i) => i.name).join('、') })} />}
      <Table<Line> size="small" rowKey="itemId" pagination={false} columns={columns} dataSource={view.lines} scroll={{ x: 420 }}
        locale={{ emptyText: t('points.ledger.empty') }} />
    </Flex>
  );
}
