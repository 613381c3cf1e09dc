import { Alert, App as AntApp, Button, Flex, Modal, Steps, Typography } from 'antd';
import type { ImportReportView } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { FileChooser, MAX_IMPORT_MEGABYTES, TemplateButton } from '../import/ImportFile.js';
import { useImportFlow } from '../import/useImportFlow.js';
import { ImportReportTable, ImportSummary } from './ImportReportTable.js';

/** Import organizations from a table: download the template, check a file, then write it when every row passes. */
export function ImportOrgsModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const { file, report, error, busy, choose, commit: write, reset } = useImportFlow<ImportReportView>('/api/organizations/import');

  const commit = async () => {
    const result = await write();
    if (!result?.committed) return;
    message.success(t('import.done', { count: result.valid }));
    onDone();
  };

  const ready = report !== null && report.rows.length > 0 && report.invalid === 0 && !report.committed;

  return (
    <Modal
      open={open}
      title={t('import.button')}
      width={{ xs: '100%', md: 880 }}
      onCancel={onClose}
      afterClose={reset}
      destroyOnHidden
      mask={{ closable: false }}
      footer={[
        <Button key="close" onClick={onClose}>{t('common.close')}</Button>,
        <Button key="commit" type="primary" disabled={!ready} loading={busy === 'commit'} onClick={commit} data-testid="import-commit">
          {t('import.commit')}
        </Button>,
      ]}
    >
      <Steps
        orientation="vertical"
        size="small"
        current={report ? 2 : 1}
        status={error || (report && (report.invalid > 0 || report.rows.length === 0)) ? 'error' : 'process'}
        items={[
          {
            title: t('import.step.template'),
            content: (
              <Flex vertical gap={4} align="start" style={{ paddingBlock: 4 }}>
                <Typography.Text type="secondary">{t('import.step.templateHint')}</Typography.Text>
                <TemplateButton url="/api/organizations/import-template" fileName="党组织导入模板.xlsx" />
              </Flex>
            ),
          },
          {
            title: t('import.step.file'),
            content: (
              <Flex vertical gap={4} align="start" style={{ paddingBlock: 4 }}>
                <Typography.Text type="secondary">{t('import.step.fileHint', { size: MAX_IMPORT_MEGABYTES })}</Typography.Text>
                <FileChooser chosen={file?.fileName} checking={busy === 'check'} onChoose={(chosen) => void choose(chosen)} />
              </Flex>
            ),
          },
          { title: t('import.step.check'), content: report && <div style={{ paddingBlock: 4 }}><ImportSummary report={report} /></div> },
        ]}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBlock: 8 }} data-testid="import-error" />}
      {report && report.rows.length > 0 && <ImportReportTable report={report} />}
    </Modal>
  );
}
