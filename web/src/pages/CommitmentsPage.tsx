import { Empty, Skeleton } from 'antd';
import { ApiFailure } from '../components/ApiFailure.js';
import { BranchBoard } from '../components/commitments/BranchBoard.js';
import { SettingsTab } from '../components/commitments/SettingsTab.js';
import { SubtreeBoard } from '../components/commitments/SubtreeBoard.js';
import { OrgYearPage, useOrgYear } from '../components/org/OrgYearPage.js';
import { api } from '../api.js';
import type { CommitmentBoard, CommitmentList, OrgSummary } from '../contracts.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useApi } from '../useApi.js';

/** Branches make commitments; a party group is part of its branch. */
const isGroup = (org: OrgSummary) => org.type === 'party_group';
const isBranch = (org: OrgSummary | undefined) => org?.type === 'branch' || org?.type === 'joint_branch' || org?.type === 'general_branch';

/**
 * 承诺践诺评诺: a branch's commitments of a year by maker (make, publish, keep, appraise), or for a township
 * or the county the completion board of its branches. The organization, the year and the tab live in the address.
 */
export default function CommitmentsPage() {
  const { t, lang } = useI18n();
  const state = useOrgYear();
  const { index, org, year, chosen } = state;
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
    <OrgYearPage state={state} title={t('commitments.title')} labels={{ org: t('commitments.org'), year: t('commitments.year') }} testId="commitments" isDisabled={isGroup} tabs={[
      { key: 'board', label: t('commitments.tab.board'), children: content },
      { key: 'settings', label: t('commitments.tab.settings'), children: () => <SettingsTab /> },
    ]} />
  );
}
