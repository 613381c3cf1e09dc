import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { api } from '../../api.js';
import type { ScreeningOpenBody, ScreeningRound } from '../../contracts.js';
import { chinaToday } from '../../format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSubmit } from '../../useSubmit.js';

const periods = ['year', 'Q1', 'Q2', 'Q3', 'Q4'] as const;

/** 开展排查: the county opens a yearly or quarterly round. */
export function OpenRoundModal({ open, onClose, onOpened }: { open: boolean; onClose: () => void; onOpened: (round: ScreeningRound) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ScreeningOpenBody>();
  const year = Number(chinaToday().slice(0, 4));
  const { busy, error, submit } = useSubmit<ScreeningOpenBody>(form, ['year', 'period', 'title'], async (values) => {
    onOpened(await api.post<ScreeningRound>('/api/screening/rounds', values));
    form.resetFields();
  });
  return (
    <Modal open={open} title={t('screening.openTitle')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ year, period: 'year', title: `${year}年度软弱涣散村党组织排查` }}>
        <Form.Item name="year" label={t('screening.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="period" label={t('screening.period')} rules={[{ required: true }]}>
          <Select options={periods.map((p) => ({ value: p, label: t(`screening.period.${p}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('screening.roundTitle')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} data-testid="screening-open-title" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
