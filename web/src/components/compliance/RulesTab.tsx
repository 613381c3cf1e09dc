import { PlusOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Flex, Popconfirm, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { nationalRules } from '../../../../src/modules/compliance/catalogue.js';
import { api } from '../../api.js';
import type { CadenceRuleView } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useUser } from '../../session.js';
import { eventLabel, subjectLabel } from './labels.js';
import { ruleBodyOf, ruleValues, RuleModal, saveRule } from './RuleModal.js';
import { Refused } from '../Refused.js';

interface Row {
  rule: CadenceRuleView;
  /** A national rule the county switched off: the list of rules in force leaves it out. */
  off: boolean;
}

/** National rules not in force are switched off; they are listed so that they can be restored. */
function rowsOf(rules: CadenceRuleView[], lang: 'zh' | 'en'): Row[] {
  const inForce = new Set(rules.map((r) => r.id));
  const off = nationalRules.filter((n) => !inForce.has(n.id))
    .map((n) => ({ rule: { ...n, name: null, label: eventLabel(n.eventKind, lang), changed: true }, off: true }));
  return [...rules.map((rule) => ({ rule, off: false })), ...off];
}

/**
 * The cadence rules in force, national and the county's own. The county organization department
 * (who manages the county's root organization) adds, changes, switches off and restores them;
 * everyone else reads them.
 */
export function RulesTab({ rules, onChanged }: { rules: CadenceRuleView[]; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const { message } = AntApp.useApp();
  const user = useUser();
  // The rule stays while the modal closes, so its title does not change on the way out.
  const [editing, setEditing] = useState<{ rule?: CadenceRuleView; open: boolean }>({ open: false });
  const manages = user.posts.some((p) => p.role === 'county_admin');
  const taken = new Set([...nationalRules.map((r) => r.id), ...rules.map((r) => r.id)]);

  const act = async (run: () => Promise<void>, done: string) => {
    try {
      await run();
      message.success(done);
      onChanged();
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };
  const restore = (id: string) => act(() => api.delete<void>(`/api/compliance/rules/${encodeURIComponent(id)}`), t('compliance.rules.restored'));
  const remove = (id: string) => act(() => api.delete<void>(`/api/compliance/rules/${encodeURIComponent(id)}`), t('compliance.rules.removed'));
  const switchOff = (rule: CadenceRuleView) => act(() => saveRule(rule.id, ruleBodyOf(ruleValues(rule), false)), t('compliance.rules.switchedOff'));

  const confirm = (title: string, onConfirm: () => Promise<void>, label: string, testId: string, danger = false) => (
    <Popconfirm title={title} onConfirm={onConfirm}>
      <Button size="small" danger={danger} data-testid={testId}>{label}</Button>
    </Popconfirm>
  );
  const actions = ({ rule, off }: Row) => (
    <Flex wrap gap={4}>
      {!off && <Button size="small" onClick={() => setEditing({ rule, open: true })} data-testid={`rule-change-${rule.id}`}>{t('compliance.rules.change')}</Button>}
      {!off && rule.source === 'national' && confirm(t('compliance.rules.switchOffConfirm'), () => switchOff(rule), t('compliance.rules.switchOff'), `rule-off-${rule.id}`, true)}
      {rule.source === 'national' && rule.changed && confirm(t('compliance.rules.restoreConfirm'), () => restore(rule.id), t('compliance.rules.restore'), `rule-restore-${rule.id}`)}
      {rule.source === 'local' && confirm(t('compliance.rules.deleteConfirm'), () => remove(rule.id), t('compliance.rules.delete'), `rule-delete-${rule.id}`, true)}
    </Flex>
  );

  const columns: TableColumnsType<Row> = [
    {
      title: t('compliance.rules.col.rule'), key: 'label',
      render: (_, { rule, off }) => (
        <Flex wrap gap={4} align="center">
          <span data-testid={`rule-label-${rule.id}`} style={off ? { color: 'rgba(0,0,0,.45)' } : undefined}>{rule.label}</span>
          {off ? <Tag>{t('compliance.rules.off')}</Tag> : rule.changed && <Tag color="orange">{t('compliance.rules.changed')}</Tag>}
        </Flex>
      ),
    },
    { title: t('compliance.field.period'), key: 'period', width: 100, render: (_, { rule }) => t(`compliance.period.${rule.period}`) },
    { title: t('compliance.field.subjectType'), key: 'subject', width: 150, render: (_, { rule }) => subjectLabel(rule.subjectType, lang) },
    { title: t('compliance.field.min'), key: 'min', width: 110, align: 'right', render: (_, { rule }) => rule.min },
    {
      title: t('compliance.rules.source'), key: 'source', width: 100,
      render: (_, { rule }) => <Tag color={rule.source === 'national' ? 'red' : 'blue'}>{t(`compliance.rules.${rule.source}`)}</Tag>,
    },
    ...(manages ? [{ title: t('compliance.rules.col.actions'), key: 'actions', width: 260, render: (_: unknown, row: Row) => actions(row) }] : []),
  ];

  const add = <Button type="primary" icon={<PlusOutlined />} disabled={!manages} onClick={() => setEditing({ open: true })} data-testid="rule-add">{t('compliance.rules.add')}</Button>;
  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} align="center">
        <Refused reason={manages ? null : t('compliance.rules.readOnly')}>{add}</Refused>
        {!manages && <Alert type="info" showIcon title={t('compliance.rules.readOnly')} style={{ flex: 1 }} />}
      </Flex>
      <Table<Row> data-testid="rules-table" rowKey={(row) => row.rule.id} columns={columns} dataSource={rowsOf(rules, lang)}
        size="small" pagination={false} scroll={{ x: 'max-content' }} />
      <RuleModal rule={editing.rule} open={editing.open} taken={taken}
        onClose={() => setEditing({ ...editing, open: false })} onDone={() => { setEditing({ ...editing, open: false }); onChanged(); }} />
    </Flex>
  );
}
