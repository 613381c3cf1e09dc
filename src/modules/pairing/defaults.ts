/**
 * The pairing settings a county has until it sets its own (county_settings key 'pairing'): the
 * quotas by rank of seed 003 (main leaders three households, team members two, station heads and
 * cadres one), the usual help types, and one contact a month. All of it is local practice.
 */
import type { PairingSettings } from './contracts.js';

export const SETTINGS_KEY = 'pairing';

export const defaultPairingSettings: PairingSettings = {
  ranks: [
    {
      id: 'main_leader', name: '主要领导', households: 3,
      titles: ['党委书记', '党工委书记', '乡镇长', '镇长', '乡长', '办事处主任', '人大主席'],
    },
    {
      id: 'team_member', name: '班子成员', households: 2,
      titles: ['党委副书记', '党工委副书记', '纪委书记', '纪工委书记', '组织委员', '宣传委员', '统战委员', '武装部部长', '党委委员', '党工委委员',
        '副镇长', '副乡长', '副乡镇长', '办事处副主任', '人大副主席'],
    },
    {
      id: 'station_cadre', name: '站所负责人及干部', households: 1,
      titles: ['站所负责人', '站长', '所长', '干部', '包村干部', '工作人员', '党支部书记'],
    },
  ],
  helpTypes: [
    { id: 'industry', name: '产业帮扶' },
    { id: 'employment', name: '就业帮扶' },
    { id: 'education', name: '教育帮扶' },
    { id: 'medical', name: '医疗帮扶' },
    { id: 'housing', name: '住房帮扶' },
    { id: 'policy', name: '政策落实' },
    { id: 'care', name: '心理关爱' },
    { id: 'other', name: '其他' },
  ],
  frequency: { min: 1, unit: 'month' },
};
