import { App as AntApp, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useMemo } from 'react';
import { api } from '../../api.js';
import type { MergeOrgBody, OrgDetail, OrgSummary } from '../../contracts.js';
import { isoDay, noteOf, today } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { subtreeCodes, type OrgIndex } from '../../orgTree.js';
import { ActionModal } from './ActionModal.js';
import { EffectiveFields } from './EffectiveFields.js';
import { OrgPicker } from './OrgPicker.js';

interface Values {
  intoCode: string;
  effectiveOn: Dayjs;
  note?: string;
}

const fields = ['intoCode', 'effectiveOn', 'note'] as const;

export function MergeOrgModal({ org, index, open, onClose, onDone }: {
  org: OrgDetail; index: OrgIndex; open: boolean; onClose: () => void; onDone: (intoCode: string) => void;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const own = useMemo(() => subtreeCodes(index, org.code), [index, org.code]);
  const isDisabled = useCallback((o: OrgSummary) => own.has(o.code), [own]);

  const submit = async (v: Values) => {
    const body: MergeOrgBody = { intoCode: v.intoCode, effectiveOn: isoDay(v.effectiveOn), note: noteOf(v.note) };
    await api.post<OrgDetail>(`/api/organizations/${encodeURIComponent(org.code)}/merge`, body);
    message.success(t('org.done.merged', { into: index.byCode.get(v.intoCode)?.name ?? v.intoCode }));
    onDone(v.intoCode);
  };

  return (
    <ActionModal<Values>
      open={open}
      title={t('form.modalTitle', { action: t('org.action.merge'), name: org.name })}
      form={form}
      fields={fields}
      initialValues={{ effectiveOn: today() }}
      warning={t('org.mergeWarning')}
      danger
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item name="intoCode" label={t('form.mergeInto')} rules={[{ required: true }]}>
        <OrgPicker index={index} isDisabled={isDisabled} />
      </Form.Item>
      <EffectiveFields establishedOn={org.establishedOn} />
    </ActionModal>
  );
}
