import { Alert, Flex, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { ImportReportView, ImportRow } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/** One line of counts, with the encoding a CSV file was read in. */
export function ImportSummary({ report }: { report: ImportReportView }) {
  const { t, lang } = useI18n();
  const total = report.rows.length;
  let text = t('import.summary', { total, valid: report.valid, invalid: report.invalid });
  if (report.format === 'csv' && report.encoding) {
    text += (lang === 'zh' ? '；' : '; ') + t('import.encoding', { encoding: report.encoding.toUpperCase() });
  }
  const ok = total > 0 && report.invalid === 0;
  return (
    <Alert
      type={ok ? 'success' : 'warning'}
      showIcon
      title={text}
      description={total === 0 ? t('import.noRows') : ok ? t('import.allValid') : t('import.hasErrors')}
      data-testid="import-summary"
    />
  );
}

/** The rows of a checked file, each valid or with its problems. */
export function ImportReportTable({ report }: { report: ImportReportView }) {
  const { t, lang } = useI18n();
  const [onlyErrors, setOnlyErrors] = useState(false);
  const rows = onlyErrors ? report.rows.filter((r) => r.problems.length > 0) : report.rows;
  const sep = lang === 'zh' ? '：' : ': ';

  // The organization's name and code share a column, and the parent hides on phones, so the problems stay in view.
  const columns: TableColumnsType<ImportRow> = [
    { key: 'row', title: t('import.row'), dataIndex: 'rowNumber', width: 56 },
    {
      key: 'org', title: t('org.field.name'), width: '30%',
      render: (_, r) => (
        <Flex vertical gap={0}>
          <span>{r.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>{r.code}</Typography.Text>
        </Flex>
      ),
    },
    { key: 'parent', title: t('import.parentCode'), dataIndex: 'parentCode', width: 140, responsive: ['md'] },
    {
      key: 'result', title: t('import.result'),
      render: (_, r) => r.problems.length === 0 ? <Tag color="green">{t('import.ok')}</Tag> : (
        <Flex vertical gap={2} align="start">
          <Tag color="red">{t('import.error')}</Tag>
          <ul className="import-problems">
            {r.problems.map((p, i) => <li key={i}>{p.field}{sep}{p.message}</li>)}
          </ul>
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={8}>
      {report.invalid > 0 && (
        <Flex align="center" gap={8}>
          <Switch size="small" checked={onlyErrors} onChange={setOnlyErrors} data-testid="import-only-errors" />
          <span>{t('import.onlyErrors')}</span>
        </Flex>
      )}
      <Table<ImportRow>
        data-testid="import-rows"
        rowKey="rowNumber"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 10 ? { defaultPageSize: 10, showSizeChanger: true } : false}
      />
    </Flex>
  );
}
