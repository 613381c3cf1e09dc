import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Grid, Popconfirm, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../api.js';
import { ApiFailure } from '../components/ApiFailure.js';
import { NewApplicationButton } from '../components/members/admission/NewApplication.js';
import { filtersFromParams, filtersToQuery, type FilterValues } from '../components/members/filters.js';
import { ImportMembersButton } from '../components/members/import/ImportMembersButton.js';
import { MemberFilterForm } from '../components/members/MemberFilterForm.js';
import { memberColumns } from '../components/members/memberColumns.js';
import type { MemberItem, MemberPage } from '../contracts.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useApi } from '../useApi.js';
import { useOrgIndex } from '../useOrgIndex.js';

const DEFAULT_PAGE_SIZE = 20;

/** 党员名册: the members of a subtree, filtered and paged by the server; the filters live in the address. */
export default function MembersPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const compact = screens.md === false;
  const [params, setParams] = useSearchParams();
  const [exporting, setExporting] = useState(false);

  const filters = useMemo(() => filtersFromParams(params), [params]);
  const filterQuery = filtersToQuery(filters);
  const filterKey = new URLSearchParams(filterQuery).toString();
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE;

  const members = useApi(params.toString(), (signal) => api.get<MemberPage>('/api/members', { ...filterQuery, page, pageSize }, { signal }));
  const index = useOrgIndex();

  if (members.error && !members.data) return <ApiFailure error={members.error} onRetry={members.reload} />;

  const apply = (values: FilterValues) => {
    const next = new URLSearchParams(filtersToQuery(values));
    if (pageSize !== DEFAULT_PAGE_SIZE) next.set('pageSize', String(pageSize));
    setParams(next);
  };

  const exportFile = async () => {
    setExporting(true);
    try {
      await api.download(`/api/members/export.xlsx${filterKey ? `?${filterKey}` : ''}`, 'members.xlsx');
      message.success(t('memberList.exportStarted'));
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setExporting(false);
    }
  };
  const full = members.data?.exportsFullValues ?? false;
  const exportButton = (
    <Popconfirm title={t('memberList.export')} description={t(full ? 'memberList.exportFull' : 'memberList.exportMasked')}
      onConfirm={exportFile}>
      <Button icon={<DownloadOutlined />} loading={exporting} data-testid="member-export">{t('memberList.export')}</Button>
    </Popconfirm>
  );

  return (
    <Flex vertical gap={12}>
      <Flex wrap align="baseline" gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="members-title">{t('nav.members')}</Typography.Title>
        {members.data && <Typography.Text type="secondary">{members.data.org.name}</Typography.Text>}
        <NewApplicationButton />
        <ImportMembersButton />
      </Flex>
      <Card size="small">
        {/* Keyed by the filters so that the form follows the address (reset, back button). */}
        <MemberFilterForm key={filterKey} initial={filters} index={index} onApply={apply} onReset={() => setParams({})} extra={exportButton} compact={compact} />
      </Card>
      {members.error !== undefined && (
        <Typography.Text type="danger" data-testid="members-error">{members.error instanceof Error ? members.error.message : String(members.error)}</Typography.Text>
      )}
      <Table<MemberItem>
        data-testid="members-table"
        rowKey="membershipId"
        size="small"
        loading={members.loading}
        columns={memberColumns({ t, lang, compact })}
        dataSource={members.data?.items ?? []}
        scroll={compact ? undefined : { x: 1100 }}
        onRow={(m) => ({ onClick: () => navigate(`/members/${m.personId}`), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize,
          total: members.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => <span data-testid="members-total">{t('memberList.total', { total })}</span>,
          onChange: (nextPage, nextSize) => {
            const next = new URLSearchParams(params);
            next.set('page', String(nextSize !== pageSize ? 1 : nextPage));
            next.set('pageSize', String(nextSize));
            setParams(next);
          },
        }}
      />
    </Flex>
  );
}
