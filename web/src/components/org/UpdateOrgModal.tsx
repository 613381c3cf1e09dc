import { App as AntApp, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { divisionCodePattern, mayContain, orgTypes, unitTypes, type OrgType, type UnitType } from '../../../../src/modules/organizations/rules.js';
import { api } from '../../api.js';
import type { OrgDetail, UpdateOrgBody } from '../../contracts.js';
import { orgTypeLabel, unitTypeLabel } from '../../format.js';
import { isoDay, noteOf, today } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { OrgIndex } from '../../orgTree.js';
import { ActionModal } from './ActionModal.js';
import { EffectiveFields } from './EffectiveFields.js';

interface Values {
  name: string;
  type: OrgType;
  unitType?: UnitType | null;
  divisionCode?: string;
  effectiveOn: Dayjs;
  note?: string;
}

const fields = ['name', 'type', 'unitType', 'divisionCode', 'effectiveOn', 'note'] as const;

/** Rename or change type, unit type and division code; only what changed is sent. */
export function UpdateOrgModal({ org, index, open, onClose, onDone }: {
  org: OrgDetail; index: OrgIndex; open: boolean; onClose: () => void; onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const parentType = org.parentCode ? index.byCode.get(org.parentCode)?.type : undefined;
  const types = parentType ? orgTypes.filter((type) => mayContain(parentType, type) || type === org.type) : orgTypes;

  const submit = async (v: Values) => {
    const body: UpdateOrgBody = { effectiveOn: isoDay(v.effectiveOn), note: noteOf(v.note) };
    const name = v.name.trim();
    const divisionCode = v.divisionCode?.trim() || null;
    const unitType = v.unitType ?? null;
    if (name !== org.name) body.name = name;
    if (v.type !== org.type) body.type = v.type;
    if (unitType !== org.unitType) body.unitType = unitType;
    if (divisionCode !== org.divisionCode) body.divisionCode = divisionCode;
    if (body.name === undefined && body.type === undefined && body.unitType === undefined && body.divisionCode === undefined) {
      message.info(t('form.nothingChanged'));
      return;
    }
    await api.patch<OrgDetail>(`/api/organizations/${encodeURIComponent(org.code)}`, body);
    message.success(t('org.done.updated'));
    onDone();
  };

  return (
    <ActionModal<Values>
      open={open}
      title={t('form.modalTitle', { action: t('org.action.update'), name: org.name })}
      form={form}
      fields={fields}
      initialValues={{
        name: org.name, type: org.type, unitType: org.unitType, divisionCode: org.divisionCode ?? undefined, effectiveOn: today(),
      }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('org.field.name')} rules={[{ required: true, whitespace: true }, { min: 2, max: 60, message: t('form.nameLength') }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="type" label={t('org.field.type')} rules={[{ required: true }]}>
        <Select options={types.map((type) => ({ value: type, label: orgTypeLabel(type, lang) }))} />
      </Form.Item>
      <Form.Item name="unitType" label={t('org.field.unitType')}>
        <Select allowClear options={unitTypes.map((u) => ({ value: u, label: unitTypeLabel(u, lang) }))} />
      </Form.Item>
      <Form.Item name="divisionCode" label={t('org.field.divisionCode')} rules={[{ pattern: divisionCodePattern, message: t('form.divisionFormat') }]}>
        <Input maxLength={12} inputMode="numeric" allowClear />
      </Form.Item>
      <EffectiveFields establishedOn={org.establishedOn} />
    </ActionModal>
  );
}
