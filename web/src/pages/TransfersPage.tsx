import { ImportOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Tabs, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { transferStates } from '../../../src/modules/members/transfers/rules.js';
import { api } from '../api.js';
import { ApiFailure } from '../components/ApiFailure.js';
import { ArrivalModal } from '../components/members/transfers/ArrivalModal.js';
import { TransferTable } from '../components/members/transfers/TransferTable.js';
import type { TransferPage } from '../components/members/transfers/types.js';
import type { OrgList } from '../contracts.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { indexOrgs } from '../orgTree.js';
import { useUser } from '../session.js';
import { useApi } from '../useApi.js';

const boxes = ['incoming', 'outgoing', 'arrivals'] as const;
type Box = (typeof boxes)[number];
const PAGE_SIZE = 20;

/**
 * 组织关系转接: the transfers of the user's organizations, coming in (to receive or reject), going
 * out, and arriving from outside the county, with the form that registers such an arrival. The
 * box, state and page live in the address.
 */
export default function TransfersPage() {
  const { t } = useI18n();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const [arriving, setArriving] = useState(false);
  const box: Box = boxes.find((b) => b === params.get('box')) ?? 'incoming';
  const state = transferStates.find((s) => s === params.get('state'));
  const page = Number(params.get('page') ?? 1) || 1;

  const transfers = useApi(params.toString(), (signal) =>
    api.get<TransferPage>('/api/member-transfers', { box, state, page, pageSize: PAGE_SIZE }, { signal }));
  const orgs = useApi(arriving ? 'orgs' : null, (signal) => api.get<OrgList>('/api/organizations', undefined, { signal }));
  const index = useMemo(() => (orgs.data ? indexOrgs(orgs.data.items) : undefined), [orgs.data]);

  if (transfers.error && !transfers.data) return <ApiFailure error={transfers.error} onRetry={transfers.reload} />;
  const set = (next: { box?: Box; state?: string; page?: number }) => {
    const merged = { box, state: state as string | undefined, page: 1, ...next };
    const query = new URLSearchParams({ box: merged.box });
    if (merged.state) query.set('state', merged.state);
    if (merged.page > 1) query.set('page', String(merged.page));
    setParams(query);
  };
  const manages = user.abilities.includes('member.manage');
  const arrival = (
    <Button icon={<ImportOutlined />} disabled={!manages} onClick={() => setArriving(true)} data-testid="transfer-arrival">{t('transfers.action.arrival')}</Button>
  );

  return (
    <Flex vertical gap={12}>
      <Flex wrap align="center" justify="space-between" gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="transfers-title">{t('transfers.title')}</Typography.Title>
        {manages ? arrival : <Tooltip title={t('transfers.reason.no_ability')}><span>{arrival}</span></Tooltip>}
      </Flex>
      <Tabs activeKey={box} onChange={(key) => set({ box: key as Box, state: undefined })}
        items={boxes.map((b) => ({ key: b, label: <span data-testid={`transfers-box-${b}`}>{t(`transfers.box.${b}`)}</span> }))}
        tabBarExtraContent={(
          <Select style={{ width: 140 }} value={state ?? ''} onChange={(value) => set({ state: value || undefined })} data-testid="transfers-state"
            options={[{ value: '', label: t('transfers.allStates') }, ...transferStates.map((s) => ({ value: s, label: t(`transfers.state.${s}`) }))]} />
        )} />
      <TransferTable testId="transfers-table" items={transfers.data?.items ?? []} loading={transfers.loading} showPerson onChanged={transfers.reload}
        pagination={{
          current: page, pageSize: PAGE_SIZE, total: transfers.data?.total ?? 0, showSizeChanger: false,
          showTotal: (total) => t('transfers.total', { total }), onChange: (next) => set({ page: next }),
        }} />
      <ArrivalModal index={index} open={arriving} onClose={() => setArriving(false)} onDone={() => {
        setArriving(false);
        set({ box: 'arrivals', state: undefined });
        transfers.reload();
      }} />
    </Flex>
  );
}
