import { App as AntApp, Form, Input, InputNumber, Select } from 'antd';
import { useEffect } from 'react';
import { subjectTypes, type SubjectType } from '../../../../src/modules/compliance/catalogue.js';
import { meetingKinds } from '../../../../src/modules/meetings/kinds.js';
import { periodUnits, type PeriodUnit } from '../../../../src/platform/cadence/periods.js';
import { api } from '../../api.js';
import type { CadenceRuleView, RuleBody } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ActionModal } from '../org/ActionModal.js';
import { eventLabel, subjectLabel, suggestedRuleId } from './labels.js';

interface Values {
  id: string;
  eventKind: string;
  subjectType: SubjectType;
  period: PeriodUnit;
  min: number;
  dueFromMonth?: number | null;
  label?: string;
}

const fields = ['id', 'eventKind', 'subjectType', 'period', 'min', 'dueFromMonth', 'label'] as const;

/** What the server stores for a rule: all of it, in force unless switched off. A window only makes sense within a year. */
export function ruleBodyOf(v: Omit<Values, 'id'>, enabled = true): RuleBody {
  return {
    eventKind: v.eventKind, subjectType: v.subjectType, period: v.period, min: v.min,
    dueFromMonth: v.period === 'year' ? v.dueFromMonth ?? null : null, label: v.label?.trim() || null, enabled,
  };
}

export const saveRule = (id: string, body: RuleBody) => api.put<void>(`/api/compliance/rules/${encodeURIComponent(id)}`, body);

/** The rule's fields as the form holds them, its county name taken back out of its description. */
export const ruleValues = (rule: CadenceRuleView): Omit<Values, 'id'> => ({ ...rule, label: rule.name ?? undefined });

interface Props {
  /** The rule to change; none adds a local one. */
  rule: CadenceRuleView | undefined;
  open: boolean;
  /** Ids in use (every national one, every local one): a new rule must not replace one of them. */
  taken: ReadonlySet<string>;
  onClose: () => void;
  onDone: () => void;
}

/**
 * Adds a county's own rule or changes one in force. A national rule keeps what it counts, for whom
 * and how often: the county changes its minimum, its window and its name only.
 */
export function RuleModal({ rule, open, taken, onClose, onDone }: Props) {
  const { t, lang } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const eventKind = Form.useWatch('eventKind', form);
  const period = Form.useWatch('period', form);
  const fixed = rule?.source === 'national';

  // A new rule's id follows what it counts until the user writes one.
  useEffect(() => {
    if (!rule && eventKind && period && !form.isFieldTouched('id')) form.setFieldValue('id', suggestedRuleId(eventKind, period));
  }, [rule, eventKind, period, form]);

  const submit = async (v: Values) => {
    await saveRule(rule?.id ?? v.id.trim(), ruleBodyOf(v));
    message.success(t('compliance.rules.saved'));
    onDone();
  };

  return (
    <ActionModal<Values>
      open={open}
      title={rule ? t('compliance.rules.modalChange', { label: rule.label }) : t('compliance.rules.modalAdd')}
      form={form}
      fields={fields}
      initialValues={rule ? ruleValues(rule) : { eventKind: 'monday_meeting', subjectType: 'township_committee', period: 'week', min: 1 }}
      onSubmit={submit}
      onClose={onClose}
    >
      {!rule && (
        <Form.Item name="id" label={t('compliance.field.id')} extra={t('compliance.field.idHint')}
          rules={[{ required: true, whitespace: true }, {
            validator: (_, value: string | undefined) => value && taken.has(value.trim())
              ? Promise.reject(new Error(t('compliance.field.idTaken'))) : Promise.resolve(),
          }]}>
          <Input maxLength={60} data-testid="rule-field-id" />
        </Form.Item>
      )}
      <Form.Item name="eventKind" label={t('compliance.field.eventKind')} rules={[{ required: true }]}>
        <Select disabled={fixed} data-testid="rule-field-eventKind" options={meetingKinds.map((k) => ({ value: k, label: eventLabel(k, lang) }))} />
      </Form.Item>
      <Form.Item name="subjectType" label={t('compliance.field.subjectType')} rules={[{ required: true }]}>
        <Select disabled={fixed} data-testid="rule-field-subjectType" options={subjectTypes.map((s) => ({ value: s, label: subjectLabel(s, lang) }))} />
      </Form.Item>
      <Form.Item name="period" label={t('compliance.field.period')} rules={[{ required: true }]}>
        <Select disabled={fixed} data-testid="rule-field-period" options={periodUnits.map((p) => ({ value: p, label: t(`compliance.period.${p}`) }))} />
      </Form.Item>
      <Form.Item name="min" label={t('compliance.field.min')} rules={[{ required: true }]}>
        <InputNumber min={1} max={100} precision={0} style={{ width: 160 }} data-testid="rule-field-min" />
      </Form.Item>
      {period === 'year' && (
        <Form.Item name="dueFromMonth" label={t('compliance.field.dueFromMonth')} extra={t('compliance.field.dueFromMonthHint')}>
          <InputNumber min={1} max={12} precision={0} style={{ width: 160 }} />
        </Form.Item>
      )}
      <Form.Item name="label" label={t('compliance.field.label')} extra={t('compliance.field.labelHint')}
        rules={[{ min: 2, max: 60, message: t('compliance.field.labelLength') }]}>
        <Input maxLength={60} allowClear data-testid="rule-field-label" />
      </Form.Item>
    </ActionModal>
  );
}
