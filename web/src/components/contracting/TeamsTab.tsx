import { Alert, App, Button, Flex, Form, Input, Modal, Select, Skeleton, Table } from 'antd';
import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import type { ContractingTeam, ContractingTeams } from '../../contracts.js';
import { noteOf, showServerErrors } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';
import { ApiFailure } from '../ApiFailure.js';
import { Gate } from './Gate.js';

interface Values { name: string; leaderId: string; memberIds: string[]; villageCodes: string[]; note?: string }
const fields = ['name', 'leaderId', 'memberIds', 'villageCodes', 'note'];

/** 工作组: a township's teams of a year, formed and corrected by whoever arranges them. */
export function TeamsTab({ orgCode, year, onSaved }: { orgCode: string; year: number; onSaved: () => void }) {
  const { t } = useI18n();
  const teams = useApi(`contracting-teams|${orgCode}|${year}`, (signal) => api.get<ContractingTeams>('/api/contracting/teams', { org: orgCode, year }, { signal }));
  const [editing, setEditing] = useState<ContractingTeam | 'new' | null>(null);

  if (teams.error && !teams.data) return <ApiFailure error={teams.error} onRetry={teams.reload} />;
  const view = teams.data;
  if (!view) return <Skeleton active />;
  const saved = () => {
    setEditing(null);
    teams.reload();
    onSaved();
  };
  return (
    <Flex vertical gap={12}>
      <Flex justify="flex-end">
        <Gate can={view.can.manage} t={t}>
          <Button type="primary" disabled={!view.can.manage.allowed} onClick={() => setEditing('new')} data-testid="contracting-team-add">{t('contracting.teams.add')}</Button>
        </Gate>
      </Flex>
      <Table<ContractingTeam> rowKey="id" size="small" pagination={false} dataSource={view.teams} scroll={{ x: 640 }} locale={{ emptyText: t('contracting.teams.empty') }}
        columns={[
          { title: t('contracting.teams.col.name'), dataIndex: 'name' },
          { title: t('contracting.teams.col.leader'), render: (_, r) => r.leader.name },
          { title: t('contracting.teams.col.members'), render: (_, r) => r.members.map((m) => m.name).join('、') },
          { title: t('contracting.teams.col.villages'), render: (_, r) => r.villages.map((v) => v.name).join('、') },
          { title: t('contracting.teams.col.actions'), render: (_, r) => view.can.manage.allowed && <Button size="small" onClick={() => setEditing(r)}>{t('contracting.teams.edit')}</Button> },
        ]} />
      {editing && <TeamModal view={view} team={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={saved} />}
    </Flex>
  );
}

function TeamModal({ view, team, onClose, onSaved }: { view: ContractingTeams; team: ContractingTeam | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const people = (list: ContractingTeams['candidates']['leaders']) => list.map((c) => ({ value: c.id, label: `${c.name}（${c.titles.join('、')}）` }));
  // A team's current people stay choosable even if they no longer appear among the candidates.
  const keep = (options: { value: string; label: string }[], extra: { id: string; name: string }[]) =>
    [...options, ...extra.filter((p) => !options.some((o) => o.value === p.id)).map((p) => ({ value: p.id, label: p.name }))];

  const save = async (values: Values) => {
    setSaving(true);
    setFailure(null);
    try {
      const body = { name: values.name, leaderId: values.leaderId, memberIds: values.memberIds ?? [], villageCodes: values.villageCodes ?? [] };
      const done = team
        ? await api.patch<ContractingTeam>(`/api/contracting/teams/${team.id}`, { ...body, note: noteOf(values.note) ?? null })
        : await api.post<ContractingTeam>('/api/contracting/teams', { ...body, orgCode: view.org.code, year: view.year, note: noteOf(values.note) });
      message.success(t('contracting.teams.saved', { name: done.name }));
      onSaved();
    } catch (error) {
      setFailure(showServerErrors(form, error, fields));
    } finally {
      setSaving(false);
    }
  };
  const required = [{ required: true, message: t('contracting.teams.required') }];
  return (
    <Modal open title={team ? `${t('contracting.teams.edit')}：${team.name}` : `${t('contracting.teams.add')} · ${view.org.name} ${view.year}`} onCancel={onClose}
      onOk={() => form.submit()} confirmLoading={saving} destroyOnHidden okButtonProps={{ 'data-testid': 'contracting-team-save' } as ButtonProps}>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="contracting-team-error" />}
      <Form form={form} layout="vertical" onFinish={save} data-testid="contracting-team-form" initialValues={team ? {
        name: team.name, leaderId: team.leader.id, memberIds: team.members.map((m) => m.id), villageCodes: team.villages.map((v) => v.code), note: team.note ?? undefined,
      } : { memberIds: [], villageCodes: [] }}>
        <Form.Item name="name" label={t('contracting.teams.name')} rules={required}><Input maxLength={60} data-testid="contracting-team-name" /></Form.Item>
        <Form.Item name="leaderId" label={t('contracting.teams.leader')} rules={required}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={keep(people(view.candidates.leaders), team ? [team.leader] : [])} data-testid="contracting-team-leader" />
        </Form.Item>
        <Form.Item name="memberIds" label={t('contracting.teams.members')}>
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={keep(people(view.candidates.members), team?.members ?? [])} data-testid="contracting-team-members" />
        </Form.Item>
        <Form.Item name="villageCodes" label={t('contracting.teams.villages')}>
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} data-testid="contracting-team-villages"
            options={view.candidates.villages.map((v) => ({ value: v.code, label: v.name }))} />
        </Form.Item>
        <Form.Item name="note" label={t('contracting.teams.note')}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
      </Form>
    </Modal>
  );
}
