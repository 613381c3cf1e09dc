import { Alert, App as AntApp, Button, Flex, Modal, Steps, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import type { ImportBody, ImportReportView } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { FileChooser, MAX_IMPORT_MEGABYTES, problemText, readImportFile, TemplateButton, type ChosenFile } from '../import/ImportFile.js';
import { ImportReportTable, ImportSummary } from './ImportReportTable.js';

/** Import organizations from a table: download the template, check a file, then write it when every row passes. */
export function ImportOrgsModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [report, setReport] = useState<ImportReportView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'check' | 'commit' | null>(null);

  const reset = () => {
    setFile(null);
    setReport(null);
    setError(null);
    setBusy(null);
  };

  const check = async (chosen: File) => {
    reset();
    setBusy('check');
    try {
      const body = await readImportFile(chosen, t);
      setFile(body);
      setReport(await api.post<ImportReportView>('/api/organizations/import', { ...body, commit: false } satisfies ImportBody));
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(null);
    }
  };

  const commit = async () => {
    if (!file) return;
    setBusy('commit');
    setError(null);
    try {
      const result = await api.post<ImportReportView>('/api/organizations/import', { ...file, commit: true } satisfies ImportBody);
      if (result.committed) {
        message.success(t('import.done', { count: result.valid }));
        onDone();
      } else {
        // Something changed since the check (e.g. a code was taken meanwhile): show the new problems.
        setReport(result);
      }
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(null);
    }
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
                <FileChooser chosen={file?.fileName} checking={busy === 'check'} onChoose={(chosen) => void check(chosen)} />
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
