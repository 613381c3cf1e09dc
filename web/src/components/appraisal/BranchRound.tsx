import { App, Button, Card, DatePicker, Descriptions, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api.js';
import type { AppraisalRound, AppraisalRoundItem } from '../../contracts.js';
import { disabledDate, isoDay, today } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';
import { ApiFailure } from '../ApiFailure.js';
import { EntriesGrid } from './EntriesGrid.js';
import { Followups } from './Followups.js';

/** Opening the year's round: its members are those of the day chosen. */
function OpenRound({ item, year, onOpened }: { item: AppraisalRoundItem; year: number; onOpened: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  // The year's round opens during it, or early in the next for the year just ended: today, as a rule.
  const [on, setOn] = useState<Dayjs>(today());
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const open = async () => {
    setBusy(true);
    try {
      await api.post<AppraisalRound>('/api/appraisal/rounds', { orgCode: item.org.code, year, openedOn: isoDay(on)! });
      message.success(t('appraisal.round.opened'));
      onOpened();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Empty description={t('appraisal.round.notStarted', { year })} data-testid="appraisal-not-started">
      {item.can.open.allowed ? (
        <Flex vertical gap={8} align="center">
          <Flex gap={8} wrap justify="center">
            <DatePicker value={on} allowClear={false} disabledDate={disabledDate(`${year}-01-01`)} onChange={(d) => d && setOn(d)} data-testid="appraisal-opened-on"
              aria-label={t('appraisal.round.openedOn')} />
            <Button type="primary" loading={busy} onClick={open} data-testid="appraisal-open">{t('appraisal.round.open')}</Button>
          </Flex>
          {failure && <Typography.Text type="danger" data-testid="appraisal-open-error">{failure}</Typography.Text>}
        </Flex>
      ) : <Typography.Text type="secondary">{t(`appraisal.reason.${item.can.open.reason ?? 'no_ability'}` as 'appraisal.reason.no_ability')}</Typography.Text>}
    </Empty>
  );
}

/** A branch's round of the year: not started (open it), or its grid, grades and follow-ups. */
export function BranchRound({ item, year, onChanged }: { item: AppraisalRoundItem; year: number; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const id = item.round?.id ?? null;
  const round = useApi(id && `${id}|${lang}`, (signal) => api.get<AppraisalRound>(`/api/appraisal/rounds/${id}`, undefined, { signal }));
  if (!item.round) return <OpenRound item={item} year={year} onOpened={onChanged} />;
  if (round.error && !round.data) return <ApiFailure error={round.error} onRetry={round.reload} />;
  const view = round.data;
  if (!view) return <Skeleton active paragraph={{ rows: 6 }} />;
  const reload = () => round.reload();
  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }} items={[
          { key: 'status', label: t('appraisal.round.status'), children: <Tag color={view.status === 'graded' ? 'green' : 'blue'} data-testid="appraisal-status">{t(`appraisal.status.${view.status}`)}</Tag> },
          { key: 'opened', label: t('appraisal.round.openedOn'), children: view.openedOn },
          { key: 'members', label: t('appraisal.round.members'), children: t('appraisal.round.membersValue', { members: view.members, full: view.full, evaluated: view.evaluated }) },
          { key: 'graded', label: t('appraisal.round.gradedOn'), children: view.gradedOn ? `${view.gradedOn}${view.meeting ? ` · ${view.meeting.topic}` : ''}` : '—' },
        ]} />
      </Card>
      <EntriesGrid round={view} onSaved={reload} />
      <Followups round={view} onSaved={reload} />
    </Flex>
  );
}
