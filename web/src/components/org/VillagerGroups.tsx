import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import type { OrgDetail } from '../../contracts.js';
import { compareNatural } from '../../format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { AddVillagerGroupModal } from './AddVillagerGroupModal.js';
import { refusal } from './refusal.js';
import { Refused } from '../Refused.js';

/** The villager groups (村民小组) of the village an organization leads, and adding one. */
export function VillagerGroups({ org, onChanged }: { org: OrgDetail; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const groups = [...(org.adminUnit?.villagerGroups ?? [])].sort((a, b) => compareNatural(a.name, b.name));
  const reason = refusal(org.can.addVillagerGroup, org, t, lang);

  const button = (
    <Button size="small" icon={<PlusOutlined />} disabled={reason !== null} onClick={() => setOpen(true)} data-testid="villager-group-add">
      {t('org.action.addVillagerGroup')}
    </Button>
  );

  return (
    <Card
      size="small"
      title={lang === 'zh' ? `${t('org.villagerGroups')}（${groups.length}）` : `${t('org.villagerGroups')} (${groups.length})`}
      extra={<Refused reason={reason}>{button}</Refused>}
      data-testid="villager-groups"
    >
      {groups.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('org.noVillagerGroups')} style={{ margin: 0 }} />
      ) : (
        <Flex wrap gap={6}>
          {groups.map((g) => (
            <Tooltip key={g.name} title={g.divisionCode ? `${t('org.field.divisionCode')}: ${g.divisionCode}` : undefined}>
              <Tag style={{ marginInlineEnd: 0 }}>{g.name}</Tag>
            </Tooltip>
          ))}
        </Flex>
      )}
      <AddVillagerGroupModal org={org} open={open} onClose={() => setOpen(false)} onDone={() => { setOpen(false); onChanged(); }} />
    </Card>
  );
}
