import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { MemberImportReportView } from '../../../../../src/modules/members/import-contracts.js';
import { useI18n } from '../../../i18n/I18nProvider.js';

/** What an import wrote, and where to go next. */
export function MemberImportDone({ report, onAgain }: { report: MemberImportReportView; onAgain: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="success"
      title={t('memberImport.done', { rows: report.rows })}
      subTitle={t('memberImport.doneDetail', { created: report.created, updated: report.updated, transferred: report.transferred, warnings: report.warnings })}
      data-testid="import-done"
      extra={[
        <Button key="list" type="primary" onClick={() => navigate('/members')} data-testid="import-to-list">{t('memberImport.toList')}</Button>,
        <Button key="again" onClick={onAgain}>{t('memberImport.again')}</Button>,
      ]}
    />
  );
}
