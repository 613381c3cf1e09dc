import { App as AntApp, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useMemo } from 'react';
import { mayContain } from '../../../../src/modules/organizations/rules.js';
import { api } from '../../api.js';
import type { MoveOrgBody, OrgDetail, OrgSummary } from '../../contracts.js';
import { isoDay, noteOf, today } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { subtreeCodes, type OrgIndex } from '../../orgTree.js';
import { ActionModal } from './ActionModal.js';
import { EffectiveFields } from './EffectiveFields.js';
import { OrgPicker } from './OrgPicker.js';

interface Values {
  parentCode: string;
  effectiveOn: Dayjs;
  note?: string;
}

const fields = ['parentCode', 'effectiveOn', 'note'] as const;

export function MoveOrgModal({ org, index, open, onClose, onDone }: {
  org: OrgDetail; index: OrgIndex; open: boolean; onClose: () => void; onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const own = useMemo(() => subtreeCodes(index, org.code), [index, org.code]);
  // Not under itself, not where it already is, and only where its type may sit.
  const isDisabled = useCallback(
    (o: OrgSummary) => own.has(o.code) || o.code === org.parentCode || !mayContain(o.type, org.type),
    [own, org.parentCode, org.type],
  );

  const submit = async (v: Values) => {
    const body: MoveOrgBody = { parentCode: v.parentCode, effectiveOn: isoDay(v.effectiveOn), note: noteOf(v.note) };
    await api.post<OrgDetail>(`/api/organizations/${encodeURIComponent(org.code)}/move`, body);
    message.success(t('org.done.moved'));
    onDone();
  };

  return (
    <ActionModal<Values>
      open={open}
      title={t('form.modalTitle', { action: t('org.action.move'), name: org.name })}
      form={form}
      fields={fields}
      initialValues={{ effectiveOn: today() }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item label={t('org.field.parent')}>
        <Input value={org.parentName ?? ''} disabled />
      </Form.Item>
      <Form.Item name="parentCode" label={t('form.newParent')} rules={[{ required: true }]}>
        <OrgPicker index={index} isDisabled={isDisabled} />
      </Form.Item>
      <EffectiveFields establishedOn={org.establishedOn} />
    </ActionModal>
  );
}
