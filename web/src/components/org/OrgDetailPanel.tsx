import { Card, Descriptions, Flex, Spin, Tag, Typography, type DescriptionsProps } from 'antd';
import { Link } from 'react-router-dom';
import type { OrgDetail } from '../../contracts.js';
import { orgTypeLabel, unitTypeLabel } from '../../format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { OrgIndex } from '../../orgTree.js';
import { OrgActions } from './OrgActions.js';
import { OrgHistory } from './OrgHistory.js';
import { VillagerGroups } from './VillagerGroups.js';

interface Props {
  org: OrgDetail;
  index: OrgIndex;
  loading: boolean;
  onChanged: (code?: string) => void;
}

export function OrgDetailPanel({ org, index, loading, onChanged }: Props) {
  const { t, lang } = useI18n();
  // The parent may lie outside the user's scope: then it has a name but no page to open.
  const nameOf = (code: string) => index.byCode.get(code)?.name ?? (code === org.parentCode && org.parentName ? org.parentName : code);
  const orgLink = (code: string, name?: string | null) => index.byCode.has(code)
    ? <Link to={`/organizations/${encodeURIComponent(code)}`}>{name ?? nameOf(code)}</Link>
    : <span>{name ?? nameOf(code)}</span>;
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  const items: DescriptionsProps['items'] = [
    { key: 'code', label: t('org.field.code'), children: <Typography.Text copyable>{org.code}</Typography.Text> },
    { key: 'name', label: t('org.field.name'), children: org.name },
    { key: 'type', label: t('org.field.type'), children: orgTypeLabel(org.type, lang) },
    { key: 'unitType', label: t('org.field.unitType'), children: org.unitType ? unitTypeLabel(org.unitType, lang) : none },
    { key: 'divisionCode', label: t('org.field.divisionCode'), children: org.divisionCode ?? org.adminUnit?.divisionCode ?? none },
    { key: 'parent', label: t('org.field.parent'), children: org.parentCode ? orgLink(org.parentCode, org.parentName) : none },
    { key: 'establishedOn', label: t('org.field.establishedOn'), children: org.establishedOn },
    {
      key: 'status',
      label: t('org.field.status'),
      children: org.status === 'active'
        ? <Tag color="green">{t('org.status.active')}</Tag>
        : <Tag>{t('org.status.dissolved')}</Tag>,
    },
    { key: 'childCount', label: t('org.field.childCount'), children: org.childCount },
  ];
  if (org.adminUnit) {
    items.push({ key: 'adminUnit', label: t('org.field.adminUnit'), children: lang === 'zh'
        ? `${org.adminUnit.name}（${unitTypeLabel(org.adminUnit.kind, lang)}）`
        : `${org.adminUnit.name} (${unitTypeLabel(org.adminUnit.kind, lang)})` });
  }
  if (org.dissolvedOn) items.push({ key: 'dissolvedOn', label: t('org.field.dissolvedOn'), children: org.dissolvedOn });
  if (org.mergedIntoCode) items.push({ key: 'mergedInto', label: t('org.field.mergedInto'), children: orgLink(org.mergedIntoCode) });

  return (
    <Spin spinning={loading} delay={200}>
    <Flex vertical gap={12}>
      <Card size="small">
        <Flex vertical gap={12}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="org-detail-name">{org.name}</Typography.Title>
          <OrgActions org={org} index={index} onChanged={onChanged} />
          <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2, xl: 2 }} items={items} />
        </Flex>
      </Card>
      {org.adminUnit?.kind === 'village' && <VillagerGroups org={org} onChanged={() => onChanged()} />}
      <Card size="small" title={t('org.history')}>
        <OrgHistory events={org.history} nameOf={nameOf} />
      </Card>
    </Flex>
    </Spin>
  );
}
