import { Alert, App as AntApp, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../api.js';
import type { ChangePasswordBody } from '../contracts.js';
import { showServerErrors, strongPasswordRule } from '../forms.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useSession } from '../session.js';

interface Values extends ChangePasswordBody {
  confirm: string;
}

export function PasswordForm() {
  const { t } = useI18n();
  const { forget } = useSession();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await api.post<void>('/api/session/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      // The server ended the session: sign in again with the new password.
      forget();
      message.success(t('login.passwordChanged'));
      navigate('/login', { replace: true, state: { notice: t('login.passwordChanged') } });
    } catch (e) {
      setError(showServerErrors(form, e, ['currentPassword', 'newPassword']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 420 }} autoComplete="off">
      <Typography.Paragraph type="secondary">{t('account.passwordHint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[{ required: true }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('account.newPassword')}
        extra={t('account.passwordRule')}
        dependencies={['currentPassword']}
        rules={[
          { required: true },
          strongPasswordRule(t('account.passwordRule')),
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              !value || value !== getFieldValue('currentPassword') ? Promise.resolve() : Promise.reject(new Error(t('account.passwordSame'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('account.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('account.passwordMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>{t('account.changePassword')}</Button>
    </Form>
  );
}
