import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useUser } from '../../session.js';
import { MeetingFormDrawer } from './MeetingFormDrawer.js';
import { Refused } from '../Refused.js';

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
      <Refused reason={allowed ? null : t('meetings.noManageAbility')} testId="meeting-new-reason">{button}</Refused>
      <MeetingFormDrawer open={open} onClose={() => setOpen(false)} onSaved={() => { setOpen(false); onSaved(); }} />
    </>
  );
}
