import { Empty, Skeleton } from 'antd';
import { BranchRound } from '../components/appraisal/BranchRound.js';
import { SettingsTab } from '../components/appraisal/SettingsTab.js';
import { SubtreeRounds } from '../components/appraisal/SubtreeRounds.js';
import { ApiFailure } from '../components/ApiFailure.js';
import { OrgYearPage, useOrgYear } from '../components/org/OrgYearPage.js';
import { api } from '../api.js';
import type { AppraisalRoundList, OrgSummary } from '../contracts.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useApi } from '../useApi.js';

/** Branches appraise their members; a party group is part of its branch's round. */
const isGroup = (org: OrgSummary) => org.type === 'party_group';
const isBranch = (org: OrgSummary | undefined) => org?.type === 'branch' || org?.type === 'joint_branch';

/**
 * 民主评议党员: a branch's round of a year (open it, evaluate, grade, follow up), or for a township or
 * the county its branches' rounds. The organization, the year and the tab live in the address.
 */
export default function AppraisalPage() {
  const { t, lang } = useI18n();
  const state = useOrgYear();
  const { index, org, year, chosen } = state;
  const list = useApi(org ? `${org}|${year}|${lang}` : null, (signal) => api.get<AppraisalRoundList>('/api/appraisal/rounds', { org, year }, { signal }));

  const rounds = () => {
    if (!org) return <Empty description={t('appraisal.pickOrg')} />;
    if (list.error && !list.data) return <ApiFailure error={list.error} onRetry={list.reload} />;
    if (!list.data || !index) return <Skeleton active paragraph={{ rows: 6 }} />;
    if (isBranch(chosen)) {
      const item = list.data.items.find((i) => i.org.code === org);
      return item ? <BranchRound key={`${org}|${year}`} item={item} year={year} onChanged={list.reload} /> : <Empty />;
    }
    return <SubtreeRounds list={list.data} year={year} />;
  };

  return (
    <OrgYearPage state={state} title={t('appraisal.title')} labels={{ org: t('appraisal.org'), year: t('appraisal.year') }} testId="appraisal" isDisabled={isGroup} tabs={[
      { key: 'rounds', label: t('appraisal.tab.rounds'), children: rounds },
      { key: 'settings', label: t('appraisal.tab.settings'), children: () => <SettingsTab /> },
    ]} />
  );
}
