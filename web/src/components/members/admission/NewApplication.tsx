import { UserAddOutlined } from '@ant-design/icons';
import { App as AntApp, Button, DatePicker, Form, Input, Select, Space, Tooltip } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { parseIdNumber } from '../../../../../src/modules/members/rules/id-number.js';
import type { Occupation } from '../../../../../src/modules/members/rules/occupation.js';
import { api } from '../../../api.js';
import type { OrgSummary } from '../../../contracts.js';
import { disabledDate, isoDay, noteOf, today } from '../../../forms.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useUser } from '../../../session.js';
import { OrgPicker } from '../../org/OrgPicker.js';
import { useManagedOrgs } from '../../org/useManagedOrgs.js';
import { educationOptions, ethnicityOptions, genderOptions, occupationOptions } from '../options.js';
import { existingPerson, ExistingPersonLink, type ExistingPerson } from './ExistingPerson.js';
import { RuleModal } from './RuleModal.js';
import type { AdmissionView, NewApplicationBody } from './types.js';

interface Values {
  orgCode: string;
  name: string;
  gender: '1' | '2';
  ethnicity: string;
  birthDate: Dayjs;
  idNumber: string;
  education?: string;
  occupation?: Occupation;
  phone?: string;
  address?: string;
  appliedOn: Dayjs;
  note?: string;
}

const fields = ['orgCode', 'name', 'gender', 'ethnicity', 'birthDate', 'idNumber', 'education', 'occupation', 'phone', 'address', 'appliedOn', 'note'] as const;

/** 新增入党申请人: the person and the date of their written application; the registry opens their path to membership. */
function ApplicationModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const user = useUser();
  const [form] = Form.useForm<Values>();
  const managed = useManagedOrgs(open, 'member.manage');
  const { index, only } = managed;
  // A party group holds no members of its own.
  const isDisabled = useMemo(() => (org: OrgSummary) => managed.isDisabled(org) || org.type === 'party_group', [managed]);
  // Someone already registered with the ID number typed, when the server names them: a link beats a second record.
  const [existing, setExisting] = useState<ExistingPerson>();
  // When that person has no membership, the application is theirs: recorded on their record, not a new one.
  const reapplyTo = useRef<string | undefined>(undefined);

  const submit = async (v: Values, override?: { reason: string }) => {
    const body: NewApplicationBody = {
      orgCode: v.orgCode, name: v.name.trim(), gender: v.gender, ethnicity: v.ethnicity, birthDate: isoDay(v.birthDate)!, idNumber: v.idNumber.trim(),
      education: v.education, occupation: v.occupation, phone: v.phone?.trim() || undefined, address: v.address?.trim() || undefined,
      appliedOn: isoDay(v.appliedOn)!, note: noteOf(v.note), override,
    };
    const request = reapplyTo.current
      ? api.post<AdmissionView>(`/api/members/${reapplyTo.current}/applications`, { orgCode: body.orgCode, appliedOn: body.appliedOn, note: body.note, override })
      : api.post<AdmissionView>('/api/members/applications', body);
    const created = await request.catch((error: unknown) => {
      if (!reapplyTo.current) setExisting(existingPerson(error));
      throw error;
    });
    message.success(t('admission.apply.done', { name: created.person.name }));
    onClose();
    navigate(`/members/${created.person.id}`);
  };

  /** A valid ID number gives the birth date and gender; the server checks they agree. */
  const fromIdNumber = (text: string) => {
    setExisting(undefined);
    reapplyTo.current = undefined;
    const id = parseIdNumber(text);
    if (id.ok) form.setFieldsValue({ birthDate: dayjs(id.value.birthDate), gender: id.value.gender });
  };

  return (
    <RuleModal<Values> open={open} form={form} fields={fields} testId="application-form" canOverride={user.abilities.includes('member.approve')}
      title={t('admission.apply')} okText={t('admission.apply')} onSubmit={submit} onClose={() => { setExisting(undefined); reapplyTo.current = undefined; onClose(); }}
      initialValues={{ orgCode: only, ethnicity: '01', appliedOn: today() }}>
      <Form.Item name="orgCode" label={t('admission.apply.org')} rules={[{ required: true }]}>
        {index ? <OrgPicker index={index} isDisabled={isDisabled} /> : <Select loading />}
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="name" label={t('memberList.name')} rules={[{ required: true, whitespace: true, max: 50 }]}>
          <Input maxLength={50} style={{ width: 180 }} data-testid="application-name" />
        </Form.Item>
        <Form.Item name="idNumber" label={t('memberList.idNumber')} rules={[{ required: true, whitespace: true, len: 18 }]}
          extra={existing && (
            <Space wrap size={4}>
              <ExistingPersonLink person={existing} />
              {existing.reapplicable && (
                <Button size="small" type="link" data-testid="reapply" onClick={() => { reapplyTo.current = existing.personId; form.submit(); }}>
                  {t('admission.reapply', { name: existing.name })}
                </Button>
              )}
            </Space>
          )}>
          <Input maxLength={18} style={{ width: 220 }} onChange={(e) => fromIdNumber(e.target.value)} data-testid="application-id-number" />
        </Form.Item>
      </Space>
      <Space wrap align="start">
        <Form.Item name="gender" label={t('memberList.gender')} rules={[{ required: true }]}>
          <Select style={{ width: 100 }} options={genderOptions(t)} data-testid="application-gender" />
        </Form.Item>
        <Form.Item name="birthDate" label={t('memberProfile.birthDate')} rules={[{ required: true }]}>
          <DatePicker disabledDate={disabledDate()} data-testid="application-birth-date" />
        </Form.Item>
        <Form.Item name="ethnicity" label={t('memberList.ethnicity')} rules={[{ required: true }]}>
          <Select style={{ width: 160 }} showSearch={{ optionFilterProp: 'label' }} options={ethnicityOptions[lang]} />
        </Form.Item>
      </Space>
      <Form.Item name="appliedOn" label={t('admission.apply.appliedOn')} rules={[{ required: true }]}>
        <DatePicker disabledDate={disabledDate()} data-testid="application-applied-on" />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="education" label={t('memberList.education')}>
          <Select allowClear style={{ width: 200 }} showSearch={{ optionFilterProp: 'label' }} options={educationOptions[lang]} />
        </Form.Item>
        <Form.Item name="occupation" label={t('memberProfile.occupation')}>
          <Select allowClear style={{ width: 200 }} options={occupationOptions[lang]} />
        </Form.Item>
        <Form.Item name="phone" label={t('memberList.phone')} rules={[{ max: 20 }]}>
          <Input maxLength={20} style={{ width: 160 }} />
        </Form.Item>
      </Space>
      <Form.Item name="address" label={t('memberProfile.address')} rules={[{ max: 200 }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="note" label={t('admission.field.note')} rules={[{ max: 1000 }]}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </RuleModal>
  );
}

/** The members list's action; disabled with the reason for a user whose posts register no applicants. */
export function NewApplicationButton() {
  const { t } = useI18n();
  const user = useUser();
  const [open, setOpen] = useState(false);
  const allowed = user.abilities.includes('member.manage');
  const button = (
    <Button type="primary" icon={<UserAddOutlined />} disabled={!allowed} onClick={() => setOpen(true)} data-testid="application-new">
      {t('admission.apply')}
    </Button>
  );
  return (
    <>
      {allowed ? button : <Tooltip title={t('admission.apply.noAbility')}><span style={{ display: 'inline-block' }}>{button}</span></Tooltip>}
      <ApplicationModal open={open} onClose={() => setOpen(false)} />
    </>
  );
}
