import { Empty, Flex, Statistic, Table, Tag, Tooltip } from 'antd';
import { api } from '../../api.js';
import type { PairingCompliance } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';
import { ApiFailure } from '../ApiFailure.js';
import { statusColor } from './labels.js';

type Row = PairingCompliance['items'][number];

/** Contacts per pairing and period this year against the county's frequency: done, due, overdue. */
export function ComplianceTab({ orgCode }: { orgCode: string }) {
  const { t } = useI18n();
  const loaded = useApi(`compliance|${orgCode}`, (signal) => api.get<PairingCompliance>('/api/pairing/compliance', { org: orgCode }, { signal }));
  if (loaded.error) return <ApiFailure error={loaded.error} onRetry={loaded.reload} />;
  const data = loaded.data;
  return (
    <Flex vertical gap={12}>
      {data && (
        <Flex wrap gap={24}>
          {(['done', 'due', 'overdue'] as const).map((s) => <Statistic key={s} title={t(`pairing.status.${s}`)} value={data.totals[s]} />)}
        </Flex>
      )}
      <Table<Row> size="small" rowKey="id" loading={loaded.loading} dataSource={data?.items ?? []} pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }} locale={{ emptyText: <Empty description={t('pairing.empty')} /> }} data-testid="pairing-compliance" columns={[
          { key: 'pair', title: t('pairing.field.cadre'), fixed: 'left', render: (_, r) => `${r.cadre.name} → ${r.household.headName}` },
          { key: 'org', title: t('pairing.field.village'), render: (_, r) => r.org.name },
          ...(data?.periods ?? []).map((p, i) => ({
            key: p.key, title: p.label, align: 'center' as const,
            render: (_: unknown, r: Row) => {
              const cell = r.cells[i];
              if (!cell) return '';
              return <Tooltip title={t(`pairing.status.${cell.status}`)}><Tag color={statusColor[cell.status]}>{cell.held}</Tag></Tooltip>;
            },
          })),
        ]} />
    </Flex>
  );
}
