import { App as AntApp, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import type { UserView } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Refused } from '../Refused.js';

interface Props {
  user: UserView;
  /** The signed-in user's own row: it cannot be disabled. */
  self: boolean;
  /** Stacked, for narrow tables. */
  vertical?: boolean;
  onReset: (user: UserView) => void;
  onChanged: () => void;
}

/** The actions in one row of the accounts table: reset the password, disable or enable. */
export function UserActions({ user, self, vertical, onReset, onChanged }: Props) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const enable = user.disabled;
  const action = enable ? 'enable' : 'disable';

  const toggle = async () => {
    setBusy(true);
    try {
      await api.post<void>(`/api/users/${encodeURIComponent(user.username)}/${action}`);
      message.success(t(enable ? 'users.done.enabled' : 'users.done.disabled', { username: user.username }));
      onChanged();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const toggleButton = (
    <Button size="small" type="link" danger={!enable} loading={busy} disabled={self && !enable} data-testid={`user-${action}`}>
      {t(enable ? 'users.enable' : 'users.disable')}
    </Button>
  );

  return (
    <Space size={0} orientation={vertical ? 'vertical' : 'horizontal'} align="start">
      <Button size="small" type="link" onClick={() => onReset(user)} data-testid="user-reset">{t('users.resetPassword')}</Button>
      {self && !enable ? (
        <Refused reason={t('users.cannotDisableSelf')}>{toggleButton}</Refused>
      ) : (
        <Popconfirm
          title={t(enable ? 'users.confirmEnable' : 'users.confirmDisable', { username: user.username })}
          okButtonProps={{ danger: !enable }}
          onConfirm={toggle}
          styles={{ root: { maxWidth: 320 } }}
        >
          {toggleButton}
        </Popconfirm>
      )}
    </Space>
  );
}
