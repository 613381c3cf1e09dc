/**
 * The county's assessment schemes (setting 'assessments'), changed by the county administrator. Each
 * scheme's weights sum to 100 and its grade minimums descend strictly to 0: checked here in the
 * caller's language before the shared setting code stores and audits the change. A round copies its
 * scheme, so editing one never changes a past result.
 *
 * Removing (or changing) a scheme that an open round uses is allowed on purpose: the round keeps scoring
 * and grading by its copy (assessment_rounds.scheme) and nothing reads the setting for it again; only new
 * rounds can no longer choose the removed scheme. Refusing would force the county to keep a scheme it
 * has replaced until every township finished its round, for no safety gained.
 */
import type { Lang } from '../../platform/i18n/index.js';
import type { ServiceContext } from '../../platform/service.js';
import { saveSetting, type SettingView } from '../organizations/county-setting.js';
import type { AssessmentSettings } from './contracts.js';
import { refuseAll } from './problems.js';
import { assessmentSetting } from './queries.js';
import { schemesProblems } from './rules.js';

export async function saveSchemes(ctx: ServiceContext, input: AssessmentSettings, lang: Lang): Promise<SettingView<AssessmentSettings>> {
  return saveSetting(ctx, assessmentSetting, input, () => refuseAll(lang, schemesProblems(input.schemes)));
}
