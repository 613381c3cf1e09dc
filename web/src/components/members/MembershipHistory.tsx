import { Card, Table, Tag } from 'antd';
import type { MemberProfile } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { dictionaries, type MessageKey } from '../../i18n/messages.js';
import { categoryColors, categoryLabel } from './labels.js';

type Row = MemberProfile['history'][number];

/** Every membership row of the person, oldest first: where they belonged, when, and why it ended. */
export function MembershipHistory({ history }: { history: Row[] }) {
  const { t, lang } = useI18n();
  const reason = (r: Row) => {
    const key = `memberProfile.endReason.${r.endReason}`;
    const label = key in dictionaries.zh ? t(key as MessageKey) : r.endReason ?? '';
    return r.endNote ? `${label}（${r.endNote}）` : label;
  };
  return (
    <Card size="small" title={t('memberProfile.history')}>
      <Table<Row>
        data-testid="member-history"
        rowKey="membershipId"
        size="small"
        pagination={false}
        dataSource={history}
        scroll={{ x: 520 }}
        columns={[
          { key: 'org', title: t('memberList.orgName'), dataIndex: 'orgName' },
          { key: 'period', title: t('memberProfile.period'), width: 210, render: (_, r) => `${r.startedOn ?? '?'} – ${r.endedOn ?? t('memberProfile.present')}` },
          { key: 'category', title: t('memberList.category'), width: 120, render: (_, r) => <Tag color={categoryColors[r.category]}>{categoryLabel(r.category, lang)}</Tag> },
          { key: 'reason', title: t('memberProfile.endReason'), width: 200, render: (_, r) => reason(r) },
        ]}
      />
    </Card>
  );
}
