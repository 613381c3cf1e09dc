import { Alert, App as AntApp, Button, Flex, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { api } from '../api.js';
import { ApiFailure } from '../components/ApiFailure.js';
import { CalendarImport } from '../components/calendar/CalendarImport.js';
import { DayEditor, type DayChoice } from '../components/calendar/DayEditor.js';
import { YearGrid } from '../components/calendar/YearGrid.js';
import { problemText } from '../components/import/ImportFile.js';
import type { CalendarYear, CalendarYears } from '../contracts.js';
import { chinaToday } from '../format.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useAddress } from '../useAddress.js';
import { useApi } from '../useApi.js';

/**
 * 工作日历: a year's days off and make-up working days, against which every deadline counts.
 * The county administrator edits a day, imports a year or returns it to the national schedule; others read it.
 */
export default function CalendarPage() {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [params, set] = useAddress();
  const thisYear = Number(chinaToday().slice(0, 4));
  const year = Number(params.get('year')) || thisYear;
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const years = useApi(`years|${version}`, (signal) => api.get<CalendarYears>('/api/calendar', undefined, { signal }));
  const shown = useApi(`${year}|${version}`, (signal) => api.get<CalendarYear>(`/api/calendar/${year}`, undefined, { signal }));
  const [picked, setPicked] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const data = shown.data;
  const editable = data?.can.edit.allowed === true;
  const choices = [...new Set([...(years.data?.items.map((i) => i.year) ?? []), thisYear - 1, thisYear, thisYear + 1, year])].sort();

  const save = async (choice: DayChoice) => {
    if (!data || !picked) return;
    const others = data.days.filter((d) => d.date !== picked);
    const days = choice.kind === 'normal' ? others : [...others, { date: picked, kind: choice.kind, name: choice.name }];
    setSaving(true);
    try {
      await api.put<CalendarYear>(`/api/calendar/${year}`, { days });
      setPicked(null);
      reload();
    } catch (e) {
      message.error(problemText(e));
    } finally {
      setSaving(false);
    }
  };
  const revert = async () => {
    try {
      await api.delete<CalendarYear>(`/api/calendar/${year}`);
      reload();
    } catch (e) {
      message.error(problemText(e));
    }
  };

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="calendar-title">{t('calendar.title')}</Typography.Title>
        <Space wrap>
          <Select value={year} onChange={(v: number) => set({ year: String(v) })} options={choices.map((y) => ({ value: y, label: y }))} style={{ width: 100 }} data-testid="calendar-year" />
          {data?.source && <Tag color={data.source === 'national' ? 'default' : 'blue'} data-testid="calendar-source">{t(`calendar.source.${data.source}`)}</Tag>}
          {data?.workingDays !== null && data?.workingDays !== undefined && <Tag color="green" data-testid="calendar-working-days">{t('calendar.workingDays', { count: data.workingDays })}</Tag>}
          {editable && (data?.source === 'imported' || data?.source === 'edited') && (
            <Popconfirm title={t('calendar.revertConfirm', { year })} onConfirm={revert}>
              <Button data-testid="calendar-revert">{t('calendar.revert')}</Button>
            </Popconfirm>
          )}
        </Space>
      </Flex>
      {data && !editable && <Alert type="info" showIcon title={t('calendar.readOnly')} data-testid="calendar-read-only" />}
      {data?.message && <Alert type="warning" showIcon title={data.message} data-testid="calendar-missing" />}
      {shown.error ? <ApiFailure error={shown.error} onRetry={shown.reload} /> : data && (
        <YearGrid year={year} days={data.source ? data.days : []} onPick={editable ? (date) => setPicked(date) : undefined} />
      )}
      {editable && <CalendarImport key={year} year={year} onImported={reload} />}
      <DayEditor date={picked} day={data?.days.find((d) => d.date === picked)} saving={saving} onCancel={() => setPicked(null)} onSave={(c) => void save(c)} />
    </Flex>
  );
}
