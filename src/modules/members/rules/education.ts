/**
 * GB/T 4658-2006 education codes and the levels Party statistics report them in. The first digit
 * of a code is its level: 1 研究生, 2 大学本科, 3 大学专科, 4 中等职业 (中专, 职高, 技校 all count
 * as 中等专科), 6 普通高中, 7 初中, 8 小学, 9 其他; the bulletin counts 7–9 together as 初中及以下.
 */

export const educationCodes: Record<string, string> = {
  '10': '研究生教育', '11': '博士研究生毕业', '12': '博士研究生结业', '13': '博士研究生肄业',
  '14': '硕士研究生毕业', '15': '硕士研究生结业', '16': '硕士研究生肄业',
  '17': '研究生班毕业', '18': '研究生班结业', '19': '研究生班肄业',
  '20': '大学本科教育', '21': '大学本科毕业', '22': '大学本科结业', '23': '大学本科肄业', '28': '大学普通班毕业',
  '30': '大学专科教育', '31': '大学专科毕业', '32': '大学专科结业', '33': '大学专科肄业',
  '40': '中等职业教育', '41': '中等专科毕业', '42': '中等专科结业', '43': '中等专科肄业',
  '44': '职业高中毕业', '45': '职业高中结业', '46': '职业高中肄业',
  '47': '技工学校毕业', '48': '技工学校结业', '49': '技工学校肄业',
  '60': '普通高级中学教育', '61': '普通高中毕业', '62': '普通高中结业', '63': '普通高中肄业',
  '70': '初级中学教育', '71': '初中毕业', '73': '初中肄业',
  '80': '小学教育', '81': '小学毕业', '83': '小学肄业',
  '90': '其他',
};

export const educationLevels = ['postgraduate', 'bachelor', 'college', 'secondary_vocational', 'high_school', 'junior_or_below'] as const;
export type EducationLevel = (typeof educationLevels)[number];

export const educationLevelLabels: Record<EducationLevel, { zh: string; en: string }> = {
  postgraduate: { zh: '研究生', en: 'Postgraduate' },
  bachelor: { zh: '大学本科', en: 'Bachelor' },
  college: { zh: '大学专科', en: 'Junior college' },
  secondary_vocational: { zh: '中等专科', en: 'Secondary vocational' },
  high_school: { zh: '高中', en: 'Senior high school' },
  junior_or_below: { zh: '初中及以下', en: 'Junior high school or below' },
};

/** The first digits of the codes in each level, for queries that group by `left(education, 1)`. */
export const educationLevelDigits: Record<EducationLevel, readonly string[]> = {
  postgraduate: ['1'],
  bachelor: ['2'],
  college: ['3'],
  secondary_vocational: ['4'],
  high_school: ['6'],
  junior_or_below: ['7', '8', '9'],
};

const levelByDigit = new Map(educationLevels.flatMap((level) => educationLevelDigits[level].map((d) => [d, level] as const)));

/** The statistics level of a code, or undefined for a code not in the table (or none). */
export function educationLevelOf(code: string | null | undefined): EducationLevel | undefined {
  return code && Object.hasOwn(educationCodes, code) ? levelByDigit.get(code[0]!) : undefined;
}

/** 大专及以上: the bulletin's "college or above", codes 10–33. */
export function collegeOrAbove(code: string | null | undefined): boolean {
  const level = educationLevelOf(code);
  return level === 'postgraduate' || level === 'bachelor' || level === 'college';
}

/** 本科及以上. */
export function bachelorOrAbove(code: string | null | undefined): boolean {
  const level = educationLevelOf(code);
  return level === 'postgraduate' || level === 'bachelor';
}

/**
 * Names as registers write them, each taken as a graduate of that schooling (the code ending in 1):
 * a register that says 本科 means 大学本科毕业 far more often than 结业 or 肄业.
 */
const aliases = new Map(Object.entries({
  研究生: '14', 硕士: '14', 硕士研究生: '14', 博士: '11', 博士研究生: '11', 研究生班: '17',
  大学本科: '21', 本科: '21', 大学: '21',
  大学专科: '31', 专科: '31', 大专: '31', 高职: '31',
  中等专科: '41', 中专: '41', 中等职业教育: '41', 中职: '41', 职业高中: '44', 职高: '44', 技工学校: '47', 技校: '47',
  普通高中: '61', 高中: '61', 初中: '71', 初级中学: '71', 小学: '81',
  其他: '90', 文盲: '90', 半文盲: '90', 无: '90',
}));

const byName = new Map(Object.entries(educationCodes).map(([code, name]) => [name, code]));

/** The code for a name (大专 → 31, 硕士研究生 → 14, 本科毕业 → 21) or a code itself; undefined if unknown. */
export function educationCodeOf(text: string): string | undefined {
  const name = text.replace(/[\s（）()]/g, '').replace(/学历$/, '');
  if (Object.hasOwn(educationCodes, name)) return name;
  return byName.get(name) ?? aliases.get(name) ?? aliases.get(name.replace(/毕业$/, ''));
}
