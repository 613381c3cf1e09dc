import { Card, DatePicker, Flex, Form, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { ClaimsTab } from '../components/points/ClaimsTab.js';
import { LedgerTab } from '../components/points/LedgerTab.js';
import { RankingTab } from '../components/points/RankingTab.js';
import { RatingsTab } from '../components/points/RatingsTab.js';
import { SettingsTab } from '../components/points/SettingsTab.js';
import { OrgPicker } from '../components/org/OrgPicker.js';
import { chinaToday } from '../format.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { type OrgIndex } from '../orgTree.js';
import { useSession } from '../session.js';
import { useAddress } from '../useAddress.js';
import { useOrgIndex } from '../useOrgIndex.js';

const tabs = ['ledger', 'claims', 'ranking', 'ratings', 'settings'] as const;
type Tab = (typeof tabs)[number];
const emptyIndex: OrgIndex = { byCode: new Map(), children: new Map(), roots: [] };
const noneDisabled = () => false;

/**
 * 积分与星级: a member's yearly ledger, claims and their approval, a branch's ranking (only when
 * allowed), star ratings and the county's settings. Tab, organization, year and member live in the address.
 */
export default function PointsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const [params, set] = useAddress();
  const index = useOrgIndex();
  const tab: Tab = tabs.find((x) => x === params.get('tab')) ?? 'ledger';
  const org = params.get('org') ?? user?.posts[0]?.orgCode ?? '';
  const thisYear = Number(chinaToday().slice(0, 4));
  const year = /^\d{4}$/.test(params.get('year') ?? '') ? Number(params.get('year')) : thisYear;
  const person = params.get('person') ?? undefined;
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="points-title">{t('points.title')}</Typography.Title>
      {tab !== 'settings' && (
        <Card size="small">
          <Form layout="vertical" component="div">
            <Flex wrap gap="0 12px">
              <Form.Item label={t('points.org')} style={{ flex: '2 1 260px', marginBottom: 8 }}>
                <OrgPicker index={index ?? emptyIndex} isDisabled={noneDisabled} value={org || undefined} onChange={(code) => set({ org: code, person: undefined })} id="points-org" />
              </Form.Item>
              <Form.Item label={t('points.year')} style={{ flex: '1 1 120px', marginBottom: 8 }}>
                <DatePicker picker="year" allowClear={false} value={dayjs(`${year}-01-01`)} style={{ width: '100%' }} data-testid="points-year"
                  disabledDate={(d) => d.year() > thisYear} onChange={(d) => d && set({ year: d.year() === thisYear ? undefined : String(d.year()) })} />
              </Form.Item>
            </Flex>
          </Form>
        </Card>
      )}
      <Tabs destroyOnHidden activeKey={tab} onChange={(key) => set({ tab: key === 'ledger' ? undefined : key })} items={[
        { key: 'ledger', label: <span data-testid="points-tab-ledger">{t('points.tab.ledger')}</span>, children: <LedgerTab key={`${org}|${year}`} orgCode={org} year={year} person={person} onPick={(p) => set({ person: p })} /> },
        { key: 'claims', label: <span data-testid="points-tab-claims">{t('points.tab.claims')}</span>, children: <ClaimsTab key={`${org}|${year}`} orgCode={org} year={year} /> },
        { key: 'ranking', label: <span data-testid="points-tab-ranking">{t('points.tab.ranking')}</span>, children: <RankingTab key={`${org}|${year}`} orgCode={org} year={year} /> },
        { key: 'ratings', label: <span data-testid="points-tab-ratings">{t('points.tab.ratings')}</span>, children: <RatingsTab key={`${org}|${year}`} orgCode={org} year={year} /> },
        { key: 'settings', label: <span data-testid="points-tab-settings">{t('points.tab.settings')}</span>, children: <SettingsTab /> },
      ]} />
    </Flex>
  );
}
