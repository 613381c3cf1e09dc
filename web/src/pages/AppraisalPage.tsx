import { Empty, Flex, Skeleton, Tabs, Typography } from 'antd';
import { BranchRound } from '../components/appraisal/BranchRound.js';
import { SettingsTab } from '../components/appraisal/SettingsTab.js';
import { SubtreeRounds } from '../components/appraisal/SubtreeRounds.js';
import { ApiFailure } from '../components/ApiFailure.js';
import { OrgYearFilter } from '../components/org/OrgYearFilter.js';
import { api } from '../api.js';
import type { AppraisalRoundList, OrgSummary } from '../contracts.js';
import { chinaToday } from '../format.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useSession } from '../session.js';
import { useAddress } from '../useAddress.js';
import { useApi } from '../useApi.js';
import { useOrgIndex } from '../useOrgIndex.js';

/** Branches appraise their members; a party group is part of its branch's round. */
const isGroup = (org: OrgSummary) => org.type === 'party_group';
const isBranch = (org: OrgSummary | undefined) => org?.type === 'branch' || org?.type === 'joint_branch';

/**
 * 民主评议党员: a branch's round of a year (open it, evaluate, grade, follow up), or for a township or
 * the county its branches' rounds. The organization, the year and the tab live in the address.
 */
export default function AppraisalPage() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const [params, set] = useAddress();
  const index = useOrgIndex();
  const thisYear = Number(chinaToday().slice(0, 4));
  const org = params.get('org') ?? user?.posts[0]?.orgCode ?? '';
  const year = /^\d{4}$/.test(params.get('year') ?? '') ? Number(params.get('year')) : thisYear;
  const tab = params.get('tab') === 'settings' ? 'settings' : 'rounds';
  const list = useApi(org ? `${org}|${year}|${lang}` : null, (signal) => api.get<AppraisalRoundList>('/api/appraisal/rounds', { org, year }, { signal }));
  const chosen = index?.byCode.get(org);

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
    <Flex vertical gap={12}>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="appraisal-title">
        {t('appraisal.title')}{chosen ? ` · ${chosen.name}` : ''}
      </Typography.Title>
      <OrgYearFilter index={index} isDisabled={isGroup} org={org} year={year} thisYear={thisYear} testId="appraisal"
        labels={{ org: t('appraisal.org'), year: t('appraisal.year') }} onOrg={(code) => set({ org: code })} onYear={(y) => set({ year: y })} />
      <Tabs destroyOnHidden activeKey={tab} onChange={(key) => set({ tab: key === 'rounds' ? undefined : key })} items={[
        { key: 'rounds', label: <span data-testid="appraisal-tab-rounds">{t('appraisal.tab.rounds')}</span>, children: rounds() },
        { key: 'settings', label: <span data-testid="appraisal-tab-settings">{t('appraisal.tab.settings')}</span>, children: <SettingsTab /> },
      ]} />
    </Flex>
  );
}
