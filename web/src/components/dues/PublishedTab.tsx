import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Skeleton, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { usePurposeLabels } from '../../../../src/modules/dues/rules.js';
import { api } from '../../api.js';
import type { DuesPublished } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSession } from '../../session.js';
import { useApi } from '../../useApi.js';
import { ApiFailure } from '../ApiFailure.js';
import { yuanOf } from './money.js';

type Member = DuesPublished['members'][number] & { key: number };
type Month = DuesPublished['months'][number];
type Use = DuesPublished['uses'][number];

/** Printed, the list alone fills the page: the menu, the pickers and the buttons stay on screen. */
const printStyle = `@media print {
  body * { visibility: hidden; }
  [data-testid="dues-published"], [data-testid="dues-published"] * { visibility: visible; }
  [data-testid="dues-published"] { position: absolute; left: 0; top: 0; width: 100%; border: none; }
}`;

/** 年度公示: the year's account as the branch posts it for its members (rules.md §3.2), to print, and the register to download. */
export function PublishedTab({ orgCode, year }: { orgCode: string; year: number }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  // The register names each member's monthly amounts: for those who keep the members' records, not every member.
  const register = useSession().user?.abilities.includes('person.read') ?? false;
  const published = useApi(`${orgCode}|${year}|${lang}`, (signal) => api.get<DuesPublished>('/api/dues/published', { org: orgCode, year }, { signal }));
  const [downloading, setDownloading] = useState(false);

  if (published.error && !published.data) return <ApiFailure error={published.error} onRetry={published.reload} />;
  const view = published.data;
  if (!view) return <Skeleton active paragraph={{ rows: 8 }} />;
  const { totals } = view;

  const download = () => {
    setDownloading(true);
    api.download(`/api/dues/ledger.xlsx?org=${encodeURIComponent(orgCode)}&year=${year}`, `党费收缴台账-${view.org.name}-${year}.xlsx`)
      .catch((error: unknown) => message.error(error instanceof Error ? error.message : String(error)))
      .finally(() => setDownloading(false));
  };
  const figures: [string, string, number][] = [
    ['opening', 'dues.published.opening', totals.openingFen],
    ['collected', 'dues.published.collected', totals.collectedFen],
    ...(totals.receivedFen > 0 ? [['received', 'dues.published.received', totals.receivedFen] as [string, string, number]] : []),
    ['remitted', 'dues.published.remitted', totals.remittedFen],
    ['used', 'dues.published.used', totals.usedFen],
    ['balance', 'dues.published.balance', totals.balanceFen],
  ];
  const monthName = (m: string) => (lang === 'zh' ? `${Number(m.slice(5))}月` : m);

  return (
    <Spin spinning={published.loading}>
      <Flex vertical gap={12}>
        <Flex wrap gap={8}>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="dues-print">{t('dues.published.print')}</Button>
          {register && <Button icon={<DownloadOutlined />} loading={downloading} onClick={download} data-testid="dues-ledger">{t('dues.published.ledger')}</Button>}
        </Flex>
        <style>{printStyle}</style>
        <Card size="small" data-testid="dues-published">
          <Typography.Title level={4} style={{ textAlign: 'center' }}>{t('dues.published.title', { org: view.org.name, year })}</Typography.Title>
          <Descriptions size="small" bordered column={{ xs: 1, sm: 2, md: 3 }} data-testid="dues-published-totals"
            items={figures.map(([key, label, fen]) => ({ key, label: t(label as 'dues.published.opening'), children: <span data-testid={`dues-published-${key}`}>{yuanOf(fen)}</span> }))} />
          <Typography.Title level={5}>{t('dues.published.months')}</Typography.Title>
          <Table<Month> rowKey="month" size="small" pagination={false} dataSource={view.months} scroll={{ x: 'max-content' }} data-testid="dues-published-months"
            onRow={(m) => ({ 'data-testid': 'dues-published-month', 'data-month': m.month } as React.HTMLAttributes<HTMLElement>)} columns={[
            { key: 'month', title: t('dues.published.col.month'), render: (_, m) => monthName(m.month) },
            { key: 'collected', title: t('dues.published.collected'), align: 'right', render: (_, m) => yuanOf(m.collectedFen) },
            ...(totals.receivedFen > 0 ? [{ key: 'received', title: t('dues.published.received'), align: 'right' as const, render: (_: unknown, m: Month) => yuanOf(m.receivedFen) }] : []),
            { key: 'remitted', title: t('dues.published.remitted'), align: 'right', render: (_, m) => yuanOf(m.remittedFen) },
          ]} />
          <Typography.Title level={5}>{t('dues.published.uses')}</Typography.Title>
          <Table<Use> rowKey="id" size="small" pagination={false} dataSource={view.uses} locale={{ emptyText: t('dues.uses.empty') }} data-testid="dues-published-uses"
            onRow={(u) => ({ 'data-testid': 'dues-published-use', 'data-description': u.description } as React.HTMLAttributes<HTMLElement>)} columns={[
              { key: 'usedOn', title: t('dues.uses.col.usedOn'), dataIndex: 'usedOn' },
              { key: 'purpose', title: t('dues.uses.col.purpose'), render: (_, u) => usePurposeLabels[u.purpose][lang] },
              { key: 'description', title: t('dues.uses.col.description'), dataIndex: 'description' },
              { key: 'amount', title: t('dues.uses.col.amount'), align: 'right', render: (_, u) => yuanOf(u.amountFen) },
            ]} />
          <Typography.Title level={5}>{t('dues.published.members')}</Typography.Title>
          <Table<Member> rowKey="key" size="small" pagination={false} dataSource={view.members.map((m, key) => ({ ...m, key }))} locale={{ emptyText: t('dues.published.noMembers') }} data-testid="dues-published-members"
            columns={[
              { key: 'name', title: t('dues.published.col.name'), dataIndex: 'name' },
              { key: 'months', title: t('dues.published.col.monthsPaid'), align: 'right', dataIndex: 'monthsPaid' },
              { key: 'total', title: t('dues.published.col.total'), align: 'right', render: (_, m) => yuanOf(m.totalFen) },
            ]} />
        </Card>
      </Flex>
    </Spin>
  );
}
