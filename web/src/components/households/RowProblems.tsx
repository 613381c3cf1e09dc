import { Empty, Table, type TableColumnsType } from 'antd';
import { useI18n } from '../../i18n/I18nProvider.js';

export interface RowProblem { rowNumber: number; column: string; value: string; message: string }

/** An import's problems by row and column, a page at a time. */
export function RowProblems({ problems }: { problems: readonly RowProblem[] }) {
  const { t } = useI18n();
  if (problems.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rowProblems.none')} />;
  const columns: TableColumnsType<RowProblem & { key: number }> = [
    { key: 'row', title: t('rowProblems.row'), dataIndex: 'rowNumber', width: 64 },
    { key: 'column', title: t('rowProblems.column'), dataIndex: 'column', width: 100 },
    { key: 'value', title: t('rowProblems.value'), dataIndex: 'value', width: 160, responsive: ['md'], render: (value: string) => <span style={{ wordBreak: 'break-all' }}>{value}</span> },
    { key: 'message', title: t('rowProblems.message'), dataIndex: 'message' },
  ];
  return (
    <Table data-testid="import-problems" size="small" columns={columns} dataSource={problems.map((p, key) => ({ ...p, key }))}
      pagination={{ defaultPageSize: 20, hideOnSinglePage: true }} />
  );
}
