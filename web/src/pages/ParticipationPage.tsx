import { Alert, Card, Flex, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../api.js';
import { ApiFailure } from '../components/ApiFailure.js';
import type { FlaggedView } from '../contracts.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useApi } from '../useApi.js';
import { useAddress } from '../useAddress.js';
import { useSession } from '../session.js';

type Item = FlaggedView['items'][number];

/**
 * 需了解情况的党员: the members of a branch who for six months or more attended no meeting, paid no dues
 * and held no duty, reached from the to-do list (?org=CODE). A prompt to find out why, never a decision.
 */
export default function ParticipationPage() {
  const { t } = useI18n();
  const [params] = useAddress();
  const { user } = useSession();
  const own = [...new Set(user?.posts.map((p) => p.orgCode) ?? [])];
  const org = params.get('org') ?? (own.length === 1 ? own[0]! : null);
  const flagged = useApi(org, (signal) => api.get<FlaggedView>('/api/participation/flagged', { org }, { signal }));

  if (!org) return <Alert type="info" showIcon title={t('participation.needOrg')} />;
  if (flagged.error && !flagged.data) return <ApiFailure error={flagged.error} onRetry={flagged.reload} />;
  const v = flagged.data;
  return (
    <Flex vertical gap={12}>
      <Flex wrap align="baseline" gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="participation-title">{t('participation.flaggedTitle')}</Typography.Title>
        {v && <Typography.Text type="secondary">{v.org.name} · {t('participation.lastMonth', { month: v.lastMonth })}</Typography.Text>}
      </Flex>
      <Alert type="info" showIcon title={t('participation.flaggedNote')} />
      <Card size="small">
        <Table<Item>
          data-testid="participation-flagged"
          rowKey={(i) => i.person.id}
          size="small"
          loading={flagged.loading}
          pagination={false}
          dataSource={v?.items ?? []}
          locale={{ emptyText: t('participation.flaggedEmpty') }}
          columns={[
            { title: t('participation.name'), key: 'name', render: (_, i) => <Link to={`/members/${i.person.id}`}>{i.person.name}</Link> },
            { title: t('participation.since'), key: 'from', render: (_, i) => i.idle.from },
            { title: t('participation.months'), key: 'months', render: (_, i) => i.idle.months },
          ]}
        />
      </Card>
    </Flex>
  );
}
