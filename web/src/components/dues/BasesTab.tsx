import { Alert, App, Button, Flex, Input, Select, Skeleton, Space, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { duesKindLabels, duesKinds, hasRate, ruleMonthlyFen, type DuesKind } from '../../../../src/modules/dues/rules.js';
import { api } from '../../api.js';
import type { DuesBaseRow, DuesBases, DuesBasesBody, DuesSettingsView } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';
import { ApiFailure } from '../ApiFailure.js';
import { fenOf, rowProblems, yuanOf } from './money.js';
import { Gate } from './Gate.js';

/** One row as edited: the texts typed, in 元. */
interface Draft { kind: DuesKind | undefined; base: string; monthly: string; reason: string }

const draftOf = (r: DuesBaseRow): Draft => ({
  kind: r.base?.kind, base: r.base?.baseFen == null ? '' : yuanOf(r.base.baseFen), monthly: r.base ? yuanOf(r.base.monthlyFen) : '', reason: r.base?.reason ?? '',
});

/** What a draft amounts to: the rule's amount for it, the monthly amount to save, and what is wrong with the texts. */
function reckon(d: Draft, fixed: { farmerFen: number; lowIncomeFen: number }) {
  const baseFen = d.kind && hasRate(d.kind) && d.base.trim() ? fenOf(d.base) : null;
  const monthlyFen = d.monthly.trim() ? fenOf(d.monthly) : null;
  const ruleFen = d.kind ? ruleMonthlyFen(d.kind, baseFen, fixed) : null;
  const badBase = d.kind !== undefined && hasRate(d.kind) && baseFen === null;
  const badMonthly = d.monthly.trim() !== '' && monthlyFen === null;
  const below = ruleFen !== null && monthlyFen !== null && monthlyFen < ruleFen;
  return { baseFen, monthlyFen, ruleFen, badBase, badMonthly, below, needsReason: below && !d.reason.trim() };
}

/** 年度基数: each member's kind, base and monthly amount for the year, edited in place and saved as one batch. */
export function BasesTab({ orgCode, year }: { orgCode: string; year: number }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const bases = useApi(`${orgCode}|${year}|${lang}`, (signal) => api.get<DuesBases>('/api/dues/bases', { org: orgCode, year }, { signal }));
  const settings = useApi('dues-settings', (signal) => api.get<DuesSettingsView>('/api/dues/settings', undefined, { signal }));
  const [drafts, setDrafts] = useState<Map<string, Draft>>(new Map());
  const [errors, setErrors] = useState<{ byPerson: Map<string, string[]>; message: string } | null>(null);
  const [saving, setSaving] = useState(false);

  // What the server holds replaces the edits whenever it is read again (another year, after saving).
  useEffect(() => {
    if (bases.data) setDrafts(new Map(bases.data.items.map((r) => [r.person.id, draftOf(r)])));
  }, [bases.data]);

  const failed = bases.error ?? settings.error;
  if (failed && !(bases.data && settings.data)) return <ApiFailure error={failed} onRetry={() => { bases.reload(); settings.reload(); }} />;
  if (!bases.data || !settings.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  const view = bases.data;
  const fixed = settings.data;
  const can = view.can.edit;
  const draft = (id: string) => drafts.get(id) ?? { kind: undefined, base: '', monthly: '', reason: '' };
  const change = (id: string, next: Partial<Draft>) => setDrafts(new Map(drafts).set(id, { ...draft(id), ...next }));

  const save = async () => {
    const rows = view.items.filter((r) => draft(r.person.id).kind !== undefined);
    if (rows.length === 0) return void message.warning(t('dues.bases.nothing'));
    if (rows.some((r) => { const x = reckon(draft(r.person.id), fixed); return x.badBase || x.badMonthly; })) return void message.error(t('dues.badAmount'));
    const items = rows.map((r) => {
      const d = draft(r.person.id);
      const x = reckon(d, fixed);
      return { personId: r.person.id, kind: d.kind!, baseFen: x.baseFen ?? undefined, monthlyFen: x.monthlyFen ?? undefined, reason: d.reason.trim() || undefined };
    });
    setSaving(true);
    try {
      const body: DuesBasesBody = { orgCode, year, items };
      await api.put<DuesBases>('/api/dues/bases', body);
      setErrors(null);
      message.success(t('dues.bases.saved', { count: items.length }));
      bases.reload();
    } catch (error) {
      const { byRow, message: whole } = rowProblems(error);
      setErrors({ byPerson: new Map([...byRow].map(([i, problems]) => [rows[i]!.person.id, problems.map((p) => p.message)])), message: whole });
    } finally {
      setSaving(false);
    }
  };

  const off = !can.allowed;
  const columns: TableColumnsType<DuesBaseRow> = [
    {
      key: 'member', title: t('dues.col.member'),
      render: (_, r) => (
        <Flex vertical gap={2}>
          <span>{r.person.name}</span>
          {errors?.byPerson.get(r.person.id)?.map((m) => <Typography.Text key={m} type="danger" data-testid="dues-row-error">{m}</Typography.Text>)}
        </Flex>
      ),
    },
    {
      key: 'kind', title: t('dues.bases.col.kind'), width: 220,
      render: (_, r) => (
        <Select<DuesKind> value={draft(r.person.id).kind} disabled={off} placeholder={t('dues.bases.pickKind')} style={{ width: '100%' }} popupMatchSelectWidth={false}
          onChange={(kind) => change(r.person.id, { kind, ...(hasRate(kind) ? {} : { base: '' }) })} data-testid="dues-base-kind"
          options={duesKinds.map((k) => ({ value: k, label: duesKindLabels[k][lang] }))} />
      ),
    },
    {
      key: 'base', title: t('dues.bases.col.base'), width: 130,
      render: (_, r) => {
        const d = draft(r.person.id);
        if (d.kind && !hasRate(d.kind)) return <Typography.Text type="secondary">{t('dues.bases.fixed')}</Typography.Text>;
        return <Input value={d.base} disabled={off || !d.kind} inputMode="decimal" status={d.kind && reckon(d, fixed).badBase && d.base ? 'error' : undefined}
          onChange={(e) => change(r.person.id, { base: e.target.value })} data-testid="dues-base-base" />;
      },
    },
    {
      key: 'rule', title: t('dues.bases.col.rule'), align: 'right',
      render: (_, r) => { const x = reckon(draft(r.person.id), fixed); return x.ruleFen === null ? '' : <span data-testid="dues-base-rule">{yuanOf(x.ruleFen)}</span>; },
    },
    {
      key: 'monthly', title: t('dues.bases.col.monthly'), width: 110,
      render: (_, r) => {
        const d = draft(r.person.id);
        const x = reckon(d, fixed);
        return <Input value={d.monthly} disabled={off || !d.kind} inputMode="decimal" placeholder={x.ruleFen === null ? '' : yuanOf(x.ruleFen)}
          status={x.badMonthly ? 'error' : undefined} onChange={(e) => change(r.person.id, { monthly: e.target.value })} data-testid="dues-base-monthly" />;
      },
    },
    {
      key: 'reason', title: t('dues.bases.col.reason'),
      render: (_, r) => {
        const d = draft(r.person.id);
        const x = reckon(d, fixed);
        if (!x.below && !d.reason) return null;
        return (
          <Space orientation="vertical" size={0} style={{ width: '100%' }}>
            <Input value={d.reason} disabled={off} maxLength={200} placeholder={t('dues.bases.reasonHint')} status={x.needsReason ? 'error' : undefined}
              onChange={(e) => change(r.person.id, { reason: e.target.value })} data-testid="dues-base-reason" />
            {x.needsReason && <Typography.Text type="danger">{t('dues.bases.reasonNeeded')}</Typography.Text>}
          </Space>
        );
      },
    },
  ];

  return (
    <Flex vertical gap={12}>
      {errors && <Alert type="error" showIcon closable onClose={() => setErrors(null)} title={errors.message} data-testid="dues-bases-error" />}
      <Spin spinning={bases.loading}>
        <Table<DuesBaseRow> data-testid="dues-bases" rowKey={(r) => r.person.id} size="small" columns={columns} dataSource={view.items}
          pagination={false} scroll={{ x: 900 }} locale={{ emptyText: t('dues.bases.empty') }}
          onRow={(r) => ({ 'data-testid': 'dues-base-row', 'data-person': r.person.name } as React.HTMLAttributes<HTMLElement>)} />
      </Spin>
      <Flex justify="flex-end">
        <Gate can={can} t={t}>
          <Button type="primary" disabled={off} loading={saving} onClick={save} data-testid="dues-bases-save">{t('dues.bases.save')}</Button>
        </Gate>
      </Flex>
    </Flex>
  );
}
