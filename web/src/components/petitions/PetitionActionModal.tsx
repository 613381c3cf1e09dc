import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../api.js';
import type { PetitionAction, PetitionDetail } from '../../contracts.js';
import { disabledDate, isoDay, noteOf, today } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { useSubmit } from '../../useSubmit.js';

type Field = 'on' | 'note' | 'reason' | 'noticeOn' | 'assignee' | 'days' | 'approver' | 'petitionerToldOn' | 'text' | 'by' | 'how';
type Values = Partial<Record<Field, string | number | Dayjs | null>>;

/** The fields each action asks for besides its date; the server checks them again and names any it refuses. */
const fieldsOf: Record<PetitionAction, Field[]> = {
  accept: ['note'],
  not_accept: ['reason', 'noticeOn'],
  assign: ['assignee', 'note'],
  extend: ['days', 'approver', 'reason', 'petitionerToldOn'],
  reply: ['text'],
  review_request: ['note'],
  review_decide: ['text'],
  re_review_request: ['note'],
  re_review_decide: ['text'],
  feedback_petitioner: ['by', 'how', 'note'],
  feedback_body: ['by', 'how', 'note'],
  close: ['note'],
};
const dates = new Set<Field>(['on', 'noticeOn', 'petitionerToldOn']);
const hows = { feedback_petitioner: ['in_person', 'phone', 'letter'], feedback_body: ['report', 'letter', 'system'] } as const;
const optional = new Set<Field>(['on', 'note']);

/** One step of a petition's procedure, dated (today unless changed); closes with the petition as it became. */
export function PetitionActionModal({ petition, action, onClose }: { petition: PetitionDetail; action: PetitionAction | null; onClose: (updated: PetitionDetail | null) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const fields: Field[] = action ? ['on', ...fieldsOf[action]] : [];
  const { busy, error, submit } = useSubmit<Values>(form, fields, async (v) => {
    const body: Record<string, unknown> = {};
    for (const f of fields) {
      const value = v[f];
      const sent = dates.has(f) ? isoDay(value as Dayjs | null) : typeof value === 'string' ? noteOf(value) : value ?? undefined;
      if (sent !== undefined) body[f] = sent;
    }
    onClose(await api.post<PetitionDetail>(`/api/petitions/${petition.id}/${action}`, body));
  });
  const rules = (f: Field) => (optional.has(f) ? [] : [{ required: true, message: t('petitions.form.required') }]);
  const input = (f: Field) => {
    if (dates.has(f)) return <DatePicker style={{ width: '100%' }} disabledDate={disabledDate(petition.receivedOn)} data-testid={`petition-field-${f}`} />;
    if (f === 'days') return <InputNumber min={1} max={30} style={{ width: '100%' }} data-testid="petition-field-days" />;
    if (f === 'how' && (action === 'feedback_petitioner' || action === 'feedback_body')) {
      return <Select data-testid="petition-field-how" options={hows[action].map((h) => ({ value: h, label: t(`petitions.how.${h}`) }))} />;
    }
    if (f === 'text' || f === 'reason' || f === 'note') return <Input.TextArea rows={f === 'text' ? 4 : 2} maxLength={f === 'text' ? 4000 : 1000} data-testid={`petition-field-${f}`} />;
    return <Input maxLength={100} data-testid={`petition-field-${f}`} />;
  };

  return (
    <Modal open={action !== null} title={action ? t(`petitions.action.${action}`) : ''} onCancel={() => onClose(null)} onOk={() => form.submit()}
      okButtonProps={{ loading: busy, ...{ 'data-testid': 'petition-action-ok' } }} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="petition-action-error" />}
      <Form form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={{ on: today(), how: action === 'feedback_petitioner' || action === 'feedback_body' ? hows[action][0] : undefined }}>
        {fields.map((f) => (
          <Form.Item key={f} name={f} label={t(`petitions.form.${f}` as MessageKey)} rules={rules(f)}>{input(f)}</Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
