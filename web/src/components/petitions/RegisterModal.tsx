import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, ApiError } from '../../api.js';
import type { AccusedChoices, PetitionRegisterBody } from '../../contracts.js';
import { disabledDate, isoDay, noteOf, today } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { OrgIndex } from '../../orgTree.js';
import { useOrgIndex } from '../../useOrgIndex.js';
import { useSubmit } from '../../useSubmit.js';
import { OrgPicker } from '../org/OrgPicker.js';

type Values = {
  orgCode: string; receivedOn: Dayjs; channel: PetitionRegisterBody['channel']; referredBy?: string; content: string; category: PetitionRegisterBody['category'];
  petitionerName: string; petitionerPhone?: string; petitionerId?: string; petitionerAddress?: string; accusedPeople?: string[]; accusedNames?: string[]; accusedOrg?: string; sameMatterAs?: string;
};
const channels = ['letter', 'visit', 'phone', 'online', 'referred'] as const;
const categories = ['land', 'social_security', 'infrastructure', 'environment', 'dispute', 'cadre_conduct', 'other'] as const;
const emptyIndex: OrgIndex = { byCode: new Map(), children: new Map(), roots: [] };

/** The form's one petitioner and its lists stand for the body's arrays: the server's paths are mapped back to its fields. */
const formField: [RegExp, keyof Values][] = [
  [/^body\.petitioners\.0\.name$/, 'petitionerName'], [/^body\.petitioners\.0\.phone$/, 'petitionerPhone'], [/^body\.petitioners\.0\.idNumber$/, 'petitionerId'],
  [/^body\.petitioners\.0\.address$/, 'petitionerAddress'], [/^body\.accusedPeople/, 'accusedPeople'], [/^body\.accusedOrgCodes/, 'accusedOrg'],
];
const fields = ['orgCode', 'receivedOn', 'channel', 'referredBy', 'content', 'category', 'petitionerName', 'petitionerPhone', 'petitionerId', 'petitionerAddress', 'accusedPeople', 'accusedNames', 'accusedOrg', 'sameMatterAs'];

function onFormFields(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const moved = error.fields.map((f) => ({ ...f, path: `body.${formField.find(([re]) => re.test(f.path))?.[1] ?? f.path.replace(/^body\./, '')}` }));
  return new ApiError(error.status, error.code, error.message, moved, { ...error.details });
}

/** Registers a letter, visit, call, online petition or referral, with its petitioner and whom it accuses. */
export function RegisterModal({ open, onClose }: { open: boolean; onClose: (made: { id: string; number: string; visible: boolean } | null) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const index = useOrgIndex(open);
  const [form] = Form.useForm<Values>();
  const channel = Form.useWatch('channel', form);
  const [choices, setChoices] = useState<AccusedChoices['items']>([]);
  // Accused people chosen from the county's post holders, so that the petition is hidden from them.
  const search = (q: string) => {
    if (!q.trim()) return;
    api.get<AccusedChoices>('/api/petitions/accused-choices', { q: q.trim() }).then((r) => setChoices(r.items), () => setChoices([]));
  };
  const required = [{ required: true, whitespace: true, message: t('petitions.form.required') }];
  const { busy, error, submit } = useSubmit<Values>(form, fields, async (v) => {
    const body: PetitionRegisterBody = {
      orgCode: v.orgCode, receivedOn: isoDay(v.receivedOn)!, channel: v.channel, referredBy: v.channel === 'referred' ? noteOf(v.referredBy) : undefined,
      content: v.content.trim(), category: v.category,
      petitioners: [{ name: v.petitionerName.trim(), phone: noteOf(v.petitionerPhone), idNumber: noteOf(v.petitionerId), address: noteOf(v.petitionerAddress) }],
      accusedPeople: v.accusedPeople?.length || v.accusedNames?.length
        ? [...(v.accusedPeople ?? []).map((personId) => ({ personId })), ...(v.accusedNames ?? []).map((name) => ({ name }))] : undefined,
      accusedOrgCodes: v.accusedOrg ? [v.accusedOrg] : undefined,
      sameMatterAs: noteOf(v.sameMatterAs),
    };
    try {
      const made = await api.post<{ id: string; number: string; visible: boolean }>('/api/petitions', body);
      message.success(t(made.visible ? 'petitions.registered' : 'petitions.registeredHidden', { number: made.number }));
      form.resetFields();
      onClose(made);
    } catch (e) {
      throw onFormFields(e);
    }
  });

  return (
    <Modal open={open} title={t('petitions.register')} onCancel={() => onClose(null)} onOk={() => form.submit()}
      okButtonProps={{ loading: busy, ...{ 'data-testid': 'petition-register-ok' } }} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="petition-register-error" />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ receivedOn: today(), channel: 'letter', category: 'other' }} data-testid="petition-register-form">
        <Form.Item name="orgCode" label={t('petitions.form.org')} rules={required}>
          <OrgPicker index={index ?? emptyIndex} isDisabled={() => false} id="petition-org" />
        </Form.Item>
        <Form.Item name="receivedOn" label={t('petitions.form.receivedOn')} rules={[{ required: true, message: t('petitions.form.required') }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={disabledDate()} />
        </Form.Item>
        <Form.Item name="channel" label={t('petitions.form.channel')}>
          <Select data-testid="petition-field-channel" options={channels.map((c) => ({ value: c, label: t(`petitions.channel.${c}`) }))} />
        </Form.Item>
        {channel === 'referred' && <Form.Item name="referredBy" label={t('petitions.form.referredBy')} rules={required}><Input maxLength={100} /></Form.Item>}
        <Form.Item name="category" label={t('petitions.form.category')}>
          <Select data-testid="petition-field-category" options={categories.map((c) => ({ value: c, label: t(`petitions.category.${c}`) }))} />
        </Form.Item>
        <Form.Item name="content" label={t('petitions.form.content')} rules={[{ required: true, whitespace: true, min: 5, message: t('petitions.form.required') }]}>
          <Input.TextArea rows={4} maxLength={4000} showCount data-testid="petition-field-content" />
        </Form.Item>
        <Form.Item name="petitionerName" label={t('petitions.form.petitionerName')} rules={required}><Input maxLength={30} data-testid="petition-field-name" /></Form.Item>
        <Form.Item name="petitionerPhone" label={t('petitions.form.petitionerPhone')}><Input maxLength={20} data-testid="petition-field-phone" /></Form.Item>
        <Form.Item name="petitionerId" label={t('petitions.form.petitionerId')}><Input maxLength={18} /></Form.Item>
        <Form.Item name="petitionerAddress" label={t('petitions.form.petitionerAddress')}><Input maxLength={200} /></Form.Item>
        <Form.Item name="accusedPeople" label={t('petitions.form.accusedPeople')}>
          <Select mode="multiple" showSearch={{ filterOption: false, onSearch: search }} data-testid="petition-field-accused"
            options={choices.map((c) => ({ value: c.id, label: `${c.name}（${c.org} ${c.title}）` }))} />
        </Form.Item>
        <Form.Item name="accusedNames" label={t('petitions.form.accusedNames')}><Select mode="tags" open={false} suffixIcon={null} /></Form.Item>
        <Form.Item name="accusedOrg" label={t('petitions.form.accusedOrg')}>
          <OrgPicker index={index ?? emptyIndex} isDisabled={() => false} id="petition-accused-org" />
        </Form.Item>
        <Form.Item name="sameMatterAs" label={t('petitions.form.sameMatterAs')}><Input maxLength={20} placeholder="2026-0001" /></Form.Item>
      </Form>
    </Modal>
  );
}
