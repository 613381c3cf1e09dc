/**
 * The option lists of the forms that write a person (a new applicant, an arrival, a record
 * correction): one list per code table of the server, built once per language.
 */
import { educationCodes, educationLevelLabels, educationLevelOf } from '../../../../src/modules/members/rules/education.js';
import { ethnicities } from '../../../../src/modules/members/rules/ethnicity.js';
import { occupations } from '../../../../src/modules/members/rules/occupation.js';
import type { Translate } from '../../i18n/I18nProvider.js';
import type { Lang } from '../../i18n/lang.js';
import { occupationLabel } from './labels.js';

const perLang = <T>(build: (lang: Lang) => T): Record<Lang, T> => ({ zh: build('zh'), en: build('en') });

/** Each ethnicity with its GB 3304 code, so that a search finds it by either. */
export const ethnicityOptions = perLang((lang) => ethnicities.map((e) => ({ value: e.code, label: `${e[lang]} (${e.code})` })));

/** Each GB/T 4658 code with its name; in English, led by the statistics level it counts in. */
export const educationOptions = perLang((lang) => Object.entries(educationCodes).map(([code, name]) => ({
  value: code,
  label: lang === 'zh' ? `${name}（${code}）` : `${educationLevelLabels[educationLevelOf(code)!].en} (${code} ${name})`,
})));

export const occupationOptions = perLang((lang) => occupations.map((o) => ({ value: o, label: occupationLabel(o, lang) })));

export const genderOptions = (t: Translate) => (['1', '2'] as const).map((g) => ({ value: g, label: t(`memberList.gender.${g}`) }));
