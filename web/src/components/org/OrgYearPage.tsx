import { Card, DatePicker, Flex, Form, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import type { OrgSummary } from '../../contracts.js';
import { chinaToday } from '../../format.js';
import { type OrgIndex } from '../../orgTree.js';
import { useSession } from '../../session.js';
import { useAddress } from '../../useAddress.js';
import { useOrgIndex } from '../../useOrgIndex.js';
import { OrgPicker } from './OrgPicker.js';

const emptyIndex: OrgIndex = { byCode: new Map(), children: new Map(), roots: [] };

/**
 * The organization and year a yearly page shows (appraisal, commitments), kept in the address: the
 * user's first post and the current year unless chosen, the current year left out of the address so a
 * bookmarked page follows the calendar.
 */
export function useOrgYear() {
  const { user } = useSession();
  const [params, set] = useAddress();
  const index = useOrgIndex();
  const thisYear = Number(chinaToday().slice(0, 4));
  const org = params.get('org') ?? user?.posts[0]?.orgCode ?? '';
  const year = /^\d{4}$/.test(params.get('year') ?? '') ? Number(params.get('year')) : thisYear;
  return { params, set, index, org, year, thisYear, chosen: index?.byCode.get(org) };
}

type OrgYear = ReturnType<typeof useOrgYear>;

/**
 * A yearly page: its title with the chosen organization, the organization and year, and its tabs, the
 * first of which is the default and left out of the address.
 */
export function OrgYearPage({ state, title, labels, testId, isDisabled, tabs }: {
  state: OrgYear;
  title: string;
  labels: { org: string; year: string };
  /** Prefix of the test ids ('appraisal' → 'appraisal-title', 'appraisal-org', 'appraisal-year', 'appraisal-tab-rounds'). */
  testId: string;
  isDisabled: (org: OrgSummary) => boolean;
  tabs: { key: string; label: string; children: () => ReactNode }[];
}) {
  const { params, set, index, org, year, thisYear, chosen } = state;
  const tab = tabs.find((x) => x.key === params.get('tab'))?.key ?? tabs[0]!.key;
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid={`${testId}-title`}>
        {title}{chosen ? ` · ${chosen.name}` : ''}
      </Typography.Title>
      <Card size="small">
        <Form layout="vertical" component="div">
          <Flex wrap gap="0 12px">
            <Form.Item label={labels.org} style={{ flex: '2 1 260px', marginBottom: 8 }}>
              <OrgPicker index={index ?? emptyIndex} isDisabled={isDisabled} value={org || undefined} onChange={(code) => set({ org: code })} id={`${testId}-org`} />
            </Form.Item>
            <Form.Item label={labels.year} style={{ flex: '1 1 140px', marginBottom: 8 }}>
              <DatePicker picker="year" allowClear={false} value={dayjs(`${year}-01-01`)} style={{ width: '100%' }} data-testid={`${testId}-year`}
                onChange={(d) => d && set({ year: d.year() === thisYear ? undefined : String(d.year()) })} />
            </Form.Item>
          </Flex>
        </Form>
      </Card>
      <Tabs destroyOnHidden activeKey={tab} onChange={(key) => set({ tab: key === tabs[0]!.key ? undefined : key })} items={tabs.map((x) => ({
        key: x.key, label: <span data-testid={`${testId}-tab-${x.key}`}>{x.label}</span>, children: x.key === tab ? x.children() : null,
      }))} />
    </Flex>
  );
}
