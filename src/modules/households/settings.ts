/** The county's household tags: read by everyone, set by the county administrator; a tag in use stays. */
import { eq, sql } from 'drizzle-orm';
import { invalid } from '../../platform/errors.js';
import { t, type Lang } from '../../platform/i18n/index.js';
import type { ServiceContext } from '../../platform/service.js';
import { keyedSetting, saveSetting, viewSetting } from '../organizations/county-setting.js';
import { householdSettingsBody, type HouseholdSettings, type HouseholdSettingsView } from './contracts.js';
import { checkTagList, removedTagsInUse, type HouseholdProblem } from './rules.js';
import { households } from './schema.js';

const SETTINGS_KEY = 'households';

export const defaultHouseholdSettings: HouseholdSettings = {
  tags: [
    { id: 'difficult', name: '困难户' },
    { id: 'wealth_leader', name: '致富带头人' },
    { id: 'large_producer', name: '种养大户' },
    { id: 'five_kinds', name: '五类人员' },
    { id: 'low_income', name: '低保户' },
    { id: 'elderly_alone', name: '独居老人' },
    { id: 'left_behind_children', name: '留守儿童家庭' },
    { id: 'veteran_family', name: '退役军人家庭' },
    { id: 'poverty_alleviated', name: '脱贫户' },
  ],
};

const householdSetting = keyedSetting<HouseholdSettings>(SETTINGS_KEY, householdSettingsBody, defaultHouseholdSettings, { action: 'households.settings', forbidden: 'households.settings_forbidden' });
export const householdSettings = householdSetting.read;

/** A refusal naming every problem on its field of the request. */
export function refuseProblems(problems: readonly HouseholdProblem[], lang: Lang, prefix = 'body'): void {
  if (problems.length === 0) return;
  const fields = problems.map((p) => ({ path: `${prefix}.${p.field}`, key: p.key, params: p.params }));
  const detail = problems.map((p) => t(lang, p.key, p.params)).join(lang === 'zh' ? '；' : '; ');
  throw invalid('households.invalid', { detail }, fields);
}

export const getHouseholdSettings = (ctx: ServiceContext): Promise<HouseholdSettingsView> => viewSetting(ctx, householdSetting);

export const saveHouseholdSettings = (ctx: ServiceContext, input: HouseholdSettings, lang: Lang): Promise<HouseholdSettingsView> =>
  saveSetting(ctx, householdSetting, input, async (tx, before) => {
    refuseProblems(checkTagList(input.tags), lang);
    const usage = new Map((await tx.select({ tag: sql<string>`unnest(${households.tags})`, n: sql<number>`count(*)::int` }).from(households)
      .where(eq(households.countyId, ctx.actor.countyId)).groupBy(sql`1`)).map((r) => [r.tag, r.n]));
    const inUse = removedTagsInUse(before.tags, input.tags, usage);
    refuseProblems(inUse.map(({ id, count }) => ({
      field: 'tags', key: 'households.tag_in_use', params: { name: before.tags.find((tag) => tag.id === id)!.name, count },
    })), lang);
  });
