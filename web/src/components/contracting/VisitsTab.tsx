import { App, Button, Descriptions, Drawer, Flex, Grid, List, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import type { VisitDetail, VisitItem, VisitPage } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';
import { ApiFailure } from '../ApiFailure.js';

/** 走访记录: the visits of the chosen organization (all of the user's reach without one), newest first. */
export function VisitsTab({ orgCode, refreshed }: { orgCode?: string; refreshed: number }) {
  const { t } = useI18n();
  const compact = Grid.useBreakpoint().md === false;
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const visits = useApi(`contracting-visits|${orgCode ?? ''}|${page}|${refreshed}`, (signal) =>
    api.get<VisitPage>('/api/contracting/visits', { org: orgCode, page, pageSize: 20 }, { signal }));
  if (visits.error && !visits.data) return <ApiFailure error={visits.error} onRetry={visits.reload} />;
  const view = visits.data;
  if (!view) return <Skeleton active />;
  const people = (v: VisitItem) => v.participants.map((p) => p.name).join('、');
  const pagination = { current: page, pageSize: 20, total: view.total, onChange: setPage, showTotal: (total: number) => t('contracting.visits.total', { total }) };
  return (
    <>
      {compact ? (
        <List<VisitItem> dataSource={view.items} pagination={pagination} locale={{ emptyText: t('contracting.visits.empty') }} data-testid="contracting-visits"
          renderItem={(v) => (
            <List.Item onClick={() => setOpen(v.id)} style={{ cursor: 'pointer' }} data-testid="contracting-visit-row">
              <List.Item.Meta title={`${v.visitedOn} ${v.village.name}`} description={`${v.purpose} · ${people(v)}`} />
            </List.Item>
          )} />
      ) : (
        <Table<VisitItem> rowKey="id" size="small" dataSource={view.items} pagination={pagination} locale={{ emptyText: t('contracting.visits.empty') }} data-testid="contracting-visits"
          onRow={(v) => ({ onClick: () => setOpen(v.id), style: { cursor: 'pointer' }, 'data-testid': 'contracting-visit-row' } as object)}
          columns={[
            { title: t('contracting.visits.col.date'), dataIndex: 'visitedOn', width: 110 },
            { title: t('contracting.visits.col.village'), render: (_, v) => v.village.name },
            { title: t('contracting.visits.col.team'), render: (_, v) => v.team?.name ?? '' },
            { title: t('contracting.visits.col.people'), render: (_, v) => people(v) },
            { title: t('contracting.visits.col.purpose'), dataIndex: 'purpose' },
            { title: t('contracting.visits.col.households'), dataIndex: 'households', width: 90 },
          ]} />
      )}
      {open && <VisitDrawer id={open} onClose={() => setOpen(null)} />}
    </>
  );
}

/** One visit; each problem found can become a concern in one step. */
function VisitDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const wide = Grid.useBreakpoint().md;
  const visit = useApi(`contracting-visit|${id}`, (signal) => api.get<VisitDetail>(`/api/contracting/visits/${id}`, undefined, { signal }));
  const [made, setMade] = useState<Record<number, string>>({});
  const [busy, setBusy] = useState<number | null>(null);
  const v = visit.data;
  const toConcern = async (line: string, i: number) => {
    if (!v) return;
    setBusy(i);
    try {
      // The handler reads the concern on its own: it says where and when it was found, and whose household when only one was met.
      const created = await api.post<{ id: string; trackingCode: string }>('/api/concerns', {
        orgCode: v.village.code, content: t('contracting.visits.concernContent', { problem: line, date: v.visitedOn, village: v.village.name }), channel: 'visit', visitId: v.id,
        householdId: v.households.length === 1 ? v.households[0]!.id : undefined,
      });
      setMade((m) => ({ ...m, [i]: created.trackingCode }));
      message.success(t('contracting.visits.toConcernDone', { code: created.trackingCode }));
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(null);
    }
  };
  const problems = (v?.problemsFound ?? '').split('\n').map((s) => s.trim()).filter(Boolean);
  return (
    <Drawer open onClose={onClose} title={t('contracting.visits.detail')} size={wide ? 560 : '100%'} data-testid="contracting-visit-detail">
      {visit.error !== undefined && !v && <ApiFailure error={visit.error} onRetry={visit.reload} />}
      {!v ? (visit.error === undefined && <Skeleton active />) : (
        <Flex vertical gap={12}>
          <Descriptions column={1} size="small" bordered items={[
            { key: 'date', label: t('contracting.visits.col.date'), children: v.visitedOn },
            { key: 'village', label: t('contracting.visits.col.village'), children: v.village.name },
            { key: 'team', label: t('contracting.visits.col.team'), children: v.team?.name ?? t('common.none') },
            { key: 'people', label: t('contracting.visits.col.people'), children: v.participants.map((p) => p.name).join('、') },
            { key: 'purpose', label: t('contracting.visits.col.purpose'), children: v.purpose },
            { key: 'households', label: t('contracting.visits.households'), children: v.households.map((h) => h.headName).join('、') || t('common.none') },
            { key: 'solved', label: t('contracting.visits.problemsSolved'), children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{v.problemsSolved ?? t('common.none')}</Typography.Text> },
          ]} />
          <Typography.Title level={5} style={{ margin: 0 }}>{t('contracting.visits.problemsFound')}</Typography.Title>
          <List size="small" bordered dataSource={problems} locale={{ emptyText: t('common.none') }} renderItem={(line, i) => (
            <List.Item data-testid="contracting-visit-problem" actions={[made[i]
              ? <Typography.Text type="success" key="made">{made[i]}</Typography.Text>
              : <Button key="concern" size="small" loading={busy === i} disabled={!v.can.edit.allowed} onClick={() => void toConcern(line, i)} data-testid="contracting-to-concern">{t('contracting.visits.toConcern')}</Button>]}>
              <Typography.Text>{line}</Typography.Text>
            </List.Item>
          )} />
        </Flex>
      )}
    </Drawer>
  );
}
