import { Alert, App, Button, Card, DatePicker, Flex, Input, InputNumber, Modal, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { gradeOf, mergeScores, weightedTotal } from '../../../../src/modules/assessments/rules.js';
import { ApiError, api, fieldName } from '../../api.js';
import type { AssessmentResult, AssessmentRound } from '../../contracts.js';
import { disabledDate, isoDay, today } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { useApi } from '../../useApi.js';
import { ApiFailure } from '../ApiFailure.js';
import { EChart, type ChartOption } from '../home/EChart.js';
import { dayLabel, reasonOf } from './format.js';
import { Refused } from '../Refused.js';

const gradeColors = ['#cf1322', '#1677ff', '#faad14', '#595959', '#8c8c8c', '#bfbfbf', '#d9d9d9', '#f0f0f0'];
type Edits = Record<string, Record<string, number | null>>;

/**
 * One round: the results grid (a score per part, the total and grade computed as typed, saved all at
 * once), the grade distribution and the scores by township, upgrade plans for low and 一般 results
 * with the link to a rectification case, and finishing the round.
 */
export function RoundDetail({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const round = useApi(`round|${id}|${lang}`, (signal) => api.get<AssessmentRound>(`/api/assessments/rounds/${id}`, undefined, { signal }));
  const [edits, setEdits] = useState<Edits>({});
  const [rowErrors, setRowErrors] = useState<Map<string, string[]>>(new Map());
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [finishOn, setFinishOn] = useState<Dayjs | null>(today());
  const [planFor, setPlanFor] = useState<AssessmentResult | null>(null);
  const [planText, setPlanText] = useState('');

  const data = round.data;
  const charts = useMemo(() => {
    if (!data) return null;
    const pie = {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['35%', '65%'], data: data.grades.map((g, i) => ({ name: g.label, value: g.count, itemStyle: { color: gradeColors[i] } })) }],
    } as ChartOption;
    const bar = {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 32, containLabel: true },
      xAxis: { type: 'category', data: data.byTownship.map((b) => b.township.name), axisLabel: { interval: 0, rotate: data.byTownship.length > 6 ? 45 : 0, fontSize: 11 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: data.scheme.grades.map((g, i) => ({ type: 'bar', stack: 'grades', name: g.label, data: data.byTownship.map((b) => b.grades[i]!.count), itemStyle: { color: gradeColors[i] } })),
    } as ChartOption;
    return { pie, bar };
  }, [data]);

  if (round.error && !data) return <ApiFailure error={round.error} onRetry={round.reload} />;
  if (!data || !charts) return <Skeleton active paragraph={{ rows: 8 }} />;
  const { scheme } = data;
  const changed = Object.keys(edits).length > 0;
  const scoresOf = (r: AssessmentResult) => mergeScores(r.partScores, edits[r.org.code] ?? {});

  const setScore = (code: string, part: string, value: number | null) => setEdits((e) => ({ ...e, [code]: { ...e[code], [part]: value } }));

  const save = async () => {
    setBusy(true);
    setFailure(null);
    const items = Object.entries(edits).map(([orgCode, partScores]) => ({ orgCode, partScores }));
    try {
      await api.put<AssessmentRound>(`/api/assessments/rounds/${id}/results`, { items });
      setEdits({});
      setRowErrors(new Map());
      message.success(t('assessments.results.saved'));
      round.reload();
      onChanged();
    } catch (error) {
      if (error instanceof ApiError) {
        const byRow = new Map<string, string[]>();
        for (const f of error.fields) {
          const m = /^items\.(\d+)\./.exec(fieldName(f.path));
          const code = m ? items[Number(m[1])]?.orgCode : undefined;
          if (code) byRow.set(code, [...(byRow.get(code) ?? []), f.message]);
        }
        setRowErrors(byRow);
        setFailure(error.message);
      } else setFailure(String(error));
    } finally {
      setBusy(false);
    }
  };

  const finish = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await api.post<AssessmentRound>(`/api/assessments/rounds/${id}/finish`, { finishedOn: isoDay(finishOn) });
      message.success(t('assessments.round.finishedDone'));
      round.reload();
      onChanged();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const savePlan = async () => {
    if (!planFor) return;
    try {
      await api.put<AssessmentRound>(`/api/assessments/rounds/${id}/results/${planFor.org.code}/plan`, { upgradePlan: planText.trim() || null });
      message.success(t('assessments.plan.saved'));
      setPlanFor(null);
      round.reload();
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };

  const columns: TableColumnsType<AssessmentResult> = [
    { key: 'org', title: t('assessments.results.org'), fixed: 'left', render: (_, r) => (
      <Flex vertical>
        <span>{r.org.name}</span>
        {r.township.code !== r.org.code && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.township.name}</Typography.Text>}
        {rowErrors.get(r.org.code)?.map((e) => <Typography.Text key={e} type="danger" style={{ fontSize: 12 }}>{e}</Typography.Text>)}
      </Flex>
    ) },
    ...(data.subject === 'secretary' ? [{ key: 'person', title: t('assessments.results.secretary'), render: (_: unknown, r: AssessmentResult) => r.person?.name ?? <Tag>{t('assessments.results.vacant')}</Tag> }] : []),
    ...scheme.parts.map((p) => ({
      key: p.key, title: `${p.label}（${p.weight}%）`,
      render: (_: unknown, r: AssessmentResult) => (
        <InputNumber min={0} max={100} step={0.5} precision={1} style={{ width: 90 }} disabled={!data.can.enter.allowed}
          value={scoresOf(r)[p.key] ?? null} onChange={(v) => setScore(r.org.code, p.key, typeof v === 'number' ? v : null)}
          data-testid={`assessments-score-${r.org.code}-${p.key}`} />
      ),
    })),
    { key: 'total', title: t('assessments.results.total'), render: (_, r) => {
      const total = weightedTotal(scheme.parts, scoresOf(r));
      return <span data-testid={`assessments-total-${r.org.code}`}>{total ?? '—'}</span>;
    } },
    { key: 'grade', title: t('assessments.results.grade'), render: (_, r) => {
      const grade = gradeOf(scheme.grades, weightedTotal(scheme.parts, scoresOf(r)));
      return grade && <Tag color={grade.low ? 'red' : undefined} data-testid={`assessments-grade-${r.org.code}`}>{grade.label}</Tag>;
    } },
    { key: 'plan', title: t('assessments.results.plan'), render: (_, r) => (
      <Flex vertical gap={4}>
        {r.needsPlan && (
          <Refused reason={data.can.plan.allowed ? null : reasonOf(t, data.can.plan.reason)}>
            <Button size="small" type={r.upgradePlan ? 'default' : 'primary'} disabled={!data.can.plan.allowed} data-testid={`assessments-plan-${r.org.code}`}
              onClick={() => { setPlanFor(r); setPlanText(r.upgradePlan ?? ''); }}>
              {r.upgradePlan ? t('assessments.plan.edit') : t('assessments.plan.add')}
            </Button>
          </Refused>
        )}
        {r.upgradePlan && <Typography.Paragraph ellipsis={{ rows: 2, tooltip: r.upgradePlan }} style={{ margin: 0, maxWidth: 240 }}>{r.upgradePlan}</Typography.Paragraph>}
        {r.rectificationCase && <Tag color="orange">{t('assessments.results.case', { year: r.rectificationCase.year, state: t(`assessments.caseState.${r.rectificationCase.state}` as MessageKey) })}</Tag>}
      </Flex>
    ) },
  ];

  const statusText = data.status === 'finished' ? t('assessments.round.finishedOn', { date: dayLabel(data.finishedOn, lang) }) : t('assessments.round.openSince', { date: dayLabel(data.openedOn, lang) });
  return (
    <Card size="small" title={data.title} extra={<Tag color={data.status === 'finished' ? 'green' : 'blue'} data-testid="assessments-round-status">{statusText}</Tag>} data-testid="assessments-round">
      <Flex vertical gap={12}>
        <Alert type="warning" showIcon message={t('assessments.screeningNotice')} data-testid="assessments-screening-notice" />
        <Typography.Text>{t('assessments.round.summary', { complete: data.complete, results: data.results, grades: data.grades.map((g) => `${g.label} ${g.count}`).join('、') })}</Typography.Text>
        {data.complete > 0 && (
          <Flex wrap gap={12}>
            <Card size="small" title={t('assessments.chart.grades')} style={{ flex: '1 1 280px' }} data-testid="assessments-chart-grades">
              <EChart option={charts.pie} height={240} ariaLabel={t('assessments.chart.grades')} />
            </Card>
            <Card size="small" title={t('assessments.chart.townships')} style={{ flex: '2 1 360px' }} data-testid="assessments-chart-townships">
              <EChart option={charts.bar} height={240} ariaLabel={t('assessments.chart.townships')} />
              <Typography.Text type="secondary">{data.byTownship.map((b) => t('assessments.chart.average', { township: b.township.name, average: b.average ?? '—' })).join('；')}</Typography.Text>
            </Card>
          </Flex>
        )}
        <Table<AssessmentResult> rowKey={(r) => r.org.code} size="small" columns={columns} dataSource={data.resultsList} pagination={false}
          scroll={{ x: 800 }} onRow={(r) => ({ 'data-testid': `assessments-result-${r.org.code}` } as React.HTMLAttributes<HTMLElement>)} />
        {failure && <Typography.Text type="danger" data-testid="assessments-round-error">{failure}</Typography.Text>}
        {data.status === 'open' && (
          <Flex wrap gap={8} align="center">
            <Refused reason={data.can.enter.allowed ? null : reasonOf(t, data.can.enter.reason)}>
              <Button type="primary" disabled={!changed || !data.can.enter.allowed} loading={busy} onClick={save} data-testid="assessments-save">{t('assessments.results.save')}</Button>
            </Refused>
            {changed && <Button onClick={() => { setEdits({}); setRowErrors(new Map()); }}>{t('assessments.results.discard')}</Button>}
            <span style={{ flex: 1 }} />
            <DatePicker value={finishOn} onChange={setFinishOn} disabledDate={disabledDate(data.openedOn)} data-testid="assessments-finish-date" />
            <Refused reason={data.complete < data.results ? t('assessments.round.incompleteHint', { count: data.results - data.complete }) : data.can.finish.allowed ? null : reasonOf(t, data.can.finish.reason)}>
              <Button disabled={changed || data.complete < data.results || !data.can.finish.allowed} loading={busy} onClick={finish} data-testid="assessments-finish">{t('assessments.round.finish')}</Button>
            </Refused>
          </Flex>
        )}
      </Flex>
      <Modal open={planFor !== null} title={planFor ? t('assessments.plan.title', { org: planFor.org.name }) : ''} onOk={savePlan} onCancel={() => setPlanFor(null)}
        okText={t('assessments.plan.save')} okButtonProps={{ 'data-testid': 'assessments-plan-save' } as React.ComponentProps<typeof Button>}>
        <Input.TextArea rows={6} maxLength={4000} value={planText} onChange={(e) => setPlanText(e.target.value)} placeholder={t('assessments.plan.placeholder')} data-testid="assessments-plan-text" />
      </Modal>
    </Card>
  );
}
