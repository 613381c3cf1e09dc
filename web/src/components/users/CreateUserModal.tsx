import { App as AntApp, Form, Input, Select } from 'antd';
import { useCallback } from 'react';
import { roleLabels, roles, type Role } from '../../../../src/platform/access/abilities.js';
import { api } from '../../api.js';
import type { CreateUserBody, UserView } from '../../contracts.js';
import { strongPasswordRule } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { pick } from '../../i18n/lang.js';
import type { OrgIndex } from '../../orgTree.js';
import { ActionModal } from '../org/ActionModal.js';
import { OrgPicker } from '../org/OrgPicker.js';

interface Values {
  username: string;
  name: string;
  role: Role;
  orgCode: string;
  title?: string;
  password: string;
}

const fields = ['username', 'name', 'role', 'orgCode', 'title', 'password'] as const;
const usernamePattern = /^[A-Za-z0-9_.-]{3,32}$/;

/** Creates a person, their post and their account in one step. */
export function CreateUserModal({ open, index, onClose, onDone }: {
  open: boolean; index: OrgIndex | undefined; onClose: () => void; onDone: (user: UserView) => void;
}) {
  const { t, lang } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const noneDisabled = useCallback(() => false, []);

  const submit = async (v: Values) => {
    const body: CreateUserBody = {
      username: v.username.trim(),
      password: v.password,
      name: v.name.trim(),
      role: v.role,
      orgCode: v.orgCode,
      title: v.title?.trim() || undefined,
    };
    const created = await api.post<UserView>('/api/users', body);
    message.success(t('users.done.created', { username: created.username }));
    onDone(created);
  };

  return (
    <ActionModal<Values>
      open={open}
      title={t('users.create')}
      form={form}
      fields={fields}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item name="username" label={t('users.username')}
        rules={[{ required: true, whitespace: true }, { pattern: usernamePattern, message: t('users.usernameFormat') }]}>
        <Input maxLength={32} autoComplete="off" data-testid="user-username" />
      </Form.Item>
      <Form.Item name="name" label={t('users.name')}
        rules={[{ required: true, whitespace: true }, { min: 2, max: 30, message: t('users.nameLength') }]}>
        <Input maxLength={30} data-testid="user-name" />
      </Form.Item>
      <Form.Item name="role" label={t('users.role')} rules={[{ required: true }]}>
        <Select data-testid="user-role" options={roles.map((r) => ({ value: r, label: pick(roleLabels[r], lang) }))} />
      </Form.Item>
      <Form.Item name="orgCode" label={t('users.org')} rules={[{ required: true }]}>
        {index ? <OrgPicker index={index} isDisabled={noneDisabled} /> : <Select loading disabled />}
      </Form.Item>
      <Form.Item name="title" label={t('users.title')} rules={[{ max: 30, message: t('users.titleLength') }]}>
        <Input maxLength={30} placeholder={t('users.titlePlaceholder')} data-testid="user-title" />
      </Form.Item>
      <Form.Item name="password" label={t('users.password')} extra={t('users.passwordExtra')}
        rules={[{ required: true }, strongPasswordRule(t('account.passwordRule'))]}>
        <Input.Password autoComplete="new-password" data-testid="user-password" />
      </Form.Item>
    </ActionModal>
  );
}
