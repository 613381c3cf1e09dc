import { Alert, Button, Descriptions, Drawer, Flex, Grid, List, Tag, Typography } from 'antd';
import type { HouseholdDetail, HouseholdSettings } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { PrintCards } from '../concern-cards/PrintCards.js';
import { reasonKey } from './reasons.js';
import { Refused } from '../Refused.js';

/** One household: its facts, tags and members, and the edit action or why it is disabled. */
export function HouseholdDrawer({ household, settings, onClose, onEdit }: {
  household: HouseholdDetail | undefined; settings?: HouseholdSettings; onClose: () => void; onEdit: () => void;
}) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const tagName = (id: string) => settings?.tags.find((tag) => tag.id === id)?.name ?? id;
  const can = household?.can.edit;
  const edit = can?.allowed
    ? <Button type="primary" onClick={onEdit} data-testid="household-edit">{t('households.edit')}</Button>
    : <Refused reason={t(reasonKey(can))}><Button disabled data-testid="household-edit">{t('households.edit')}</Button></Refused>;
  return (
    <Drawer open={household !== undefined} onClose={onClose} size={screens.md ? 640 : '100%'} title={household ? `${household.headName} · ${household.orgName}` : ''} extra={household && (
      <Flex gap={8}>
        <PrintCards village={{ code: household.orgCode, name: household.orgName }} household={household} can={can} reason={reasonKey} testId="household-card" />
        {edit}
      </Flex>
    )}>
      {household && (
        <Flex vertical gap={12} data-testid="household-detail">
          {household.status === 'moved' && <Tag color="default">{t('households.moved')}</Tag>}
          <Descriptions size="small" column={screens.md ? 2 : 1} items={[
            { key: 'number', label: t('households.number'), children: household.number ?? '—' },
            { key: 'group', label: t('households.group'), children: household.villagerGroup ?? '—' },
            { key: 'phone', label: t('households.phone'), children: household.phone ?? '—' },
            { key: 'address', label: t('households.address'), children: household.address ?? '—' },
            { key: 'tags', label: t('households.tags'), children: household.tags.length ? household.tags.map((id) => <Tag key={id} color="blue">{tagName(id)}</Tag>) : '—' },
            ...(household.note ? [{ key: 'note', label: t('households.note'), children: household.note }] : []),
          ]} />
          <Alert type="info" showIcon title={t(household.fullValues ? 'households.fullAudited' : 'households.masked')} />
          <Typography.Title level={5} style={{ margin: 0 }}>{t('households.members')}</Typography.Title>
          <List size="small" bordered dataSource={household.members} data-testid="household-members" renderItem={(m) => (
            <List.Item>
              <Flex vertical gap={2}>
                <span><strong>{m.name}</strong> <Tag>{t(`households.relation.${m.relation}`)}</Tag>{m.gender && t(`households.gender.${m.gender}`)} {m.birthDate ?? ''}</span>
                <Typography.Text type="secondary">{[m.idNumber, m.phone].filter(Boolean).join(' · ')}</Typography.Text>
              </Flex>
            </List.Item>
          )} />
        </Flex>
      )}
    </Drawer>
  );
}
