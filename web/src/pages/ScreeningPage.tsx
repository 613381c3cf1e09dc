import { Alert, App, Button, Card, Empty, Flex, Popconfirm, Select, Skeleton, Space, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api.js';
import { ApiFailure } from '../components/ApiFailure.js';
import { dayLabel, reasonOf } from '../components/screening/format.js';
import { OpenRoundModal } from '../components/screening/OpenRoundModal.js';
import { OrgDrawer } from '../components/screening/OrgDrawer.js';
import { RoundGrid } from '../components/screening/RoundGrid.js';
import { SettingsDrawer } from '../components/screening/SettingsDrawer.js';
import { Summary } from '../components/screening/Summary.js';
import type { ScreeningGrid, ScreeningProposals, ScreeningRoundList } from '../contracts.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useAddress } from '../useAddress.js';
import { useApi } from '../useApi.js';

/**
 * 排查认定: a round of the county's screening as villages × criteria, findings and proposals per
 * village, the definition, and the round's figures beside the quota policy. The round and the village
 * open in a drawer live in the address.
 */
export default function ScreeningPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [params, set] = useAddress();
  const [opening, setOpening] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [proposing, setProposing] = useState(false);
  const [proposed, setProposed] = useState<string | null>(null);
  const rounds = useApi(`screening-rounds|${lang}`, (signal) => api.get<ScreeningRoundList>('/api/screening/rounds', undefined, { signal }));
  const roundId = params.get('round') ?? rounds.data?.items[0]?.id ?? null;
  const grid = useApi(roundId ? `${roundId}|${lang}` : null, (signal) => api.get<ScreeningGrid>(`/api/screening/rounds/${roundId}`, undefined, { signal }));
  const org = params.get('org');
  const criterion = params.get('criterion') ?? undefined;

  if (rounds.error && !rounds.data) return <ApiFailure error={rounds.error} onRetry={rounds.reload} />;
  const propose = async () => {
    setProposing(true);
    try {
      const result = await api.post<ScreeningProposals>(`/api/screening/rounds/${roundId}/proposals`);
      setProposed(result.message);
      grid.reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setProposing(false);
    }
  };
  const close = async () => {
    try {
      await api.post(`/api/screening/rounds/${roundId}/close`);
      rounds.reload();
      grid.reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const view = grid.data;
  const content = () => {
    if (!rounds.data) return <Skeleton active paragraph={{ rows: 8 }} />;
    if (!roundId) return <Empty description={t('screening.noRounds')} />;
    if (grid.error && !view) return <ApiFailure error={grid.error} onRetry={grid.reload} />;
    if (!view) return <Skeleton active paragraph={{ rows: 8 }} />;
    return (
      <Flex vertical gap={12}>
        <Flex wrap gap={8} align="center">
          <Typography.Text type="secondary">{dayLabel(view.round.openedOn, lang)}{view.round.closedOn ? ` – ${dayLabel(view.round.closedOn, lang)}` : ''}</Typography.Text>
          <Tag color={view.round.status === 'open' ? 'green' : 'default'}>{t(view.round.status === 'open' ? 'screening.status.open' : 'screening.closed')}</Tag>
          <Typography.Text strong>{view.quota}</Typography.Text>
          <Space style={{ marginInlineStart: 'auto' }}>
            <Tooltip title={reasonOf(t, view.can.propose)}>
              <Button type="primary" disabled={!view.can.propose.allowed} loading={proposing} onClick={() => void propose()} data-testid="screening-propose">{t('screening.propose')}</Button>
            </Tooltip>
            {view.can.close.allowed && (
              <Popconfirm title={t('screening.closeConfirm')} onConfirm={() => void close()}><Button>{t('screening.close')}</Button></Popconfirm>
            )}
          </Space>
        </Flex>
        {proposed && <Alert type="success" showIcon closable title={proposed} onClose={() => setProposed(null)} data-testid="screening-proposed" />}
        <Tabs destroyOnHidden activeKey={params.get('tab') === 'summary' ? 'summary' : 'grid'} onChange={(key) => set({ tab: key === 'grid' ? undefined : key })} items={[
          { key: 'grid', label: t('screening.round'), children: <RoundGrid grid={view} onPick={(code, c) => set({ org: code, criterion: c })} /> },
          { key: 'summary', label: <span data-testid="screening-tab-summary">{t('screening.summary')}</span>, children: <Summary grid={view} /> },
        ]} />
      </Flex>
    );
  };

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="screening-title">{t('screening.title')}</Typography.Title>
      <Card size="small">
        <Flex wrap gap={8} align="center">
          <Select style={{ minWidth: 300 }} placeholder={t('screening.pickRound')} value={roundId ?? undefined} data-testid="screening-round"
            onChange={(id: string) => set({ round: id, org: undefined, criterion: undefined })}
            options={(rounds.data?.items ?? []).map((r) => ({ value: r.id, label: `${r.title}${r.status === 'closed' ? `（${t('screening.closed')}）` : ''}` }))} />
          {rounds.data?.can.open.allowed && <Button onClick={() => setOpening(true)} data-testid="screening-open">{t('screening.open')}</Button>}
          <Button onClick={() => setSettingsOpen(true)} data-testid="screening-criteria">{t('screening.criteria')}</Button>
        </Flex>
      </Card>
      {content()}
      <OpenRoundModal open={opening} onClose={() => setOpening(false)} onOpened={(r) => { setOpening(false); rounds.reload(); set({ round: r.id }); message.success(t('screening.opened')); }} />
      <SettingsDrawer open={settingsOpen} onClose={() => setSettingsOpen(false)} />
      {roundId && <OrgDrawer roundId={roundId} orgCode={org} criterion={criterion} onClose={() => set({ org: undefined, criterion: undefined })} onChanged={() => grid.reload()} />}
    </Flex>
  );
}
