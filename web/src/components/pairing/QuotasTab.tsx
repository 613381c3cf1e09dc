import { Empty, Table, Tag } from 'antd';
import { api } from '../../api.js';
import type { PairingQuotas } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';
import { ApiFailure } from '../ApiFailure.js';
import { flagColor, flagLabel } from './labels.js';

type Row = PairingQuotas['items'][number];

/** Each cadre of the township with their rank's quota and households paired: over and under shown, never enforced. */
export function QuotasTab({ orgCode }: { orgCode: string }) {
  const { t } = useI18n();
  const loaded = useApi(orgCode || null, (signal) => api.get<PairingQuotas>('/api/pairing/quotas', { org: orgCode }, { signal }));
  if (!orgCode) return <Empty description={t('pairing.quota.pickOrg')} />;
  if (loaded.error) return <ApiFailure error={loaded.error} onRetry={loaded.reload} />;
  return (
    <Table<Row> size="small" rowKey={(r) => r.cadre.id} loading={loaded.loading} dataSource={loaded.data?.items ?? []} pagination={false} scroll={{ x: 'max-content' }}
      data-testid="quota-table" columns={[
        { key: 'cadre', title: t('pairing.field.cadre'), render: (_, r) => r.cadre.name },
        { key: 'titles', title: t('pairing.quota.titles'), render: (_, r) => r.titles.join('；') },
        { key: 'rank', title: t('pairing.quota.rank'), render: (_, r) => r.rank?.name ?? t('pairing.quota.unranked') },
        { key: 'quota', title: t('pairing.quota.quota'), align: 'right', render: (_, r) => r.quota ?? '—' },
        { key: 'paired', title: t('pairing.quota.paired'), align: 'right', render: (_, r) => r.paired },
        { key: 'flag', title: t('pairing.quota.flag'), render: (_, r) => <Tag color={flagColor[r.flag]} data-testid={`quota-flag-${r.flag}`}>{flagLabel(t, r.flag)}</Tag> },
      ]} />
  );
}
