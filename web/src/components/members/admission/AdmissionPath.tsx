import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Tag, Timeline, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../api.js';
import { useI18n, type Translate } from '../../../i18n/I18nProvider.js';
import type { Lang } from '../../../i18n/lang.js';
import { useApi } from '../../../useApi.js';
import { ApiFailure } from '../../ApiFailure.js';
import { stepLabel } from './labels.js';
import { RecordStepModal, stepHints } from './RecordStepModal.js';
import type { AdmissionStep, AdmissionView } from './types.js';
import { UndoStep } from './UndoStep.js';

/** The facts a step carries, in words. */
function detailText(step: AdmissionStep, t: Translate, lang: Lang): string | null {
  const d = step.detail;
  if (!d) return null;
  const names = (list: string[]) => list.join(lang === 'zh' ? '、' : ', ');
  if (d.mentors) return t('admission.detail.mentors', { names: names(d.mentors) });
  if (d.sponsors) return t('admission.detail.sponsors', { names: names(d.sponsors) });
  if (d.days !== undefined || d.hours !== undefined) {
    return [d.days !== undefined ? t('admission.detail.days', { days: d.days }) : null, d.hours !== undefined ? t('admission.detail.hours', { hours: d.hours }) : null]
      .filter(Boolean).join(' / ');
  }
  if (d.shouldAttend !== undefined) return t('admission.detail.votes', { shouldAttend: d.shouldAttend, present: d.present ?? '—', yes: d.yes ?? '—' });
  if (d.months !== undefined) return t('admission.detail.months', { months: d.months });
  return null;
}

function StepFacts({ step }: { step: AdmissionStep }) {
  const { t, lang } = useI18n();
  const lines = [
    detailText(step, t, lang),
    step.approver || step.approvingOrg ? t('admission.approver', { name: [step.approver, step.approvingOrg?.name].filter(Boolean).join(' · ') }) : null,
    step.note,
    step.recordedBy ? t('admission.recordedBy', { name: step.recordedBy }) : null,
  ].filter((l): l is string => !!l);
  return (
    <Flex vertical gap={2}>
      {lines.map((line) => <Typography.Text key={line} type="secondary">{line}</Typography.Text>)}
      {step.overridden.length > 0 && (
        <div data-testid="admission-override">
          <Tag color="orange">{t('admission.overridden')}</Tag>
          <Typography.Text>{step.overridden.map((o) => o.label).join(lang === 'zh' ? '；' : '; ')}</Typography.Text>
          <div><Typography.Text type="secondary">{t('admission.overrideReason', { reason: step.overrideReason ?? '' })}</Typography.Text></div>
        </div>
      )}
    </Flex>
  );
}

/**
 * 发展党员过程: the steps recorded on a person's path, in order, then the steps that may come next
 * with their windows; and the action to record one, disabled with the reason when not allowed.
 */
export function AdmissionPath({ personId, onChanged }: { personId: string; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const admission = useApi(`admission|${personId}`, (signal) => api.get<AdmissionView>(`/api/members/${personId}/admission`, undefined, { signal }));

  if (admission.error && !admission.data) return <ApiFailure error={admission.error} onRetry={admission.reload} />;
  const view = admission.data;
  const refusal = !view ? null
    : !view.can.record.allowed ? t(`admission.reason.${view.can.record.reason === 'out_of_scope' ? 'out_of_scope' : 'no_ability'}`)
      : view.next.length === 0 ? t('admission.reason.nothing') : null;
  const button = (
    <Button icon={<PlusOutlined />} disabled={!view || refusal !== null} onClick={() => setOpen(true)} data-testid="admission-record">
      {t('admission.record')}
    </Button>
  );

  const done = (view?.steps ?? []).map((s) => ({
    key: s.id,
    color: s.overridden.length > 0 ? 'orange' : 'red',
    title: (
      <span data-testid={`admission-done-${s.step}`}>
        <Typography.Text type="secondary">{s.doneOn}</Typography.Text> <Typography.Text strong>{stepLabel(s.step, lang)}</Typography.Text>
        {s.undoable && <UndoStep personId={personId} step={s} onDone={() => { admission.reload(); onChanged(); }} />}
      </span>
    ),
    content: <StepFacts step={s} />,
  }));
  const pending = (view?.next ?? []).map((n) => ({
    key: `next-${n.step}`,
    color: 'gray',
    title: <Typography.Text type="secondary">{stepLabel(n.step, lang)}</Typography.Text>,
    content: (
      <span data-testid={`admission-next-${n.step}`}>
        <Tag>{t('admission.next')}</Tag>
        {n.overdue && <Tag color="red">{t('admission.overdue')}</Tag>}
        <Typography.Text type="secondary">{stepHints(n, t, lang).join(lang === 'zh' ? '；' : '; ')}</Typography.Text>
      </span>
    ),
  }));

  return (
    <Card size="small" title={t('admission.title')} loading={!view} data-testid="admission-path"
      extra={refusal ? <Tooltip title={refusal}><span style={{ display: 'inline-block' }}>{button}</span></Tooltip> : button}>
      {view && view.warnings.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="admission-warnings" title={t('admission.warnings')}
          description={<ul style={{ margin: 0, paddingInlineStart: 20 }}>{view.warnings.map((w) => <li key={w.message}>{w.message}</li>)}</ul>} />
      )}
      {done.length === 0 && <Typography.Paragraph type="secondary">{t('admission.none')}</Typography.Paragraph>}
      {done.length + pending.length > 0 && (
        <div data-testid="admission-steps">
          <Timeline items={[...done, ...pending]} />
        </div>
      )}
      {view && (
        <RecordStepModal view={view} open={open} onClose={() => setOpen(false)} onDone={() => {
          setOpen(false);
          admission.reload();
          onChanged();
        }} />
      )}
    </Card>
  );
}
