import { Card, Descriptions, Typography } from 'antd';
import type { MeetingDetail } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { lecturedKinds } from './labels.js';

/** What was planned or held: when, where, who led it, the agenda, and why it was called off. */
export function MeetingFacts({ meeting: m }: { meeting: MeetingDetail }) {
  const { t } = useI18n();
  const lecturer = m.lecturer?.name ?? m.lecturerName;
  const items = [
    m.heldOn && { key: 'heldOn', label: t('meetings.field.heldOn'), children: m.heldOn },
    m.plannedOn && { key: 'plannedOn', label: t('meetings.field.plannedOn'), children: m.plannedOn },
    m.startsAt && { key: 'startsAt', label: t('meetings.field.startsAt'), children: m.startsAt },
    m.place && { key: 'place', label: t('meetings.field.place'), children: m.place },
    { key: 'host', label: t('meetings.field.host'), children: m.host?.name ?? '—' },
    { key: 'recorder', label: t('meetings.field.recorder'), children: m.recorder?.name ?? '—' },
    (lecturedKinds.has(m.kind) || lecturer) && { key: 'lecturer', label: t('meetings.field.lecturer'), children: lecturer ?? '—' },
    m.agenda && { key: 'agenda', label: t('meetings.field.agenda'), span: 'filled' as const, children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{m.agenda}</Typography.Paragraph> },
    m.cancelReason && { key: 'cancelReason', label: t('meetings.field.cancelReason'), span: 'filled' as const, children: m.cancelReason },
  ].filter((item) => !!item);
  return (
    <Card size="small" data-testid="meeting-facts">
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} />
    </Card>
  );
}
