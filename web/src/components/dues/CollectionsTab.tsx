import { App, Button, Flex, Skeleton, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import type { DuesCollections, DuesCollectionsBranch } from '../../contracts.js';
import { chinaToday } from '../../format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';
import { ApiFailure } from '../ApiFailure.js';
import { Gate } from './Gate.js';
import { yuanOf } from './money.js';
import { RemitModal, type RemitTarget } from './RemitModal.js';

type Figures = { expectedFen: number; collectedFen: number; remittedFen: number };
/** A table row: a branch, or the totals of all of them. */
type Row = { key: string; name: string; branch: DuesCollectionsBranch | null; cells: (Figures & { month: string })[]; totals: Figures };

/** 收缴汇总: every branch of the subtree by month (collected / due), with each month's remittance up. */
export function CollectionsTab({ orgCode, year, compact }: { orgCode: string; year: number; compact: boolean }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const view = useApi(`${orgCode}|${year}|${lang}`, (signal) => api.get<DuesCollections>('/api/dues/collections', { org: orgCode, year }, { signal }));
  const [target, setTarget] = useState<RemitTarget | null>(null);

  if (view.error && !view.data) return <ApiFailure error={view.error} onRetry={view.reload} />;
  const data = view.data;
  if (!data) return <Skeleton active paragraph={{ rows: 6 }} />;
  const thisMonth = chinaToday().slice(0, 7);

  const rows: Row[] = data.branches.map((b) => ({
    key: b.org.code, name: b.org.name, branch: b, totals: b.totals,
    cells: b.months.map((m) => ({ month: m.month, expectedFen: m.expectedFen, collectedFen: m.collectedFen, remittedFen: m.remittance?.amountFen ?? 0 })),
  }));
  const totalsRow: Row = { key: 'totals', name: t('dues.collections.allBranches'), branch: null, cells: data.totals.months, totals: data.totals.all };

  const cell = (row: Row, i: number) => {
    const c = row.cells[i]!;
    const branch = row.branch;
    const remittance = branch?.months[i]!.remittance ?? null;
    const open = (r: RemitTarget['remittance']) => branch && setTarget({ org: branch.org, month: c.month, collectedFen: c.collectedFen, remittance: r });
    return (
      <Flex vertical gap={2} data-testid="dues-cell" data-org={row.key} data-month={c.month}>
        <span style={{ whiteSpace: 'nowrap' }}>{yuanOf(c.collectedFen)} / {yuanOf(c.expectedFen)}</span>
        {branch === null ? (c.remittedFen > 0 && <Typography.Text type="success" style={{ whiteSpace: 'nowrap' }}>{t('dues.remittedAmount', { amount: yuanOf(c.remittedFen) })}</Typography.Text>)
          : remittance ? (
            <Gate can={branch.can.remit} t={t}>
              <Button type="link" size="small" style={{ padding: 0 }} disabled={!branch.can.remit.allowed} onClick={() => open(remittance)} data-testid="dues-remitted">
                {t('dues.remittedAmount', { amount: yuanOf(remittance.amountFen) })}
              </Button>
            </Gate>
          ) : c.collectedFen > 0 && c.month <= thisMonth && (
            <Gate can={branch.can.remit} t={t}>
              <Button size="small" disabled={!branch.can.remit.allowed} onClick={() => open(null)} data-testid="dues-remit">{t('dues.remit')}</Button>
            </Gate>
          )}
      </Flex>
    );
  };

  const columns: TableColumnsType<Row> = [
    { key: 'branch', title: t('dues.col.branch'), fixed: 'left', width: compact ? 110 : 180, render: (_, r) => (r.branch ? r.name : <strong>{r.name}</strong>) },
    ...data.months.map((m, i) => ({ key: m, title: t('dues.monthShort', { month: lang === 'zh' ? String(Number(m.slice(5))) : m }), width: 120, render: (_: unknown, r: Row) => cell(r, i) })),
    {
      key: 'total', title: t('dues.col.total'), width: 150,
      render: (_, r) => (
        <Flex vertical data-testid="dues-row-total">
          <span style={{ whiteSpace: 'nowrap' }}>{yuanOf(r.totals.collectedFen)} / {yuanOf(r.totals.expectedFen)}</span>
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{t('dues.remittedAmount', { amount: yuanOf(r.totals.remittedFen) })}</Typography.Text>
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">{t('dues.collections.hint')}</Typography.Text>
      <Spin spinning={view.loading}>
        <Table<Row>
          data-testid="dues-collections"
          rowKey="key"
          size="small"
          bordered
          columns={columns}
          dataSource={rows.length > 0 ? [...rows, totalsRow] : []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('dues.collections.empty') }}
          onRow={(r) => ({ 'data-testid': 'dues-collections-row', 'data-org': r.key } as React.HTMLAttributes<HTMLElement>)}
        />
      </Spin>
      <RemitModal target={target} onClose={() => setTarget(null)}
        onSaved={() => { setTarget(null); message.success(t('dues.remit.saved')); view.reload(); }} />
    </Flex>
  );
}
