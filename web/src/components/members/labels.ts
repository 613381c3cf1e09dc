/** Display names of the member registry's codes, from the server's own tables. */
import { educationCodes, educationLevelLabels, type EducationLevel } from '../../../../src/modules/members/rules/education.js';
import { ethnicityByCode } from '../../../../src/modules/members/rules/ethnicity.js';
import { occupationLabels, type Occupation } from '../../../../src/modules/members/rules/occupation.js';
import { memberCategoryLabels, type MemberCategory } from '../../../../src/modules/members/rules/pipeline.js';
import type { Lang } from '../../i18n/lang.js';

/** The shared category labels are lower-case in English (they sit inside sentences); standalone they start with a capital. */
export function categoryLabel(category: MemberCategory, lang: Lang): string {
  const label = memberCategoryLabels[category][lang];
  return lang === 'en' ? label.charAt(0).toUpperCase() + label.slice(1) : label;
}

export const categoryColors: Record<MemberCategory, string> = {
  full: 'red', probationary: 'volcano', development_target: 'gold', activist: 'blue', applicant: 'default',
};

export function ethnicityLabel(code: string, lang: Lang): string {
  return ethnicityByCode(code)?.[lang] ?? code;
}

/** The level as statistics count it; in Chinese the code's own name (大学本科毕业) where the table has it. */
export function educationLabel(code: string | null, level: EducationLevel | null, lang: Lang, detailed = false): string {
  if (!code) return '';
  if (detailed && lang === 'zh' && educationCodes[code]) return educationCodes[code];
  return level ? educationLevelLabels[level][lang] : code;
}

export function occupationLabel(code: string | null, lang: Lang): string {
  if (!code) return '';
  return code in occupationLabels ? occupationLabels[code as Occupation][lang] : code;
}
