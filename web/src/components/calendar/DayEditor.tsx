import { Form, Input, Modal, Segmented, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import type { CalendarYear } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';

type Day = CalendarYear['days'][number];
export type DayChoice = { kind: Day['kind'] | 'normal'; name: string };

/** Sets one day: off, worked in exchange, or back to the weekday rule. */
export function DayEditor({ date, day, saving, onCancel, onSave }: {
  date: string | null; day: Day | undefined; saving: boolean; onCancel: () => void; onSave: (choice: DayChoice) => void;
}) {
  const { t } = useI18n();
  const [kind, setKind] = useState<DayChoice['kind']>('normal');
  const [name, setName] = useState('');
  useEffect(() => {
    setKind(day?.kind ?? 'holiday');
    setName(day?.name ?? '');
  }, [date, day]);
  return (
    <Modal open={date !== null} title={t('calendar.editDay', { date: date ?? '' })} onCancel={onCancel} onOk={() => onSave({ kind, name })} confirmLoading={saving}
      okText={t('calendar.save')} okButtonProps={{ 'data-testid': 'calendar-day-save' } as ButtonProps} destroyOnHidden>
      <Form layout="vertical">
        <Form.Item label={t('calendar.kind')}>
          <Segmented<DayChoice['kind']> value={kind} onChange={setKind} data-testid="calendar-day-kind" options={[
            { value: 'holiday', label: t('calendar.holiday') }, { value: 'workday', label: t('calendar.workday') }, { value: 'normal', label: t('calendar.normal') },
          ]} />
        </Form.Item>
        {kind !== 'normal' && (
          <Form.Item label={t('calendar.name')}>
            <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={40} data-testid="calendar-day-name" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
