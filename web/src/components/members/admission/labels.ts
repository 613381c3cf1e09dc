import { steps, type StepCode } from '../../../../../src/modules/members/admission/steps.js';
import type { Lang } from '../../../i18n/lang.js';

/** A step's name; the shared labels are lower-case in English (they sit inside sentences), so a standalone one starts with a capital. */
export function stepLabel(step: StepCode, lang: Lang, inSentence = false): string {
  const label = steps[step][lang];
  return lang === 'en' && !inSentence ? label.charAt(0).toUpperCase() + label.slice(1) : label;
}
