/** Refusing an appraisal write: every problem at once, each naming its field, in the caller's language. */
import { invalid, type AppError, type FieldProblem } from '../../platform/errors.js';
import { t, type Lang } from '../../platform/i18n/index.js';

export function refusal(lang: Lang, fields: FieldProblem[]): AppError {
  const detail = fields.map((f) => t(lang, f.key, f.params)).join(lang === 'zh' ? '；' : '; ');
  return invalid('appraisal.invalid', { detail }, fields);
}

/** Throws when there is any problem, so that nothing is written. */
export function refuseAll(lang: Lang, fields: FieldProblem[]): void {
  if (fields.length > 0) throw refusal(lang, fields);
}
