import { Alert, Button, DatePicker, Form, Input, Modal, Popconfirm, Typography, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api.js';
import type { DuesRemittance, DuesRemittanceBody, DuesRemittancePatch } from '../../contracts.js';
import { disabledDate, isoDay, noteOf, showServerErrors, today } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { fenOf, yuanOf } from './money.js';

interface Values { amountFen: string; remittedOn: Dayjs; note?: string }

export interface RemitTarget {
  org: { code: string; name: string };
  month: string;
  collectedFen: number;
  remittance: { id: string; amountFen: number; remittedOn: string; note: string | null } | null;
}

interface Props { target: RemitTarget; onClose: () => void; onSaved: () => void }

/** A month's remittance to the committee above: a new one prefilled with what was collected, or a correction. */
export function RemitModal(props: Omit<Props, 'target'> & { target: RemitTarget | null }) {
  const { target } = props;
  return target && <RemitDialog key={`${target.org.code}|${target.month}|${target.remittance?.id ?? ''}`} {...props} target={target} />;
}

function RemitDialog({ target, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { remittance } = target;
  const initial: Partial<Values> = remittance
    ? { amountFen: yuanOf(remittance.amountFen), remittedOn: dayjs(remittance.remittedOn), note: remittance.note ?? undefined }
    : { amountFen: yuanOf(target.collectedFen), remittedOn: today() };

  const run = async (work: () => Promise<unknown>) => {
    setSaving(true);
    setFailure(null);
    try {
      await work();
      onSaved();
    } catch (error) {
      setFailure(showServerErrors(form, error, ['amountFen', 'remittedOn', 'note']));
    } finally {
      setSaving(false);
    }
  };
  const save = (values: Values) => run(async () => {
    const amountFen = fenOf(values.amountFen)!;
    const note = noteOf(values.note);
    if (remittance) {
      const patch: DuesRemittancePatch = { amountFen, remittedOn: isoDay(values.remittedOn)!, note: note ?? null };
      await api.patch<DuesRemittance>(`/api/dues/remittances/${remittance.id}`, patch);
    } else {
      const body: DuesRemittanceBody = { orgCode: target.org.code, month: target.month, amountFen, remittedOn: isoDay(values.remittedOn)!, note };
      await api.post<DuesRemittance>('/api/dues/remittances', body);
    }
  });

  return (
    <Modal open title={t('dues.remit.title', { org: target.org.name, month: target.month })} onCancel={onClose}
      onOk={() => form.submit()} okText={t('dues.remit.save')} confirmLoading={saving} okButtonProps={{ 'data-testid': 'dues-remit-save' } as ButtonProps}>
      <Form form={form} layout="vertical" onFinish={save} initialValues={initial} data-testid="dues-remit-form">
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="dues-remit-error" />}
        <Typography.Paragraph type="secondary">{t('dues.remit.collected', { amount: yuanOf(target.collectedFen) })}</Typography.Paragraph>
        <Form.Item name="amountFen" label={t('dues.remit.amount')}
          rules={[{ validator: (_, v: string | undefined) => (fenOf(v ?? '') ? Promise.resolve() : Promise.reject(new Error(t('dues.badAmount')))) }]}>
          <Input inputMode="decimal" data-testid="dues-remit-amount" />
        </Form.Item>
        <Form.Item name="remittedOn" label={t('dues.remit.remittedOn')} rules={[{ required: true }]}>
          <DatePicker disabledDate={disabledDate()} allowClear={false} style={{ width: '100%' }} data-testid="dues-remit-date" />
        </Form.Item>
        <Form.Item name="note" label={t('dues.remit.note')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} data-testid="dues-remit-note" />
        </Form.Item>
        {remittance && (
          <Popconfirm title={t('dues.remit.deleteConfirm')} onConfirm={() => run(() => api.delete(`/api/dues/remittances/${remittance.id}`))}
            okButtonProps={{ 'data-testid': 'dues-remit-delete-confirm' } as ButtonProps}>
            <Button danger size="small" data-testid="dues-remit-delete">{t('dues.remit.delete')}</Button>
          </Popconfirm>
        )}
      </Form>
    </Modal>
  );
}
