/** Refusing an assessments write: every problem at once, each naming its field, in the caller's language. */
import { invalid, type AppError, type FieldProblem } from '../../platform/errors.js';
import { t, type Lang, type MessageKey } from '../../platform/i18n/index.js';
import type { RuleProblem } from './rules.js';

export function refusal(lang: Lang, fields: (FieldProblem | RuleProblem)[]): AppError {
  const typed = fields.map((f) => ({ ...f, key: f.key as MessageKey }));
  const detail = typed.map((f) => t(lang, f.key, f.params)).join(lang === 'zh' ? '；' : '; ');
  return invalid('assessments.invalid', { detail }, typed);
}

/** Throws when there is any problem, so that nothing is written. */
export function refuseAll(lang: Lang, fields: (FieldProblem | RuleProblem)[]): void {
  if (fields.length > 0) throw refusal(lang, fields);
}
