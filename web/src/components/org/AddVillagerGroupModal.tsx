import { App as AntApp, Form, Input } from 'antd';
import { divisionCodePattern } from '../../../../src/modules/organizations/rules.js';
import { api } from '../../api.js';
import type { OrgDetail, VillagerGroupBody } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ActionModal } from './ActionModal.js';

interface Values {
  name: string;
  divisionCode?: string;
}

const fields = ['name', 'divisionCode'] as const;

export function AddVillagerGroupModal({ org, open, onClose, onDone }: {
  org: OrgDetail; open: boolean; onClose: () => void; onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();

  const submit = async (v: Values) => {
    const body: VillagerGroupBody = { name: v.name.trim(), divisionCode: v.divisionCode?.trim() || null };
    await api.post<OrgDetail>(`/api/organizations/${encodeURIComponent(org.code)}/villager-groups`, body);
    message.success(t('org.done.villagerGroupAdded', { name: body.name }));
    onDone();
  };

  return (
    <ActionModal<Values>
      open={open}
      title={t('form.modalTitle', { action: t('org.action.addVillagerGroup'), name: org.adminUnit?.name ?? org.name })}
      form={form}
      fields={fields}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('org.villagerGroup.name')}
        rules={[{ required: true, whitespace: true }, { min: 2, max: 30, message: t('org.villagerGroup.nameLength') }]}>
        <Input maxLength={30} placeholder={t('org.villagerGroup.namePlaceholder')} data-testid="villager-group-name" />
      </Form.Item>
      <Form.Item name="divisionCode" label={t('org.field.divisionCode')} rules={[{ pattern: divisionCodePattern, message: t('form.divisionFormat') }]}>
        <Input maxLength={12} inputMode="numeric" data-testid="villager-group-division" />
      </Form.Item>
    </ActionModal>
  );
}
