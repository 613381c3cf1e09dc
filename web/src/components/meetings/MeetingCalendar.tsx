import { Alert, Badge, Calendar, Card, Empty, Flex, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api.js';
import type { MeetingItem, MeetingPage } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';
import { ApiFailure } from '../ApiFailure.js';
import type { MeetingFilters } from './filters.js';
import { filtersToQuery } from './filters.js';
import { kindLabel } from './labels.js';
import { meetingDay, MeetingStatusTag } from './meetingColumns.js';

/** The most a month asks the server for; a wider scope is told to narrow it. */
const MONTH_LIMIT = 500;
const SHOWN_IN_CELL = 3;

interface Props {
  /** The list's filters; the month stands in for their date range. */
  filters: MeetingFilters;
  /** The chosen day, 'YYYY-MM-DD'; its month is the one shown. */
  day: string;
  onDay: (day: string) => void;
  /** Phones: a small month with a dot on each day that has meetings. */
  compact: boolean;
  /** Changes after a save elsewhere on the page: the month is asked for again. */
  version: number;
}

const statusBadge = { held: 'success', planned: 'processing', cancelled: 'default' } as const;

/** 会议日历: a month of meetings on their days (held, or planned), and the chosen day's list below. */
export function MeetingCalendar({ filters, day, onDay, compact, version }: Props) {
  const { t, lang } = useI18n();
  const shown = dayjs(day);
  const month = shown.format('YYYY-MM');
  const { from: _from, to: _to, ...scope } = filters;
  const scopeQuery = filtersToQuery(scope);
  const query = { ...scopeQuery, from: shown.startOf('month').format('YYYY-MM-DD'), to: shown.endOf('month').format('YYYY-MM-DD'), pageSize: MONTH_LIMIT };
  const meetings = useApi(`${month}?${new URLSearchParams(scopeQuery).toString()}#${version}`, (signal) =>
    api.get<MeetingPage>('/api/meetings', query, { signal }));

  const byDay = useMemo(() => {
    const map = new Map<string, MeetingItem[]>();
    for (const m of meetings.data?.items ?? []) map.set(meetingDay(m), [...(map.get(meetingDay(m)) ?? []), m]);
    return map;
  }, [meetings.data]);

  if (meetings.error && !meetings.data) return <ApiFailure error={meetings.error} onRetry={meetings.reload} />;

  const cell = (date: Dayjs) => {
    const items = date.format('YYYY-MM') === month ? byDay.get(date.format('YYYY-MM-DD')) ?? [] : [];
    if (items.length === 0) return null;
    if (compact) {
      return <span data-testid="meeting-calendar-dot" style={{ position: 'absolute', insetInline: 0, bottom: -8, lineHeight: 0 }}><Badge status="error" /></span>;
    }
    return (
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="meeting-calendar-day">
        {items.slice(0, SHOWN_IN_CELL).map((m) => (
          <li key={m.id} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
            <Badge status={statusBadge[m.status]} text={<Link to={`/meetings/${m.id}`} onClick={(e) => e.stopPropagation()}>{kindLabel(m.kind, lang)} · {m.topic}</Link>} />
          </li>
        ))}
        {items.length > SHOWN_IN_CELL && <li><Typography.Text type="secondary">{t('meetings.calendar.more', { count: items.length - SHOWN_IN_CELL })}</Typography.Text></li>}
      </ul>
    );
  };
  const chosen = byDay.get(day) ?? [];

  return (
    <Spin spinning={meetings.loading}>
      <Flex vertical gap={12} data-testid="meeting-calendar" data-month={month}>
        {meetings.data && meetings.data.total > meetings.data.items.length && (
          <Alert type="warning" showIcon title={t('meetings.calendar.truncated', { total: meetings.data.total, shown: meetings.data.items.length })} />
        )}
        <Card size="small" styles={{ body: { padding: compact ? 4 : 8 } }}>
          <Calendar fullscreen={!compact} value={shown}
            cellRender={(date, info) => (info.type === 'date' ? cell(date) : null)}
            onSelect={(date) => onDay(date.format('YYYY-MM-DD'))}
            onPanelChange={(date) => onDay(date.format('YYYY-MM-DD'))} />
        </Card>
        <Card size="small" title={t('meetings.calendar.dayTitle', { day })} data-testid="meeting-calendar-list">
          {chosen.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meetings.calendar.noneOnDay')} /> : (
            <Flex vertical gap={8}>
              {chosen.map((m) => (
                <Flex key={m.id} justify="space-between" align="start" gap={8}>
                  <Flex vertical gap={2} style={{ minWidth: 0 }}>
                    <Link to={`/meetings/${m.id}`} data-testid="meeting-link">{m.topic}</Link>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {[m.startsAt, kindLabel(m.kind, lang), m.org.name].filter(Boolean).join(' · ')}
                    </Typography.Text>
                  </Flex>
                  <MeetingStatusTag m={m} t={t} />
                </Flex>
              ))}
            </Flex>
          )}
        </Card>
      </Flex>
    </Spin>
  );
}
