import { Alert, Button, Card, Flex, Form, Typography } from 'antd';
import { useState } from 'react';
import type { HouseholdImportReport } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { OrgIndex } from '../../orgTree.js';
import { FileChooser, MAX_IMPORT_MEGABYTES, TemplateButton } from '../import/ImportFile.js';
import { useImportFlow } from '../import/useImportFlow.js';
import { notVillage } from '../diaries/villages.js';
import { OrgPicker } from '../org/OrgPicker.js';
import { RowProblems } from './RowProblems.js';
import { Refused } from '../Refused.js';

/** Importing a village's households: choose the village and a file, see every problem by row and column, then write it all. */
export function HouseholdImport({ index, village, allowed }: { index: OrgIndex; village?: string; allowed: boolean }) {
  const { t } = useI18n();
  // The page's village arrives once the organizations have loaded; a choice here overrides it.
  const [picked, setOrg] = useState<string>();
  const org = picked ?? village;
  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Flex vertical gap={8} align="stretch">
          <Typography.Text type="secondary">{t('households.import.hint')}</Typography.Text>
          <TemplateButton url="/api/households/template.xlsx" fileName="农户信息导入模板.xlsx" disabled={!allowed} />
          <Form.Item label={t('households.import.village')} style={{ marginBottom: 0, maxWidth: 420 }}>
            <OrgPicker index={index} isDisabled={notVillage} value={org} onChange={setOrg} id="household-import-org" />
          </Form.Item>
        </Flex>
      </Card>
      {/* A new village starts a new import: a report is about one village's file. */}
      {org ? <ImportFor key={org} org={org} allowed={allowed} /> : <Alert type="info" showIcon title={t('households.chooseVillage')} />}
    </Flex>
  );
}

function ImportFor({ org, allowed }: { org: string; allowed: boolean }) {
  const { t } = useI18n();
  const flow = useImportFlow<HouseholdImportReport>(`/api/households/import?org=${encodeURIComponent(org)}`);
  const { file, report, error, busy } = flow;
  const blocked = report !== null && report.errors > 0;
  const commit = (
    <Button type="primary" disabled={blocked} loading={busy === 'commit'} onClick={() => void flow.commit()} data-testid="import-commit">
      {t('households.import.commit', { households: report?.households ?? 0, rows: report?.rows ?? 0 })}
    </Button>
  );
  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Flex vertical gap={8} align="start">
          <Typography.Text type="secondary">{t('memberImport.fileHint', { size: MAX_IMPORT_MEGABYTES })}</Typography.Text>
          <FileChooser chosen={file?.fileName} checking={busy === 'check'} disabled={!allowed || busy === 'commit'} onChoose={(chosen) => void flow.choose(chosen)} />
        </Flex>
      </Card>
      {error && <Alert type="error" showIcon title={error} data-testid="import-error" />}
      {report?.committed && <Alert type="success" showIcon title={t('households.import.done', { created: report.created, updated: report.updated })} data-testid="import-done" />}
      {report && !report.committed && (
        <Card size="small">
          <Flex vertical gap={12}>
            <Typography.Text data-testid="import-summary">{t('households.import.summary', { rows: report.rows, households: report.households, created: report.created, updated: report.updated, errors: report.errors })}</Typography.Text>
            <RowProblems problems={report.problems} />
            <Flex justify="end"><Refused reason={blocked ? t('households.import.blocked') : null}>{commit}</Refused></Flex>
          </Flex>
        </Card>
      )}
    </Flex>
  );
}
