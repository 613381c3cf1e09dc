import { Card, Flex, Tag, Typography } from 'antd';
import { attendanceStatuses } from '../../../../src/modules/meetings/kinds.js';
import type { MeetingDetail } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';

const colors = { present: 'green', excused: 'gold', absent: 'red' } as const;

/** 参会情况: who came, who was excused and why, who was absent, and who was left out of a vote's count. */
export function MeetingAttendance({ meeting: m }: { meeting: MeetingDetail }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('meetings.field.attendees')} data-testid="meeting-attendance"
      extra={<Typography.Text type="secondary">{t('meetings.attendance', { present: m.present, expected: m.expected })}</Typography.Text>}>
      {m.attendees.length === 0 ? <Typography.Text type="secondary">{t('meetings.noAttendees')}</Typography.Text> : (
        <Flex vertical gap={8}>
          {attendanceStatuses.map((status) => {
            const people = m.attendees.filter((a) => a.status === status);
            return people.length === 0 ? null : (
              <Flex key={status} gap={8} align="baseline" wrap data-testid={`meeting-attendance-${status}`}>
                <Tag color={colors[status]}>{t(`meetings.attendance.${status}`)} {people.length}</Tag>
                {people.map((a) => (
                  <span key={a.person.id}>
                    {a.person.name}
                    {a.reason && <Typography.Text type="secondary">（{a.reason}）</Typography.Text>}
                    {a.leftOut && <Tag color="orange" style={{ marginInlineStart: 4 }}>{t('meetings.attendee.leftOutTag', { reason: t(`meetings.leftOut.${a.leftOut}`) })}</Tag>}
                  </span>
                ))}
              </Flex>
            );
          })}
        </Flex>
      )}
    </Card>
  );
}
