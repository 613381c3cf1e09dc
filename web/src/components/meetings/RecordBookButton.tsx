import { DownloadOutlined } from '@ant-design/icons';
import { App } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSession } from '../../session.js';
import { GatedButton } from '../members/transfers/GatedButton.js';
import type { MeetingFilters } from './filters.js';

/**
 * 导出会议记录簿: the held meetings the list shows (its organization and those below, its kind and dates)
 * as the workbook a branch keeps. Without an organization chosen, the user's own when they hold posts in
 * one only; otherwise they are asked to choose.
 */
export function RecordBookButton({ filters }: { filters: MeetingFilters }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { user } = useSession();
  const [busy, setBusy] = useState(false);
  const own = [...new Set(user?.posts.map((p) => p.orgCode) ?? [])];
  const org = filters.org ?? (own.length === 1 ? own[0] : undefined);

  const exportBook = async () => {
    const query = new URLSearchParams({ org: org!, subtree: 'true' });
    if (filters.kind) query.set('kind', filters.kind);
    if (filters.from) query.set('from', filters.from);
    if (filters.to) query.set('to', filters.to);
    setBusy(true);
    try {
      await api.download(`/api/meetings/record-book.xlsx?${query.toString()}`, `${t('recordBook.export')}.xlsx`);
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <GatedButton icon={<DownloadOutlined />} reason={org ? null : t('recordBook.needOrg')} loading={busy} onClick={() => void exportBook()}
      title={org ? t('recordBook.hint') : undefined} data-testid="record-book-export">
      {t('recordBook.export')}
    </GatedButton>
  );
}
