import { Card, Flex, Progress, Tag, Typography } from 'antd';
import { api } from '../../api.js';
import type { PublicCommitments } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';
import { dayLabel, percentOf, stateColors } from './format.js';

/**
 * The village's public commitments of the year under its concern form, phone width first: one card each with
 * who made it, the target, the due date, a progress bar and the state. Shows nothing when there are none or
 * when they cannot be read, so the concern form never depends on it.
 */
export function PublicCommitmentList({ orgCode }: { orgCode: string }) {
  const { t, lang } = useI18n();
  const list = useApi(`public-commitments|${orgCode}|${lang}`, (signal) => api.get<PublicCommitments>(`/api/public/villages/${encodeURIComponent(orgCode)}/commitments`, undefined, { signal }));
  if (!list.data || list.data.items.length === 0) return null;
  return (
    <Flex vertical gap={8} data-testid="public-commitments">
      <Typography.Title level={4} style={{ margin: '8px 0 0' }}>{t('commitments.public.title', { year: list.data.year })}</Typography.Title>
      {list.data.items.map((c, index) => (
        <Card key={index} size="small" data-testid="public-commitment">
          <Flex vertical gap={4}>
            <Flex justify="space-between" align="start" gap={8}>
              <Typography.Text strong>{c.title}</Typography.Text>
              <Tag color={stateColors[c.state]} style={{ marginInlineEnd: 0 }}>{t(`commitments.state.${c.state}`)}</Tag>
            </Flex>
            <Typography.Text type="secondary">{c.maker} · {c.level}</Typography.Text>
            <Typography.Text>{c.target}</Typography.Text>
            <Typography.Text type="secondary">{t('commitments.public.due', { due: dayLabel(c.dueOn, lang) })}</Typography.Text>
            <Progress percent={percentOf(c.progressPermille)} size="small" status={c.state === 'completed' ? 'success' : c.state === 'abandoned' ? 'exception' : 'normal'} />
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
