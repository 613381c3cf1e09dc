import { Alert, Button, Card, Flex, Tooltip, Typography } from 'antd';
import { useEffect } from 'react';
import type { CalendarImportReport } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { FileChooser, TemplateButton } from '../import/ImportFile.js';
import { useImportFlow } from '../import/useImportFlow.js';
import { RowProblems } from '../households/RowProblems.js';

/** Importing a year's calendar from a file: checked first with every problem by row, then the year replaced. */
export function CalendarImport({ year, onImported }: { year: number; onImported: () => void }) {
  const { t } = useI18n();
  const flow = useImportFlow<CalendarImportReport>(`/api/calendar/${year}/import`);
  const { file, report, error, busy } = flow;
  const committed = report?.committed === true;
  useEffect(() => {
    if (committed) onImported();
  }, [committed, onImported]);
  const blocked = report !== null && report.errors > 0;
  const commit = (
    <Button type="primary" disabled={blocked} loading={busy === 'commit'} onClick={() => void flow.commit()} data-testid="calendar-import-commit">
      {t('calendar.importCommit', { rows: report?.rows ?? 0 })}
    </Button>
  );
  return (
    <Card size="small" title={t('calendar.import')}>
      <Flex vertical gap={8} align="stretch">
        <Typography.Text type="secondary">{t('calendar.importHint')}</Typography.Text>
        <Flex wrap gap={8}>
          <TemplateButton url="/api/calendar/template.xlsx" fileName="工作日历导入模板.xlsx" />
          <FileChooser chosen={file?.fileName} checking={busy === 'check'} disabled={busy === 'commit'} onChoose={(chosen) => void flow.choose(chosen)} />
        </Flex>
        {error && <Alert type="error" showIcon title={error} data-testid="import-error" />}
        {committed && <Alert type="success" showIcon title={t('calendar.imported')} data-testid="calendar-imported" />}
        {report && !committed && (
          <>
            <RowProblems problems={report.problems} />
            <Flex justify="end">{blocked ? <Tooltip title={t('households.import.blocked')}><span>{commit}</span></Tooltip> : commit}</Flex>
          </>
        )}
      </Flex>
    </Card>
  );
}
