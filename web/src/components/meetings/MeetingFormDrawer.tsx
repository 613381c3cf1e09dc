import { Alert, App as AntApp, Button, Drawer, Flex, Form, Grid } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import type { MeetingDetail } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { bodyOf, createBodyOf, meetingFields, type MeetingValues } from './formValues.js';
import { MeetingForm } from './MeetingForm.js';
import { placeServerErrors } from './serverErrors.js';

interface Props {
  open: boolean;
  /** The meeting being edited; none: a new record. */
  meeting?: MeetingDetail;
  onClose: () => void;
  onSaved: (meeting: MeetingDetail) => void;
}

/**
 * 记录会议 / 修改会议: the meeting form in a drawer, the whole screen on a phone. The server's
 * problems land on their fields; what none holds shows above the buttons, always in sight.
 */
export function MeetingFormDrawer({ open, meeting, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<MeetingValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async (values: MeetingValues) => {
    setBusy(true);
    setError(null);
    try {
      const saved = meeting
        ? await api.put<MeetingDetail>(`/api/meetings/${encodeURIComponent(meeting.id)}`, bodyOf(values, meeting.plannedOn))
        : await api.post<MeetingDetail>('/api/meetings', createBodyOf(values));
      message.success(t(meeting ? 'meetings.form.updated' : 'meetings.form.created', { topic: saved.topic }));
      onSaved(saved);
    } catch (e) {
      setError(placeServerErrors(form, e, meetingFields));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={meeting ? t('meetings.form.editTitle', { topic: meeting.topic }) : t('meetings.record')}
      size={screens.md ? 720 : '100%'}
      destroyOnHidden
      afterOpenChange={(visible) => !visible && setError(null)}
      styles={{ body: { paddingTop: 12 } }}
      footer={(
        <Flex vertical gap={8}>
          {error && <Alert type="error" showIcon title={error} data-testid="meeting-form-error" />}
          <Flex justify="end" gap={8}>
            <Button onClick={onClose}>{t('meetings.form.cancel')}</Button>
            <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="meeting-save">{t('meetings.form.save')}</Button>
          </Flex>
        </Flex>
      )}
      data-testid="meeting-drawer"
    >
      <MeetingForm form={form} meeting={meeting} onFinish={save} />
    </Drawer>
  );
}
