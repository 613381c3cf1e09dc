import { Alert, App, Button, DatePicker, Flex, Form, Input, Modal, Popconfirm, Select, Skeleton, Space, Spin, Table, Typography, type ButtonProps, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { usePurposeLabels, usePurposes, type UsePurpose } from '../../../../src/modules/dues/rules.js';
import { api } from '../../api.js';
import type { DuesUse, DuesUseBody, DuesUsePatch, DuesUses } from '../../contracts.js';
import { disabledDate, isoDay, showServerErrors, today } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';
import { ApiFailure } from '../ApiFailure.js';
import { Gate } from './Gate.js';
import { fenOf, yuanOf } from './money.js';

interface Values { purpose: UsePurpose; description: string; usedOn: Dayjs; amountFen: string }

/** 党费使用: what the organization spent its dues on in the year (rules.md §3.3), added, corrected, deleted. */
export function UsesTab({ orgCode, year }: { orgCode: string; year: number }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const uses = useApi(`${orgCode}|${year}|${lang}`, (signal) => api.get<DuesUses>('/api/dues/uses', { org: orgCode, year }, { signal }));
  const [editing, setEditing] = useState<DuesUse | 'new' | null>(null);

  if (uses.error && !uses.data) return <ApiFailure error={uses.error} onRetry={uses.reload} />;
  const view = uses.data;
  if (!view) return <Skeleton active paragraph={{ rows: 4 }} />;
  const can = view.can.edit;

  const remove = async (use: DuesUse) => {
    try {
      await api.delete(`/api/dues/uses/${use.id}`);
      message.success(t('dues.deleted'));
      uses.reload();
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };

  const columns: TableColumnsType<DuesUse> = [
    { key: 'usedOn', title: t('dues.uses.col.usedOn'), dataIndex: 'usedOn', width: 110 },
    { key: 'purpose', title: t('dues.uses.col.purpose'), render: (_, u) => usePurposeLabels[u.purpose][lang] },
    { key: 'description', title: t('dues.uses.col.description'), dataIndex: 'description' },
    { key: 'amount', title: t('dues.uses.col.amount'), align: 'right', render: (_, u) => <span data-testid="dues-use-amount">{yuanOf(u.amountFen)}</span> },
    {
      key: 'actions', title: t('dues.col.actions'),
      render: (_, u) => (
        <Gate can={can} t={t}>
          <Space size={0}>
            <Button type="link" size="small" disabled={!can.allowed} onClick={() => setEditing(u)} data-testid="dues-use-edit">{t('dues.edit')}</Button>
            <Popconfirm title={t('dues.uses.deleteConfirm')} onConfirm={() => remove(u)} disabled={!can.allowed} okButtonProps={{ 'data-testid': 'dues-use-delete-confirm' } as ButtonProps}>
              <Button type="link" size="small" danger disabled={!can.allowed} data-testid="dues-use-delete">{t('dues.delete')}</Button>
            </Popconfirm>
          </Space>
        </Gate>
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex wrap align="center" gap={12}>
        <Gate can={can} t={t}>
          <Button type="primary" disabled={!can.allowed} onClick={() => setEditing('new')} data-testid="dues-use-add">{t('dues.uses.add')}</Button>
        </Gate>
        <Typography.Text data-testid="dues-uses-total">{t('dues.uses.total', { amount: yuanOf(view.totalFen) })}</Typography.Text>
      </Flex>
      <Spin spinning={uses.loading}>
        <Table<DuesUse> data-testid="dues-uses" rowKey="id" size="small" columns={columns} dataSource={view.items} pagination={false} scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('dues.uses.empty') }}
          onRow={(u) => ({ 'data-testid': 'dues-use-row', 'data-description': u.description } as React.HTMLAttributes<HTMLElement>)} />
      </Spin>
      {editing && (
        <UseModal key={editing === 'new' ? 'new' : editing.id} orgCode={orgCode} use={editing === 'new' ? null : editing} onClose={() => setEditing(null)}
          onSaved={() => { setEditing(null); message.success(t('dues.saved')); uses.reload(); }} />
      )}
    </Flex>
  );
}

function UseModal({ orgCode, use, onClose, onSaved }: { orgCode: string; use: DuesUse | null; onClose: () => void; onSaved: () => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const initial: Partial<Values> = use
    ? { purpose: use.purpose, description: use.description, usedOn: dayjs(use.usedOn), amountFen: yuanOf(use.amountFen) }
    : { usedOn: today() };

  const save = async (values: Values) => {
    const fields = { purpose: values.purpose, description: values.description.trim(), usedOn: isoDay(values.usedOn)!, amountFen: fenOf(values.amountFen)! };
    setSaving(true);
    setFailure(null);
    try {
      if (use) await api.patch<DuesUse>(`/api/dues/uses/${use.id}`, fields satisfies DuesUsePatch);
      else await api.post<DuesUse>('/api/dues/uses', { orgCode, ...fields } satisfies DuesUseBody);
      onSaved();
    } catch (error) {
      setFailure(showServerErrors(form, error, ['purpose', 'description', 'usedOn', 'amountFen']));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={t(use ? 'dues.uses.title.edit' : 'dues.uses.title.new')} onCancel={onClose} onOk={() => form.submit()} okText={t('dues.payment.save')}
      confirmLoading={saving} okButtonProps={{ 'data-testid': 'dues-use-save' } as ButtonProps}>
      <Form form={form} layout="vertical" onFinish={save} initialValues={initial} data-testid="dues-use-form">
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="dues-use-error" />}
        <Form.Item name="purpose" label={t('dues.uses.col.purpose')} rules={[{ required: true, message: t('dues.uses.pickPurpose') }]}>
          <Select placeholder={t('dues.uses.pickPurpose')} options={usePurposes.map((p) => ({ value: p, label: usePurposeLabels[p][lang] }))} data-testid="dues-use-purpose" />
        </Form.Item>
        <Form.Item name="description" label={t('dues.uses.col.description')} rules={[{ required: true, whitespace: true, message: t('dues.uses.required') }]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} placeholder={t('dues.uses.descriptionHint')} data-testid="dues-use-description" />
        </Form.Item>
        <Form.Item name="usedOn" label={t('dues.uses.col.usedOn')} rules={[{ required: true }]}>
          <DatePicker disabledDate={disabledDate()} allowClear={false} style={{ width: '100%' }} data-testid="dues-use-date" />
        </Form.Item>
        <Form.Item name="amountFen" label={t('dues.uses.col.amount')}
          rules={[{ validator: (_, v: string | undefined) => (fenOf(v ?? '') ? Promise.resolve() : Promise.reject(new Error(t('dues.badAmount')))) }]}>
          <Input inputMode="decimal" data-testid="dues-use-amount" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
