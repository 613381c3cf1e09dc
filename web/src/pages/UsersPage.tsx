import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Grid, Input, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { roleLabels } from '../../../src/platform/access/abilities.js';
import { api } from '../api.js';
import { ApiFailure } from '../components/ApiFailure.js';
import { CreateUserModal } from '../components/users/CreateUserModal.js';
import { ResetPasswordModal } from '../components/users/ResetPasswordModal.js';
import { userColumns } from '../components/users/userColumns.js';
import type { OrgList, UserList, UserView } from '../contracts.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { indexOrgs } from '../orgTree.js';
import { useUser } from '../session.js';
import { useApi } from '../useApi.js';

/** Everything a search may match in a row: username, name, roles, titles and organizations. */
function haystack(u: UserView): string {
  return [u.username, u.name, ...u.posts.flatMap((p) => [p.title, p.orgName, p.orgCode, roleLabels[p.role].zh, roleLabels[p.role].en])]
    .join('\n')
    .toLowerCase();
}

export default function UsersPage() {
  const { t } = useI18n();
  const me = useUser();
  const screens = Grid.useBreakpoint();
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<UserView | null>(null);
  const [resetOpen, setResetOpen] = useState(false);
  const users = useApi('users', (signal) => api.get<UserList>('/api/users', undefined, { signal }));
  // Only for the organization picker of a new account; the table has the names already.
  const orgs = useApi(creating ? 'orgs' : null, (signal) => api.get<OrgList>('/api/organizations', undefined, { signal }));
  const index = useMemo(() => (orgs.data ? indexOrgs(orgs.data.items) : undefined), [orgs.data]);

  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    const items = users.data?.items ?? [];
    return q ? items.filter((u) => haystack(u).includes(q)) : items;
  }, [users.data, search]);

  if (users.error && !users.data) {
    return <ApiFailure error={users.error} onRetry={users.reload} />;
  }

  const openReset = (u: UserView) => {
    setResetting(u);
    setResetOpen(true);
  };
  const columns = userColumns({ t, compact: screens.md === false, me: me.username, onReset: openReset, onChanged: users.reload });

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('nav.users')}</Typography.Title>
      <Card size="small">
        <Flex wrap gap={8} justify="space-between">
          <Input.Search allowClear placeholder={t('users.search')} value={search} onChange={(e) => setSearch(e.target.value)}
            style={{ maxWidth: 360 }} data-testid="users-search" />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="user-create">
            {t('users.create')}
          </Button>
        </Flex>
      </Card>
      <Table<UserView>
        data-testid="users-table"
        rowKey="username"
        size="small"
        loading={users.loading}
        columns={columns}
        dataSource={rows}
        scroll={screens.md === false ? undefined : { x: 760 }}
        rowClassName={(u) => (u.disabled ? 'row-disabled' : '')}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => t('users.total', { total }) }}
      />
      <CreateUserModal open={creating} index={index} onClose={() => setCreating(false)}
        onDone={() => { setCreating(false); users.reload(); }} />
      <ResetPasswordModal user={resetting} open={resetOpen} onClose={() => setResetOpen(false)}
        onDone={() => { setResetOpen(false); users.reload(); }} />
    </Flex>
  );
}
