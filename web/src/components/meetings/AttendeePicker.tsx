import { MoreOutlined } from '@ant-design/icons';
import { Button, Dropdown, Flex, Input, Segmented, Select, Tag, Typography } from 'antd';
import { attendanceStatuses, leftOutReasons, type AttendanceStatus } from '../../../../src/modules/meetings/kinds.js';
import type { RosterPerson } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { AttendeeValue } from './formValues.js';

interface Props {
  /** Who may be added: the organization's roster. */
  roster: readonly RosterPerson[];
  /** A vote is taken: a voter may be left out of those who should attend (rules.md §1.2). */
  voting: boolean;
  value?: AttendeeValue[];
  onChange?: (value: AttendeeValue[]) => void;
}

/**
 * 参会人员: everyone expected, present unless marked; one tap marks someone excused (then the reason)
 * or absent. People may be added from the roster or taken off the list.
 */
export function AttendeePicker({ roster, voting, value = [], onChange }: Props) {
  const { t } = useI18n();
  const listed = new Set(value.map((a) => a.personId));
  const change = (personId: string, patch: Partial<AttendeeValue>) =>
    onChange?.(value.map((a) => (a.personId === personId ? { ...a, ...patch } : a)));
  const tally = Object.fromEntries(attendanceStatuses.map((s) => [s, value.filter((a) => a.status === s).length])) as Record<AttendanceStatus, number>;
  const addable = roster.filter((p) => !listed.has(p.id)).map((p) => ({ value: p.id, label: p.name }));

  return (
    <Flex vertical gap={8} data-testid="attendee-picker">
      <Flex wrap align="center" gap={8}>
        <Typography.Text data-testid="attendee-tally">
          {t('meetings.attendee.tally', { expected: value.length, present: tally.present, excused: tally.excused, absent: tally.absent })}
        </Typography.Text>
        {tally.present < value.length && (
          <Button size="small" type="link" onClick={() => onChange?.(value.map((a) => ({ ...a, status: 'present', reason: undefined })))}>
            {t('meetings.attendee.allPresent')}
          </Button>
        )}
      </Flex>
      {value.map((a) => (
        <Flex key={a.personId} vertical gap={4} data-testid="attendee-row" data-person={a.name} data-status={a.status}
          style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 6 }}>
          <Flex align="center" gap={6}>
            <Flex align="center" gap={4} wrap style={{ flex: 1, minWidth: 0 }}>
              <span>{a.name}</span>
              {!a.votes && <Tag variant="filled">{t('meetings.attendee.noVote')}</Tag>}
              {a.leftOut && (
                <Tag color="orange" closable onClose={() => change(a.personId, { leftOut: undefined })}>
                  {t('meetings.attendee.leftOutTag', { reason: t(`meetings.leftOut.${a.leftOut}`) })}
                </Tag>
              )}
            </Flex>
            <Segmented<AttendanceStatus> size="small" value={a.status} data-testid="attendee-status"
              onChange={(status) => change(a.personId, { status, reason: status === 'excused' ? a.reason : undefined })}
              options={attendanceStatuses.map((s) => ({ value: s, label: t(`meetings.attendance.${s}`) }))} />
            <Dropdown trigger={['click']} menu={{
              items: [
                { key: 'remove', label: t('meetings.attendee.remove'), danger: true },
                ...(voting && a.votes ? [{
                  key: 'leftOut', label: t('meetings.attendee.leaveOut'),
                  children: leftOutReasons.map((r) => ({ key: r, label: t(`meetings.leftOut.${r}`) })),
                }] : []),
              ],
              onClick: ({ key }) => (key === 'remove'
                ? onChange?.(value.filter((x) => x.personId !== a.personId))
                : change(a.personId, { leftOut: leftOutReasons.find((r) => r === key) })),
            }}>
              <Button size="small" type="text" icon={<MoreOutlined />} aria-label={t('meetings.attendee.more', { name: a.name })} />
            </Dropdown>
          </Flex>
          {a.status === 'excused' && (
            <Input size="small" maxLength={200} value={a.reason} placeholder={t('meetings.attendee.reason')} data-testid="attendee-reason"
              status={a.reason?.trim() ? undefined : 'warning'} onChange={(e) => change(a.personId, { reason: e.target.value })} />
          )}
        </Flex>
      ))}
      <Select showSearch={{ optionFilterProp: 'label' }} value={null} placeholder={t('meetings.attendee.add')} options={addable} data-testid="attendee-add"
        disabled={addable.length === 0}
        onChange={(id: string | null) => {
          const person = roster.find((p) => p.id === id);
          if (person) onChange?.([...value, { personId: person.id, name: person.name, votes: person.votes, status: 'present' }]);
        }} />
    </Flex>
  );
}

/** A form rule: an excused attendee needs the reason (the server says so too, but later). */
export const excusedNeedReason = (message: (name: string) => string) => ({
  validator: (_: unknown, list: AttendeeValue[] | undefined) => {
    const missing = (list ?? []).find((a) => a.status === 'excused' && !a.reason?.trim());
    return missing ? Promise.reject(new Error(message(missing.name))) : Promise.resolve();
  },
});
