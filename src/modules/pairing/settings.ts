/** The county's pairing quotas, help types and contact frequency: read by all, set by the county administrator. */
import { invalid } from '../../platform/errors.js';
import { t, type Lang } from '../../platform/i18n/index.js';
import type { ServiceContext } from '../../platform/service.js';
import { saveSetting, viewSetting } from '../organizations/county-setting.js';
import type { PairingSettings, PairingSettingsView } from './contracts.js';
import { pairingSetting } from './queries.js';
import { checkSettings } from './rules.js';

export const getSettings = (ctx: ServiceContext): Promise<PairingSettingsView> => viewSetting(ctx, pairingSetting);

export const saveSettings = (ctx: ServiceContext, input: PairingSettings, lang: Lang): Promise<PairingSettingsView> =>
  saveSetting(ctx, pairingSetting, input, () => {
    const problems = checkSettings(input).map((p) => ({ path: `body.${p.path}`, key: `pairing.settings.${p.rule}` as const, params: p.params }));
    if (problems.length === 0) return;
    const detail = problems.map((p) => t(lang, p.key, p.params)).join(lang === 'zh' ? '；' : '; ');
    throw invalid('pairing.invalid_settings', { detail }, problems);
  });
