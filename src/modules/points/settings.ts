/** The county's point catalogue, star thresholds, rating indicators and display switch: read by all, set by the county administrator. */
import { invalid } from '../../platform/errors.js';
import { t, type Lang } from '../../platform/i18n/index.js';
import type { ServiceContext } from '../../platform/service.js';
import { saveSetting, viewSetting } from '../organizations/county-setting.js';
import type { PointsSettings, PointsSettingsView } from './contracts.js';
import { pointsSetting } from './queries.js';
import { checkSettings } from './rules.js';

export const getSettings = (ctx: ServiceContext): Promise<PointsSettingsView> => viewSetting(ctx, pointsSetting);

export const saveSettings = (ctx: ServiceContext, input: PointsSettings, lang: Lang): Promise<PointsSettingsView> =>
  saveSetting(ctx, pointsSetting, input, () => {
    const problems = checkSettings(input).map((p) => ({ path: `body.${p.path}`, key: `points.settings.${p.rule}` as const, params: p.params }));
    if (problems.length === 0) return;
    const detail = problems.map((p) => t(lang, p.key, p.params)).join(lang === 'zh' ? '；' : '; ');
    throw invalid('points.invalid_settings', { detail }, problems);
  });
