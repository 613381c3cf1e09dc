import { App as AntApp, DatePicker, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { steps, type DetailField, type StepCode, type StepDetail } from '../../../../../src/modules/members/admission/steps.js';
import { api, ApiError } from '../../../api.js';
import { disabledDate, isoDay, noteOf, today } from '../../../forms.js';
import { useI18n, type Translate } from '../../../i18n/I18nProvider.js';
import type { Lang } from '../../../i18n/lang.js';
import { stepLabel } from './labels.js';
import { RuleModal } from './RuleModal.js';
import type { AdmissionView, NextStep, RecordStepBody } from './types.js';

type Values = { step: StepCode; doneOn: Dayjs; approver?: string; note?: string } & StepDetail;

const fields = ['step', 'doneOn', 'approver', 'note', 'mentors', 'sponsors', 'days', 'hours', 'shouldAttend', 'present', 'yes', 'months'] as const;

/** The window the rules give a step, what it still lacks, and who decides it, in a few words. */
export function stepHints(next: NextStep, t: Translate, lang: Lang): string[] {
  return [
    next.earliest ? t('admission.earliest', { date: next.earliest }) : null,
    next.latest ? t('admission.latest', { date: next.latest }) : null,
    next.missing.length > 0 ? t('admission.missing', { steps: next.missing.map((s) => stepLabel(s, lang, true)).join(lang === 'zh' ? '、' : ', ') }) : null,
    next.approval ? t('admission.byCommittee') : null,
  ].filter((h): h is string => h !== null);
}

/** The facts of the chosen step only: a step refuses facts it does not take. */
function detailOf(step: StepCode, v: Values): StepDetail | undefined {
  const taken = steps[step].detail.filter((f) => v[f] !== undefined && v[f] !== null);
  return taken.length > 0 ? Object.fromEntries(taken.map((f) => [f, v[f]])) : undefined;
}

/** The server names a detail `body.detail.mentors`; the form keeps it flat. */
const flat = (e: unknown) => (e instanceof ApiError
  ? new ApiError(e.status, e.code, e.message, e.fields.map((f) => ({ ...f, path: f.path.replace(/^body\.detail\./, 'body.') })))
  : e);

/** Recording the next step on a person's path: only the steps their stage allows, with each step's own facts. */
export function RecordStepModal({ view, open, onClose, onDone }: {
  view: AdmissionView; open: boolean; onClose: () => void; onDone: (view: AdmissionView) => void;
}) {
  const { t, lang } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const chosen = Form.useWatch('step', form);
  const canApprove = view.can.approve.allowed;
  const next = view.next.find((n) => n.step === chosen);
  const first = view.next.find((n) => (!n.approval || canApprove) && n.missing.length === 0) ?? view.next.find((n) => !n.approval || canApprove);

  const submit = async (v: Values, override?: { reason: string }) => {
    const body: RecordStepBody = {
      step: v.step as RecordStepBody['step'], doneOn: isoDay(v.doneOn)!, approver: v.approver?.trim() || undefined,
      detail: detailOf(v.step, v), note: noteOf(v.note), override,
    };
    try {
      const result = await api.post<AdmissionView>(`/api/members/${view.person.id}/admission-steps`, body);
      message.success(t('admission.done', { step: stepLabel(v.step, lang, true) }));
      onDone(result);
    } catch (e) {
      throw flat(e);
    }
  };

  const detail = (field: DetailField) => chosen !== undefined && steps[chosen].detail.includes(field);
  const names = (field: 'mentors' | 'sponsors', count: [number, number]) => (
    <Form.Item name={field} label={t(`admission.field.${field}`)} extra={t('admission.field.namesHint')}
      rules={[{ required: true, type: 'array', min: count[0], max: count[1] }]}>
      <Select mode="tags" open={false} maxCount={count[1]} tokenSeparators={[',', '，', '、', ' ']} data-testid={`admission-${field}`} />
    </Form.Item>
  );
  const count = (field: 'shouldAttend' | 'present' | 'yes') => (
    <Form.Item name={field} label={t(`admission.field.${field}`)} rules={[{ required: true }]}>
      <InputNumber min={field === 'shouldAttend' ? 1 : 0} max={100000} precision={0} style={{ width: 140 }} data-testid={`admission-${field}`} />
    </Form.Item>
  );

  return (
    <RuleModal<Values> open={open} form={form} fields={fields} testId="admission-form" canOverride={canApprove}
      title={`${t('admission.record')}：${view.person.name}`} okText={t('admission.record')}
      initialValues={{ step: first?.step, doneOn: today() }} onSubmit={submit} onClose={onClose}>
      <Form.Item name="step" label={t('admission.field.step')} rules={[{ required: true }]}>
        <Select data-testid="admission-step" options={view.next.map((n) => ({
          value: n.step,
          disabled: n.approval && !canApprove,
          label: (
            <Space size={4} wrap>
              {stepLabel(n.step, lang)}
              {n.overdue && <Tag color="red">{t('admission.overdue')}</Tag>}
              {n.approval && !canApprove && <Typography.Text type="secondary">{t('admission.reason.approval')}</Typography.Text>}
            </Space>
          ),
        }))} />
      </Form.Item>
      <Form.Item name="doneOn" label={t('admission.field.doneOn')} rules={[{ required: true }]}
        extra={next && stepHints(next, t, lang).join(lang === 'zh' ? '；' : '; ')}>
        <DatePicker style={{ width: '100%' }} disabledDate={disabledDate()} data-testid="admission-done-on" />
      </Form.Item>
      {detail('mentors') && names('mentors', [1, 2])}
      {detail('sponsors') && names('sponsors', [2, 2])}
      {detail('days') && (
        <Space wrap align="start">
          <Form.Item name="days" label={t('admission.field.days')} extra={t('admission.field.trainingHint')}>
            <InputNumber min={0.5} max={366} step={0.5} style={{ width: 140 }} data-testid="admission-days" />
          </Form.Item>
          <Form.Item name="hours" label={t('admission.field.hours')}>
            <InputNumber min={1} max={3000} style={{ width: 140 }} data-testid="admission-hours" />
          </Form.Item>
        </Space>
      )}
      {detail('shouldAttend') && <Space wrap align="start">{count('shouldAttend')}{count('present')}{count('yes')}</Space>}
      {detail('months') && (
        <Form.Item name="months" label={t('admission.field.months')} rules={[{ required: true }]}>
          <InputNumber min={6} max={12} precision={0} style={{ width: 140 }} data-testid="admission-months" />
        </Form.Item>
      )}
      <Form.Item name="approver" label={t('admission.field.approver')} rules={[{ max: 100 }]}>
        <Input maxLength={100} placeholder={t('admission.field.approverHint')} data-testid="admission-approver" />
      </Form.Item>
      <Form.Item name="note" label={t('admission.field.note')} rules={[{ max: 1000 }]}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </RuleModal>
  );
}
