/**
 * Occupation categories of the Party statistics bulletin (rules.md §8.1), plus 军人武警, which the
 * bulletin counts apart in its full tables. people.occupation stores the code name.
 */

export const occupations = ['worker', 'farmer', 'professional', 'manager', 'civil_servant', 'student', 'military', 'retired', 'other'] as const;
export type Occupation = (typeof occupations)[number];

export const occupationLabels: Record<Occupation, { zh: string; en: string; official: string }> = {
  worker: { zh: '工人', en: 'Worker', official: '工人（工勤技能人员）' },
  farmer: { zh: '农牧渔民', en: 'Farmer, herder or fisher', official: '农牧渔民' },
  professional: { zh: '专业技术人员', en: 'Professional or technical staff', official: '企事业单位、社会组织专业技术人员' },
  manager: { zh: '企事业单位管理人员', en: 'Manager', official: '企事业单位、社会组织管理人员' },
  civil_servant: { zh: '党政机关工作人员', en: 'Party or government staff', official: '党政机关工作人员' },
  student: { zh: '学生', en: 'Student', official: '学生' },
  military: { zh: '军人武警', en: 'Military or armed police', official: '军人武警' },
  retired: { zh: '离退休人员', en: 'Retired', official: '离退休人员' },
  other: { zh: '其他职业人员', en: 'Other occupation', official: '其他职业人员' },
};

/** Words registers use for each category, beyond the labels themselves. */
const variants: Record<Occupation, string[]> = {
  worker: ['工勤技能人员', '职工', '产业工人', '工人'],
  farmer: ['农民', '牧民', '渔民', '农牧民', '务农', '农业', '种植户', '养殖户'],
  professional: ['专业技术人员', '技术人员', '教师', '医生', '护士', '工程师', '企事业单位专业技术人员'],
  manager: ['管理人员', '企业管理人员', '企业负责人', '事业单位管理人员', '社会组织管理人员'],
  civil_servant: ['公务员', '机关干部', '机关工作人员', '党政机关干部', '参公人员'],
  student: ['在校学生', '大学生'],
  military: ['军人', '武警', '现役军人', '解放军'],
  retired: ['离退休', '退休', '离休', '退休人员', '离休人员', '离退休干部', '退休干部', '退休职工'],
  other: ['其他', '其它', '自由职业', '自由职业者', '无业', '待业'],
};

const byWord = new Map<string, Occupation>(occupations.flatMap((o) => [
  [o, o], [occupationLabels[o].zh, o], [occupationLabels[o].official, o], ...variants[o].map((w) => [w, o] as [string, Occupation]),
] as [string, Occupation][]));

/** The category for a label, a common word for it (农民 → farmer) or the code name; undefined if unknown. */
export function occupationOf(text: string): Occupation | undefined {
  return byWord.get(text.replace(/\s/g, '')) ?? byWord.get(text.trim().toLowerCase());
}
