import { Button, DatePicker, Flex, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { meetingStatuses } from '../../../../src/modules/meetings/kinds.js';
import { isoDay } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { OrgIndex } from '../../orgTree.js';
import { OrgPicker } from '../org/OrgPicker.js';
import type { MeetingFilters } from './filters.js';
import { kindOptions } from './labels.js';

interface Props {
  initial: MeetingFilters;
  /** The organizations in the user's scope, for the picker; undefined while they load. */
  index: OrgIndex | undefined;
  onApply: (filters: MeetingFilters) => void;
  onReset: () => void;
  /** Phones: every filter takes the whole width. */
  compact: boolean;
  /** Whether to offer the date range (the calendar's month stands in for it). */
  dates: boolean;
}

type Values = Omit<MeetingFilters, 'from' | 'to'> & { range?: [Dayjs | null, Dayjs | null] | null };

const never = () => false;

export function MeetingFilterForm({ initial, index, onApply, onReset, compact, dates }: Props) {
  const { t, lang } = useI18n();
  const wide = compact ? { width: '100%' } : undefined;
  const range: Values['range'] = initial.from || initial.to ? [initial.from ? dayjs(initial.from) : null, initial.to ? dayjs(initial.to) : null] : undefined;

  const apply = ({ range: r, ...rest }: Values) => onApply({ ...rest, from: isoDay(r?.[0]), to: isoDay(r?.[1]) });

  return (
    <Form<Values> layout="inline" initialValues={{ ...initial, range }} onFinish={apply} style={{ rowGap: 8 }} data-testid="meeting-filters">
      <Form.Item label={t('meetings.filter.org')} style={wide}>
        {/* The picker takes its box's width; inline, the box would grow to its long placeholder. */}
        <div style={{ width: compact ? '100%' : 260 }}>
          <Form.Item name="org" noStyle>
            {index ? <OrgPicker index={index} isDisabled={never} /> : <Select loading disabled />}
          </Form.Item>
        </div>
      </Form.Item>
      <Form.Item name="kind" label={t('meetings.field.kind')}>
        <Select allowClear placeholder={t('meetings.filter.allKinds')} style={{ width: 150 }} options={kindOptions(lang)} data-testid="meeting-filter-kind" />
      </Form.Item>
      <Form.Item name="status" label={t('meetings.field.status')}>
        <Select allowClear placeholder={t('meetings.filter.allStatuses')} style={{ width: 110 }} data-testid="meeting-filter-status"
          options={meetingStatuses.map((s) => ({ value: s, label: t(`meetings.status.${s}`) }))} />
      </Form.Item>
      <Form.Item name="range" label={t('meetings.filter.range')} style={wide} hidden={!dates}>
        <DatePicker.RangePicker allowEmpty={[true, true]} style={compact ? { width: '100%' } : { width: 260 }} data-testid="meeting-filter-range" />
      </Form.Item>
      <Form.Item style={wide}>
        <Flex wrap gap={8}>
          <Button type="primary" htmlType="submit" data-testid="meeting-filter-apply">{t('common.search')}</Button>
          <Button onClick={onReset}>{t('common.reset')}</Button>
        </Flex>
      </Form.Item>
    </Form>
  );
}
