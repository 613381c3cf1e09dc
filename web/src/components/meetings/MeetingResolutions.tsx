import { Card, Flex, Tag, Typography } from 'antd';
import type { MeetingDetail } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';

const counts = ['shouldAttend', 'present', 'yes', 'no', 'abstain'] as const;

/** 决议: each decision with its count and outcome. */
export function MeetingResolutions({ meeting: m }: { meeting: MeetingDetail }) {
  const { t } = useI18n();
  if (m.resolutions.length === 0) return null;
  return (
    <Card size="small" title={t('meetings.field.resolutions')} data-testid="meeting-resolutions">
      <Flex vertical gap={12}>
        {m.resolutions.map((r, i) => (
          <Flex key={r.id} vertical gap={4} data-testid="meeting-resolution">
            <Flex gap={8} align="baseline" wrap>
              <Typography.Text strong>{i + 1}. {r.title}</Typography.Text>
              <Tag color={r.passed ? 'green' : 'default'}>{t(r.passed ? 'meetings.resolution.yesPassed' : 'meetings.resolution.notPassed')}</Tag>
            </Flex>
            <Typography.Text type="secondary">
              {counts.map((c) => `${t(`meetings.resolution.${c}`)} ${r[c]}`).join(' · ')}
            </Typography.Text>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
