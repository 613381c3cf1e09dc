import { Alert, App, Button, DatePicker, Descriptions, Drawer, Flex, Form, Input, InputNumber, Popconfirm, Skeleton, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { letterTotal } from '../../../../src/modules/assessments/rules.js';
import { api } from '../../api.js';
import type { AssessmentLetter } from '../../contracts.js';
import { chinaToday } from '../../format.js';
import { disabledDate, isoDay, showServerErrors, today } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';
import { ApiFailure } from '../ApiFailure.js';
import { dayLabel, reasonOf } from './format.js';
import { ItemsEditor, type ItemValues } from './ItemsEditor.js';
import { Refused } from '../Refused.js';

type Line = AssessmentLetter['lines'][number];

/** One letter: a draft's items edited and signed; a signed letter scored item by item from the year's last month. */
export function LetterDrawer({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const letter = useApi(`letter|${id}|${lang}`, (signal) => api.get<AssessmentLetter>(`/api/assessments/letters/${id}`, undefined, { signal }));
  const [form] = Form.useForm<{ title: string; items: ItemValues[] }>();
  const [signedOn, setSignedOn] = useState<Dayjs | null>(null);
  const [scoredOn, setScoredOn] = useState<Dayjs | null>(today());
  const [scores, setScores] = useState<Record<string, number | null>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setFailure(null);
    try {
      await work();
      message.success(done);
      setScores({});
      letter.reload();
      onChanged();
    } catch (error) {
      setFailure(showServerErrors(form, error, ['title']));
    } finally {
      setBusy(false);
    }
  };

  const data = letter.data;
  const body = () => {
    if (letter.error && !data) return <ApiFailure error={letter.error} onRetry={letter.reload} />;
    if (!data) return <Skeleton active paragraph={{ rows: 8 }} />;
    const draft = data.status === 'draft';
    // A letter is signed in its year or the one before: a past year's letter defaults to that year's last day.
    const lastDay = dayjs(`${data.year}-12-31`);
    const signDay = signedOn ?? (today().isAfter(lastDay) ? lastDay : today());
    const scoreOf = (l: Line) => (l.id in scores ? scores[l.id]! : l.score);
    const liveTotal = letterTotal(data.lines.map((l) => ({ score: scoreOf(l) })));
    const columns: TableColumnsType<Line> = [
      { key: 'title', title: t('assessments.items.title'), dataIndex: 'title', width: 140 },
      { key: 'target', title: t('assessments.items.target'), dataIndex: 'target' },
      { key: 'weight', title: t('assessments.items.weight'), dataIndex: 'weight', width: 70 },
      { key: 'score', title: t('assessments.items.score'), width: 120, render: (_, l) => (data.can.score.allowed
        ? <InputNumber min={0} max={l.weight} step={0.5} precision={1} value={scoreOf(l)} style={{ width: 100 }} data-testid={`assessments-item-score-${l.position}`}
          onChange={(v) => setScores((s) => ({ ...s, [l.id]: typeof v === 'number' ? v : null }))} />
        : (l.score ?? '—')) },
    ];
    const scoringClosed = data.status === 'signed' && chinaToday() < data.scoringOpensOn;
    return (
      <Flex vertical gap={12}>
        <Descriptions size="small" column={1} items={[
          { key: 'org', label: t('assessments.letter.org'), children: data.org.name },
          { key: 'issuer', label: t('assessments.letter.issuer'), children: data.issuer.name },
          { key: 'status', label: t('assessments.letter.status'), children: <Tag data-testid="assessments-letter-status">{t(`assessments.letter.status.${data.status}`)}</Tag> },
          ...(data.signedOn ? [{ key: 'signed', label: t('assessments.letter.signedOn'), children: dayLabel(data.signedOn, lang) }] : []),
          ...(data.scoredOn ? [{ key: 'scored', label: t('assessments.letter.scoredOn'), children: dayLabel(data.scoredOn, lang) }] : []),
          { key: 'total', label: t('assessments.letter.total'), children: <span data-testid="assessments-letter-total">{data.total ?? '—'}{data.rank ? ` · ${t('assessments.letter.rankOf', { rank: data.rank })}` : ''}</span> },
        ]} />
        {draft && data.can.edit.allowed ? (
          <Form form={form} layout="vertical" initialValues={{ title: data.title, items: data.lines.map(({ title, target, weight }) => ({ title, target, weight })) }}
            onFinish={(v) => act(() => api.put(`/api/assessments/letters/${id}`, v), t('assessments.letter.saved'))}>
            <Form.Item name="title" label={t('assessments.letter.title')} rules={[{ required: true }]}><Input maxLength={100} /></Form.Item>
            <ItemsEditor form={form} />
            <Flex justify="end" gap={8} style={{ marginTop: 8 }}>
              <Popconfirm title={t('assessments.letter.deleteConfirm', { title: data.title })} okButtonProps={{ danger: true }} onConfirm={() => act(async () => {
                await api.delete(`/api/assessments/letters/${id}`);
                onClose();
              }, t('assessments.letter.deleted'))}>
                <Button danger loading={busy} data-testid="assessments-letter-delete">{t('assessments.letter.delete')}</Button>
              </Popconfirm>
              <Button htmlType="submit" loading={busy} data-testid="assessments-letter-save">{t('assessments.letter.save')}</Button>
            </Flex>
          </Form>
        ) : (
          <>
            <Typography.Text strong>{data.title}</Typography.Text>
            <Table<Line> rowKey="id" size="small" pagination={false} columns={columns} dataSource={data.lines} scroll={{ x: 560 }} />
            <Typography.Text>{t('assessments.items.sum', { sum: data.weightSum })}</Typography.Text>
          </>
        )}
        {failure && <Typography.Text type="danger" data-testid="assessments-letter-drawer-error">{failure}</Typography.Text>}
        {draft && (
          <Flex gap={8} align="center" wrap>
            <DatePicker value={signDay} onChange={setSignedOn} disabledDate={disabledDate()} data-testid="assessments-sign-date" />
            <Refused reason={data.can.sign.allowed ? null : reasonOf(t, data.can.sign.reason)}>
              <Tooltip title={data.can.sign.allowed ? t('assessments.letter.signHint') : undefined}>
                <Button type="primary" disabled={!data.can.sign.allowed} loading={busy} data-testid="assessments-sign"
                  onClick={() => act(() => api.post(`/api/assessments/letters/${id}/sign`, { signedOn: isoDay(signDay) }), t('assessments.letter.signedDone'))}>{t('assessments.letter.sign')}</Button>
              </Tooltip>
            </Refused>
          </Flex>
        )}
        {!draft && data.can.score.allowed && (
          <Flex gap={8} align="center" wrap>
            <Typography.Text>{t('assessments.letter.liveTotal', { total: liveTotal ?? '—' })}</Typography.Text>
            <span style={{ flex: 1 }} />
            <DatePicker value={scoredOn} onChange={setScoredOn} disabledDate={(d) => disabledDate(data.signedOn)(d) || d.isBefore(dayjs(data.scoringOpensOn), 'day')} data-testid="assessments-score-date" />
            <Button type="primary" disabled={Object.keys(scores).length === 0} loading={busy} data-testid="assessments-score-save"
              onClick={() => act(() => api.put(`/api/assessments/letters/${id}/scores`, { scoredOn: isoDay(scoredOn), items: Object.entries(scores).map(([itemId, score]) => ({ id: itemId, score })) }), t('assessments.letter.scoredDone'))}>
              {t('assessments.letter.saveScores')}
            </Button>
          </Flex>
        )}
        {scoringClosed && <Alert type="info" showIcon message={t('assessments.letter.scoringOpens', { date: dayLabel(data.scoringOpensOn, lang) })} />}
      </Flex>
    );
  };
  return (
    <Drawer open size={760} title={data ? `${data.org.name} · ${data.title}` : t('assessments.letter.loading')} onClose={onClose} destroyOnHidden data-testid="assessments-letter-drawer">
      {body()}
    </Drawer>
  );
}
