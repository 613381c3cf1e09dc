import { EditOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useState } from 'react';
import { api } from '../../../api.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../useApi.js';
import { MemberEditDrawer } from './MemberEditDrawer.js';
import type { MemberRecord } from './types.js';

/**
 * The 编辑 action of the member profile: enabled when the server says the user may change the
 * record, otherwise disabled with the reason. Opening it reloads the record, so the form starts
 * from what is stored now.
 */
export function MemberEditAction({ personId, onSaved }: { personId: string; onSaved: () => void }) {
  const { t } = useI18n();
  const record = useApi(personId, (signal) => api.get<MemberRecord>(`/api/members/${encodeURIComponent(personId)}/record`, undefined, { signal }));
  const [open, setOpen] = useState(false);

  const allowed = record.data?.can.edit;
  const reason = record.error instanceof Error ? record.error.message
    : allowed && !allowed.allowed ? t(allowed.reason === 'out_of_scope' ? 'memberEdit.reason.out_of_scope' : 'memberEdit.reason.no_ability')
    : null;
  const button = (
    <Button icon={<EditOutlined />} disabled={!allowed?.allowed} loading={record.loading && !record.data}
      onClick={() => { record.reload(); setOpen(true); }} data-testid="member-edit">
      {t('memberEdit.action')}
    </Button>
  );

  return (
    <>
      {/* A disabled button swallows pointer events, so the tooltip hangs on a wrapper. */}
      {reason ? <Tooltip title={reason}><span style={{ display: 'inline-block' }}>{button}</span></Tooltip> : button}
      <MemberEditDrawer
        open={open}
        record={record.loading ? undefined : record.data}
        onClose={() => setOpen(false)}
        onSaved={() => { setOpen(false); record.reload(); onSaved(); }}
      />
    </>
  );
}
