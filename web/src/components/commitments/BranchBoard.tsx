import { Button, Card, Descriptions, Empty, Flex, Progress, Space, Tag, Timeline, Tooltip, Typography } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { Commitment, CommitmentList, CommitmentPermission } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ActionModal, type CommitmentAction } from './ActionModal.js';
import { CommitmentDrawer } from './CommitmentDrawer.js';
import { dayLabel, percentOf, reasonOf, stateColors } from './format.js';
import { Refused } from '../Refused.js';

const actions: CommitmentAction[] = ['publish', 'update', 'complete', 'delay', 'abandon', 'appraise'];

/** An action's button; when refused, disabled with the reason (access, or the commitment's state) as its tooltip. */
function ActionButton({ label, can, reason, onClick, testId }: { label: string; can: CommitmentPermission; reason: string; onClick: () => void; testId: string }) {
  if (can.allowed) return <Button size="small" onClick={onClick} data-testid={testId}>{label}</Button>;
  return <Refused reason={reason}><Button size="small" disabled data-testid={testId}>{label}</Button></Refused>;
}

function CommitmentCard({ c, onEdit, onAction }: { c: Commitment; onEdit: () => void; onAction: (a: CommitmentAction) => void }) {
  const { t, lang } = useI18n();
  // Every action shows, disabled with its reason when refused (a draft says it is not published yet, a completed
  // one that it cannot be delayed); publishing only while a draft, appraising once published.
  const showsAction = (a: CommitmentAction) => c.can[a].allowed || (a === 'publish' ? c.state === 'draft' : a === 'appraise' ? c.state !== 'draft' : true);
  const updates = [...c.updates, ...c.items.flatMap((i) => i.updates.map((u) => ({ ...u, note: `${i.title}：${u.note}` })))].sort((a, b) => b.madeOn.localeCompare(a.madeOn));
  return (
    <Card size="small" data-testid="commitment-card" title={<Space wrap size={4}><Typography.Text strong>{c.title}</Typography.Text><Tag>{c.levelLabel}</Tag></Space>}
      extra={<Space size={4}>
        {c.public ? <Tooltip title={t('commitments.isPublic')}><EyeOutlined /></Tooltip> : <Tooltip title={t('commitments.isPrivate')}><EyeInvisibleOutlined /></Tooltip>}
        <Tag color={stateColors[c.state]} data-testid="commitment-state">{t(`commitments.state.${c.state}`)}</Tag>
        {c.overdue && <Tag color="red">{t('commitments.overdue')}</Tag>}
      </Space>}>
      <Flex vertical gap={6}>
        <Typography.Text>{t('commitments.target')}：{c.target}</Typography.Text>
        <Typography.Text type="secondary">{t('commitments.dueOn')}：{dayLabel(c.dueOn, lang)}{c.originalDueOn !== c.dueOn ? `（${t('commitments.originalDueOn', { due: dayLabel(c.originalDueOn, lang) })}）` : ''}{c.completedOn ? ` · ${t('commitments.completedOn')}：${dayLabel(c.completedOn, lang)}` : ''}</Typography.Text>
        <Progress percent={percentOf(c.progressPermille)} size="small" status={c.state === 'abandoned' ? 'exception' : c.state === 'completed' ? 'success' : 'active'} data-testid="commitment-progress" />
        {c.items.map((i) => (
          <Flex key={i.id} gap={8} align="center" wrap>
            <Typography.Text style={{ flex: '1 1 160px' }}>{i.title}（{i.target}）</Typography.Text>
            <Progress percent={percentOf(i.progressPermille)} size="small" style={{ flex: '1 1 140px', margin: 0 }} />
          </Flex>
        ))}
        {c.abandonReason && <Typography.Text type="danger">{t('commitments.abandonReason')}：{c.abandonReason}</Typography.Text>}
        {c.appraisal && (
          <Descriptions size="small" column={{ xs: 2, sm: 4 }} data-testid="commitment-appraisal" items={[
            { label: t('commitments.selfScore'), children: c.appraisal.selfScore },
            { label: t('commitments.massesScore'), children: c.appraisal.massesScore },
            { label: t('commitments.superiorScore'), children: c.appraisal.superiorScore },
            { label: t('commitments.total'), children: <Typography.Text strong>{c.appraisal.total}</Typography.Text> },
          ]} />
        )}
        {updates.length > 0 && (
          <Timeline style={{ marginTop: 8 }} items={updates.slice(0, 5).map((u) => ({
            color: u.kind === 'delay' ? 'orange' : 'blue',
            children: <span data-testid={`commitment-history-${u.kind}`}>{dayLabel(u.madeOn, lang)} {u.kind === 'delay'
              ? t('commitments.delayFromTo', { from: dayLabel(u.previousDueOn, lang), to: dayLabel(u.newDueOn, lang), reason: u.note })
              : <>{u.note}{u.evidence ? `（${u.evidence}）` : ''}</>}</span>,
          }))} />
        )}
        <Space wrap size={4}>
          {c.state === 'draft' && <ActionButton label={t('commitments.edit')} can={c.can.edit} reason={reasonOf(t, c.can.edit, 'edit')} onClick={onEdit} testId="commitment-edit" />}
          {actions.filter(showsAction).map((a) => (
            <ActionButton key={a} label={t(`commitments.action.${a}`)} can={c.can[a]} reason={reasonOf(t, c.can[a], a, c.year)} onClick={() => onAction(a)} testId={`commitment-${a}`} />
          ))}
        </Space>
      </Flex>
    </Card>
  );
}

/** A branch's commitments of the year, by maker, each with its progress, state and the actions it allows. */
export function BranchBoard({ list, onChanged }: { list: CommitmentList; onChanged: () => void }) {
  const { t } = useI18n();
  const [drawer, setDrawer] = useState<{ open: boolean; editing: Commitment | null }>({ open: false, editing: null });
  const [acting, setActing] = useState<{ c: Commitment; action: CommitmentAction } | null>(null);
  const makeButton = <Button type="primary" icon={<PlusOutlined />} disabled={!list.can.make.allowed} style={list.can.make.allowed ? undefined : { pointerEvents: 'none' }}
    onClick={() => setDrawer({ open: true, editing: null })} data-testid="commitment-make">{t('commitments.make')}</Button>;
  return (
    <Flex vertical gap={12} data-testid="commitments-branch">
      <Flex justify="flex-end">{list.can.make.allowed ? makeButton : <Refused reason={reasonOf(t, list.can.make, 'make')}>{makeButton}</Refused>}</Flex>
      {list.groups.length === 0 && <Empty description={t('commitments.none')} />}
      {list.groups.map((g) => (
        <Flex key={`${g.maker}|${g.person?.id ?? ''}`} vertical gap={8} data-testid="commitment-group">
          <Typography.Title level={5} style={{ margin: 0 }}>
            {g.person ? `${t(`commitments.maker.${g.maker}`)} · ${g.person.name}` : t('commitments.maker.branch')}
            <Typography.Text type={g.minimum !== null && g.made < g.minimum ? 'danger' : 'secondary'} style={{ fontSize: 13, marginInlineStart: 8 }}>
              {g.minimum !== null ? t('commitments.madeOfMinimum', { made: g.made, minimum: g.minimum }) : t('commitments.made', { made: g.made })}
            </Typography.Text>
          </Typography.Title>
          {g.commitments.map((c) => (
            <CommitmentCard key={c.id} c={c} onEdit={() => setDrawer({ open: true, editing: c })} onAction={(action) => setActing({ c, action })} />
          ))}
        </Flex>
      ))}
      <CommitmentDrawer open={drawer.open} list={list} editing={drawer.editing} onClose={() => setDrawer({ open: false, editing: null })}
        onSaved={() => { setDrawer({ open: false, editing: null }); onChanged(); }} />
      {acting && <ActionModal commitment={acting.c} action={acting.action} onClose={() => setActing(null)} onDone={() => { setActing(null); onChanged(); }} />}
    </Flex>
  );
}
