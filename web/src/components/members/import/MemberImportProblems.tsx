import { Empty, Flex, Segmented, Table, Tag, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import type { MemberImportReportView } from '../../../../../src/modules/members/import-contracts.js';
import { useI18n } from '../../../i18n/I18nProvider.js';

type Problem = MemberImportReportView['problems'][number] & { key: number };
type Shown = 'all' | Problem['severity'];

/** Every problem of a checked file by row and column, errors and warnings apart, a page at a time (a file may have thousands). */
export function MemberImportProblems({ report }: { report: MemberImportReportView }) {
  const { t } = useI18n();
  const [shown, setShown] = useState<Shown>(report.errors > 0 ? 'error' : 'all');
  const problems = useMemo(() => report.problems.map((p, key) => ({ ...p, key })), [report]);
  const rows = shown === 'all' ? problems : problems.filter((p) => p.severity === shown);
  if (problems.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('memberImport.noProblems')} />;

  const columns: TableColumnsType<Problem> = [
    { key: 'row', title: t('memberImport.column.row'), dataIndex: 'rowNumber', width: 72 },
    { key: 'column', title: t('memberImport.column.column'), dataIndex: 'column', width: 120 },
    { key: 'value', title: t('memberImport.column.value'), dataIndex: 'value', width: 180, responsive: ['md'], render: (value: string) => <span style={{ wordBreak: 'break-all' }}>{value}</span> },
    {
      key: 'severity', title: t('memberImport.column.severity'), dataIndex: 'severity', width: 72,
      render: (severity: Problem['severity']) => <Tag color={severity === 'error' ? 'red' : 'gold'}>{t(`memberImport.severity.${severity}`)}</Tag>,
    },
    { key: 'message', title: t('memberImport.column.message'), dataIndex: 'message' },
  ];
  const options = [
    { value: 'all' as const, label: t('memberImport.filter.all', { count: problems.length }) },
    { value: 'error' as const, label: t('memberImport.filter.error', { count: report.errors }) },
    { value: 'warning' as const, label: t('memberImport.filter.warning', { count: report.warnings }) },
  ];
  return (
    <Flex vertical gap={8}>
      <Segmented<Shown> options={options} value={shown} onChange={setShown} data-testid="import-problem-filter" />
      <Table<Problem>
        data-testid="import-problems"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (total) => t('memberImport.problemsTotal', { total }) }}
      />
    </Flex>
  );
}
