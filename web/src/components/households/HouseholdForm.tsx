import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, DatePicker, Drawer, Flex, Form, Grid, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useLayoutEffect, useState } from 'react';
import { api, ApiError, fieldName } from '../../api.js';
import type { HouseholdCreateBody, HouseholdDetail, HouseholdSettings } from '../../contracts.js';
import { isoDay, showServerErrors } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { OrgIndex } from '../../orgTree.js';
import { OrgPicker } from '../org/OrgPicker.js';
import { notVillage } from '../diaries/villages.js';

const relations = ['head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'other'] as const;

interface MemberValues { id?: string; name: string; relation: string; gender?: '1' | '2'; birthDate?: Dayjs; idNumber?: string; phone?: string }
interface Values { org?: string; number?: string; villagerGroup?: string; headName: string; phone?: string; address?: string; tags?: string[]; note?: string; members: MemberValues[] }

const formFields = ['org', 'number', 'villagerGroup', 'headName', 'phone', 'address', 'tags', 'note', 'members'];

/** Creates a household with its members, or edits one (its member list replaced as a whole). */
export function HouseholdForm({ open, household, village, index, settings, onClose, onSaved }: {
  open: boolean; household?: HouseholdDetail; village?: string; index: OrgIndex; settings?: HouseholdSettings;
  onClose: () => void; onSaved: (saved: HouseholdDetail) => void;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useLayoutEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(household ? {
      number: household.number ?? undefined, villagerGroup: household.villagerGroup ?? undefined, headName: household.headName, phone: household.phone ?? undefined,
      address: household.address ?? undefined, tags: household.tags, note: household.note ?? undefined,
      members: household.members.map((m) => ({ id: m.id, name: m.name, relation: m.relation, gender: m.gender ?? undefined, birthDate: m.birthDate ? dayjs(m.birthDate) : undefined, idNumber: m.idNumber ?? undefined, phone: m.phone ?? undefined })),
    } : { org: village, members: [{ name: '', relation: 'head' }] });
  }, [open, household, village, form]);

  const submit = async (values: Values) => {
    setSaving(true);
    setError(null);
    const members = values.members.map((m) => ({
      ...(m.id ? { id: m.id } : {}), name: m.name, relation: m.relation as HouseholdCreateBody['members'][number]['relation'], gender: m.gender ?? null,
      birthDate: isoDay(m.birthDate) ?? null, idNumber: m.idNumber ?? null, phone: m.phone ?? null,
    }));
    const fields = { number: values.number ?? null, villagerGroup: values.villagerGroup ?? null, headName: values.headName, phone: values.phone ?? null, address: values.address ?? null, tags: values.tags ?? [], note: values.note ?? null, members };
    try {
      const saved = household
        ? await api.patch<HouseholdDetail>(`/api/households/${household.id}`, fields)
        : await api.post<HouseholdDetail>('/api/households', { org: values.org, ...fields });
      message.success(t('households.saved'));
      onSaved(saved);
    } catch (e) {
      // A member's problem goes on its card's field; the rest on the form's own fields, or above the form.
      if (e instanceof ApiError) {
        form.setFields(e.fields.flatMap((f) => {
          const at = /^members\.(\d+)\.(\w+)$/.exec(fieldName(f.path));
          return at ? [{ name: ['members', Number(at[1]), at[2]!], errors: [f.message] }] : [];
        }) as Parameters<typeof form.setFields>[0]);
      }
      setError(showServerErrors(form, e, formFields));
    } finally {
      setSaving(false);
    }
  };
  const required = [{ required: true, message: t('households.required') }];

  return (
    <Drawer open={open} onClose={onClose} title={household ? `${t('households.edit')} ${household.headName}` : t('households.create')} size={screens.md ? 720 : '100%'} destroyOnHidden
      extra={<Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="household-save">{t('households.save')}</Button>}>
      <Form form={form} layout="vertical" onFinish={submit} data-testid="household-form">
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="household-form-error" />}
        {!household && (
          <Form.Item name="org" label={t('households.village')} rules={required}>
            <OrgPicker index={index} isDisabled={notVillage} id="household-org" />
          </Form.Item>
        )}
        <Flex wrap gap="0 12px">
          <Form.Item name="headName" label={t('households.head')} rules={required} style={{ flex: '1 1 140px' }}><Input data-testid="household-head" /></Form.Item>
          <Form.Item name="number" label={t('households.number')} style={{ flex: '1 1 100px' }}><Input data-testid="household-number" /></Form.Item>
          <Form.Item name="villagerGroup" label={t('households.group')} style={{ flex: '1 1 100px' }}><Input data-testid="household-group" /></Form.Item>
          <Form.Item name="phone" label={t('households.phone')} style={{ flex: '1 1 140px' }}><Input inputMode="tel" data-testid="household-phone" /></Form.Item>
        </Flex>
        <Form.Item name="address" label={t('households.address')}><Input /></Form.Item>
        <Form.Item name="tags" label={t('households.tags')}>
          <Select mode="multiple" options={settings?.tags.map((tag) => ({ value: tag.id, label: tag.name }))} data-testid="household-tags" />
        </Form.Item>
        <Form.Item name="note" label={t('households.note')}><Input.TextArea autoSize /></Form.Item>
        <Form.Item name="members" label={t('households.members')} style={{ marginBottom: 0 }} />
        <Form.List name="members">
          {(items, { add, remove }) => (
            <Flex vertical gap={8}>
              {items.map(({ key, name }) => (
                <Card size="small" key={key} data-testid="household-member">
                  <Form.Item name={[name, 'id']} hidden><Input /></Form.Item>
                  <Flex wrap gap="0 8px" align="start">
                    <Form.Item name={[name, 'name']} label={t('households.member.name')} rules={required} style={{ flex: '1 1 110px' }}><Input data-testid="member-name" /></Form.Item>
                    <Form.Item name={[name, 'relation']} label={t('households.member.relation')} rules={required} style={{ flex: '1 1 110px' }}>
                      <Select options={relations.map((r) => ({ value: r, label: t(`households.relation.${r}`) }))} data-testid="member-relation" />
                    </Form.Item>
                    <Form.Item name={[name, 'idNumber']} label={t('households.member.idNumber')} style={{ flex: '2 1 190px' }}><Input data-testid="member-id" /></Form.Item>
                    <Form.Item name={[name, 'gender']} label={t('households.member.gender')} style={{ flex: '1 1 80px' }}>
                      <Select allowClear options={(['1', '2'] as const).map((g) => ({ value: g, label: t(`households.gender.${g}`) }))} />
                    </Form.Item>
                    <Form.Item name={[name, 'birthDate']} label={t('households.member.birthDate')} style={{ flex: '1 1 130px' }}><DatePicker style={{ width: '100%' }} /></Form.Item>
                    <Form.Item name={[name, 'phone']} label={t('households.member.phone')} style={{ flex: '1 1 130px' }}><Input inputMode="tel" /></Form.Item>
                    <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(name)} aria-label={t('households.removeMember')} style={{ marginTop: 30 }} />
                  </Flex>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', relation: 'spouse' })} data-testid="household-add-member">{t('households.addMember')}</Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
