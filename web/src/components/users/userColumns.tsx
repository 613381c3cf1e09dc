import { Flex, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { UserView } from '../../contracts.js';
import type { Translate } from '../../i18n/I18nProvider.js';
import { UserActions } from './UserActions.js';
import { UserPosts } from './UserPosts.js';

interface Options {
  t: Translate;
  /** Narrow screens: name, username and status share one column so that nothing scrolls away. */
  compact: boolean;
  me: string;
  onReset: (user: UserView) => void;
  onChanged: () => void;
}

function StatusTags({ user, t }: { user: UserView; t: Translate }) {
  return (
    <Flex wrap gap={4}>
      {user.disabled ? <Tag>{t('users.disabled')}</Tag> : <Tag color="green">{t('users.active')}</Tag>}
      {user.initialPassword && (
        <Tooltip title={t('users.initialPasswordHint')}><Tag color="orange">{t('users.initialPassword')}</Tag></Tooltip>
      )}
    </Flex>
  );
}

export function userColumns({ t, compact, me, onReset, onChanged }: Options): TableColumnsType<UserView> {
  const actions = (u: UserView) => (
    <UserActions user={u} self={u.username === me} vertical={compact} onReset={onReset} onChanged={onChanged} />
  );
  if (compact) {
    return [
      {
        key: 'user', title: t('users.name'), width: 116,
        render: (_, u) => (
          <Flex vertical gap={2} align="start">
            <Typography.Text strong>{u.name}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>{u.username}</Typography.Text>
            <StatusTags user={u} t={t} />
          </Flex>
        ),
      },
      { key: 'posts', title: t('users.posts'), render: (_, u) => <UserPosts posts={u.posts} /> },
      { key: 'actions', title: t('users.actions'), width: 84, render: (_, u) => actions(u) },
    ];
  }
  return [
    { key: 'username', title: t('users.username'), dataIndex: 'username', width: 140 },
    { key: 'name', title: t('users.name'), dataIndex: 'name', width: 110 },
    { key: 'posts', title: t('users.posts'), render: (_, u) => <UserPosts posts={u.posts} /> },
    { key: 'status', title: t('users.status'), width: 150, render: (_, u) => <StatusTags user={u} t={t} /> },
    { key: 'actions', title: t('users.actions'), width: 170, render: (_, u) => actions(u) },
  ];
}
