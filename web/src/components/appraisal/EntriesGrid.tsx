import { Alert, App, Button, DatePicker, Flex, Input, InputNumber, Select, Space, Tag, Typography, type TableColumnsType, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { excellentCap, gradeLabels, grades, type Grade } from '../../../../src/modules/appraisal/rules.js';
import { api } from '../../api.js';
import type { AppraisalEntry, AppraisalRound, MeetingPage, Permission } from '../../contracts.js';
import { disabledDate, isoDay, today } from '../../forms.js';
import { useI18n, type Translate } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';
import { problemsByRow } from './problems.js';
import { Refused } from '../Refused.js';

const countFields = ['mutualExcellent', 'mutualQualified', 'mutualBasic', 'mutualUnqualified', 'massesSatisfied', 'massesBasic', 'massesUnsatisfied'] as const;
type CountField = (typeof countFields)[number];
type Draft = Record<CountField, number> & { selfAssessment: string; massesOpinion: string; grade: Grade | undefined; note: string };

const draftOf = (e: AppraisalEntry): Draft => ({
  ...Object.fromEntries(countFields.map((f) => [f, e[f]])) as Record<CountField, number>,
  selfAssessment: e.selfAssessment ?? '', massesOpinion: e.massesOpinion ?? '', grade: e.grade ?? undefined, note: e.gradeNote ?? '',
});

/** An action the user's posts (or the round's state) may not allow: disabled, with the reason on hover. */
function Gate({ can, t, children }: { can: Permission; t: Translate; children: React.ReactElement }) {
  if (can.allowed) return children;
  return <Refused reason={t(`appraisal.reason.${can.reason ?? 'graded'}` as 'appraisal.reason.graded')}>{children}</Refused>;
}

/**
 * 测评与定等: every member of the round as a row, the evaluations typed in place and saved at once,
 * the grades filled from the suggestion or by hand and decided with the day and the meeting.
 */
export function EntriesGrid({ round, onSaved }: { round: AppraisalRound; onSaved: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [drafts, setDrafts] = useState<Map<string, Draft>>(new Map());
  const [errors, setErrors] = useState<{ byPerson: Map<string, string[]>; others: string[]; message: string } | null>(null);
  const [gradedOn, setGradedOn] = useState<Dayjs>(round.gradedOn ? dayjs(round.gradedOn) : today());
  const [meetingId, setMeetingId] = useState<string | undefined>(round.meeting?.id);
  const [busy, setBusy] = useState<'evaluate' | 'grade' | null>(null);
  const meetings = useApi(`${round.org.code}|held`, (signal) => api.get<MeetingPage>('/api/meetings', { org: round.org.code, status: 'held', pageSize: 200 }, { signal }));

  useEffect(() => setDrafts(new Map(round.entries.map((e) => [e.person.id, draftOf(e)]))), [round]);

  const draft = (id: string) => drafts.get(id) ?? draftOf(round.entries.find((e) => e.person.id === id)!);
  const change = (id: string, next: Partial<Draft>) => setDrafts(new Map(drafts).set(id, { ...draft(id), ...next }));
  const evaluating = round.can.evaluate.allowed;
  const grading = round.can.grade.allowed;
  const full = round.entries.filter((e) => e.category === 'full');
  const cap = excellentCap(full.length, round.excellentCapPermille);
  const excellent = full.filter((e) => draft(e.person.id).grade === 'excellent').length;

  const fail = (error: unknown, list: 'items' | 'grades', rows: AppraisalEntry[]) => {
    const { byRow, others, message: whole } = problemsByRow(error, list);
    setErrors({ byPerson: new Map([...byRow].map(([i, m]) => [rows[i]!.person.id, m])), others, message: whole });
  };

  const saveEvaluations = async () => {
    const rows = round.entries;
    const items = rows.map((e) => {
      const d = draft(e.person.id);
      return {
        personId: e.person.id, ...Object.fromEntries(countFields.map((f) => [f, d[f]])) as Record<CountField, number>,
        selfAssessment: d.selfAssessment.trim() || null, massesOpinion: d.massesOpinion.trim() || null,
      };
    });
    setBusy('evaluate');
    try {
      await api.put<AppraisalRound>(`/api/appraisal/rounds/${round.id}/entries`, { items });
      setErrors(null);
      message.success(t('appraisal.evaluations.saved'));
      onSaved();
    } catch (error) {
      fail(error, 'items', rows);
    } finally {
      setBusy(null);
    }
  };

  const suggest = () => {
    const next = new Map(drafts);
    for (const e of full) next.set(e.person.id, { ...draft(e.person.id), grade: e.suggestedGrade ?? 'qualified' });
    setDrafts(next);
    message.info(t('appraisal.grades.suggested'));
  };

  const saveGrades = async () => {
    const rows = full.filter((e) => draft(e.person.id).grade !== undefined);
    const body = {
      gradedOn: isoDay(gradedOn)!, meetingId: meetingId ?? null,
      grades: rows.map((e) => ({ personId: e.person.id, grade: draft(e.person.id).grade!, note: draft(e.person.id).note.trim() || null })),
    };
    setBusy('grade');
    try {
      await api.post<AppraisalRound>(`/api/appraisal/rounds/${round.id}/grade`, body);
      setErrors(null);
      message.success(t('appraisal.grades.saved'));
      onSaved();
    } catch (error) {
      fail(error, 'grades', rows);
    } finally {
      setBusy(null);
    }
  };

  const number = (e: AppraisalEntry, field: CountField, label: string) => (
    <Flex key={field} align="center" gap={4}>
      <Typography.Text type="secondary" style={{ minWidth: 56, fontSize: 12 }}>{label}</Typography.Text>
      <InputNumber size="small" min={0} max={100000} precision={0} value={draft(e.person.id)[field]} disabled={!evaluating} style={{ width: 72 }}
        onChange={(v) => change(e.person.id, { [field]: v ?? 0 })} data-testid={`appraisal-${field}`} />
    </Flex>
  );

  const columns: TableColumnsType<AppraisalEntry> = [
    {
      key: 'member', title: t('appraisal.col.member'), width: 140, fixed: 'left',
      render: (_, e) => (
        <Flex vertical gap={2}>
          <span>{e.person.name}</span>
          <Tag color={e.category === 'full' ? 'red' : 'orange'} style={{ width: 'fit-content' }}>{t(`appraisal.category.${e.category}`)}</Tag>
          {errors?.byPerson.get(e.person.id)?.map((m) => <Typography.Text key={m} type="danger" data-testid="appraisal-row-error">{m}</Typography.Text>)}
        </Flex>
      ),
    },
    {
      key: 'self', title: t('appraisal.col.self'), width: 200,
      render: (_, e) => <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={4000} value={draft(e.person.id).selfAssessment} disabled={!evaluating}
        onChange={(x) => change(e.person.id, { selfAssessment: x.target.value })} data-testid="appraisal-self" />,
    },
    {
      key: 'mutual', title: t('appraisal.col.mutual', { allowed: round.mutualVotesAllowed }), width: 150,
      render: (_, e) => <Space orientation="vertical" size={2}>{(['mutualExcellent', 'mutualQualified', 'mutualBasic', 'mutualUnqualified'] as const).map((f, i) => number(e, f, gradeLabels[grades[i]!][lang]))}</Space>,
    },
    {
      key: 'masses', title: t('appraisal.col.masses'), width: 200,
      render: (_, e) => (
        <Space orientation="vertical" size={2}>
          {number(e, 'massesSatisfied', t('appraisal.masses.satisfied'))}
          {number(e, 'massesBasic', t('appraisal.masses.basic'))}
          {number(e, 'massesUnsatisfied', t('appraisal.masses.unsatisfied'))}
          <Input size="small" maxLength={4000} placeholder={t('appraisal.masses.opinion')} value={draft(e.person.id).massesOpinion} disabled={!evaluating}
            onChange={(x) => change(e.person.id, { massesOpinion: x.target.value })} data-testid="appraisal-opinion" />
        </Space>
      ),
    },
    {
      key: 'grade', title: t('appraisal.col.grade'), width: 190,
      render: (_, e) => {
        if (e.category !== 'full') return <Typography.Text type="secondary">{t('appraisal.grades.probationary')}</Typography.Text>;
        const d = draft(e.person.id);
        return (
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            <Select<Grade> size="small" value={d.grade} disabled={!grading} placeholder={t('appraisal.grades.pick')} style={{ width: '100%' }} allowClear
              status={d.grade === 'excellent' && excellent > cap ? 'error' : undefined}
              onChange={(grade) => change(e.person.id, { grade })} data-testid="appraisal-grade"
              options={grades.map((g) => ({ value: g, label: gradeLabels[g][lang] }))} />
            {e.suggestedGrade && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('appraisal.grades.suggestion', { grade: gradeLabels[e.suggestedGrade][lang] })}</Typography.Text>}
            {(d.grade === 'unqualified' || d.note) && (
              <Input size="small" maxLength={1000} placeholder={t('appraisal.grades.note')} value={d.note} disabled={!grading}
                status={d.grade === 'unqualified' && !d.note.trim() ? 'error' : undefined}
                onChange={(x) => change(e.person.id, { note: x.target.value })} data-testid="appraisal-note" />
            )}
          </Space>
        );
      },
    },
  ];

  const deciding = (meetings.data?.items ?? []).filter((m) => m.kind === 'members_meeting' || m.kind === 'life_meeting');
  return (
    <Flex vertical gap={12}>
      {errors && (
        <Alert type="error" showIcon closable onClose={() => setErrors(null)} data-testid="appraisal-error"
          title={errors.others.length > 0 ? errors.others.join('；') : errors.message} />
      )}
      <Table<AppraisalEntry> data-testid="appraisal-entries" rowKey={(e) => e.person.id} size="small" columns={columns} dataSource={round.entries}
        pagination={false} scroll={{ x: 880 }}
        onRow={(e) => ({ 'data-testid': 'appraisal-row', 'data-person': e.person.name } as React.HTMLAttributes<HTMLElement>)} />
      <Flex wrap gap={8} justify="space-between" align="center">
        <Gate can={round.can.evaluate} t={t}>
          <Button disabled={!evaluating} loading={busy === 'evaluate'} onClick={saveEvaluations} data-testid="appraisal-save-evaluations">{t('appraisal.evaluations.save')}</Button>
        </Gate>
        <Tag color={excellent > cap ? 'error' : 'processing'} data-testid="appraisal-cap">
          {t('appraisal.grades.cap', { excellent: gradeLabels.excellent[lang], count: excellent, cap, full: full.length })}
        </Tag>
      </Flex>
      <Flex wrap gap={8} align="center">
        <Gate can={round.can.grade} t={t}>
          <Button disabled={!grading} onClick={suggest} data-testid="appraisal-suggest">{t('appraisal.grades.suggest')}</Button>
        </Gate>
        <DatePicker value={gradedOn} allowClear={false} disabled={!grading} disabledDate={disabledDate(round.openedOn)} onChange={(d) => d && setGradedOn(d)}
          data-testid="appraisal-graded-on" aria-label={t('appraisal.grades.gradedOn')} />
        <Select<string> allowClear value={meetingId} disabled={!grading} placeholder={t('appraisal.grades.meeting')} style={{ minWidth: 220 }}
          onChange={setMeetingId} data-testid="appraisal-meeting"
          options={deciding.map((m) => ({ value: m.id, label: `${m.heldOn} ${m.topic}` }))} />
        <Gate can={round.can.grade} t={t}>
          <Button type="primary" disabled={!grading} loading={busy === 'grade'} onClick={saveGrades} data-testid="appraisal-save-grades">
            {t(round.status === 'graded' ? 'appraisal.grades.regrade' : 'appraisal.grades.save')}
          </Button>
        </Gate>
      </Flex>
    </Flex>
  );
}
