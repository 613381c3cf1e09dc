import { App as AntApp, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { mayContain, orgCodePattern, orgTypes, unitTypes, divisionCodePattern, type OrgType, type UnitType } from '../../../../src/modules/organizations/rules.js';
import { api } from '../../api.js';
import type { CreateOrgBody, OrgDetail } from '../../contracts.js';
import { orgTypeLabel, unitTypeLabel } from '../../format.js';
import { disabledDate, isoDay, today } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ActionModal } from './ActionModal.js';

interface Values {
  code: string;
  name: string;
  type: OrgType;
  unitType?: UnitType;
  divisionCode?: string;
  establishedOn: Dayjs;
}

const fields = ['code', 'name', 'type', 'unitType', 'divisionCode', 'establishedOn', 'parentCode'] as const;

export function CreateOrgModal({ parent, open, onClose, onDone }: {
  parent: OrgDetail; open: boolean; onClose: () => void; onDone: (code: string) => void;
}) {
  const { t, lang } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const allowedTypes = orgTypes.filter((type) => mayContain(parent.type, type));

  const submit = async (v: Values) => {
    const body: CreateOrgBody = {
      code: v.code.trim(),
      name: v.name.trim(),
      type: v.type,
      parentCode: parent.code,
      unitType: v.unitType ?? null,
      divisionCode: v.divisionCode?.trim() || null,
      establishedOn: isoDay(v.establishedOn),
    };
    const created = await api.post<OrgDetail>('/api/organizations', body);
    message.success(t('org.done.created', { name: created.name }));
    onDone(created.code);
  };

  return (
    <ActionModal<Values>
      open={open}
      title={t('form.modalTitle', { action: t('org.action.create'), name: parent.name })}
      form={form}
      fields={fields}
      initialValues={{ type: allowedTypes.includes('branch') ? 'branch' : allowedTypes[0], establishedOn: today() }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item label={t('form.parentOrg')}>
        <Input value={parent.name} disabled />
      </Form.Item>
      {/* The server reports a parent problem under parentCode; show it here too. */}
      <Form.Item name="parentCode" hidden><Input /></Form.Item>
      <Form.Item name="code" label={t('org.field.code')} rules={[{ required: true }, { pattern: orgCodePattern, message: t('form.codeFormat') }]}>
        <Input maxLength={40} placeholder={`${parent.code}01`} />
      </Form.Item>
      <Form.Item name="name" label={t('org.field.name')} rules={[{ required: true, whitespace: true }, { min: 2, max: 60, message: t('form.nameLength') }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="type" label={t('org.field.type')} rules={[{ required: true }]}>
        <Select options={allowedTypes.map((type) => ({ value: type, label: orgTypeLabel(type, lang) }))} />
      </Form.Item>
      <Form.Item name="unitType" label={t('org.field.unitType')}>
        <Select allowClear options={unitTypes.map((u) => ({ value: u, label: unitTypeLabel(u, lang) }))} />
      </Form.Item>
      <Form.Item name="divisionCode" label={t('org.field.divisionCode')} rules={[{ pattern: divisionCodePattern, message: t('form.divisionFormat') }]}>
        <Input maxLength={12} inputMode="numeric" />
      </Form.Item>
      <Form.Item name="establishedOn" label={t('org.field.establishedOn')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={disabledDate()} />
      </Form.Item>
    </ActionModal>
  );
}
