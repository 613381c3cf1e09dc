import { App, Button, Card, Checkbox, Flex, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api.js';
import { ApiFailure } from '../components/ApiFailure.js';
import { PetitionDrawer } from '../components/petitions/PetitionDrawer.js';
import { RegisterModal } from '../components/petitions/RegisterModal.js';
import type { PetitionList, PetitionSummary } from '../contracts.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useAddress } from '../useAddress.js';
import { useApi } from '../useApi.js';

const states = ['open', 'registered', 'not_accepted', 'handling', 'replied', 'reviewing', 'reviewed', 're_reviewing', 're_reviewed', 'closed'] as const;
const channels = ['letter', 'visit', 'phone', 'online', 'referred'] as const;

/**
 * 信访事项: the petition register (newest first; overdue in red) with its filters in the address, a
 * petition's procedure in a drawer, registering one, and the register as a workbook. The accused
 * never find theirs here: the server leaves them out of every answer.
 */
export default function PetitionsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [params, set] = useAddress();
  const [registering, setRegistering] = useState(false);
  const state = params.get('state') ?? undefined;
  const channel = params.get('channel') ?? undefined;
  const overdue = params.get('overdue') === 'true';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const selected = params.get('id');
  const query = { state, channel, overdue: overdue ? 'true' : undefined };
  const list = useApi(`petitions|${state}|${channel}|${overdue}|${page}|${lang}`, (signal) => api.get<PetitionList>('/api/petitions', { ...query, page }, { signal }));
  const canRegister = list.data?.can.register;

  const exportRegister = async () => {
    try {
      const search = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined)).toString();
      await api.download(`/api/petitions/export.xlsx${search ? `?${search}` : ''}`, '信访登记簿.xlsx');
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };

  const columns = [
    { title: t('petitions.col.number'), key: 'number', width: 96, render: (_: unknown, p: PetitionSummary) => (
      <Flex vertical><span>{p.number}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.receivedOn}</Typography.Text></Flex>
    ) },
    { title: t('petitions.col.content'), key: 'content', render: (_: unknown, p: PetitionSummary) => (
      <Flex vertical>
        <Typography.Text ellipsis={{ tooltip: p.content }} style={{ maxWidth: 340 }}>{p.content}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(`petitions.channel.${p.channel}`)} · {t(`petitions.category.${p.category}`)} · {p.petitioners}
        </Typography.Text>
      </Flex>
    ) },
    { title: t('petitions.col.org'), key: 'org', render: (_: unknown, p: PetitionSummary) => p.org.name },
    { title: t('petitions.col.state'), key: 'state', render: (_: unknown, p: PetitionSummary) => <Tag>{t(`petitions.state.${p.state}`)}</Tag> },
    { title: t('petitions.col.due'), key: 'due', render: (_: unknown, p: PetitionSummary) => (
      <Typography.Text type={p.overdue ? 'danger' : undefined} data-testid={p.overdue ? 'petition-overdue' : undefined}>
        {p.dueOn ?? '—'}{p.overdue ? ` ${t('petitions.overdue')}` : ''}
      </Typography.Text>
    ) },
  ];

  const registerButton = (
    <Button type="primary" disabled={!canRegister?.allowed} onClick={() => setRegistering(true)} data-testid="petition-register">{t('petitions.register')}</Button>
  );

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="petitions-title">{t('petitions.title')}</Typography.Title>
        <Space wrap>
          <Button onClick={() => void exportRegister()} data-testid="petition-export">{t('petitions.export')}</Button>
          {canRegister && !canRegister.allowed ? <Tooltip title={t('petitions.reason.no_ability')}><span>{registerButton}</span></Tooltip> : registerButton}
        </Space>
      </Flex>
      <Card size="small">
        <Flex wrap gap={12} align="center">
          <Select allowClear placeholder={t('petitions.filter.state')} value={state} style={{ flex: '1 1 160px', maxWidth: 220 }} data-testid="petition-filter-state"
            onChange={(v?: string) => set({ state: v, page: undefined })}
            options={states.map((s) => ({ value: s, label: s === 'open' ? t('petitions.filter.open') : t(`petitions.state.${s}`) }))} />
          <Select allowClear placeholder={t('petitions.filter.channel')} value={channel} style={{ flex: '1 1 140px', maxWidth: 200 }}
            onChange={(v?: string) => set({ channel: v, page: undefined })} options={channels.map((c) => ({ value: c, label: t(`petitions.channel.${c}`) }))} />
          <Checkbox checked={overdue} onChange={(e) => set({ overdue: e.target.checked ? 'true' : undefined, page: undefined })} data-testid="petition-filter-overdue">
            {t('petitions.filter.overdue')}
          </Checkbox>
          {list.data && <Typography.Text type="secondary" data-testid="petition-counts">{t('petitions.openCount', list.data.counts)}</Typography.Text>}
        </Flex>
      </Card>
      {list.error ? <ApiFailure error={list.error} onRetry={list.reload} /> : (
        <>
          <Table<PetitionSummary> size="small" rowKey="id" loading={list.loading} columns={columns} dataSource={list.data?.items ?? []} pagination={false}
            scroll={{ x: 720 }} locale={{ emptyText: t('petitions.empty') }} data-testid="petition-list"
            onRow={(p) => ({ onClick: () => set({ id: p.id }), style: { cursor: 'pointer' }, 'data-testid': `petition-row-${p.number}` } as object)} />
          <Flex justify="end" gap={8}>
            <Button disabled={page <= 1} onClick={() => set({ page: page - 1 > 1 ? String(page - 1) : undefined })}>{t('petitions.prev')}</Button>
            <Button disabled={!list.data || page * list.data.pageSize >= list.data.total} onClick={() => set({ page: String(page + 1) })}>{t('petitions.more')}</Button>
          </Flex>
        </>
      )}
      <PetitionDrawer id={selected} onClose={() => set({ id: undefined })} onChanged={list.reload} />
      <RegisterModal open={registering} onClose={(made) => {
        setRegistering(false);
        if (!made) return;
        list.reload();
        if (made.visible) set({ id: made.id });
      }} />
    </Flex>
  );
}
