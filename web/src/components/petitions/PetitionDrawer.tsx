import { Alert, Descriptions, Drawer, Flex, Grid, List, Skeleton, Tag, Timeline, Typography } from 'antd';
import { api } from '../../api.js';
import type { PetitionAction, PetitionDetail } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { useApi } from '../../useApi.js';
import { ActionButtons, useCaseAction } from '../ActionButtons.js';
import { ApiFailure } from '../ApiFailure.js';
import { PetitionActionModal } from './PetitionActionModal.js';

const actions: PetitionAction[] = [
  'accept', 'not_accept', 'assign', 'extend', 'reply', 'review_request', 'review_decide', 're_review_request', 're_review_decide',
  'feedback_petitioner', 'feedback_body', 'close',
];

/** What a step's data says, in the order people read it. */
const dataLine = (data: Record<string, unknown> | null): string =>
  data ? ['assignee', 'days', 'approver', 'reason', 'noticeOn', 'petitionerToldOn', 'by', 'text'].filter((k) => data[k] !== undefined).map((k) => String(data[k])).join(' · ') : '';

/** A petition's procedure: its facts, statutory deadlines, history, and the reader's actions (disabled with the reason). */
export function PetitionDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const screens = Grid.useBreakpoint();
  const loaded = useApi(id ? `petition|${id}|${lang}` : null, (signal) => api.get<PetitionDetail>(`/api/petitions/${id}`, undefined, { signal }));
  const { acting, setActing, finished } = useCaseAction<PetitionAction>((a) => t('petitions.done', { action: t(`petitions.action.${a}`) }), loaded.reload, onChanged);
  const p = loaded.data?.id === id ? loaded.data : undefined;
  const owed = p ? [p.feedbackOwed.petitioner && t('petitions.detail.owedPetitioner'), p.feedbackOwed.body && t('petitions.detail.owedBody')].filter(Boolean) : [];

  return (
    <Drawer open={id !== null} onClose={onClose} size={screens.md ? 720 : '100%'} destroyOnHidden data-testid="petition-drawer"
      title={p ? t('petitions.detail.title', { number: p.number }) : ''}>
      {loaded.error ? <ApiFailure error={loaded.error} onRetry={loaded.reload} /> : !p ? <Skeleton active /> : (
        <Flex vertical gap={16}>
          <ActionButtons actions={actions} can={p.can} onAct={setActing} testId="petition"
            label={(a) => t(`petitions.action.${a}`)} reason={(r) => t(`petitions.reason.${r}` as MessageKey)} />
          {p.final && <Alert type="warning" showIcon title={t('petitions.detail.final')} />}
          {owed.length > 0 && <Alert type="info" showIcon title={t('petitions.detail.owed', { who: owed.join('、') })} data-testid="petition-owed" />}
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered items={[
            { key: 'state', label: t('petitions.col.state'), children: <Tag data-testid="petition-state">{t(`petitions.state.${p.state}`)}</Tag> },
            { key: 'org', label: t('petitions.col.org'), children: p.org.name },
            { key: 'received', label: t('petitions.col.received'), children: p.receivedOn },
            { key: 'channel', label: t('petitions.detail.channel'), children: t(`petitions.channel.${p.channel}`) },
            { key: 'category', label: t('petitions.detail.category'), children: t(`petitions.category.${p.category}`) },
            { key: 'due', label: t('petitions.col.due'), children: <Typography.Text type={p.overdue ? 'danger' : undefined}>{p.dueOn ?? '—'}</Typography.Text> },
            ...(p.referredBy ? [{ key: 'referredBy', label: t('petitions.detail.referredBy'), children: p.referredBy }] : []),
            ...(p.sameMatterAs ? [{ key: 'same', label: t('petitions.detail.sameMatter'), children: p.sameMatterAs.number }] : []),
            { key: 'accused', label: t('petitions.detail.accused'), children: p.accused.map((a) => a.name).join('、') || '—' },
          ]} />
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="petition-content">{p.content}</Typography.Paragraph>
          <Flex vertical gap={4}>
            <Typography.Title level={5} style={{ margin: 0 }}>{t('petitions.detail.petitioners')}</Typography.Title>
            {p.masked && <Typography.Text type="secondary">{t('petitions.detail.masked')}</Typography.Text>}
            {p.petitionerDetails.map((x, i) => (
              <Typography.Text key={i} data-testid="petition-petitioner">{[x.name, x.phone, x.idNumber, x.address].filter(Boolean).join(' · ')}</Typography.Text>
            ))}
          </Flex>
          <Typography.Title level={5} style={{ margin: 0 }}>{t('petitions.detail.deadlines')}</Typography.Title>
          <List size="small" bordered data-testid="petition-deadlines" dataSource={p.deadlines} renderItem={(d) => (
            <List.Item>
              <Flex justify="space-between" wrap style={{ width: '100%' }} gap={8}>
                <span>{t(`petitions.deadline.${d.kind}` as MessageKey)}</span>
                <Typography.Text type={d.late ? 'danger' : undefined}>
                  {d.dueOn}{d.doneOn ? ` · ${t('petitions.deadline.done', { on: d.doneOn })}` : ''}{d.late ? ` · ${t('petitions.deadline.late')}` : ''}
                </Typography.Text>
              </Flex>
            </List.Item>
          )} />
          <Typography.Title level={5} style={{ margin: 0 }}>{t('petitions.detail.timeline')}</Typography.Title>
          <Timeline data-testid="petition-timeline" items={p.timeline.map((e) => ({
            content: (
              <Flex vertical>
                <span>{e.on} {t((e.action === 'register' ? 'petitions.event.register' : `petitions.action.${e.action}`) as MessageKey)}</span>
                {(e.actor || dataLine(e.data)) && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{[e.actor, dataLine(e.data)].filter(Boolean).join(' · ')}</Typography.Text>}
                {e.note && <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{e.note}</Typography.Text>}
              </Flex>
            ),
          }))} />
          <PetitionActionModal petition={p} action={acting} onClose={finished} />
        </Flex>
      )}
    </Drawer>
  );
}
