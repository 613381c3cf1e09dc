import { ArrowLeftOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../api.js';
import { ApiFailure } from '../components/ApiFailure.js';
import { CancelMeetingModal } from '../components/meetings/CancelMeetingModal.js';
import { kindLabel } from '../components/meetings/labels.js';
import { MeetingAttachments } from '../components/meetings/MeetingAttachments.js';
import { MeetingAttendance } from '../components/meetings/MeetingAttendance.js';
import { MeetingStatusTag } from '../components/meetings/meetingColumns.js';
import { MeetingFacts } from '../components/meetings/MeetingFacts.js';
import { MeetingFormDrawer } from '../components/meetings/MeetingFormDrawer.js';
import { MeetingResolutions } from '../components/meetings/MeetingResolutions.js';
import { GatedButton } from '../components/members/transfers/GatedButton.js';
import type { MeetingDetail } from '../contracts.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useApi } from '../useApi.js';

/** 会议详情: everything recorded of one meeting; editing it (the same form) and calling off a planned one. */
export default function MeetingPage() {
  const { t, lang } = useI18n();
  const { id } = useParams();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const meeting = useApi(id ?? null, (signal) => api.get<MeetingDetail>(`/api/meetings/${encodeURIComponent(id!)}`, undefined, { signal }));

  if (meeting.error && !meeting.data) return <ApiFailure error={meeting.error} onRetry={meeting.reload} />;
  if (!meeting.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const m = meeting.data;
  const edit = m.can.edit;
  const refusal = edit.allowed ? null : t(edit.reason === 'out_of_scope' || edit.reason === 'dissolved' ? `meetings.reason.${edit.reason}` : 'meetings.reason.no_ability');
  const cancelled = m.status === 'cancelled';

  return (
    <Flex vertical gap={12}>
      <Flex wrap align="center" gap={8}>
        {/* Back in history keeps the list's filters, page and calendar month. */}
        <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('meetings.back')} title={t('meetings.back')}
          onClick={() => (window.history.length > 1 ? navigate(-1) : navigate('/meetings'))} />
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="meeting-topic-title">{m.topic}</Typography.Title>
        <Tag color="red">{kindLabel(m.kind, lang)}</Tag>
        <MeetingStatusTag m={m} t={t} />
        <Typography.Text type="secondary" data-testid="meeting-org">{m.org.name}</Typography.Text>
        <Flex gap={8} style={{ marginInlineStart: 'auto' }}>
          {!cancelled && (
            <GatedButton icon={<EditOutlined />} reason={refusal} onClick={() => setEditing(true)} data-testid="meeting-edit">{t('meetings.edit')}</GatedButton>
          )}
          {m.status === 'planned' && (
            <GatedButton danger icon={<StopOutlined />} reason={refusal} onClick={() => setCancelling(true)} data-testid="meeting-cancel">{t('meetings.cancel.action')}</GatedButton>
          )}
        </Flex>
      </Flex>
      <MeetingFacts meeting={m} />
      {m.status === 'held' && (
        <>
          <MeetingAttendance meeting={m} />
          <MeetingResolutions meeting={m} />
          <Card size="small" title={t('meetings.field.minutes')} data-testid="meeting-minutes-view">
            {m.minutes
              ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{m.minutes}</Typography.Paragraph>
              : <Typography.Text type="secondary">{t('meetings.noMinutes')}</Typography.Text>}
          </Card>
        </>
      )}
      <MeetingAttachments meeting={m} refusal={refusal} onChanged={meeting.reload} />
      <MeetingFormDrawer open={editing} meeting={m} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); meeting.reload(); }} />
      <CancelMeetingModal meeting={m} open={cancelling} onClose={() => setCancelling(false)} onDone={() => { setCancelling(false); meeting.reload(); }} />
    </Flex>
  );
}
