import { Alert, Card, Col, Flex, Row, Statistic, Tag } from 'antd';
import type { MemberImportReportView } from '../../../../../src/modules/members/import-contracts.js';
import { useI18n } from '../../../i18n/I18nProvider.js';

/** The file as read (format, encoding) and the counts of a checked member file, with what they mean for importing it. */
export function MemberImportSummary({ report }: { report: MemberImportReportView }) {
  const { t } = useI18n();
  const format = report.format === 'xlsx'
    ? t('memberImport.format.xlsx')
    : t('memberImport.format.csv', { encoding: (report.encoding ?? '').toUpperCase() });
  const figures = [
    ['rows', report.rows], ['created', report.created], ['updated', report.updated], ['transferred', report.transferred],
    ['errors', report.errors], ['warnings', report.warnings],
  ] as const;
  const ok = report.errors === 0;
  return (
    <Flex vertical gap={12} data-testid="import-summary">
      <div><Tag data-testid="import-format">{format}</Tag></div>
      <Row gutter={[12, 12]}>
        {figures.map(([key, value]) => (
          <Col key={key} xs={12} sm={8} lg={4}>
            <Card size="small" style={{ height: '100%' }} data-testid={`import-count-${key}`}>
              <Statistic
                title={t(`memberImport.${key}`)}
                value={value}
                styles={{ content: key === 'errors' && value > 0 ? { color: '#cf1322' } : key === 'warnings' && value > 0 ? { color: '#d48806' } : undefined }}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Alert
        type={ok ? 'success' : 'error'}
        showIcon
        title={ok ? t('memberImport.allValid') : t('memberImport.hasErrors', { errors: report.errors, rows: report.rowsWithErrors })}
        data-testid="import-verdict"
      />
    </Flex>
  );
}
