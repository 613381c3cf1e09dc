/**
 * The county's rectification settings (set by the county administrator): how often progress is
 * reported (seed 002: weekly; some counties every three days), the watch after acceptance, the longer
 * consolidation after a basic pass, the pass score, the dissatisfied share that fails an acceptance,
 * and the default score sheet.
 */
import { keyedSetting } from '../organizations/county-setting.js';
import { settingsBody, type RectificationSettings } from './cases/contracts.js';

export const defaultRectificationSettings: RectificationSettings = {
  cadence: { unit: 'week' },
  watchMonths: 12,
  basicPassExtraMonths: 6,
  passScore: 70,
  failDissatisfiedPermille: 500,
  scoreSheet: [
    { item: '班子建设：书记选优配强、班子团结', max: 25 },
    { item: '组织生活：“三会一课”、主题党日正常开展', max: 20 },
    { item: '问题整改：整改方案逐项完成、有佐证', max: 25 },
    { item: '服务群众：为民办实事、化解矛盾纠纷', max: 15 },
    { item: '制度落实：“四议两公开”、村务监督', max: 15 },
  ],
};

export const rectificationSetting = keyedSetting<RectificationSettings>('rectification', settingsBody, defaultRectificationSettings, {
  action: 'rectification.settings', forbidden: 'rectification.settings_forbidden',
});
