import { App as AntApp, Form, Input, Typography } from 'antd';
import { api } from '../../api.js';
import type { ResetPasswordBody, UserView } from '../../contracts.js';
import { strongPasswordRule } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ActionModal } from '../org/ActionModal.js';

interface Values {
  newPassword: string;
  confirm: string;
}

/** An administrator sets a new password; the user must change it at next sign-in. */
export function ResetPasswordModal({ user, open, onClose, onDone }: {
  /** Kept while the modal closes, so its title does not go blank during the animation. */
  user: UserView | null; open: boolean; onClose: () => void; onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();

  const submit = async (v: Values) => {
    if (!user) return;
    const body: ResetPasswordBody = { newPassword: v.newPassword };
    await api.post<void>(`/api/users/${encodeURIComponent(user.username)}/password`, body);
    message.success(t('users.done.reset', { username: user.username }));
    onDone();
  };

  return (
    <ActionModal<Values>
      open={open && user !== null}
      title={t('form.modalTitle', { action: t('users.resetPassword'), name: !user ? '' : lang === 'zh' ? `${user.name}（${user.username}）` : `${user.name} (${user.username})` })}
      form={form}
      fields={['newPassword']}
      onSubmit={submit}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{t('users.resetHint')}</Typography.Paragraph>
      <Form.Item name="newPassword" label={t('users.newPassword')} extra={t('account.passwordRule')}
        rules={[{ required: true }, strongPasswordRule(t('account.passwordRule'))]}>
        <Input.Password autoComplete="new-password" data-testid="reset-password" />
      </Form.Item>
      <Form.Item name="confirm" label={t('account.confirmPassword')} dependencies={['newPassword']}
        rules={[
          { required: true },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('account.passwordMismatch'))),
          }),
        ]}>
        <Input.Password autoComplete="new-password" data-testid="reset-confirm" />
      </Form.Item>
    </ActionModal>
  );
}
