import { Alert, App, Button, Card, DatePicker, Descriptions, Drawer, Flex, Form, Input, InputNumber, List, Popconfirm, Radio, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useLayoutEffect, useState } from 'react';
import { api } from '../../api.js';
import type { RectificationAcceptanceBody, RectificationAction, RectificationCase, RectificationGroupBody, RectificationPlanBody } from '../../contracts.js';
import { isoDay, today } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';
import { useSubmit } from '../../useSubmit.js';
import { ApiFailure } from '../ApiFailure.js';
import { dayLabel } from '../screening/format.js';
import { reportPeriodName } from '../../../../src/modules/rectification/cases/rules.js';
import { splitNames, stateColors, whyNot } from './format.js';
import { PersonInput, type PersonValue } from './PersonInput.js';
import { Refused } from '../Refused.js';

interface Props { id: string | null; onClose: () => void; onChanged: () => void }

type PlanValues = { items: { problem: string; measure: string; responsible: PersonValue | null; deadline: Dayjs }[] };
type GroupValues = { groupLeader?: string; groupMembers?: string; dispatchedUnits?: string; firstSecretary?: PersonValue | null; countyLeader?: string };
type ReportValues = { content: string; forDay?: Dayjs };
type AcceptValues = { acceptedOn: Dayjs; scores: number[]; dissatisfiedPermille?: number; result: 'pass' | 'basic_pass' | 'fail'; reasons?: string; newDeadline?: Dayjs };
type Settings = { scoreSheet: { item: string; max: number }[] };

const knownActions = new Set(['defined', 'plan_saved', 'group_changed', 'plan_approved', 'started', 'item_done', 'reported', 'reported_late', 'acceptance_requested', 'accepted', 'returned', 'relapsed', 'closed']);

/** A button that says why it is disabled. */
function Act({ can, children, ...rest }: { can: RectificationAction; children: React.ReactNode } & React.ComponentProps<typeof Button>) {
  const { t } = useI18n();
  return <Refused reason={whyNot(t, can)}><Button disabled={!can.allowed} {...rest}>{children}</Button></Refused>;
}

/** One case: findings, plan, group, reports, acceptance and closure, and the timeline of what happened. */
export function CaseDrawer({ id, onClose, onChanged }: Props) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const view = useApi(id ? `rectification-case|${id}|${lang}` : null, (signal) => api.get<RectificationCase>(`/api/rectification/cases/${id}`, undefined, { signal }));
  const settings = useApi(id ? 'rectification-settings' : null, (signal) => api.get<Settings>('/api/rectification/settings', undefined, { signal }));
  const [planForm] = Form.useForm<PlanValues>();
  const [groupForm] = Form.useForm<GroupValues>();
  const [reportForm] = Form.useForm<ReportValues>();
  const [acceptForm] = Form.useForm<AcceptValues>();
  const [approveForm] = Form.useForm<{ deadline: Dayjs }>();
  const c = view.data;
  const [evidence, setEvidence] = useState<Record<string, string>>({});
  const saved = () => { message.success(t('rectification.saved')); view.reload(); onChanged(); };
  const url = (suffix: string) => `/api/rectification/cases/${id}${suffix}`;

  useLayoutEffect(() => {
    if (!c) return;
    planForm.setFieldsValue({ items: c.items.map((i) => ({ problem: i.problem, measure: i.measure, responsible: { name: i.responsible, personId: i.responsiblePersonId }, deadline: dayjs(i.deadline) })) });
    groupForm.setFieldsValue({
      groupLeader: c.group.leader ?? undefined, groupMembers: c.group.members.join('、'), dispatchedUnits: c.group.dispatchedUnits.join('、'),
      firstSecretary: c.group.firstSecretary ? { name: c.group.firstSecretary.name, personId: c.group.firstSecretary.id } : null, countyLeader: c.group.countyLeader ?? undefined,
    });
  }, [c, planForm, groupForm]);

  const plan = useSubmit<PlanValues>(planForm, ['items'], async (v) => {
    const body: RectificationPlanBody = {
      items: (v.items ?? []).map((i) => ({
        problem: i.problem, measure: i.measure, responsible: i.responsible?.name.trim() ?? '', responsiblePersonId: i.responsible?.personId ?? null, deadline: isoDay(i.deadline)!,
      })),
    };
    await api.put(url('/plan'), body);
    saved();
  });
  const group = useSubmit<GroupValues>(groupForm, ['groupLeader', 'groupMembers', 'dispatchedUnits', 'firstSecretary', 'countyLeader'], async (v) => {
    const body: RectificationGroupBody = {
      groupLeader: v.groupLeader?.trim() || null, groupMembers: splitNames(v.groupMembers), dispatchedUnits: splitNames(v.dispatchedUnits),
      firstSecretaryId: v.firstSecretary?.personId ?? null, firstSecretaryName: v.firstSecretary?.name.trim() || null, countyLeader: v.countyLeader?.trim() || null,
    };
    await api.put(url('/group'), body);
    saved();
  });
  const approve = useSubmit<{ deadline: Dayjs }>(approveForm, ['deadline'], async (v) => { await api.post(url('/approve'), { deadline: isoDay(v.deadline) }); saved(); });
  const report = useSubmit<ReportValues>(reportForm, ['content', 'forDay'], async (v) => {
    await api.post(url('/reports'), { content: v.content, forDay: isoDay(v.forDay) });
    reportForm.resetFields();
    saved();
  });
  const accept = useSubmit<AcceptValues>(acceptForm, ['acceptedOn', 'scoreSheet', 'dissatisfiedPermille', 'result', 'reasons', 'newDeadline'], async (v) => {
    const sheet = settings.data?.scoreSheet ?? [];
    const body: RectificationAcceptanceBody = {
      acceptedOn: isoDay(v.acceptedOn)!, scoreSheet: sheet.map((s, i) => ({ ...s, score: v.scores?.[i] ?? 0 })), dissatisfiedPermille: v.dissatisfiedPermille ?? null,
      result: v.result, reasons: v.reasons?.trim() || null, newDeadline: v.result === 'fail' ? isoDay(v.newDeadline) ?? null : null,
    };
    await api.post(url('/acceptances'), body);
    acceptForm.resetFields();
    saved();
  });
  const post = async (suffix: string, body: object = {}) => {
    try { await api.post(url(suffix), body); saved(); } catch (e) { message.error(e instanceof Error ? e.message : String(e)); }
  };

  const body = () => {
    if (view.error && !c) return <ApiFailure error={view.error} onRetry={view.reload} />;
    if (!c) return <Skeleton active paragraph={{ rows: 10 }} />;
    return (
      <Flex vertical gap={12}>
        <Descriptions size="small" column={2} items={[
          { key: 's', label: t('rectification.state'), children: <Tag color={stateColors[c.state]} data-testid="case-state">{t(`rectification.state.${c.state}`)}</Tag> },
          { key: 'd', label: t('rectification.deadline'), children: <Typography.Text type={c.overdue ? 'danger' : undefined}>{dayLabel(c.deadline, lang)}</Typography.Text> },
          { key: 'b', label: t('rectification.basis'), children: c.basis },
          { key: 'w', label: t('rectification.categories'), children: `${c.categories.map((x) => t(`rectification.category.${x as 'soft'}`)).join('、')} ${c.watchUntil ? t('rectification.watchUntil', { day: dayLabel(c.watchUntil, lang) }) : ''}` },
          { key: 'dep', label: t('rectification.departments'), children: c.departments.join('、') },
          { key: 'm', label: t('rectification.missed'), children: c.missed.length === 0 ? t('rectification.none') : <Typography.Text type="danger">{c.missed.map((m) => reportPeriodName(m.periodKey, lang)).join('、')}</Typography.Text> },
        ]} />
        <Card size="small" title={t('rectification.findings')}>
          <List size="small" dataSource={c.findings} renderItem={(f) => <List.Item>{f.criterionCode} {f.criterionTitle}：{f.evidence}（{dayLabel(f.foundOn, lang)}）</List.Item>} />
        </Card>
        <Card size="small" title={t('rectification.plan')}>
          {c.can.editPlan.allowed ? (
            <Form form={planForm} layout="vertical" onFinish={(v) => void plan.submit(v)} data-testid="plan-form">
              {plan.error && <Alert type="error" showIcon title={plan.error} style={{ marginBottom: 8 }} />}
              <Form.List name="items">
                {(fields, { add, remove }) => (
                  <Flex vertical gap={4}>
                    {fields.map((f) => (
                      <Space key={f.key} align="start" wrap>
                        <Form.Item name={[f.name, 'problem']} rules={[{ required: true }]}><Input placeholder={t('rectification.problem')} data-testid={`plan-problem-${f.name}`} /></Form.Item>
                        <Form.Item name={[f.name, 'measure']} rules={[{ required: true }]}><Input placeholder={t('rectification.measure')} data-testid={`plan-measure-${f.name}`} /></Form.Item>
                        <Form.Item name={[f.name, 'responsible']} rules={[{ validator: (_, p: PersonValue | null) => (p?.name.trim() ? Promise.resolve() : Promise.reject(new Error(t('rectification.responsibleRequired')))) }]}>
                          <PersonInput org={c.org.code} placeholder={t('rectification.responsible')} data-testid={`plan-responsible-${f.name}`} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'deadline']} rules={[{ required: true }]}><DatePicker placeholder={t('rectification.itemDeadline')} data-testid={`plan-deadline-${f.name}`} /></Form.Item>
                        <Button onClick={() => remove(f.name)}>×</Button>
                      </Space>
                    ))}
                    <Space>
                      <Button onClick={() => add()} data-testid="plan-add">{t('rectification.addItem')}</Button>
                      <Button type="primary" htmlType="submit" loading={plan.busy} data-testid="plan-save">{t('rectification.savePlan')}</Button>
                    </Space>
                  </Flex>
                )}
              </Form.List>
            </Form>
          ) : (
            <Table size="small" rowKey="id" pagination={false} dataSource={c.items} columns={[
              { title: '#', dataIndex: 'position' },
              { title: t('rectification.problem'), dataIndex: 'problem' },
              { title: t('rectification.measure'), dataIndex: 'measure' },
              { title: t('rectification.responsible'), render: (_, i) => <>{i.responsible}{i.responsiblePersonId && <Tag color="green" style={{ marginInlineStart: 4 }}>{t('rectification.person.onRecord')}</Tag>}</> },
              { title: t('rectification.itemDeadline'), render: (_, i) => <Typography.Text type={i.overdue ? 'danger' : undefined}>{dayLabel(i.deadline, lang)}</Typography.Text> },
              { title: t('rectification.done'), render: (_, i) => (i.doneOn ? `${dayLabel(i.doneOn, lang)} ${i.evidence}` : (
                <Space.Compact>
                  <Input size="small" placeholder={t('rectification.evidence')} disabled={!c.can.markItem.allowed} value={evidence[i.id] ?? ''}
                    onChange={(e) => setEvidence({ ...evidence, [i.id]: e.target.value })} data-testid={`item-evidence-${i.position}`} />
                  <Act can={c.can.markItem} size="small" data-testid={`item-done-${i.position}`}
                    onClick={() => void post(`/items/${i.id}/done`, { doneOn: isoDay(today()), evidence: evidence[i.id] ?? '' })}>{t('rectification.markDone')}</Act>
                </Space.Compact>
              )) },
            ]} />
          )}
          <Flex gap={8} wrap style={{ marginTop: 8 }}>
            <Form form={approveForm} layout="inline" onFinish={(v) => void approve.submit(v)}>
              <Form.Item name="deadline" rules={[{ required: true }]}><DatePicker placeholder={t('rectification.deadline')} data-testid="approve-deadline" /></Form.Item>
              <Act can={c.can.approvePlan} htmlType="submit" loading={approve.busy} data-testid="approve">{t('rectification.approve')}</Act>
            </Form>
            <Act can={c.can.start} onClick={() => void post('/start')} data-testid="start">{t('rectification.start')}</Act>
            <Act can={c.can.requestAcceptance} onClick={() => void post('/request-acceptance')} data-testid="request-acceptance">{t('rectification.requestAcceptance')}</Act>
          </Flex>
          {approve.error && <Alert type="error" showIcon title={approve.error} style={{ marginTop: 8 }} />}
        </Card>
        <Card size="small" title={t('rectification.group')}>
          <Form form={groupForm} layout="vertical" onFinish={(v) => void group.submit(v)} disabled={!c.can.editGroup.allowed} data-testid="group-form">
            {group.error && <Alert type="error" showIcon title={group.error} style={{ marginBottom: 8 }} />}
            <Space wrap align="start">
              <Form.Item name="groupLeader" label={t('rectification.groupLeader')}><Input data-testid="group-leader" /></Form.Item>
              <Form.Item name="groupMembers" label={t('rectification.groupMembers')}><Input /></Form.Item>
              <Form.Item name="dispatchedUnits" label={t('rectification.dispatchedUnits')}><Input /></Form.Item>
              <Form.Item name="firstSecretary" label={t('rectification.firstSecretary')}><PersonInput org={c.township?.code ?? c.org.code} data-testid="group-first-secretary" /></Form.Item>
              <Form.Item name="countyLeader" label={t('rectification.countyLeader')}><Input /></Form.Item>
            </Space>
            <Act can={c.can.editGroup} htmlType="submit" loading={group.busy} data-testid="group-save">{t('rectification.saveGroup')}</Act>
          </Form>
        </Card>
        <Card size="small" title={t('rectification.reports')}>
          <List size="small" dataSource={c.reports} data-testid="reports" renderItem={(r) => (
            <List.Item>{reportPeriodName(r.periodKey, lang)} {dayLabel(r.reportedOn, lang)} {r.late && <Tag color="red">{t('rectification.late')}</Tag>} {r.content}</List.Item>
          )} />
          {c.currentPeriod && <Typography.Text type="secondary">{t('rectification.currentPeriod', { period: reportPeriodName(c.currentPeriod.key, lang), start: dayLabel(c.currentPeriod.start, lang), end: dayLabel(c.currentPeriod.end, lang) })}</Typography.Text>}
          <Form form={reportForm} layout="vertical" onFinish={(v) => void report.submit(v)} disabled={!c.can.report.allowed} data-testid="report-form">
            {report.error && <Alert type="error" showIcon title={report.error} style={{ marginBottom: 8 }} />}
            <Form.Item name="content" label={t('rectification.reportContent')} rules={[{ required: true }]}><Input.TextArea rows={2} data-testid="report-content" /></Form.Item>
            <Form.Item name="forDay" label={t('rectification.forDay')}><DatePicker /></Form.Item>
            <Act can={c.can.report} htmlType="submit" loading={report.busy} data-testid="report-save">{t('rectification.fileReport')}</Act>
          </Form>
        </Card>
        <Card size="small" title={t('rectification.acceptances')}>
          <List size="small" dataSource={c.acceptances} renderItem={(a) => (
            <List.Item>{dayLabel(a.acceptedOn, lang)} {t(`rectification.result.${a.result}`)} {t('rectification.points', { score: a.score })} {a.reasons ?? ''} {a.newDeadline ? t('rectification.newDeadlineOn', { date: dayLabel(a.newDeadline, lang) }) : ''}</List.Item>
          )} />
          {c.can.accept.allowed && settings.data && (
            <Form form={acceptForm} layout="vertical" onFinish={(v) => void accept.submit(v)} data-testid="accept-form"
              initialValues={{ acceptedOn: today(), result: 'pass', scores: settings.data.scoreSheet.map(() => undefined) }}>
              {accept.error && <Alert type="error" showIcon title={accept.error} style={{ marginBottom: 8 }} />}
              <Form.Item name="acceptedOn" label={t('rectification.acceptedOn')} rules={[{ required: true }]}><DatePicker /></Form.Item>
              {settings.data.scoreSheet.map((s, i) => (
                <Form.Item key={s.item} name={['scores', i]} label={`${s.item}（${t('rectification.max')} ${s.max}）`} rules={[{ required: true }]}>
                  <InputNumber min={0} max={s.max} step={0.5} data-testid={`score-${i}`} />
                </Form.Item>
              ))}
              <Form.Item name="dissatisfiedPermille" label={t('rectification.dissatisfied')}><InputNumber min={0} max={1000} data-testid="dissatisfied" /></Form.Item>
              <Form.Item name="result" label={t('rectification.result')}>
                <Radio.Group options={(['pass', 'basic_pass', 'fail'] as const).map((r) => ({ value: r, label: <span data-testid={`result-${r}`}>{t(`rectification.result.${r}`)}</span> }))} />
              </Form.Item>
              <Form.Item name="reasons" label={t('rectification.reasons')}><Input.TextArea rows={2} data-testid="reasons" /></Form.Item>
              <Form.Item name="newDeadline" label={t('rectification.newDeadline')}><DatePicker data-testid="new-deadline" /></Form.Item>
              <Button type="primary" htmlType="submit" loading={accept.busy} data-testid="accept-save">{t('rectification.recordAcceptance')}</Button>
            </Form>
          )}
          <Flex gap={8} align="center" style={{ marginTop: 8 }}>
            <Popconfirm title={t('rectification.closeConfirm')} onConfirm={() => void post('/close')} disabled={!c.can.close.allowed}>
              <Button danger disabled={!c.can.close.allowed} data-testid="close">{t('rectification.close')}</Button>
            </Popconfirm>
            {!c.can.close.allowed && <Typography.Text type="secondary" data-testid="close-reason">{whyNot(t, c.can.close)}</Typography.Text>}
          </Flex>
        </Card>
        <Card size="small" title={t('rectification.timeline')}>
          <Timeline data-testid="timeline" items={[...c.events].reverse().map((e) => ({
            key: e.id, color: e.action === 'returned' || e.action === 'relapsed' || e.action === 'reported_late' ? 'red' : e.action === 'closed' ? 'green' : 'blue',
            content: `${dayLabel(e.day, lang)} ${knownActions.has(e.action) ? t(`rectification.action.${e.action}` as 'rectification.action.defined') : e.action}${e.note ? `：${e.action === 'reported' || e.action === 'reported_late' ? reportPeriodName(e.note, lang) : e.note}` : ''}`,
          }))} />
        </Card>
      </Flex>
    );
  };

  return <Drawer open={id !== null} onClose={onClose} title={c ? `${c.org.name} ${c.year}` : t('rectification.case')} size="large" destroyOnHidden>{body()}</Drawer>;
}
