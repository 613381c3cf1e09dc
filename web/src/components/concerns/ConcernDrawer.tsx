import { Alert, Descriptions, Drawer, Flex, Grid, Skeleton, Tag, Timeline, Typography } from 'antd';
import { api } from '../../api.js';
import type { ConcernAction, ConcernDetail, ConcernSettings } from '../../contracts.js';
import { chinaDateTime } from '../../format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { useApi } from '../../useApi.js';
import { ActionButtons, useCaseAction } from '../ActionButtons.js';
import { ApiFailure } from '../ApiFailure.js';
import { ActionModal } from './ActionModal.js';

const actions: ConcernAction[] = ['accept', 'refer', 'duplicate', 'reject', 'assign', 'start', 'pause', 'resume', 'answer', 'reply'];
const deliveryColor = { pending: 'gold', sent: 'green', failed: 'red' } as const;

/** A concern with its history, the delivery of its reply apart from its state, and the reader's actions (disabled with the reason). */
export function ConcernDrawer({ id, settings, onClose, onChanged }: { id: string | null; settings: ConcernSettings | undefined; onClose: () => void; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const screens = Grid.useBreakpoint();
  const loaded = useApi(id ? `concern|${id}|${lang}` : null, (signal) => api.get<ConcernDetail>(`/api/concerns/${id}`, undefined, { signal }));
  const { acting, setActing, finished } = useCaseAction<ConcernAction>((a) => t('concerns.done', { action: t(`concerns.action.${a}`) }), loaded.reload, onChanged);
  const c = loaded.data?.id === id ? loaded.data : undefined;

  return (
    <Drawer open={id !== null} onClose={onClose} size={screens.md ? 720 : '100%'} destroyOnHidden data-testid="concern-drawer"
      title={c ? t('concerns.detail.title', { code: c.trackingCode }) : ''}>
      {loaded.error ? <ApiFailure error={loaded.error} onRetry={loaded.reload} /> : !c ? <Skeleton active /> : (
        <Flex vertical gap={16}>
          <ActionButtons actions={actions} can={c.can} onAct={setActing} testId="concern"
            label={(a) => t(`concerns.action.${a}`)} reason={(r) => t(`concerns.reason.${r}` as MessageKey)} />
          {c.overdue && <Alert type="error" showIcon title={t('concerns.detail.escalation', { level: c.escalationLevel })} />}
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered items={[
            { key: 'state', label: t('concerns.col.state'), children: <Tag data-testid="concern-state">{c.stateLabel}</Tag> },
            { key: 'village', label: t('concerns.col.village'), children: c.org.name },
            { key: 'category', label: t('concerns.detail.category'), children: c.category?.name ?? '—' },
            { key: 'channel', label: t('concerns.detail.channel'), children: t(`concerns.channel.${c.channel}` as MessageKey) },
            { key: 'submitter', label: t('concerns.detail.submitter'), children: c.anonymous ? t('concerns.detail.anonymous') : c.submitterName ?? '—' },
            { key: 'phone', label: t('concerns.detail.phone'), children: c.submitterPhone ?? '—' },
            { key: 'handlerOrg', label: t('concerns.detail.handlerOrg'), children: c.handlerOrg.name },
            { key: 'handler', label: t('concerns.detail.handler'), children: c.handler?.name ?? '—' },
            { key: 'due', label: t('concerns.detail.due'), children: <Typography.Text type={c.overdue ? 'danger' : undefined}>{c.dueOn ?? '—'}</Typography.Text> },
            { key: 'received', label: t('concerns.receivedAt'), children: chinaDateTime(c.receivedAt) },
            ...(c.enteredBy ? [{ key: 'enteredBy', label: t('concerns.detail.enteredBy'), children: c.enteredBy }] : []),
          ]} />
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="concern-content">{c.content}</Typography.Paragraph>
          {c.answerDraft && c.state === 'answered' && (
            <Alert type="info" title={t('concerns.detail.draft')} description={<span style={{ whiteSpace: 'pre-wrap' }}>{c.answerDraft}</span>} data-testid="concern-draft" />
          )}
          {c.reply && <Alert type="success" title={t('concerns.detail.reply')} description={<span style={{ whiteSpace: 'pre-wrap' }}>{c.reply}</span>} data-testid="concern-reply-text" />}
          {c.rating && <Typography.Text>{t('concerns.detail.rating')}：{t(`concerns.rating.${c.rating}`)}{c.ratingComment ? `（${c.ratingComment}）` : ''}</Typography.Text>}
          <Typography.Title level={5} style={{ margin: 0 }}>{t('concerns.detail.timeline')}</Typography.Title>
          <Timeline data-testid="concern-timeline" items={c.timeline.map((e) => ({
            color: e.toState === 'paused' ? 'gray' : e.action === 'reopen' ? 'red' : 'blue',
            content: (
              <Flex vertical>
                <span>{t(`concerns.event.${e.action}` as MessageKey)}{e.toStateLabel ? ` → ${e.toStateLabel}` : ''}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {chinaDateTime(e.at)}{e.actor ? ` · ${e.actor}` : ''}{e.handlerOrg ? ` · ${e.handlerOrg.name}` : ''}{e.handler ? ` · ${e.handler.name}` : ''}
                </Typography.Text>
                {e.note && <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{e.note}</Typography.Text>}
              </Flex>
            ),
          }))} />
          {c.deliveries.length > 0 && (
            <Flex vertical gap={4} data-testid="concern-deliveries">
              <Typography.Title level={5} style={{ margin: 0 }}>{t('concerns.detail.deliveries')}</Typography.Title>
              {c.deliveries.map((d, i) => (
                <Typography.Text key={i}>
                  <Tag color={deliveryColor[d.status]}>{t(`concerns.delivery.${d.status}`)}</Tag>
                  {chinaDateTime(d.sentAt ?? d.createdAt)} · {t('concerns.delivery.attempts', { attempts: d.attempts })}{d.lastError ? ` · ${d.lastError}` : ''}
                </Typography.Text>
              ))}
            </Flex>
          )}
          <ActionModal concern={c} action={acting} settings={settings} onClose={finished} />
        </Flex>
      )}
    </Drawer>
  );
}
