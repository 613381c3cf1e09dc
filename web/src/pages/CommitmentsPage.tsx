import { Empty, Flex, Skeleton, Tabs, Typography } from 'antd';
import { ApiFailure } from '../components/ApiFailure.js';
import { BranchBoard } from '../components/commitments/BranchBoard.js';
import { SettingsTab } from '../components/commitments/SettingsTab.js';
import { SubtreeBoard } from '../components/commitments/SubtreeBoard.js';
import { OrgYearFilter } from '../components/org/OrgYearFilter.js';
import { api } from '../api.js';
import type { CommitmentBoard, CommitmentList, OrgSummary } from '../contracts.js';
import { chinaToday } from '../format.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useSession } from '../session.js';
import { useAddress } from '../useAddress.js';
import { useApi } from '../useApi.js';
import { useOrgIndex } from '../useOrgIndex.js';

/** Branches make commitments; a party group is part of its branch. */
const isGroup = (org: OrgSummary) => org.type === 'party_group';
const isBranch = (org: OrgSummary | undefined) => org?.type === 'branch' || org?.type === 'joint_branch' || org?.type === 'general_branch';

/**
 * 承诺践诺评诺: a branch's commitments of a year by maker (make, publish, keep, appraise), or for a township
 * or the county the completion board of its branches. The organization, the year and the tab live in the address.
 */
export default function CommitmentsPage() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const [params, set] = useAddress();
  const index = useOrgIndex();
  const thisYear = Number(chinaToday().slice(0, 4));
  const org = params.get('org') ?? user?.posts[0]?.orgCode ?? '';
  const year = /^\d{4}$/.test(params.get('year') ?? '') ? Number(params.get('year')) : thisYear;
  const tab = params.get('tab') === 'settings' ? 'settings' : 'board';
  const chosen = index?.byCode.get(org);
  const branch = isBranch(chosen);
  const list = useApi(org && index && branch ? `list|${org}|${year}|${lang}` : null, (signal) => api.get<CommitmentList>('/api/commitments', { org, year }, { signal }));
  const board = useApi(org && index && !branch ? `board|${org}|${year}|${lang}` : null, (signal) => api.get<CommitmentBoard>('/api/commitments/board', { org, year }, { signal }));

  const content = () => {
    if (!org) return <Empty description={t('commitments.pickOrg')} />;
    const loaded = branch ? list : board;
    if (loaded.error && !loaded.data) return <ApiFailure error={loaded.error} onRetry={loaded.reload} />;
    if (!index || !loaded.data) return <Skeleton active paragraph={{ rows: 6 }} />;
    return branch ? <BranchBoard list={list.data!} onChanged={list.reload} /> : <SubtreeBoard board={board.data!} />;
  };

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="commitments-title">
        {t('commitments.title')}{chosen ? ` · ${chosen.name}` : ''}
      </Typography.Title>
      <OrgYearFilter index={index} isDisabled={isGroup} org={org} year={year} thisYear={thisYear} testId="commitments"
        labels={{ org: t('commitments.org'), year: t('commitments.year') }} onOrg={(code) => set({ org: code })} onYear={(y) => set({ year: y })} />
      <Tabs destroyOnHidden activeKey={tab} onChange={(key) => set({ tab: key === 'board' ? undefined : key })} items={[
        { key: 'board', label: <span data-testid="commitments-tab-board">{t('commitments.tab.board')}</span>, children: content() },
        { key: 'settings', label: <span data-testid="commitments-tab-settings">{t('commitments.tab.settings')}</span>, children: <SettingsTab /> },
      ]} />
    </Flex>
  );
}
