import { App as AntApp, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../api.js';
import type { DissolveOrgBody, OrgDetail } from '../../contracts.js';
import { isoDay, noteOf, today } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ActionModal } from './ActionModal.js';
import { EffectiveFields } from './EffectiveFields.js';

interface Values {
  effectiveOn: Dayjs;
  note?: string;
}

const fields = ['effectiveOn', 'note'] as const;

export function DissolveOrgModal({ org, open, onClose, onDone }: {
  org: OrgDetail; open: boolean; onClose: () => void; onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();

  const submit = async (v: Values) => {
    const body: DissolveOrgBody = { effectiveOn: isoDay(v.effectiveOn), note: noteOf(v.note) };
    await api.post<OrgDetail>(`/api/organizations/${encodeURIComponent(org.code)}/dissolve`, body);
    message.success(t('org.done.dissolved', { name: org.name }));
    onDone();
  };

  return (
    <ActionModal<Values>
      open={open}
      title={t('form.modalTitle', { action: t('org.action.dissolve'), name: org.name })}
      form={form}
      fields={fields}
      initialValues={{ effectiveOn: today() }}
      warning={t('org.dissolveWarning')}
      danger
      okText={t('org.action.dissolve')}
      onSubmit={submit}
      onClose={onClose}
    >
      <EffectiveFields establishedOn={org.establishedOn} />
    </ActionModal>
  );
}
