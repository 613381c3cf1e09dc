import { Button, Card, Table, Typography, type TableColumnsType } from 'antd';
import type { ComplianceRollup } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { cellStyles } from './labels.js';

const figure = (value: number, color: string) => <span style={{ color: value > 0 ? color : undefined }}>{value.toLocaleString('zh-CN')}</span>;

/**
 * Subjects and cells per direct child of the organization shown; a row drills into its child.
 * Subjects directly under the organization itself (a branch viewed alone) make a row that stays put.
 */
export function RollupTable({ items, self, onPick }: { items: ComplianceRollup[]; self: string; onPick: (code: string) => void }) {
  const { t } = useI18n();
  const columns: TableColumnsType<ComplianceRollup> = [
    {
      title: t('compliance.col.org'), dataIndex: 'name', ellipsis: true,
      render: (name: string, row) => row.code === self ? name : (
        <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
          data-testid={`compliance-child-${row.code}`}>
          {name}
        </Button>
      ),
    },
    { title: t('compliance.col.subjects'), dataIndex: 'subjects', align: 'right', width: 64 },
    {
      title: t('compliance.col.overdue'), dataIndex: 'overdue', align: 'right', width: 80, defaultSortOrder: 'descend',
      sorter: (a, b) => a.overdue - b.overdue, render: (v: number) => figure(v, cellStyles.overdue.color),
    },
    { title: t('compliance.col.due'), dataIndex: 'due', align: 'right', width: 80, sorter: (a, b) => a.due - b.due, render: (v: number) => figure(v, cellStyles.due.color) },
    { title: t('compliance.col.done'), dataIndex: 'done', align: 'right', width: 80, sorter: (a, b) => a.done - b.done, render: (v: number) => figure(v, cellStyles.done.color) },
  ];
  return (
    <Card size="small" title={t('compliance.rollup')} extra={<Typography.Text type="secondary">{t('compliance.rollupHint')}</Typography.Text>}>
      <Table<ComplianceRollup>
        data-testid="compliance-rollup"
        rowKey="code"
        columns={columns}
        dataSource={items}
        size="small"
        pagination={false}
        scroll={{ x: 'max-content', y: 300 }}
        onRow={(row) => row.code === self ? {} : { onClick: () => onPick(row.code), style: { cursor: 'pointer' } }}
      />
    </Card>
  );
}
