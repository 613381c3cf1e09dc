import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Flex, Typography } from 'antd';
import { useRef, useState } from 'react';
import { api, ApiError } from '../../api.js';
import type { ImportBody } from '../../contracts.js';
import { useI18n, type Translate } from '../../i18n/I18nProvider.js';
import { readBase64 } from '../../readFile.js';

/** What every import endpoint takes besides `commit`. */
export type ChosenFile = Omit<ImportBody, 'commit'>;

/** The server takes at most 8 MiB of file, sent as base64. */
export const MAX_IMPORT_MEGABYTES = 8;

/** A failure as one line: the server's message and any field problems that add to it. */
export function problemText(error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const details = error.fields.map((f) => f.message).filter((m) => m !== error.message);
  return [error.message, ...details].join(' ');
}

/** Refuses what the server would refuse anyway (type, size, emptiness), then reads the file for upload. */
export async function readImportFile(file: File, t: Translate): Promise<ChosenFile> {
  if (!/\.(xlsx|csv)$/i.test(file.name)) throw new Error(t('import.badExtension'));
  if (file.size > MAX_IMPORT_MEGABYTES * 1024 * 1024) throw new Error(t('import.tooLarge', { size: MAX_IMPORT_MEGABYTES }));
  if (file.size === 0) throw new Error(t('import.noRows'));
  const content = await readBase64(file).catch(() => {
    throw new Error(t('import.readFailed'));
  });
  return { fileName: file.name, content };
}

/** Downloads an import template; a failure shows as a message. */
export function TemplateButton({ url, fileName, disabled }: { url: string; fileName: string; disabled?: boolean }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await api.download(url, fileName);
    } catch (e) {
      message.error(problemText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} disabled={disabled} onClick={download} data-testid="import-template">
      {t('import.step.template')}
    </Button>
  );
}

/** Chooses a file (.xlsx or .csv) and shows its name, or that it is being checked. */
export function FileChooser({ chosen, checking, disabled, onChoose }: { chosen?: string; checking: boolean; disabled?: boolean; onChoose: (file: File) => void }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  return (
    <Flex wrap align="center" gap={8}>
      <Button icon={<UploadOutlined />} loading={checking} disabled={disabled} onClick={() => input.current?.click()} data-testid="import-choose">
        {chosen ? t('import.chooseAgain') : t('import.chooseFile')}
      </Button>
      {checking ? <Typography.Text type="secondary">{t('import.checking')}</Typography.Text>
        : chosen && <Typography.Text data-testid="import-file-name">{chosen}</Typography.Text>}
      <input
        ref={input}
        type="file"
        accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        hidden
        data-testid="import-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared, so choosing the same (corrected) file again still fires.
          e.target.value = '';
          if (file) onChoose(file);
        }}
      />
    </Flex>
  );
}
