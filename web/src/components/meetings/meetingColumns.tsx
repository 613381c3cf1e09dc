import { Flex, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { MeetingItem } from '../../contracts.js';
import type { Translate } from '../../i18n/I18nProvider.js';
import type { Lang } from '../../i18n/lang.js';
import { kindLabel, statusColors } from './labels.js';

interface Options {
  t: Translate;
  lang: Lang;
  /** Phones: the meeting and its state each take one column, so that nothing scrolls away. */
  compact: boolean;
}

/** The day a meeting was held, or else is planned for. */
export const meetingDay = (m: Pick<MeetingItem, 'heldOn' | 'plannedOn'>): string => m.heldOn ?? m.plannedOn ?? '';

const when = (m: MeetingItem) => [meetingDay(m), m.startsAt].filter(Boolean).join(' ');

export function MeetingStatusTag({ m, t }: { m: Pick<MeetingItem, 'status'>; t: Translate }) {
  return <Tag color={statusColors[m.status]} data-testid="meeting-status-tag">{t(`meetings.status.${m.status}`)}</Tag>;
}

export function meetingColumns({ t, lang, compact }: Options): TableColumnsType<MeetingItem> {
  const topic = (m: MeetingItem) => <Link to={`/meetings/${m.id}`} data-testid="meeting-link">{m.topic}</Link>;
  // A planned meeting has no attendance yet, and a held one may have none recorded.
  const attendance = (m: MeetingItem) => {
    if (m.status !== 'held') return '';
    if (m.expected === 0) return '—';
    return compact ? `${m.present}/${m.expected}` : t('meetings.attendance', { present: m.present, expected: m.expected });
  };
  const status = (m: MeetingItem) => <MeetingStatusTag m={m} t={t} />;
  if (compact) {
    return [
      {
        key: 'meeting', title: t('meetings.col.meeting'),
        render: (_, m) => (
          <Flex vertical gap={2} align="start">
            {topic(m)}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[when(m), kindLabel(m.kind, lang), m.org.name].join(' · ')}
            </Typography.Text>
          </Flex>
        ),
      },
      {
        key: 'state', title: t('meetings.col.attendance'), width: 80,
        render: (_, m) => <Flex vertical gap={2} align="start">{status(m)}<span>{attendance(m)}</span></Flex>,
      },
    ];
  }
  return [
    { key: 'day', title: t('meetings.col.day'), width: 150, render: (_, m) => when(m) },
    { key: 'org', title: t('meetings.col.org'), width: 180, render: (_, m) => m.org.name },
    { key: 'kind', title: t('meetings.field.kind'), width: 130, render: (_, m) => kindLabel(m.kind, lang) },
    { key: 'topic', title: t('meetings.field.topic'), render: (_, m) => topic(m) },
    { key: 'attendance', title: t('meetings.col.attendance'), width: 110, render: (_, m) => attendance(m) },
    { key: 'status', title: t('meetings.field.status'), width: 90, render: (_, m) => status(m) },
  ];
}
