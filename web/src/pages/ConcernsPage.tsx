import { Button, Card, Checkbox, Flex, Input, Segmented, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api.js';
import { ApiFailure } from '../components/ApiFailure.js';
import { ConcernDigest } from '../components/concerns/ConcernDigest.js';
import { ConcernDrawer } from '../components/concerns/ConcernDrawer.js';
import { ConcernSettingsPanel } from '../components/concerns/ConcernSettingsPanel.js';
import { ConcernStatistics } from '../components/concerns/ConcernStatistics.js';
import { PublicAddressSetting } from '../components/concern-cards/PublicAddressSetting.js';
import { OnBehalfModal } from '../components/concerns/OnBehalfModal.js';
import type { ConcernInbox, ConcernSettings, ConcernSummary } from '../contracts.js';
import { chinaDateTime } from '../format.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { OrgIndex } from '../orgTree.js';
import { useUser } from '../session.js';
import { useAddress } from '../useAddress.js';
import { useApi } from '../useApi.js';
import { useOrgIndex } from '../useOrgIndex.js';

const tabs = ['new', 'open', 'resolved', 'all'] as const;
/** The page's parts: the inbox, then the statistics, the monthly digest and the county's settings. */
const views = ['inbox', 'statistics', 'digest', 'settings'] as const;
type Tab = (typeof tabs)[number];
const emptyIndex: OrgIndex = { byCode: new Map(), children: new Map(), roots: [] };

/**
 * 民情诉求: the handler's inbox (to accept, in hand, replied, all; overdue in red, soonest due first),
 * a concern's detail in a drawer, and entering a concern for a villager. Filters live in the address.
 */
export default function ConcernsPage() {
  const { t, lang } = useI18n();
  const user = useUser();
  const index = useOrgIndex();
  const [params, set] = useAddress();
  const [entering, setEntering] = useState(false);
  const view = views.find((x) => x === params.get('view')) ?? 'inbox';
  const tab: Tab = tabs.find((x) => x === params.get('state')) ?? 'open';
  const q = params.get('q') ?? '';
  const mine = params.get('mine') === 'true';
  const overdue = params.get('overdue') === 'true';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const selected = params.get('id');
  const [typed, setTyped] = useState(q);
  const settings = useApi(`concern-settings|${lang}`, (signal) => api.get<ConcernSettings>('/api/concerns/settings', undefined, { signal }));
  const inbox = useApi(`concerns|${tab}|${q}|${mine}|${overdue}|${page}|${lang}`, (signal) => api.get<ConcernInbox>('/api/concerns', {
    state: tab === 'all' ? undefined : tab, q: q || undefined, mine: mine ? 'true' : undefined, overdue: overdue ? 'true' : undefined, page,
  }, { signal }));
  const canEnter = user.abilities.includes('concern.handle');

  const columns = [
    { title: t('concerns.col.content'), key: 'content', render: (_: unknown, c: ConcernSummary) => (
      <Flex vertical>
        <Typography.Text ellipsis={{ tooltip: c.content }} style={{ maxWidth: 360 }}>{c.content}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.trackingCode} · {chinaDateTime(c.receivedAt)} · {c.category?.name ?? '—'}</Typography.Text>
      </Flex>
    ) },
    { title: t('concerns.col.village'), key: 'org', render: (_: unknown, c: ConcernSummary) => c.org.name },
    { title: t('concerns.col.state'), key: 'state', render: (_: unknown, c: ConcernSummary) => (
      <Space size={4} wrap>
        <Tag>{c.stateLabel}</Tag>
        {c.priority === 'urgent' && <Tag color="red">{t('concerns.urgent')}</Tag>}
        {c.reopenCount > 0 && <Tag color="orange">{t('concerns.reopened', { count: c.reopenCount })}</Tag>}
      </Space>
    ) },
    { title: t('concerns.col.due'), key: 'due', render: (_: unknown, c: ConcernSummary) => (
      <Typography.Text type={c.overdue ? 'danger' : undefined} data-testid={c.overdue ? 'concern-overdue' : undefined}>
        {c.dueOn ?? '—'}{c.overdue ? ` ${t('concerns.overdue')}` : ''}
      </Typography.Text>
    ) },
    { title: t('concerns.col.handler'), key: 'handler', render: (_: unknown, c: ConcernSummary) => c.handler ? `${c.handler.name}（${c.handlerOrg.name}）` : c.handlerOrg.name },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="concerns-title">{t('concerns.title')}</Typography.Title>
        {canEnter && <Button type="primary" onClick={() => setEntering(true)} data-testid="concern-new">{t('concerns.new')}</Button>}
      </Flex>
      <Segmented value={view} onChange={(v) => set({ view: v === 'inbox' ? undefined : String(v), org: undefined, from: undefined, to: undefined, month: undefined })}
        options={views.map((v) => ({ value: v, label: <span data-testid={`concern-view-${v}`}>{t(`concerns.view.${v}`)}</span> }))} style={{ alignSelf: 'start', maxWidth: '100%', overflowX: 'auto' }} />
      {view === 'statistics' && <ConcernStatistics index={index ?? emptyIndex} params={params} set={set} />}
      {view === 'digest' && <ConcernDigest index={index ?? emptyIndex} params={params} set={set} />}
      {view === 'settings' && <ConcernSettingsPanel onSaved={settings.reload} />}
      {view === 'settings' && <PublicAddressSetting />}
      {view === 'inbox' && <>
      <Card size="small">
        <Flex wrap gap={12} align="center">
          <Input.Search allowClear value={typed} onChange={(e) => setTyped(e.target.value)} placeholder={t('concerns.search')} style={{ flex: '1 1 240px', maxWidth: 420 }}
            onSearch={(value) => set({ q: value.trim() || undefined, page: undefined })} data-testid="concern-search" />
          <Checkbox checked={mine} onChange={(e) => set({ mine: e.target.checked ? 'true' : undefined, page: undefined })} data-testid="concern-mine">{t('concerns.mine')}</Checkbox>
          <Checkbox checked={overdue} onChange={(e) => set({ overdue: e.target.checked ? 'true' : undefined, page: undefined })}>{t('concerns.overdueOnly')}</Checkbox>
        </Flex>
      </Card>
      <Tabs activeKey={tab} onChange={(key) => set({ state: key === 'open' ? undefined : key, page: undefined })}
        items={tabs.map((k) => ({ key: k, label: <span data-testid={`concern-tab-${k}`}>{t(`concerns.tab.${k}`)}</span> }))} />
      {inbox.error ? <ApiFailure error={inbox.error} onRetry={inbox.reload} /> : (
        <>
          <Table<ConcernSummary> size="small" rowKey="id" loading={inbox.loading} columns={columns} dataSource={inbox.data?.items ?? []} pagination={false}
            scroll={{ x: 720 }} locale={{ emptyText: t('concerns.empty') }} data-testid="concern-inbox"
            onRow={(c) => ({ onClick: () => set({ id: c.id }), style: { cursor: 'pointer' }, 'data-testid': `concern-row-${c.trackingCode}` } as object)} />
          <Flex justify="end" gap={8}>
            <Button disabled={page <= 1} onClick={() => set({ page: page - 1 > 1 ? String(page - 1) : undefined })}>{t('concerns.prev')}</Button>
            <Button disabled={!inbox.data?.hasMore} onClick={() => set({ page: String(page + 1) })}>{t('concerns.more')}</Button>
          </Flex>
        </>
      )}
      </>}
      <ConcernDrawer id={selected} settings={settings.data} onClose={() => set({ id: undefined })} onChanged={inbox.reload} />
      <OnBehalfModal open={entering} index={index ?? emptyIndex} settings={settings.data} onClose={(created) => { setEntering(false); if (created) inbox.reload(); }} />
    </Flex>
  );
}
