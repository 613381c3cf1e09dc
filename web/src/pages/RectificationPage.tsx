import { SettingOutlined } from '@ant-design/icons';
import { Button, Card, Flex, InputNumber, Skeleton, Typography } from 'antd';
import { api } from '../api.js';
import { ApiFailure } from '../components/ApiFailure.js';
import { Board } from '../components/rectification/Board.js';
import { CaseDrawer } from '../components/rectification/CaseDrawer.js';
import { SettingsDrawer } from '../components/rectification/SettingsDrawer.js';
import { OrgPicker } from '../components/org/OrgPicker.js';
import type { RectificationAccountability, RectificationBoard, RectificationSummary } from '../contracts.js';
import { chinaToday } from '../format.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useSession } from '../session.js';
import { useAddress } from '../useAddress.js';
import { useApi } from '../useApi.js';
import { useOrgIndex } from '../useOrgIndex.js';
import type { OrgSummary } from '../contracts.js';
import type { OrgIndex } from '../orgTree.js';

const isGroup = (org: OrgSummary) => org.type === 'party_group';
const emptyIndex: OrgIndex = { byCode: new Map(), children: new Map(), roots: [] };

/**
 * 整顿台账: the year's cases of a subtree with the figures and the accountability events on top; a
 * case opens in a drawer, and so do the county's settings. The organization, year, filters, the open case
 * and the open settings live in the address.
 */
export default function RectificationPage() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const [params, set] = useAddress();
  const index = useOrgIndex();
  const org = params.get('org') ?? user?.posts[0]?.orgCode ?? '';
  const year = /^\d{4}$/.test(params.get('year') ?? '') ? Number(params.get('year')) : Number(chinaToday().slice(0, 4));
  const key = org ? `${org}|${year}|${lang}` : null;
  const board = useApi(key, (signal) => api.get<RectificationBoard>('/api/rectification/cases', { org, year }, { signal }));
  const summary = useApi(key, (signal) => api.get<RectificationSummary>('/api/rectification/summary', { org, year }, { signal }));
  const accountability = useApi(key, (signal) => api.get<RectificationAccountability>('/api/rectification/accountability', { org, year }, { signal }));
  const reload = () => { board.reload(); summary.reload(); accountability.reload(); };

  const content = () => {
    if (board.error && !board.data) return <ApiFailure error={board.error} onRetry={board.reload} />;
    if (!board.data) return <Skeleton active paragraph={{ rows: 8 }} />;
    return (
      <Board board={board.data} summary={summary.data ?? null} accountability={accountability.data ?? null}
        state={params.get('state') ?? undefined} township={params.get('township') ?? undefined}
        onFilter={(f) => set(f)} onOpen={(id) => set({ case: id })} />
    );
  };
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="rectification-title">{t('rectification.title')}</Typography.Title>
        <Button icon={<SettingOutlined />} onClick={() => set({ settings: '1' })} data-testid="rectification-settings-open">{t('rectification.settings')}</Button>
      </Flex>
      <Card size="small">
        <Flex wrap gap={8} align="center">
          <div style={{ minWidth: 280 }}>
            <OrgPicker index={index ?? emptyIndex} isDisabled={isGroup} value={org || undefined} onChange={(code) => set({ org: code, case: undefined })} id="rectification-org" />
          </div>
          <InputNumber min={2000} max={2100} value={year} addonBefore={t('rectification.year')} onChange={(v) => v && set({ year: String(v) })} data-testid="rectification-year" />
        </Flex>
      </Card>
      {content()}
      <CaseDrawer id={params.get('case')} onClose={() => set({ case: undefined })} onChanged={reload} />
      <SettingsDrawer open={params.get('settings') === '1'} onClose={() => set({ settings: undefined })} onSaved={reload} />
    </Flex>
  );
}
