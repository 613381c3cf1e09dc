import { DownloadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Flex, Input, Select, Table, Tabs, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api } from '../api.js';
import { ApiFailure } from '../components/ApiFailure.js';
import { PrintCards } from '../components/concern-cards/PrintCards.js';
import { HouseholdDrawer } from '../components/households/HouseholdDrawer.js';
import { HouseholdForm } from '../components/households/HouseholdForm.js';
import { HouseholdImport } from '../components/households/HouseholdImport.js';
import { reasonKey } from '../components/households/reasons.js';
import { problemText } from '../components/import/ImportFile.js';
import { OrgPicker } from '../components/org/OrgPicker.js';
import type { HouseholdDetail, HouseholdItem, HouseholdPage, HouseholdSettings } from '../contracts.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { OrgIndex } from '../orgTree.js';
import { useAddress } from '../useAddress.js';
import { useApi } from '../useApi.js';
import { useOrgIndex } from '../useOrgIndex.js';
import { useUser } from '../session.js';

const emptyIndex: OrgIndex = { byCode: new Map(), children: new Map(), roots: [] };
const anyOrg = () => false;

/** 农户: the households of the user's villages, found by village, group, tag or name; recorded, edited, imported and exported. */
export default function HouseholdsPage() {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const user = useUser();
  const [params, set] = useAddress();
  const index = useOrgIndex() ?? emptyIndex;
  const org = params.get('org') ?? '';
  const q = params.get('q') ?? '';
  const tag = params.get('tag') ?? '';
  const group = params.get('group') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const tab = params.get('tab') === 'import' ? 'import' : 'list';
  const [typed, setTyped] = useState(q);
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<{ household?: HouseholdDetail } | null>(null);
  const [exporting, setExporting] = useState(false);
  const query = { org, q, tag, group, page, pageSize: 20 };
  const found = useApi(`${JSON.stringify(query)}|${version}`, (signal) => api.get<HouseholdPage>('/api/households', query, { signal }));
  const settings = useApi('household-settings', (signal) => api.get<HouseholdSettings>('/api/households/settings', undefined, { signal })).data;
  const openId = params.get('household');
  const detail = useApi(openId ? `${openId}|${version}` : null, (signal) => api.get<HouseholdDetail>(`/api/households/${openId}`, undefined, { signal }));
  const tagName = (id: string) => settings?.tags.find((x) => x.id === id)?.name ?? id;
  const village = index.byCode.get(org);
  const canCreate = found.data?.can.create;

  const saved = (household: HouseholdDetail) => {
    setEditing(null);
    setVersion((v) => v + 1);
    set({ household: household.id });
  };
  const exportFile = async () => {
    setExporting(true);
    try {
      await api.download(`/api/households/export.xlsx${org ? `?org=${encodeURIComponent(org)}` : ''}`, '农户名册.xlsx');
    } catch (e) {
      message.error(problemText(e));
    } finally {
      setExporting(false);
    }
  };

  const columns: TableColumnsType<HouseholdItem> = [
    { key: 'head', title: t('households.head'), render: (_, h) => <a data-testid="household-row">{h.headName}</a> },
    { key: 'number', title: t('households.number'), dataIndex: 'number', responsive: ['sm'] },
    { key: 'village', title: t('households.village'), dataIndex: 'orgName', responsive: ['md'] },
    { key: 'group', title: t('households.group'), dataIndex: 'villagerGroup', responsive: ['sm'] },
    { key: 'phone', title: t('households.phone'), dataIndex: 'phone', responsive: ['md'] },
    { key: 'address', title: t('households.address'), dataIndex: 'address', responsive: ['lg'] },
    { key: 'tags', title: t('households.tags'), render: (_, h) => h.tags.map((id) => <Tag key={id} color="blue">{tagName(id)}</Tag>) },
    { key: 'count', title: t('households.memberCount'), dataIndex: 'memberCount', width: 64 },
  ];
  const create = canCreate && !canCreate.allowed
    ? <Tooltip title={t(reasonKey(canCreate))}><Button type="primary" disabled>{t('households.create')}</Button></Tooltip>
    : <Button type="primary" onClick={() => setEditing({})} data-testid="household-create">{t('households.create')}</Button>;

  const list = (
    <Flex vertical gap={12}>
      <Card size="small">
        <Flex wrap gap={8} align="center">
          <div style={{ flex: '2 1 220px' }}><OrgPicker index={index} isDisabled={anyOrg} value={org || undefined} onChange={(v) => set({ org: v, page: undefined })} id="households-org" /></div>
          <Input placeholder={t('households.group')} defaultValue={group} allowClear style={{ flex: '1 1 100px' }}
            onPressEnter={(e) => set({ group: e.currentTarget.value.trim(), page: undefined })} onClear={() => set({ group: undefined })} data-testid="households-group" />
          <Select placeholder={t('households.tag')} value={tag || undefined} allowClear style={{ flex: '1 1 140px' }} onChange={(v?: string) => set({ tag: v, page: undefined })}
            options={settings?.tags.map((x) => ({ value: x.id, label: x.name }))} data-testid="households-tag" />
          <Input.Search value={typed} onChange={(e) => setTyped(e.target.value)} onSearch={(v) => set({ q: v.trim(), page: undefined })} allowClear enterButton
            placeholder={t('households.search')} style={{ flex: '2 1 220px' }} data-testid="households-search" />
        </Flex>
      </Card>
      {found.error ? <ApiFailure error={found.error} onRetry={found.reload} /> : (
        <Table<HouseholdItem> rowKey="id" size="small" loading={found.loading} columns={columns} dataSource={found.data?.items} data-testid="households-table"
          locale={{ emptyText: t('households.empty') }} onRow={(h) => ({ onClick: () => set({ household: h.id }), style: { cursor: 'pointer' } })}
          pagination={{ current: page, pageSize: 20, total: found.data?.total, showTotal: (total) => t('households.total', { total }), onChange: (p) => set({ page: String(p) }) }} />
      )}
    </Flex>
  );

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="households-title">{t('households.title')}</Typography.Title>
        <Flex gap={8} wrap>
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportFile} data-testid="households-export">{t('households.export')}</Button>
          <PrintCards village={village && (village.unitType === 'village' || village.unitType === 'community') && village.type !== 'party_group' ? village : undefined}
            can={found.data?.can.create} reason={reasonKey} />
          {create}
        </Flex>
      </Flex>
      <Tabs activeKey={tab} onChange={(key) => set({ tab: key === 'import' ? key : undefined })} items={[
        { key: 'list', label: t('households.tab.list'), children: list },
        { key: 'import', label: <span data-testid="households-import-tab">{t('households.tab.import')}</span>, children: <HouseholdImport index={index} village={village ? org : undefined} allowed={user.abilities.includes('household.manage')} /> },
      ]} />
      <HouseholdDrawer household={openId ? detail.data : undefined} settings={settings} onClose={() => set({ household: undefined })} onEdit={() => setEditing({ household: detail.data })} />
      <HouseholdForm open={editing !== null} household={editing?.household} village={village ? org : undefined} index={index} settings={settings}
        onClose={() => setEditing(null)} onSaved={saved} />
    </Flex>
  );
}
