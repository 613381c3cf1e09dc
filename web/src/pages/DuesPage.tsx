import { Card, DatePicker, Empty, Flex, Form, Grid, Tabs, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { BasesTab } from '../components/dues/BasesTab.js';
import { CollectionsTab } from '../components/dues/CollectionsTab.js';
import { PublishedTab } from '../components/dues/PublishedTab.js';
import { SettingsTab } from '../components/dues/SettingsTab.js';
import { SheetTab } from '../components/dues/SheetTab.js';
import { UsesTab } from '../components/dues/UsesTab.js';
import { OrgPicker } from '../components/org/OrgPicker.js';
import type { OrgSummary } from '../contracts.js';
import { chinaToday } from '../format.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { type OrgIndex } from '../orgTree.js';
import { useSession } from '../session.js';
import { useAddress } from '../useAddress.js';
import { useOrgIndex } from '../useOrgIndex.js';

const tabs = ['sheet', 'bases', 'collections', 'uses', 'published', 'settings'] as const;
type Tab = (typeof tabs)[number];
/** Dues are collected by the organizations members belong to: branches, not the committees above them. */
const collecting: readonly OrgSummary['type'][] = ['branch', 'joint_branch', 'general_branch', 'party_group'];
const notCollecting = (org: OrgSummary) => !collecting.includes(org.type);
const emptyIndex: OrgIndex = { byCode: new Map(), children: new Map(), roots: [] };
/** Collections, remittances, uses and the account are also a committee's: any organization may be chosen. */
const anyOrgTabs: readonly Tab[] = ['collections', 'uses', 'published', 'settings'];
/** What a member without 'person.read' sees: the account published to them. */
const memberTabs: readonly Tab[] = ['published'];
const noneDisabled = () => false;

/**
 * 党费收缴: a branch's dues sheet for a month and its members' bases for the year. The branch, the month
 * and the tab live in the address; a branch secretary lands on their own branch.
 */
export default function DuesPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const compact = Grid.useBreakpoint().md === false;
  const [params, set] = useAddress();
  const index = useOrgIndex();

  const own = user?.posts.map((p) => index?.byCode.get(p.orgCode)).find((o) => o && !notCollecting(o))?.code;
  const shown = user?.abilities.includes('person.read') ? tabs : memberTabs;
  const tab: Tab = shown.find((x) => x === params.get('tab')) ?? shown[0]!;
  const anyOrg = anyOrgTabs.includes(tab);
  const org = params.get('org') ?? own ?? (anyOrg ? user?.posts[0]?.orgCode : undefined) ?? '';
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(params.get('month') ?? '') ? params.get('month')! : chinaToday().slice(0, 7);
  const year = Number(month.slice(0, 4));

  // A year picked keeps the month within it; this month is the default, left out of the address.
  const pick = (d: Dayjs | null) => {
    if (!d) return;
    const next = tab === 'sheet' ? d.format('YYYY-MM') : `${d.format('YYYY')}-${month.slice(5)}`;
    set({ month: next === chinaToday().slice(0, 7) ? undefined : next });
  };
  const body = (content: React.ReactNode) => (org ? content : <Empty description={t(anyOrg ? 'dues.pickAnyOrg' : 'dues.pickOrg')} />);
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="dues-title">
        {t('dues.title')}{org && index?.byCode.get(org) ? ` · ${index.byCode.get(org)!.name}` : ''}
      </Typography.Title>
      <Card size="small">
        <Form layout="vertical" component="div">
          <Flex wrap gap="0 12px">
            <Form.Item label={t(anyOrg ? 'dues.orgAny' : 'dues.org')} style={{ flex: '2 1 260px', marginBottom: 8 }}>
              <OrgPicker index={index ?? emptyIndex} isDisabled={anyOrg ? noneDisabled : notCollecting} value={org || undefined} onChange={(code) => set({ org: code })} id="dues-org" />
            </Form.Item>
            <Form.Item label={tab === 'sheet' ? t('dues.month') : t('dues.year')} style={{ flex: '1 1 160px', marginBottom: 8 }}>
              <DatePicker picker={tab === 'sheet' ? 'month' : 'year'} allowClear={false} value={dayjs(`${month}-01`)} style={{ width: '100%' }} data-testid="dues-month"
                onChange={pick} />
            </Form.Item>
          </Flex>
        </Form>
      </Card>
      {/* Only the open tab is mounted: each shows what the other just saved. */}
      <Tabs destroyOnHidden activeKey={tab} onChange={(key) => set({ tab: key === 'sheet' ? undefined : key })} items={[
        { key: 'sheet', label: <span data-testid="dues-tab-sheet">{t('dues.tab.sheet')}</span>, children: body(<SheetTab key={`${org}|${month}`} orgCode={org} month={month} compact={compact} />) },
        { key: 'bases', label: <span data-testid="dues-tab-bases">{t('dues.tab.bases')}</span>, children: body(<BasesTab key={`${org}|${month.slice(0, 4)}`} orgCode={org} year={Number(month.slice(0, 4))} />) },
        { key: 'collections', label: <span data-testid="dues-tab-collections">{t('dues.tab.collections')}</span>, children: body(<CollectionsTab key={`${org}|${year}`} orgCode={org} year={year} compact={compact} />) },
        { key: 'uses', label: <span data-testid="dues-tab-uses">{t('dues.tab.uses')}</span>, children: body(<UsesTab key={`${org}|${year}`} orgCode={org} year={year} />) },
        { key: 'published', label: <span data-testid="dues-tab-published">{t('dues.tab.published')}</span>, children: body(<PublishedTab key={`${org}|${year}`} orgCode={org} year={year} />) },
        { key: 'settings', label: <span data-testid="dues-tab-settings">{t('dues.tab.settings')}</span>, children: <SettingsTab /> },
      ].filter((item) => shown.includes(item.key as Tab))} />
    </Flex>
  );
}
