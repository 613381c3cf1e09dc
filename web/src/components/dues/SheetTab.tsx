import { Alert, App, Button, Card, Flex, Popconfirm, Skeleton, Space, Spin, Statistic, Table, Tag, Typography, type ButtonProps, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import type { DuesPayment, DuesPaymentsBody, DuesSheet, DuesSheetRow } from '../../contracts.js';
import { chinaToday } from '../../format.js';
import { useI18n, type Translate } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';
import { ApiFailure } from '../ApiFailure.js';
import { Gate } from './Gate.js';
import { PaymentModal, type PaymentTarget } from './PaymentModal.js';
import { rowProblems, yuanOf } from './money.js';

/** A flagged run of months unpaid (six or more) is only shown, never acted on (rules.md §1.4). */
function Behind({ row, t }: { row: DuesSheetRow; t: Translate }) {
  if (row.monthsBehind === 0) return null;
  return <Tag color={row.flagged ? 'red' : 'default'} data-testid="dues-behind">{t('dues.behind', { count: row.monthsBehind })}</Tag>;
}

/** 收缴登记: one branch's members in a month like the paper register, with quick and batch payments. */
export function SheetTab({ orgCode, month, compact }: { orgCode: string; month: string; compact: boolean }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const sheet = useApi(`${orgCode}|${month}|${lang}`, (signal) => api.get<DuesSheet>('/api/dues/sheet', { org: orgCode, month }, { signal }));
  const [selected, setSelected] = useState<string[]>([]);
  const [errors, setErrors] = useState<{ byPerson: Map<string, string[]>; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [target, setTarget] = useState<PaymentTarget | null>(null);

  if (sheet.error && !sheet.data) return <ApiFailure error={sheet.error} onRetry={sheet.reload} />;
  const view = sheet.data;
  if (!view) return <Skeleton active paragraph={{ rows: 6 }} />;
  const can = view.can.edit;

  const pay = async (rows: DuesSheetRow[]) => {
    const items = rows.map((r) => ({ personId: r.person.id, month, amountFen: r.monthlyFen!, paidOn: chinaToday() }));
    setBusy(true);
    try {
      const body: DuesPaymentsBody = { orgCode, items };
      await api.post('/api/dues/payments', body);
      setErrors(null);
      setSelected([]);
      message.success(t('dues.paid', { count: items.length }));
      sheet.reload();
    } catch (error) {
      const { byRow, message: whole } = rowProblems(error);
      const byPerson = new Map([...byRow].map(([i, problems]) => [rows[i]!.person.id, problems.map((p) => p.message)]));
      setErrors({ byPerson, message: whole });
    } finally {
      setBusy(false);
    }
  };
  const remove = async (payment: DuesPayment) => {
    try {
      await api.delete(`/api/dues/payments/${payment.id}`);
      message.success(t('dues.deleted'));
      sheet.reload();
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };
  const payable = (r: DuesSheetRow) => !r.payment && r.monthlyFen !== null && r.monthlyFen > 0;

  const columns: TableColumnsType<DuesSheetRow> = [
    {
      key: 'member', title: t('dues.col.member'),
      render: (_, r) => (
        <Flex vertical gap={2}>
          <Space size={4} wrap><span>{r.person.name}</span>{compact && <Behind row={r} t={t} />}</Space>
          {errors?.byPerson.get(r.person.id)?.map((m) => <Typography.Text key={m} type="danger" data-testid="dues-row-error">{m}</Typography.Text>)}
        </Flex>
      ),
    },
    {
      key: 'monthly', title: t('dues.col.monthly'), align: 'right',
      render: (_, r) => (r.monthlyFen === null ? <Typography.Text type="secondary">{t('dues.noBase')}</Typography.Text> : <span data-testid="dues-monthly">{yuanOf(r.monthlyFen)}</span>),
    },
    {
      key: 'paid', title: t('dues.col.paid'),
      render: (_, r) => (r.payment ? (
        <Flex vertical data-testid="dues-payment">
          <span>{yuanOf(r.payment.amountFen)} · {r.payment.paidOn}</span>
          {r.payment.paidBy && <Typography.Text type="secondary">{t('dues.paidBy', { name: r.payment.paidBy })}</Typography.Text>}
          {r.payment.note && <Typography.Text type="secondary">{r.payment.note}</Typography.Text>}
        </Flex>
      ) : <Typography.Text type="secondary">{t('dues.unpaid')}</Typography.Text>),
    },
    ...(compact ? [] : [{ key: 'behind', title: t('dues.col.behind'), render: (_: unknown, r: DuesSheetRow) => <Behind row={r} t={t} /> }]),
    {
      key: 'actions', title: t('dues.col.actions'),
      render: (_, r) => (
        <Gate can={can} t={t}>
          <Space size={0} wrap>
            {r.payment ? (
              <>
                <Button type="link" size="small" disabled={!can.allowed} onClick={() => setTarget({ row: r, payment: r.payment })} data-testid="dues-edit">{t('dues.edit')}</Button>
                <Popconfirm title={t('dues.deleteConfirm', { name: r.person.name, month })} onConfirm={() => remove(r.payment!)} disabled={!can.allowed}
                  okButtonProps={{ 'data-testid': 'dues-delete-confirm' } as ButtonProps}>
                  <Button type="link" size="small" danger disabled={!can.allowed} data-testid="dues-delete">{t('dues.delete')}</Button>
                </Popconfirm>
              </>
            ) : (
              <>
                <Button type="link" size="small" disabled={!can.allowed || !payable(r) || busy} onClick={() => pay([r])} data-testid="dues-quick-pay">{t('dues.quickPay')}</Button>
                <Button type="link" size="small" disabled={!can.allowed} onClick={() => setTarget({ row: r, payment: null })} data-testid="dues-pay">{t('dues.pay')}</Button>
              </>
            )}
          </Space>
        </Gate>
      ),
    },
  ];

  const { totals } = view;
  const chosen = view.items.filter((r) => selected.includes(r.person.id));
  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Flex wrap gap="8px 32px" data-testid="dues-totals">
          <Statistic title={t('dues.totals.expected')} value={yuanOf(totals.expectedFen)} data-testid="dues-total-expected" />
          <Statistic title={t('dues.totals.collected')} value={yuanOf(totals.collectedFen)} data-testid="dues-total-collected" />
          <Statistic title={t('dues.totals.members')} value={`${totals.membersPaid} / ${totals.members}`} data-testid="dues-total-members" />
        </Flex>
        {totals.withoutBase > 0 && <Typography.Text type="warning">{t('dues.totals.withoutBase', { count: totals.withoutBase })}</Typography.Text>}
      </Card>
      {errors && <Alert type="error" showIcon closable onClose={() => setErrors(null)} title={errors.message} data-testid="dues-sheet-error" />}
      <Flex wrap align="center" gap={8}>
        <Gate can={can} t={t}>
          <Button type="primary" disabled={!can.allowed || chosen.length === 0} loading={busy} onClick={() => pay(chosen)} data-testid="dues-batch-pay">
            {t('dues.batchPay')}{chosen.length > 0 ? ` (${chosen.length})` : ''}
          </Button>
        </Gate>
        <Typography.Text type="secondary">{t('dues.batchHint')}</Typography.Text>
      </Flex>
      <Spin spinning={sheet.loading}>
        <Table<DuesSheetRow>
          data-testid="dues-sheet"
          rowKey={(r) => r.person.id}
          size="small"
          columns={columns}
          dataSource={view.items}
          pagination={false}
          locale={{ emptyText: t('dues.empty') }}
          onRow={(r) => ({ 'data-testid': 'dues-row', 'data-person': r.person.name } as React.HTMLAttributes<HTMLElement>)}
          rowSelection={can.allowed ? {
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys.map(String)),
            getCheckboxProps: (r) => ({ disabled: !payable(r), 'data-testid': 'dues-select' } as object),
          } : undefined}
        />
      </Spin>
      <PaymentModal target={target} orgCode={orgCode} month={month} onClose={() => setTarget(null)}
        onSaved={() => { setTarget(null); message.success(t('dues.saved')); sheet.reload(); }} />
    </Flex>
  );
}
