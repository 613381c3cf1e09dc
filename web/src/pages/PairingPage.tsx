import { Button, Card, Checkbox, Flex, Form, Tabs, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api.js';
import { isVillage } from '../components/diaries/villages.js';
import { OrgPicker } from '../components/org/OrgPicker.js';
import { ComplianceTab } from '../components/pairing/ComplianceTab.js';
import { PairDrawer } from '../components/pairing/PairDrawer.js';
import { PairingsTab } from '../components/pairing/PairingsTab.js';
import { QuotasTab } from '../components/pairing/QuotasTab.js';
import { SettingsTab } from '../components/pairing/SettingsTab.js';
import type { PairingSettingsView } from '../contracts.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { OrgIndex } from '../orgTree.js';
import { useSession } from '../session.js';
import { useAddress } from '../useAddress.js';
import { useApi } from '../useApi.js';
import { useOrgIndex } from '../useOrgIndex.js';

const tabs = ['pairings', 'quotas', 'compliance', 'settings'] as const;
type Tab = (typeof tabs)[number];
const emptyIndex: OrgIndex = { byCode: new Map(), children: new Map(), roots: [] };
const noneDisabled = () => false;

/**
 * 结对帮扶: the pairings of a subtree (or one's own) with their contacts this period, the quota table
 * of a township, and pairing a cadre with a household for those who manage contracting.
 */
export default function PairingPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const [params, set] = useAddress();
  const index = useOrgIndex() ?? emptyIndex;
  const tab: Tab = tabs.find((x) => x === params.get('tab')) ?? 'pairings';
  const org = params.get('org') ?? '';
  const mine = params.get('mine') === '1';
  const all = params.get('all') === '1';
  const [pairing, setPairing] = useState(false);
  const [version, setVersion] = useState(0);
  const settings = useApi('settings', (signal) => api.get<PairingSettingsView>('/api/pairing/settings', undefined, { signal }));
  const manages = user?.abilities.includes('contracting.manage') ?? false;
  const quotaOrg = org || user?.posts[0]?.orgCode || '';
  const picked = index.byCode.get(org);
  const village = picked && isVillage(picked) ? org : undefined;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="pairing-title">{t('pairing.title')}</Typography.Title>
        {manages
          ? <Button type="primary" onClick={() => setPairing(true)} data-testid="pairing-new">{t('pairing.pair.button')}</Button>
          : <Tooltip title={t('pairing.reason.no_ability')}><Button type="primary" disabled>{t('pairing.pair.button')}</Button></Tooltip>}
      </Flex>
      <Card size="small">
        <Form layout="vertical" component="div">
          <Flex wrap gap="0 12px" align="end">
            <Form.Item label={t('pairing.org')} style={{ flex: '2 1 240px', marginBottom: 8 }}>
              <OrgPicker index={index} isDisabled={noneDisabled} value={org || undefined} onChange={(code) => set({ org: code })} id="pairing-org" />
            </Form.Item>
            {tab === 'pairings' && (
              <Form.Item style={{ flex: '1 1 200px', marginBottom: 8 }}>
                <Checkbox checked={mine} onChange={(e) => set({ mine: e.target.checked ? '1' : undefined })} data-testid="pairing-mine">{t('pairing.mine')}</Checkbox>
                <Checkbox checked={all} onChange={(e) => set({ all: e.target.checked ? '1' : undefined })}>{t('pairing.includeEnded')}</Checkbox>
              </Form.Item>
            )}
          </Flex>
        </Form>
      </Card>
      <Tabs destroyOnHidden activeKey={tab} onChange={(key) => set({ tab: key === 'pairings' ? undefined : key })} items={[
        { key: 'pairings', label: <span data-testid="pairing-tab-pairings">{t('pairing.tab.pairings')}</span>, children: <PairingsTab orgCode={org} mine={mine} active={!all} version={version} /> },
        { key: 'quotas', label: <span data-testid="pairing-tab-quotas">{t('pairing.tab.quotas')}</span>, children: <QuotasTab orgCode={quotaOrg} /> },
        { key: 'compliance', label: <span data-testid="pairing-tab-compliance">{t('pairing.tab.compliance')}</span>, children: <ComplianceTab orgCode={org} /> },
        { key: 'settings', label: <span data-testid="pairing-tab-settings">{t('pairing.tab.settings')}</span>, children: <SettingsTab /> },
      ]} />
      <PairDrawer open={pairing} index={index} settings={settings.data} orgCode={village} onClose={() => setPairing(false)}
        onSaved={() => { setPairing(false); setVersion((v) => v + 1); }} />
    </Flex>
  );
}
