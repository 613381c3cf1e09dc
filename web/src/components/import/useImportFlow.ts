import { useState } from 'react';
import { api } from '../../api.js';
import type { ImportBody } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { problemText, readImportFile, type ChosenFile } from './ImportFile.js';

/**
 * The state of an import against one route: a file chosen and checked without writing, then
 * written on request. Shared by every import in the app; each shows its own report.
 */
export function useImportFlow<R extends { committed: boolean }>(url: string) {
  const { t } = useI18n();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [report, setReport] = useState<R | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'check' | 'commit' | null>(null);
  /** How many reports have come back, so that a view can start afresh on each. */
  const [round, setRound] = useState(0);

  const send = async (body: ChosenFile, commit: boolean) => {
    const result = await api.post<R>(url, { ...body, commit } satisfies ImportBody);
    setReport(result);
    setRound((r) => r + 1);
    return result;
  };

  const reset = () => {
    setFile(null);
    setReport(null);
    setError(null);
    setBusy(null);
  };

  const choose = async (chosen: File) => {
    reset();
    setBusy('check');
    try {
      const body = await readImportFile(chosen, t);
      setFile(body);
      await send(body, false);
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(null);
    }
  };

  /** Writes the checked file; the report comes back either way (not written when something changed since the check). */
  const commit = async (): Promise<R | null> => {
    if (!file) return null;
    setBusy('commit');
    setError(null);
    try {
      return await send(file, true);
    } catch (e) {
      setError(problemText(e));
      return null;
    } finally {
      setBusy(null);
    }
  };

  return { file, report, error, busy, round, choose, commit, reset };
}
