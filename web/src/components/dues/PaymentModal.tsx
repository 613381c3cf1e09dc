import { Alert, DatePicker, Form, Input, Modal, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, ApiError, fieldName } from '../../api.js';
import type { DuesPayment, DuesPaymentPatch, DuesPaymentsBody, DuesSheetRow } from '../../contracts.js';
import { disabledDate, isoDay, noteOf, today } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { fenOf, yuanOf } from './money.js';

interface Values { amount: string; paidOn: Dayjs; paidBy?: string; note?: string }

export interface PaymentTarget { row: DuesSheetRow; payment: DuesPayment | null }

interface Props {
  target: PaymentTarget;
  orgCode: string;
  month: string;
  onClose: () => void;
  onSaved: () => void;
}

/** The form's field for a server problem: a batch of one names `items.0.amountFen`, a correction `amountFen`. */
const formField = (path: string) => {
  const name = fieldName(path).replace(/^items\.\d+\./, '');
  return name === 'amountFen' ? 'amount' : name;
};

/** Records one member's payment with its own amount, date and payer, or corrects a recorded one. */
export function PaymentModal(props: Omit<Props, 'target'> & { target: PaymentTarget | null }) {
  const { target } = props;
  // A form of its own for each payment, so that nothing typed for one shows for the next.
  return target && <PaymentDialog key={`${target.row.person.id}|${target.payment?.id ?? ''}`} {...props} target={target} />;
}

function PaymentDialog({ target, orgCode, month, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const { row, payment } = target;
  const initial: Partial<Values> = payment
    ? { amount: yuanOf(payment.amountFen), paidOn: dayjs(payment.paidOn), paidBy: payment.paidBy ?? undefined, note: payment.note ?? undefined }
    : { amount: row.monthlyFen === null ? '' : yuanOf(row.monthlyFen), paidOn: today() };

  const save = async (values: Values) => {
    const amountFen = fenOf(values.amount)!;
    const paidBy = noteOf(values.paidBy);
    const note = noteOf(values.note);
    setSaving(true);
    setFailure(null);
    try {
      if (payment) {
        const patch: DuesPaymentPatch = { amountFen, paidOn: isoDay(values.paidOn)!, paidBy: paidBy ?? null, note: note ?? null };
        await api.patch<DuesPayment>(`/api/dues/payments/${payment.id}`, patch);
      } else {
        const body: DuesPaymentsBody = { orgCode, items: [{ personId: row.person.id, month, amountFen, paidOn: isoDay(values.paidOn)!, paidBy, note }] };
        await api.post('/api/dues/payments', body);
      }
      onSaved();
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields : [];
      const known = ['amount', 'paidOn', 'paidBy', 'note'];
      const placed = fields.filter((f) => known.includes(formField(f.path)));
      form.setFields(placed.map((f) => ({ name: formField(f.path) as keyof Values, errors: [f.message] })));
      if (placed.length < fields.length || fields.length === 0) setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={t('dues.payment.title', { name: row.person.name, month })} onCancel={onClose}
      onOk={() => form.submit()} okText={t('dues.payment.save')} confirmLoading={saving} okButtonProps={{ 'data-testid': 'dues-payment-save' } as ButtonProps}>
      <Form form={form} layout="vertical" onFinish={save} initialValues={initial} data-testid="dues-payment-form">
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="dues-payment-error" />}
        <Form.Item name="amount" label={t('dues.payment.amount')}
          rules={[{ validator: (_, v: string | undefined) => (fenOf(v ?? '') ? Promise.resolve() : Promise.reject(new Error(t('dues.badAmount')))) }]}>
          <Input inputMode="decimal" data-testid="dues-payment-amount" />
        </Form.Item>
        <Form.Item name="paidOn" label={t('dues.payment.paidOn')} rules={[{ required: true }]}>
          <DatePicker disabledDate={disabledDate()} allowClear={false} style={{ width: '100%' }} data-testid="dues-payment-paidOn" />
        </Form.Item>
        <Form.Item name="paidBy" label={t('dues.payment.paidBy')} extra={t('dues.payment.paidByHint')}>
          <Input maxLength={50} data-testid="dues-payment-paidBy" />
        </Form.Item>
        <Form.Item name="note" label={t('dues.payment.note')} extra={t('dues.payment.noteHint')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} data-testid="dues-payment-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
