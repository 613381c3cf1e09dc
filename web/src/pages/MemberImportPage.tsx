import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Steps, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { MemberImportReportView } from '../../../src/modules/members/import-contracts.js';
import { FileChooser, MAX_IMPORT_MEGABYTES, TemplateButton } from '../components/import/ImportFile.js';
import { useImportFlow } from '../components/import/useImportFlow.js';
import { MemberImportDone } from '../components/members/import/MemberImportDone.js';
import { MemberImportProblems } from '../components/members/import/MemberImportProblems.js';
import { MemberImportSummary } from '../components/members/import/MemberImportSummary.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useUser } from '../session.js';

/** 导入党员信息: choose a file, see every problem by row and column, then write it all when nothing is wrong. */
export default function MemberImportPage() {
  const { t } = useI18n();
  const allowed = useUser().abilities.includes('member.manage');
  const flow = useImportFlow<MemberImportReportView>('/api/members/import');
  const { file, report, error, busy, round } = flow;
  // Not written: something changed since the check (a person registered meanwhile); its problems show instead.
  const [changed, setChanged] = useState(false);

  const reset = () => {
    flow.reset();
    setChanged(false);
  };

  const choose = async (chosen: File) => {
    setChanged(false);
    await flow.choose(chosen);
  };

  const commit = async () => {
    const result = await flow.commit();
    setChanged(result !== null && !result.committed);
  };

  const done = report?.committed === true;
  const step = done ? 2 : report ? 1 : 0;
  const blocked = report !== null && report.errors > 0;
  const commitButton = (
    <Button type="primary" disabled={blocked} loading={busy === 'commit'} onClick={commit} data-testid="import-commit">
      {t('memberImport.commit', { rows: report?.rows ?? 0 })}
    </Button>
  );

  return (
    <Flex vertical gap={12}>
      <Flex wrap align="baseline" gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="member-import-title">{t('memberImport.title')}</Typography.Title>
        <Link to="/members"><ArrowLeftOutlined /> {t('memberImport.back')}</Link>
      </Flex>
      {!allowed && <Alert type="warning" showIcon title={t('memberImport.noAbility')} data-testid="import-not-allowed" />}
      <Card size="small">
        <Steps
          size="small"
          current={step}
          status={error || blocked ? 'error' : done ? 'finish' : 'process'}
          items={[{ title: t('memberImport.step.file') }, { title: t('memberImport.step.check') }, { title: t('memberImport.step.done') }]}
        />
      </Card>
      {done ? <Card><MemberImportDone report={report} onAgain={reset} /></Card> : (
        <>
          <Card size="small">
            <Flex vertical gap={8} align="start">
              <Typography.Text type="secondary">{t('memberImport.templateHint')}</Typography.Text>
              <TemplateButton url="/api/members/import-template" fileName="党员信息导入模板.xlsx" disabled={!allowed} />
              <Typography.Text type="secondary">{t('memberImport.fileHint', { size: MAX_IMPORT_MEGABYTES })}</Typography.Text>
              <FileChooser chosen={file?.fileName} checking={busy === 'check'} disabled={!allowed || busy === 'commit'} onChoose={(chosen) => void choose(chosen)} />
            </Flex>
          </Card>
          {error && <Alert type="error" showIcon title={error} data-testid="import-error" />}
          {changed && <Alert type="warning" showIcon title={t('memberImport.changed')} />}
          {report && (
            <Card size="small">
              <Flex vertical gap={12}>
                <MemberImportSummary report={report} />
                <MemberImportProblems key={round} report={report} />
                <Flex justify="end">
                  {blocked ? <Tooltip title={t('memberImport.commitBlocked')}><span>{commitButton}</span></Tooltip> : commitButton}
                </Flex>
              </Flex>
            </Card>
          )}
        </>
      )}
    </Flex>
  );
}
