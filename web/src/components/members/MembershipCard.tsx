import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import type { MemberProfile } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { categoryColors, categoryLabel } from './labels.js';

/** The membership open today and its flags (mobile, reporting to a community, out of contact, …). */
export function MembershipCard({ membership }: { membership: MemberProfile['membership'] }) {
  const { t, lang } = useI18n();
  if (!membership) {
    return (
      <Card size="small" title={t('memberProfile.membership')}>
        <Typography.Text type="secondary">{t('memberProfile.noMembership')}</Typography.Text>
      </Card>
    );
  }
  const m = membership;
  const flags = [
    m.mobile && (m.mobileDestination || m.mobileSince
      ? t('memberProfile.flag.mobileDetail', { destination: m.mobileDestination ?? '—', since: m.mobileSince ?? '—' })
      : t('memberProfile.flag.mobile')),
    m.reportingCommunity && t('memberProfile.flag.reporting', { community: m.reportingCommunity }),
    m.outOfContact && t('memberProfile.flag.outOfContact'),
    m.retired && t('memberProfile.flag.retired'),
    m.needsCare && t('memberProfile.flag.needsCare'),
  ].filter((f): f is string => typeof f === 'string' && f !== '');

  return (
    <Card size="small" title={t('memberProfile.membership')}>
      <Descriptions size="small" column={1} data-testid="member-membership">
        <Descriptions.Item label={t('memberList.category')}>
          <Tag color={categoryColors[m.category]}>{categoryLabel(m.category, lang)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('memberList.orgName')}>{m.orgName}</Descriptions.Item>
        <Descriptions.Item label={t('memberProfile.startedOn')}>{m.startedOn ?? t('memberProfile.unknown')}</Descriptions.Item>
        <Descriptions.Item label={t('memberProfile.flags')}>
          {flags.length === 0
            ? <Typography.Text type="secondary">{t('memberProfile.noFlags')}</Typography.Text>
            : <Flex wrap gap={4} data-testid="member-flags">{flags.map((f) => <Tag key={f} color="purple">{f}</Tag>)}</Flex>}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
