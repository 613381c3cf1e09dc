import { CalendarOutlined, FilterOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Grid, Segmented, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../api.js';
import { ApiFailure } from '../components/ApiFailure.js';
import { filtersFromParams, filtersToQuery, type MeetingFilters } from '../components/meetings/filters.js';
import { MeetingCalendar } from '../components/meetings/MeetingCalendar.js';
import { meetingColumns } from '../components/meetings/meetingColumns.js';
import { MeetingFilterForm } from '../components/meetings/MeetingFilterForm.js';
import { RecordBookButton } from '../components/meetings/RecordBookButton.js';
import { RecordMeetingButton } from '../components/meetings/RecordMeetingButton.js';
import type { MeetingItem, MeetingPage } from '../contracts.js';
import { chinaToday } from '../format.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useApi } from '../useApi.js';
import { useAddress } from '../useAddress.js';
import { useOrgIndex } from '../useOrgIndex.js';

const DEFAULT_PAGE_SIZE = 20;
type View = 'list' | 'calendar';

/**
 * 会议活动: the meetings of a subtree, as a paged list or a month calendar; the filters, the view,
 * the page and the calendar's day live in the address.
 */
export default function MeetingsPage() {
  const { t, lang } = useI18n();
  const screens = Grid.useBreakpoint();
  const compact = screens.md === false;
  const [params, set, setParams] = useAddress();
  // Bumped by a save, so that the calendar asks again too.
  const [saves, setSaves] = useState(0);
  // On a phone the filters wait behind a button, unless one is in use.
  const [filtering, setFiltering] = useState(false);

  const filters = useMemo(() => filtersFromParams(params), [params]);
  const filterQuery = filtersToQuery(filters);
  const filterKey = new URLSearchParams(filterQuery).toString();
  const view: View = params.get('view') === 'calendar' ? 'calendar' : 'list';
  const day = /^\d{4}-\d{2}-\d{2}$/.test(params.get('day') ?? '') ? params.get('day')! : chinaToday();
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE;

  const meetings = useApi(view === 'list' ? params.toString() : null, (signal) =>
    api.get<MeetingPage>('/api/meetings', { ...filterQuery, page, pageSize }, { signal }));
  const index = useOrgIndex();

  if (meetings.error && !meetings.data) return <ApiFailure error={meetings.error} onRetry={meetings.reload} />;

  const apply = (values: MeetingFilters) => {
    const next = new URLSearchParams(filtersToQuery(values));
    if (view === 'calendar') next.set('view', view);
    if (params.get('day')) next.set('day', day);
    if (pageSize !== DEFAULT_PAGE_SIZE) next.set('pageSize', String(pageSize));
    setParams(next);
  };

  return (
    <Flex vertical gap={12}>
      <Flex wrap align="center" justify="space-between" gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="meetings-title">{t('meetings.title')}</Typography.Title>
        <Flex wrap gap={8}>
          <RecordBookButton filters={filters} />
          <RecordMeetingButton onSaved={() => { meetings.reload(); setSaves((n) => n + 1); }} />
        </Flex>
      </Flex>
      {(!compact || filtering || filterKey !== '') && (
        <Card size="small">
          {/* Keyed by the filters so that the form follows the address (reset, back button). */}
          <MeetingFilterForm key={filterKey} initial={filters} index={index} compact={compact} dates={view === 'list'} onApply={apply}
            onReset={() => setParams(view === 'calendar' ? { view } : {})} />
        </Card>
      )}
      <Flex align="center" justify="space-between" gap={8}>
        <Segmented<View> value={view} onChange={(v) => set({ view: v === 'calendar' ? v : undefined, page: undefined })} data-testid="meetings-view"
          options={[
            { value: 'list', label: t('meetings.view.list'), icon: <UnorderedListOutlined /> },
            { value: 'calendar', label: t('meetings.view.calendar'), icon: <CalendarOutlined /> },
          ]} />
        {compact && filterKey === '' && (
          <Button icon={<FilterOutlined />} type={filtering ? 'primary' : 'default'} onClick={() => setFiltering(!filtering)} data-testid="meetings-filter-toggle">
            {t('meetings.filter.toggle')}
          </Button>
        )}
      </Flex>
      {view === 'calendar' ? (
        <MeetingCalendar filters={filters} day={day} compact={compact} version={saves} onDay={(next) => set({ day: next === chinaToday() ? undefined : next })} />
      ) : (
        <>
          {meetings.error !== undefined && (
            <Typography.Text type="danger">{meetings.error instanceof Error ? meetings.error.message : String(meetings.error)}</Typography.Text>
          )}
          <Table<MeetingItem>
            data-testid="meetings-table"
            rowKey="id"
            size="small"
            loading={meetings.loading}
            columns={meetingColumns({ t, lang, compact })}
            dataSource={meetings.data?.items ?? []}
            scroll={compact ? undefined : { x: 860 }}
            pagination={{
              current: page,
              pageSize,
              total: meetings.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100, 200],
              showTotal: (total) => <span data-testid="meetings-total">{t('meetings.total', { total })}</span>,
              onChange: (nextPage, nextSize) => set({ page: String(nextSize !== pageSize ? 1 : nextPage), pageSize: String(nextSize) }),
            }}
          />
        </>
      )}
    </Flex>
  );
}
