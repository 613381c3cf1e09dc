import { CopyOutlined, FileWordOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import type { BasicSituation } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';
import { ApiFailure } from '../ApiFailure.js';

/** The Clipboard API exists only in secure contexts; a county intranet often serves plain HTTP. */
async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const done = document.execCommand('copy');
  area.remove();
  if (!done) throw new Error('copy refused');
}

/** The paragraph every work summary opens with, written by the server in the page's language. */
export function BasicSituationCard({ org, asOf }: { org: string; asOf: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [downloading, setDownloading] = useState(false);
  const query = { org, asOf, lang };
  const { data, error, reload } = useApi(`${org}|${asOf}|${lang}`, (signal) =>
    api.get<BasicSituation>('/api/statistics/basic-situation', query, { signal }));

  const copy = () => {
    if (data) copyText(data.text).then(() => message.success(t('stats.copied')), () => message.error(t('stats.copyFailed')));
  };
  const download = () => {
    setDownloading(true);
    const search = new URLSearchParams(query).toString();
    api.download(`/api/statistics/basic-situation.docx?${search}`, `${t('stats.basicSituation')}.docx`)
      .catch((e: unknown) => message.error(e instanceof Error ? e.message : String(e)))
      .finally(() => setDownloading(false));
  };

  return (
    <Card
      size="small"
      title={t('stats.basicSituation')}
      data-testid="stats-basic-situation"
      extra={(
        <Flex gap={8}>
          <Button size="small" icon={<CopyOutlined />} disabled={!data} onClick={copy} data-testid="stats-copy">{t('stats.copy')}</Button>
          <Button size="small" icon={<FileWordOutlined />} loading={downloading} onClick={download} data-testid="stats-docx">{t('stats.downloadWord')}</Button>
        </Flex>
      )}
    >
      {error && !data ? <ApiFailure error={error} onRetry={reload} /> : !data ? <Skeleton active paragraph={{ rows: 3 }} /> : (
        <Typography.Paragraph style={{ margin: 0, textIndent: lang === 'zh' ? '2em' : undefined }} data-testid="stats-paragraph">
          {data.text}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
