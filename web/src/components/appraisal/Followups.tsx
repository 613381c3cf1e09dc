import { Alert, App, Button, DatePicker, Flex, Form, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  followupActionLabels, followupActions, followupOutcomeLabels, latestCorrectionDeadline, outcomesOf, usualCorrectionDeadline,
  type FollowupAction, type FollowupOutcome,
} from '../../../../src/modules/appraisal/rules.js';
import { api } from '../../api.js';
import type { AppraisalFollowup, AppraisalRound } from '../../contracts.js';
import { disabledDate, isoDay, noteOf, showServerErrors, today } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';

interface Values { personId: string; action: FollowupAction; decidedOn: Dayjs; deadline?: Dayjs; responsible?: string; note?: string }

/** One follow-up's outcome, recorded in place: the outcomes its action allows, and the day. */
function OutcomeCell({ round, f, onSaved }: { round: AppraisalRound; f: AppraisalFollowup; onSaved: () => void }) {
  const { t, lang } = useI18n();
  const [outcome, setOutcome] = useState<FollowupOutcome | undefined>();
  const [on, setOn] = useState<Dayjs>(today());
  const [error, setError] = useState<string | null>(null);
  if (f.outcome) {
    return (
      <Flex vertical gap={2}>
        <span data-testid="appraisal-outcome">{followupOutcomeLabels[f.outcome][lang]} · {f.outcomeOn}</span>
        {f.readmissionFrom && <Typography.Text type="warning">{t('appraisal.followups.readmission', { date: f.readmissionFrom })}</Typography.Text>}
        {(f.outcome === 'withdrew' || f.outcome === 'removed') && <Link to={`/members/${f.person.id}`}>{t('appraisal.followups.endMembership')}</Link>}
      </Flex>
    );
  }
  if (!round.can.grade.allowed) return null;
  const save = async () => {
    if (!outcome) return;
    try {
      await api.patch<AppraisalFollowup>(`/api/appraisal/rounds/${round.id}/followups/${f.id}`, { outcome, outcomeOn: isoDay(on)! });
      setError(null);
      onSaved();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Flex vertical gap={4}>
      <Flex wrap gap={4}>
        <Select<FollowupOutcome> size="small" value={outcome} placeholder={t('appraisal.followups.outcome')} style={{ minWidth: 100 }} onChange={setOutcome}
          options={outcomesOf[f.action].map((o) => ({ value: o, label: followupOutcomeLabels[o][lang] }))} data-testid="appraisal-outcome-pick" />
        <DatePicker size="small" value={on} allowClear={false} disabledDate={disabledDate(f.decidedOn)} onChange={(d) => d && setOn(d)} />
        <Button size="small" disabled={!outcome} onClick={save} data-testid="appraisal-outcome-save">{t('appraisal.followups.record')}</Button>
      </Flex>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Flex>
  );
}

/** 不合格党员的组织处置: what the branch decided for each member graded 不合格, the deadline, the outcome. */
export function Followups({ round, onSaved }: { round: AppraisalRound; onSaved: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const action = Form.useWatch('action', form);
  const decidedOn = Form.useWatch('decidedOn', form);
  const unqualified = round.entries.filter((e) => e.grade === 'unqualified');
  if (round.status !== 'graded' || (unqualified.length === 0 && round.followups.length === 0)) return null;

  const save = async (v: Values) => {
    setSaving(true);
    setFailure(null);
    try {
      await api.post<AppraisalFollowup>(`/api/appraisal/rounds/${round.id}/followups`, {
        personId: v.personId, action: v.action, decidedOn: isoDay(v.decidedOn)!, deadline: v.action === 'correct' ? isoDay(v.deadline) : undefined,
        responsible: noteOf(v.responsible), note: noteOf(v.note),
      });
      message.success(t('appraisal.followups.saved'));
      form.resetFields();
      onSaved();
    } catch (error) {
      setFailure(showServerErrors(form, error, ['personId', 'action', 'decidedOn', 'deadline', 'responsible', 'note']));
    } finally {
      setSaving(false);
    }
  };

  const columns: TableColumnsType<AppraisalFollowup> = [
    { key: 'person', title: t('appraisal.col.member'), render: (_, f) => f.person.name },
    { key: 'action', title: t('appraisal.followups.action'), render: (_, f) => followupActionLabels[f.action][lang] },
    { key: 'decidedOn', title: t('appraisal.followups.decidedOn'), dataIndex: 'decidedOn' },
    {
      key: 'deadline', title: t('appraisal.followups.deadline'),
      render: (_, f) => f.deadline && <span>{f.deadline} {f.overdue && <Tag color="error" data-testid="appraisal-overdue">{t('appraisal.followups.overdue')}</Tag>}</span>,
    },
    { key: 'responsible', title: t('appraisal.followups.responsible'), render: (_, f) => f.responsible },
    { key: 'outcome', title: t('appraisal.followups.outcome'), render: (_, f) => <OutcomeCell round={round} f={f} onSaved={onSaved} /> },
  ];

  const decided = decidedOn ? isoDay(decidedOn)! : null;
  return (
    <Flex vertical gap={12} data-testid="appraisal-followups">
      <Typography.Title level={5} style={{ margin: 0 }}>{t('appraisal.followups.title')}</Typography.Title>
      <Table<AppraisalFollowup> rowKey="id" size="small" columns={columns} dataSource={round.followups} pagination={false} scroll={{ x: 760 }}
        locale={{ emptyText: t('appraisal.followups.empty') }} onRow={() => ({ 'data-testid': 'appraisal-followup-row' } as React.HTMLAttributes<HTMLElement>)} />
      {round.can.grade.allowed && unqualified.length > 0 && (
        <Form form={form} layout="vertical" onFinish={save} initialValues={{ decidedOn: today(), action: 'correct', deadline: dayjs(usualCorrectionDeadline(isoDay(today())!)) }} style={{ maxWidth: 640 }}>
          {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
          <Flex wrap gap="0 12px">
            <Form.Item name="personId" label={t('appraisal.col.member')} rules={[{ required: true, message: t('appraisal.followups.pickMember') }]} style={{ flex: '1 1 160px' }}>
              <Select options={unqualified.map((e) => ({ value: e.person.id, label: e.person.name }))} data-testid="appraisal-followup-person" />
            </Form.Item>
            <Form.Item name="action" label={t('appraisal.followups.action')} rules={[{ required: true }]} style={{ flex: '1 1 160px' }}>
              <Select options={followupActions.map((a) => ({ value: a, label: followupActionLabels[a][lang] }))} data-testid="appraisal-followup-action"
                onChange={(a: FollowupAction) => a === 'correct' && decided && form.setFieldValue('deadline', dayjs(usualCorrectionDeadline(decided)))} />
            </Form.Item>
            <Form.Item name="decidedOn" label={t('appraisal.followups.decidedOn')} rules={[{ required: true }]} style={{ flex: '1 1 160px' }}>
              <DatePicker allowClear={false} disabledDate={disabledDate(round.gradedOn)} style={{ width: '100%' }} data-testid="appraisal-followup-decided" />
            </Form.Item>
            {action === 'correct' && (
              <Form.Item name="deadline" label={t('appraisal.followups.deadline')} style={{ flex: '1 1 160px' }}
                extra={decided ? t('appraisal.followups.deadlineHint', { usual: usualCorrectionDeadline(decided), latest: latestCorrectionDeadline(decided) }) : undefined}>
                <DatePicker style={{ width: '100%' }} data-testid="appraisal-followup-deadline" />
              </Form.Item>
            )}
          </Flex>
          <Form.Item name="responsible" label={t('appraisal.followups.responsible')}>
            <Input maxLength={100} data-testid="appraisal-followup-responsible" />
          </Form.Item>
          <Form.Item name="note" label={t('appraisal.followups.note')}>
            <Input.TextArea maxLength={2000} autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="appraisal-followup-save">{t('appraisal.followups.add')}</Button>
        </Form>
      )}
    </Flex>
  );
}
