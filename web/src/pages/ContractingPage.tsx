import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Empty, Flex, Form, Grid, Tabs, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { BoardTab } from '../components/contracting/BoardTab.js';
import { SettingsTab } from '../components/contracting/SettingsTab.js';
import { TeamsTab } from '../components/contracting/TeamsTab.js';
import { VisitFormDrawer } from '../components/contracting/VisitForm.js';
import { VisitsTab } from '../components/contracting/VisitsTab.js';
import { OrgPicker } from '../components/org/OrgPicker.js';
import type { OrgSummary } from '../contracts.js';
import { chinaToday } from '../format.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { ancestorCodes, type OrgIndex } from '../orgTree.js';
import { useUser } from '../session.js';
import { useAddress } from '../useAddress.js';
import { useOrgIndex } from '../useOrgIndex.js';

const tabs = ['board', 'visits', 'teams', 'settings'] as const;
type Tab = (typeof tabs)[number];
const isTownship = (org: OrgSummary) => org.type === 'committee' && (org.unitType === 'township' || org.unitType === 'street');
const emptyIndex: OrgIndex = { byCode: new Map(), children: new Map(), roots: [] };

/** The ISO week key of a day ('2026-W10'): the week of its Thursday, counted from the year's first Thursday. */
function isoWeekKey(day: Dayjs): string {
  const thursday = day.add(4 - (day.day() || 7), 'day');
  const jan1 = thursday.startOf('year');
  return `${thursday.year()}-W${String(Math.floor(thursday.diff(jan1, 'day') / 7) + 1).padStart(2, '0')}`;
}

/** The Monday of a week key: week 1 holds 4 January. */
function weekMonday(key: string): Dayjs {
  const jan4 = dayjs(`${key.slice(0, 4)}-01-04`);
  return jan4.subtract((jan4.day() || 7) - 1, 'day').add((Number(key.slice(6)) - 1) * 7, 'day');
}

/** The township of the user's first post: the post's own organization or the township above it. */
function ownTownship(index: OrgIndex | undefined, codes: string[]): string | undefined {
  if (!index) return undefined;
  for (const code of codes) {
    const found = [code, ...ancestorCodes(index, code)].map((c) => index.byCode.get(c)).find((o) => o && isTownship(o));
    if (found) return found.code;
  }
  return [...index.byCode.values()].find(isTownship)?.code;
}

/**
 * 包村走访: a township's contracting board for a week, the visits, the teams and the county's visit
 * quota; and recording a visit, made for a phone. The township, week and tab live in the address.
 */
export default function ContractingPage() {
  const { t } = useI18n();
  const user = useUser();
  const compact = Grid.useBreakpoint().md === false;
  const [params, set] = useAddress();
  const index = useOrgIndex();
  const [recording, setRecording] = useState(false);
  const [refreshed, setRefreshed] = useState(0);
  const refresh = () => setRefreshed((n) => n + 1);

  const tab: Tab = tabs.find((x) => x === params.get('tab')) ?? 'board';
  const org = params.get('org') ?? ownTownship(index, user.posts.map((p) => p.orgCode)) ?? '';
  const week = /^\d{4}-W\d{2}$/.test(params.get('week') ?? '') ? params.get('week')! : undefined;
  const year = Number((week ?? chinaToday()).slice(0, 4));
  const canRecord = user.abilities.includes('visit.record');
  const township = (content: React.ReactNode) => (org ? content : <Empty description={t('contracting.pickTownship')} />);

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="contracting-title">
          {t('contracting.title')}{org && index?.byCode.get(org) ? ` · ${index.byCode.get(org)!.name}` : ''}
        </Typography.Title>
        <Tooltip title={canRecord ? undefined : t('contracting.reason.no_ability')}>
          <Button type="primary" size={compact ? 'large' : 'middle'} block={compact} icon={<PlusOutlined />} disabled={!canRecord}
            onClick={() => setRecording(true)} data-testid="contracting-record">{t('contracting.visits.record')}</Button>
        </Tooltip>
      </Flex>
      <Card size="small">
        <Form layout="vertical" component="div">
          <Flex wrap gap="0 12px">
            <Form.Item label={t('contracting.township')} style={{ flex: '2 1 240px', marginBottom: 8 }}>
              <OrgPicker index={index ?? emptyIndex} isDisabled={(o) => !isTownship(o)} value={org || undefined} onChange={(code) => set({ org: code })} id="contracting-org" />
            </Form.Item>
            <Form.Item label={t('contracting.week')} style={{ flex: '1 1 160px', marginBottom: 8 }}>
              <DatePicker picker="week" allowClear={false} style={{ width: '100%' }} data-testid="contracting-week" value={week ? weekMonday(week) : dayjs(chinaToday())}
                format={(d) => isoWeekKey(d)}
                onChange={(d) => d && set({ week: isoWeekKey(d) === isoWeekKey(dayjs(chinaToday())) ? undefined : isoWeekKey(d) })} />
            </Form.Item>
          </Flex>
        </Form>
      </Card>
      <Tabs destroyOnHidden activeKey={tab} onChange={(key) => set({ tab: key === 'board' ? undefined : key })} items={[
        { key: 'board', label: <span data-testid="contracting-tab-board">{t('contracting.tab.board')}</span>, children: township(<BoardTab orgCode={org} week={week} refreshed={refreshed} />) },
        { key: 'visits', label: <span data-testid="contracting-tab-visits">{t('contracting.tab.visits')}</span>, children: <VisitsTab orgCode={org || undefined} refreshed={refreshed} /> },
        { key: 'teams', label: <span data-testid="contracting-tab-teams">{t('contracting.tab.teams')}</span>, children: township(<TeamsTab orgCode={org} year={year} onSaved={refresh} />) },
        { key: 'settings', label: <span data-testid="contracting-tab-settings">{t('contracting.tab.settings')}</span>, children: <SettingsTab onSaved={refresh} /> },
      ]} />
      <VisitFormDrawer open={recording} index={index} onClose={() => setRecording(false)} onSaved={() => { setRecording(false); refresh(); }} />
    </Flex>
  );
}
