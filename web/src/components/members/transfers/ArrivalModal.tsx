import { App as AntApp, Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback } from 'react';
import { memberCategories, recordFieldLabels, stageFields } from '../../../../../src/modules/members/rules/pipeline.js';
import { api } from '../../../api.js';
import type { OrgSummary } from '../../../contracts.js';
import { disabledDate, isoDay, noteOf, today } from '../../../forms.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import type { OrgIndex } from '../../../orgTree.js';
import { ActionModal } from '../../org/ActionModal.js';
import { OrgPicker } from '../../org/OrgPicker.js';
import { categoryLabel } from '../labels.js';
import { educationOptions, ethnicityOptions, genderOptions, occupationOptions } from '../options.js';
import type { ArrivalBody, ArrivalResult } from './types.js';

type Values = Omit<ArrivalBody, 'sentOn' | 'receivedOn' | 'birthDate' | (typeof stageFields)[number]> & {
  sentOn?: Dayjs;
  receivedOn: Dayjs;
} & Partial<Record<(typeof stageFields)[number], Dayjs>>;

const fields = [
  'orgCode', 'externalOrg', 'letterNo', 'sentOn', 'receivedOn', 'note', 'name', 'idNumber', 'gender', 'ethnicity', 'education',
  'occupation', 'phone', 'address', 'category', ...stageFields, 'probationExtensionMonths',
] as const;

const half = { xs: 24, sm: 12 };

/** A member arriving from outside the county with a letter: the letter, the person, the stages as their file has them. */
export function ArrivalModal({ index, open, onClose, onDone }: { index: OrgIndex | undefined; open: boolean; onClose: () => void; onDone: (result: ArrivalResult) => void }) {
  const { t, lang } = useI18n();
  const { message, modal } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  // Only organizations that hold members: the server says which when one is refused.
  const isDisabled = useCallback((o: OrgSummary) => o.type === 'party_group', []);

  const submit = async (v: Values) => {
    const { appliedOn, activistOn, targetOn, joinedOn, fullOn, sentOn, receivedOn, ...rest } = v;
    const body: ArrivalBody = {
      ...rest, sentOn: isoDay(sentOn), receivedOn: isoDay(receivedOn), note: noteOf(v.note), phone: v.phone?.trim() || undefined, address: v.address?.trim() || undefined,
      appliedOn: isoDay(appliedOn), activistOn: isoDay(activistOn), targetOn: isoDay(targetOn), joinedOn: isoDay(joinedOn), fullOn: isoDay(fullOn),
    };
    const result = await api.post<ArrivalResult>('/api/member-transfers/in', body);
    message.success(t('transfers.done.arrival', { name: result.transfer.person.name }));
    if (result.warnings.length > 0) modal.warning({ title: t('transfers.arrival.warnings'), content: <ul>{result.warnings.map((w) => <li key={w}>{w}</li>)}</ul> });
    onDone(result);
  };

  const date = (name: keyof Values, label: string, required = false) => (
    <Form.Item name={name} label={label} rules={[{ required }]}>
      <DatePicker style={{ width: '100%' }} disabledDate={disabledDate()} />
    </Form.Item>
  );

  return (
    <ActionModal<Values> open={open} form={form} fields={fields} initialValues={{ receivedOn: today(), category: 'full' }} onSubmit={submit} onClose={onClose}
      title={t('transfers.action.arrival')}>
      <Divider titlePlacement="start" plain>{t('transfers.arrival.letter')}</Divider>
      <Form.Item name="orgCode" label={t('transfers.field.receivingOrg')} rules={[{ required: true }]}>
        {index ? <OrgPicker index={index} isDisabled={isDisabled} /> : <Select loading />}
      </Form.Item>
      <Form.Item name="externalOrg" label={t('transfers.field.externalFrom')} rules={[{ required: true, whitespace: true, min: 2, max: 100 }]}>
        <Input maxLength={100} data-testid="arrival-external-org" />
      </Form.Item>
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item name="letterNo" label={t('transfers.field.letterNo')} rules={[{ required: true, whitespace: true, max: 40 }]}>
            <Input maxLength={40} data-testid="arrival-letter-no" />
          </Form.Item>
        </Col>
        <Col {...half}>{date('sentOn', t('transfers.field.letterDate'))}</Col>
        <Col {...half}>{date('receivedOn', t('transfers.field.receivedOn'), true)}</Col>
      </Row>
      <Divider titlePlacement="start" plain>{t('transfers.arrival.person')}</Divider>
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item name="name" label={t('memberList.name')} rules={[{ required: true, whitespace: true, max: 50 }]}>
            <Input maxLength={50} data-testid="arrival-name" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="idNumber" label={t('memberList.idNumber')} rules={[{ required: true, whitespace: true, max: 30 }]}>
            <Input maxLength={30} data-testid="arrival-id-number" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="gender" label={t('memberList.gender')} extra={t('transfers.arrival.genderHint')}>
            <Select allowClear options={genderOptions(t)} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="ethnicity" label={t('memberList.ethnicity')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={ethnicityOptions[lang]} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="education" label={t('memberList.education')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={educationOptions[lang]} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="occupation" label={t('memberProfile.occupation')}>
            <Select allowClear options={occupationOptions[lang]} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="phone" label={t('memberList.phone')} rules={[{ max: 30 }]}><Input maxLength={30} /></Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="address" label={t('memberProfile.address')} rules={[{ max: 200 }]}><Input maxLength={200} /></Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>{t('transfers.arrival.stages')}</Divider>
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item name="category" label={t('memberList.category')} rules={[{ required: true }]}>
            <Select data-testid="arrival-category" options={memberCategories.map((c) => ({ value: c, label: categoryLabel(c, lang) }))} />
          </Form.Item>
        </Col>
        {stageFields.map((f) => <Col key={f} {...half}>{date(f, recordFieldLabels[f][lang])}</Col>)}
        <Col {...half}>
          <Form.Item name="probationExtensionMonths" label={recordFieldLabels.probationExtensionMonths[lang]}>
            <InputNumber min={6} max={12} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t('transfers.field.note')} rules={[{ max: 500 }]}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </ActionModal>
  );
}
