/**
 * The county's catalogue of weak-lax criteria (软弱涣散认定标准), its responsible departments per
 * category and its quota policy: one county setting. Defaults are the central 10 types (rules.md §5.1),
 * the county items 11–12 (§5.2) and the measurable items of §5.3 with automatic indicators. Collective
 * income is not among them: the platform holds no collective-economy data yet.
 */
import { z } from 'zod';
import { keyedSetting } from '../organizations/county-setting.js';

export const criterionCategories = ['soft', 'lax', 'poor', 'chaotic'] as const;
export type CriterionCategory = (typeof criterionCategories)[number];

export const indicatorKinds = [
  'secretary_vacant_months', 'meetings_missed', 'no_development_target_years', 'satisfaction_below', 'petitions_above', 'assessment_low_grade',
] as const;
export type IndicatorKind = (typeof indicatorKinds)[number];

export const criterionCode = z.string().trim().regex(/^[0-9A-Za-z_-]{1,20}$/, '编号为 1–20 位字母、数字、下划线或短横线');

export const indicatorSchema = z.strictObject({
  kind: z.enum(indicatorKinds),
  /** Months, missed cells, years, percent or petitions, by kind; unused by assessment_low_grade. */
  threshold: z.number().int().min(0).max(1000),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const criterionSchema = z.strictObject({
  code: criterionCode,
  title: z.string().trim().min(1).max(200),
  category: z.enum(criterionCategories),
  indicator: indicatorSchema.nullable(),
  active: z.boolean(),
});
export type Criterion = z.infer<typeof criterionSchema>;

const departmentList = z.array(z.string().trim().min(1).max(60)).max(40);

export const screeningSettingSchema = z.strictObject({
  criteria: z.array(criterionSchema).min(1).max(100),
  departments: z.strictObject({ soft: departmentList, lax: departmentList, poor: departmentList, chaotic: departmentList }),
  quota: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('none') }),
    /** At most this share of the screened organizations, in thousandths (100: 10 %). Shown, never enforced. */
    z.strictObject({ kind: z.literal('share'), permille: z.number().int().min(1).max(1000) }),
  ]),
});
export type ScreeningSetting = z.infer<typeof screeningSettingSchema>;

const c = (code: string, title: string, category: CriterionCategory, indicator: Indicator | null = null): Criterion => ({ code, title, category, indicator, active: true });

const partyAndMass = ['县委组织部', '县委宣传部', '县委统战部', '团县委', '县妇联'];

export const defaultScreeningSetting: ScreeningSetting = {
  criteria: [
    c('01', '班子不健全，书记长期缺职，工作处于停滞状态', 'soft'),
    c('02', '书记不胜任现职、工作不在状态，严重影响班子整体战斗力', 'soft'),
    c('03', '班子不团结、内耗严重，工作不能正常开展', 'lax'),
    c('04', '组织制度形同虚设，不开展组织活动', 'lax'),
    c('05', '选人用人中拉票贿选问题突出', 'chaotic'),
    c('06', '宗族宗教和黑恶势力干扰渗透严重', 'chaotic'),
    c('07', '村务、财务、党务不公开，民主管理混乱', 'chaotic'),
    c('08', '社会治安和信访矛盾问题集中', 'chaotic'),
    c('09', '无活动场所', 'poor'),
    c('10', '服务意识差、服务能力弱，群众意见大', 'lax'),
    c('11', '村民代表会议或村务监督委员会未建立或形同虚设', 'lax'),
    c('12', '惠民政策落实不公开不公平，截留挪用、虚报冒领、优亲厚友，群众不满', 'chaotic'),
    c('13', '书记职位空缺 3 个月以上，工作陷入停滞', 'soft', { kind: 'secretary_vacant_months', threshold: 3 }),
    c('14', '不按规定召开党员大会、支委会、党小组会，不开展主题党日、党课、组织生活会', 'lax', { kind: 'meetings_missed', threshold: 3 }),
    c('15', '连续 2 年以上未发展党员（未确定发展对象）', 'soft', { kind: 'no_development_target_years', threshold: 2 }),
    c('16', '群众满意度低于 60%', 'lax', { kind: 'satisfaction_below', threshold: 60 }),
    c('17', '发生集体上访、信访问题集中', 'chaotic', { kind: 'petitions_above', threshold: 3 }),
    c('18', '年度考核排名靠后', 'soft', { kind: 'assessment_low_grade', threshold: 0 }),
  ],
  departments: {
    soft: partyAndMass,
    lax: partyAndMass,
    poor: ['县农业农村局', '县发展和改革局', '县财政局', '县乡村振兴局'],
    chaotic: ['县委政法委', '县公安局', '县司法局', '县信访局'],
  },
  quota: { kind: 'none' },
};

/** Read by the ledger too (its departments per category). */
export const screeningSetting = keyedSetting<ScreeningSetting>('screening', screeningSettingSchema, defaultScreeningSetting, {
  action: 'screening.settings', forbidden: 'screening.settings_forbidden',
});
