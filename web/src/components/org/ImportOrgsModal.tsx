import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Flex, Modal, Steps, Typography } from 'antd';
import { useRef, useState } from 'react';
import { api, ApiError } from '../../api.js';
import type { ImportBody, ImportReportView } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { readBase64 } from '../../readFile.js';
import { ImportReportTable, ImportSummary } from './ImportReportTable.js';

/** The server takes at most 8 MiB of base64, which is 6 MiB of file. */
const maxMegabytes = 8;
const templateName = '党组织导入模板.xlsx';

function problemText(error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const details = error.fields.map((f) => f.message).filter((m) => m !== error.message);
  return [error.message, ...details].join(' ');
}

/** Import organizations from a table: download the template, check a file, then write it when every row passes. */
export function ImportOrgsModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<Omit<ImportBody, 'commit'> | null>(null);
  const [report, setReport] = useState<ImportReportView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'template' | 'check' | 'commit' | null>(null);

  const reset = () => {
    setFile(null);
    setReport(null);
    setError(null);
    setBusy(null);
  };

  const downloadTemplate = async () => {
    setBusy('template');
    try {
      await api.download('/api/organizations/import-template', templateName);
    } catch (e) {
      message.error(problemText(e));
    } finally {
      setBusy(null);
    }
  };

  const check = async (chosen: File) => {
    reset();
    if (!/\.(xlsx|csv)$/i.test(chosen.name)) return setError(t('import.badExtension'));
    if (chosen.size > maxMegabytes * 1024 * 1024) return setError(t('import.tooLarge', { size: maxMegabytes }));
    if (chosen.size === 0) return setError(t('import.noRows'));
    setBusy('check');
    try {
      const content = await readBase64(chosen).catch(() => { throw new Error(t('import.readFailed')); });
      const body = { fileName: chosen.name, content };
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
                <Button icon={<DownloadOutlined />} loading={busy === 'template'} onClick={downloadTemplate} data-testid="import-template">
                  {t('import.step.template')}
                </Button>
              </Flex>
            ),
          },
          {
            title: t('import.step.file'),
            content: (
              <Flex vertical gap={4} align="start" style={{ paddingBlock: 4 }}>
                <Typography.Text type="secondary">{t('import.step.fileHint', { size: maxMegabytes })}</Typography.Text>
                <Flex wrap align="center" gap={8}>
                  <Button icon={<UploadOutlined />} loading={busy === 'check'} onClick={() => input.current?.click()} data-testid="import-choose">
                    {file ? t('import.chooseAgain') : t('import.chooseFile')}
                  </Button>
                  {busy === 'check' ? <Typography.Text type="secondary">{t('import.checking')}</Typography.Text>
                    : file && <Typography.Text>{file.fileName}</Typography.Text>}
                </Flex>
                <input
                  ref={input}
                  type="file"
                  accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                  hidden
                  data-testid="import-file-input"
                  onChange={(e) => {
                    const chosen = e.target.files?.[0];
                    // Cleared, so choosing the same (corrected) file again still fires.
                    e.target.value = '';
                    if (chosen) void check(chosen);
                  }}
                />
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
