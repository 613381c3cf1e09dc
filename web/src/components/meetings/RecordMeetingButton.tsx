import { PlusOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useUser } from '../../session.js';
import { MeetingFormDrawer } from './MeetingFormDrawer.js';

/** 记录会议: the list's action; disabled with the reason for a user whose posts record no meetings. */
export function RecordMeetingButton({ onSaved }: { onSaved: () => void }) {
  const { t } = useI18n();
  const user = useUser();
  const [open, setOpen] = useState(false);
  const allowed = user.abilities.includes('meeting.manage');
  const button = (
    <Button type="primary" icon={<PlusOutlined />} disabled={!allowed} onClick={() => setOpen(true)} data-testid="meeting-new">
      {t('meetings.record')}
    </Button>
  );
  return (
    <>
      {/* A disabled button swallows pointer events, so the tooltip hangs on a wrapper. */}
      {allowed ? button : <Tooltip title={t('meetings.noManageAbility')}><span style={{ display: 'inline-block' }} data-testid="meeting-new-reason">{button}</span></Tooltip>}
      <MeetingFormDrawer open={open} onClose={() => setOpen(false)} onSaved={() => { setOpen(false); onSaved(); }} />
    </>
  );
}
